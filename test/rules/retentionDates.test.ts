import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retentionDates } from '../../src/rules/index.js';

const D = (years: number) => ({ kind: 'fixed', years }) as const;

describe('retentionDates', () => {
  it.each([
    // [record, period years, counting, countingStart, expiry, appraisalDue]
    [{ year: 2015 }, 10, 'formation-year-end', '2016-01-01', '2025-12-31', '2026-01-01'],
    [{ year: 2015 }, 10, 'fiscal-year-end', '2016-01-01', '2025-12-31', '2026-01-01'],
    [{ date: '20151231' }, 10, 'formation-year-end', '2016-01-01', '2025-12-31', '2026-01-01'],
    [{ date: '2015-01-01' }, 30, 'formation-year-end', '2016-01-01', '2045-12-31', '2046-01-01'],
    [{ year: 2019 }, 100, 'formation-year-end', '2020-01-01', '2119-12-31', '2120-01-01'],
    // a leap formation year changes nothing when counting from 1 January
    [{ date: '20200229' }, 10, 'formation-year-end', '2021-01-01', '2030-12-31', '2031-01-01'],
    // event periods run from the event date
    [{ year: 2001, eventDate: '20200615' }, 5, 'event', '2020-06-15', '2025-06-14', '2025-06-15'],
    // leap day start: never due early, so the term runs to 1 March in a common year
    [{ year: 2001, eventDate: '20200229' }, 5, 'event', '2020-02-29', '2025-02-28', '2025-03-01'],
    [{ year: 2001, eventDate: '20200229' }, 4, 'event', '2020-02-29', '2024-02-28', '2024-02-29'],
    // expiry on 29 February when the day before a 1 March anniversary is a leap day
    [{ year: 2001, eventDate: '20190301' }, 5, 'event', '2019-03-01', '2024-02-29', '2024-03-01'],
  ] as const)('%o + %i years (%s)', (record, years, counting, start, expiry, due) => {
    const period = counting === 'event' ? ({ kind: 'event', years, event: '固定资产报废清理' } as const) : D(years);
    expect(retentionDates(record, { period, counting })).toEqual({ status: 'counted', countingStart: start, expiry, appraisalDue: due });
  });

  it('reads a partial date as its latest possible day, so nothing is due early', () => {
    expect(retentionDates({ date: '20150000' }, { period: D(10) })).toMatchObject({ countingStart: '2016-01-01', expiry: '2025-12-31' });
    expect(retentionDates({ year: 2001, eventDate: '20200200' }, { period: { kind: 'event', years: 5, event: 'x' } })).toMatchObject({
      countingStart: '2020-02-29',
      appraisalDue: '2025-03-01',
    });
    expect(retentionDates({ date: '[20150300]' }, { period: D(10), counting: 'fiscal-year-end' }, { fiscalYearEnd: { month: 3, day: 31 } })).toMatchObject({
      countingStart: '2015-04-01',
    });
  });

  it('counts a non-calendar fiscal year from the day after it ends', () => {
    const fiscalYearEnd = { month: 6, day: 30 };
    expect(retentionDates({ date: '20150815' }, { period: D(10), counting: 'fiscal-year-end' }, { fiscalYearEnd })).toMatchObject({
      countingStart: '2016-07-01',
      expiry: '2026-06-30',
    });
    expect(retentionDates({ date: '20150315' }, { period: D(10), counting: 'fiscal-year-end' }, { fiscalYearEnd })).toMatchObject({
      countingStart: '2015-07-01',
    });
  });

  it('uses the schedule default passed in options when the rule has none', () => {
    expect(retentionDates({ year: 2015 }, { period: D(10) }, { counting: 'fiscal-year-end' })).toMatchObject({ countingStart: '2016-01-01' });
  });

  it('never expires a permanent period', () => {
    expect(retentionDates({ year: 1950 }, { period: { kind: 'permanent' } })).toEqual({ status: 'permanent' });
  });

  it('waits for the event of an event period and says so', () => {
    const result = retentionDates({ year: 2015 }, { period: { kind: 'event', years: 3, event: '停保' } });
    expect(result.status).toBe('awaiting-event');
    expect(result.status === 'awaiting-event' && result.issue).toMatchObject({ code: 'retention.event-pending', severity: 'info', params: { event: '停保' } });
  });

  it('flags legacy periods for re-appraisal with a suggestion, without converting', () => {
    const result = retentionDates({ year: 1990 }, { period: { kind: 'legacy', term: 'long' } });
    expect(result).toMatchObject({ status: 'needs-reappraisal', suggestion: { suggested: { kind: 'fixed', years: 30 }, needsReappraisal: true } });
    expect(result.status === 'needs-reappraisal' && result.issue.message).toContain('长期');
  });

  it('reports missing or impossible dates as issues instead of throwing', () => {
    expect(retentionDates({}, { period: D(10) })).toMatchObject({ status: 'undetermined', issue: { code: 'retention.year-missing' } });
    expect(retentionDates({ date: '20150231' }, { period: D(10) })).toMatchObject({ status: 'undetermined', issue: { code: 'retention.date-invalid', received: '20150231' } });
    expect(retentionDates({ year: 2015, eventDate: 'soon' }, { period: { kind: 'event', years: 5, event: 'x' } })).toMatchObject({ issue: { code: 'retention.date-invalid' } });
  });

  it('property: expiry is the day before the due date, which is `years` after the start, never earlier', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1900, 0, 1), max: new Date(2200, 0, 1), noInvalidDate: true }), fc.integer({ min: 1, max: 100 }), (date, years) => {
        const day = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
        const result = retentionDates({ eventDate: day }, { period: { kind: 'event', years, event: 'e' } });
        if (result.status !== 'counted') return false;
        const [y, m, d] = result.appraisalDue.split('-').map(Number) as [number, number, number];
        const due = new Date(y, m - 1, d);
        const expiry = new Date(due);
        expiry.setDate(expiry.getDate() - 1);
        const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
        const anniversary = new Date(start);
        anniversary.setFullYear(start.getFullYear() + years);
        return (
          y === date.getFullYear() + years &&
          due >= anniversary && // never early (Feb 29 → Mar 1)
          result.expiry === `${expiry.getFullYear()}-${String(expiry.getMonth() + 1).padStart(2, '0')}-${String(expiry.getDate()).padStart(2, '0')}`
        );
      }),
    );
  });
});
