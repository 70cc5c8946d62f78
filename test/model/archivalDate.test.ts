import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archivalDateSchema, compareArchivalDates, formatArchivalDate, parseArchivalDate, type ArchivalDate } from '../../src/index.js';

describe('parseArchivalDate', () => {
  it.each([
    ['19990909', { year: 1999, month: 9, day: 9, researched: false }, '19990909'],
    ['1999-09-09', { year: 1999, month: 9, day: 9, researched: false }, '19990909'],
    ['20150000', { year: 2015, month: null, day: null, researched: false }, '20150000'],
    ['20150300', { year: 2015, month: 3, day: null, researched: false }, '20150300'],
    ['[20150301]', { year: 2015, month: 3, day: 1, researched: true }, '[20150301]'],
    ['［2015-03-01］', { year: 2015, month: 3, day: 1, researched: true }, '[20150301]'],
    [' 20160229 ', { year: 2016, month: 2, day: 29, researched: false }, '20160229'],
    ['20000229', { year: 2000, month: 2, day: 29, researched: false }, '20000229'],
  ])('reads %j', (text, date, normalized) => {
    expect(parseArchivalDate(text)).toEqual({ ok: true, date, normalized });
  });

  it.each([
    ['20150231', 'calendar'],
    ['19000229', 'calendar'], // 1900 is not a leap year
    ['20151301', 'calendar'],
    ['20150432', 'calendar'],
    ['20150015', 'calendar'], // a known day in an unknown month
    ['00000101', 'calendar'],
    ['2015031', 'format'],
    ['2015/03/01', 'format'],
    ['201503-01', 'format'],
    ['', 'format'],
    ['[20150301', 'format'],
    ['二〇一五年三月一日', 'format'],
  ])('rejects %j as %s', (text, reason) => {
    expect(parseArchivalDate(text)).toEqual({ ok: false, reason, received: text });
  });
});

describe('formatArchivalDate', () => {
  it('writes basic and extended forms with 00 for unknown parts', () => {
    expect(formatArchivalDate({ year: 812, month: 1, day: 2, researched: false })).toBe('08120102');
    expect(formatArchivalDate({ year: 2015, month: 3, day: null, researched: true }, 'extended')).toBe('[2015-03-00]');
  });
});

const archivalDate: fc.Arbitrary<ArchivalDate> = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.option(fc.integer({ min: 1, max: 12 })),
    dayRatio: fc.option(fc.integer({ min: 1, max: 31 })),
    researched: fc.boolean(),
  })
  .map(({ year, month, dayRatio, researched }) => {
    const last = month === null ? 0 : new Date(Date.UTC(2001, month, 0)).getUTCDate() + (month === 2 && isLeap(year) ? 1 : 0);
    const day = month === null || dayRatio === null ? null : Math.min(dayRatio, last);
    return { year, month, day, researched };
  });

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

describe('round trip', () => {
  it('parse(format(x)) === x in both styles', () => {
    fc.assert(
      fc.property(archivalDate, fc.constantFrom('basic' as const, 'extended' as const), (date, style) => {
        const result = parseArchivalDate(formatArchivalDate(date, style));
        expect(result).toEqual({ ok: true, date, normalized: formatArchivalDate(date) });
      }),
    );
  });

  it('agrees with the JavaScript calendar on every 8-digit date of a year range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const js = new Date(Date.UTC(y, m - 1, d));
        const real = js.getUTCMonth() === m - 1;
        const text = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
        expect(parseArchivalDate(text).ok).toBe(real);
      }),
    );
  });
});

describe('archivalDateSchema', () => {
  it('accepts the written forms and rejects bad ones with a bilingual message', () => {
    expect(archivalDateSchema.safeParse('[20150300]').success).toBe(true);
    const bad = archivalDateSchema.safeParse('20150231');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      code: 'custom',
      params: { 'zh-CN': '“20150231”不是有效的日历日期', en: '"20150231" is not a calendar date' },
    });
    expect(archivalDateSchema.safeParse('2015-3-1').success).toBe(false);
    expect(archivalDateSchema.safeParse(20150301).success).toBe(false);
  });
});

describe('compareArchivalDates', () => {
  it('orders known dates like the calendar does, in either written form', () => {
    const day = fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true });
    const write = (d: Date, style: 'basic' | 'extended') =>
      formatArchivalDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), researched: false }, style);
    fc.assert(
      fc.property(day, day, (a, b) => {
        const ua = Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate());
        const ub = Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate());
        expect(compareArchivalDates(write(a, 'basic'), write(b, 'extended'))).toBe(Math.sign(ua - ub));
      }),
    );
  });

  it('counts unknown parts as earliest and refuses what does not parse', () => {
    expect(compareArchivalDates('20150300', '20150301')).toBe(-1);
    expect(compareArchivalDates('20150000', '[20150000]')).toBe(0);
    expect(compareArchivalDates('20160000', '20151231')).toBe(1);
    expect(compareArchivalDates('20150231', '20150301')).toBeUndefined();
  });
});
