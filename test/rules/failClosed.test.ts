import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArchivalDate, parseSecrecyMarking, type RetentionPeriod } from '../../src/model/index.js';
import {
  buildDestructionRegister,
  dueForAppraisal,
  dueForOpeningReview,
  openingDate,
  retentionDates,
  secrecyDates,
  transferDue,
} from '../../src/rules/index.js';

// Issue 16 item 3 / BRIEF: unknown never means open or destroyable. For any input whose date or 密级 marking cannot
// be read, no function returns an opening, declassification, transfer or destruction date; each says `undetermined`
// with an issue. (保守国家秘密法 2024 第二十条: 解密条件; 实施条例 2024 第十九条: 解密时间.)

const classification = fc.constantFrom('绝密', '机密', '秘密');
const chineseNumber = fc.constantFrom('一', '二', '三', '五', '十', '十五', '二十', '三十', '半');
const someDate = fc.tuple(fc.integer({ min: 1950, max: 2040 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }));
/** Markings whose period cannot be read: ★长期, Chinese numerals, 解密条件, 解密时间, unknown levels, noise. */
const unreadableMarking = fc
  .oneof(
    classification.map((c) => `${c}★长期`),
    fc.constant('★长期'),
    fc.tuple(classification, chineseNumber).map(([c, n]) => `${c}★${n}年`),
    fc.tuple(classification, fc.string({ minLength: 1, maxLength: 8 })).map(([c, s]) => `${c}★解密条件：${s}`),
    fc.tuple(classification, someDate).map(([c, [y, m, d]]) => `${c}★${y}年${m}月${d}日解密`),
    fc.tuple(classification, someDate).map(([c, [y, m, d]]) => `${c}★解密时间${y}-${m}-${d}`),
    fc.constantFrom('内部', '限制', '国内', '机密★0年', '机密★10天'),
    fc.string({ maxLength: 12 }),
  )
  .filter((text) => !['', '无', '非密', '公开'].includes(text.trim()) && parseSecrecyMarking(text) === undefined);
/** Dates that cannot be read: impossible days, wrong shapes, words, noise. */
const unreadableDate = fc
  .oneof(
    fc.constantFrom('20150230', '20151301', '2015', '2015-2-3', 'spring 2001', '二〇一五年', '2015/03/01', '00000000', '20150132'),
    fc.string({ minLength: 1, maxLength: 12 }),
  )
  .filter((text) => text.trim() !== '' && !parseArchivalDate(text).ok);
const readableDay = someDate.map(([y, m, d]) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);
const fixedPeriod = fc.integer({ min: 1, max: 100 }).map((years) => ({ kind: 'fixed', years }) as const satisfies RetentionPeriod);
const year = fc.option(fc.integer({ min: 1950, max: 2040 }), { nil: undefined });
const FAR = '9999-12-31';

describe('fail closed (property)', () => {
  it('an unreadable 密级 marking never yields an opening or declassification date', () => {
    fc.assert(
      fc.property(unreadableMarking, readableDay, (secrecy, date) => {
        const opening = openingDate({ date, secrecy }, { overrides: { economy: 1 } });
        expect(opening).toMatchObject({ status: 'undetermined', issue: { code: 'opening.secrecy-unreadable', received: secrecy } });
        expect(opening).not.toHaveProperty('opensOn');
        const secret = secrecyDates(secrecy, date);
        expect(secret).toMatchObject({ status: 'undetermined', issue: { code: 'opening.secrecy-unreadable' } });
        expect(secret).not.toHaveProperty('expiresOn');
        const review = dueForOpeningReview([{ title: 't', date, secrecy }], '1900-01-01', FAR);
        expect(review).toEqual([expect.objectContaining({ status: 'undetermined', issues: [expect.objectContaining({ code: 'opening.secrecy-unreadable' })] })]);
        expect(review[0]).not.toHaveProperty('dueOn');
      }),
    );
  });

  it('an unreadable date never yields an opening, declassification, transfer or destruction date', () => {
    fc.assert(
      fc.property(unreadableDate, year, fixedPeriod, fc.constantFrom('county', 'central'), (date, y, period, archiveLevel) => {
        const withYear = y === undefined ? {} : { year: y };
        const opening = openingDate({ date, ...withYear });
        expect(opening).toMatchObject({ status: 'undetermined', issue: { code: 'opening.date-unreadable' } });
        expect(secrecyDates('机密★10年', date)).toMatchObject({ status: 'undetermined', issue: { code: 'opening.date-unreadable' } });
        expect(openingDate({ year: 2000, secrecy: '秘密★5年', secrecyMarkedOn: date })).toMatchObject({ status: 'undetermined' });
        expect(transferDue({ date, ...withYear, archiveLevel })).toMatchObject({ status: 'undetermined', issue: { code: 'transfer.date-unreadable' } });
        expect(retentionDates({ date, ...withYear }, { period })).toMatchObject({ status: 'undetermined', issue: { code: 'retention.date-invalid' } });
        expect(retentionDates({ date, ...withYear }, { period: { kind: 'event', years: period.years, event: 'x' } })).toMatchObject({ status: 'undetermined' });
        expect(retentionDates({ ...withYear, year: y ?? 2000, eventDate: date }, { period: { kind: 'event', years: 1, event: 'x' } })).toMatchObject({ status: 'undetermined' });
        const item = { title: 't', date, ...withYear, period };
        expect(dueForAppraisal([item], FAR)[0]).toMatchObject({ status: 'undetermined', issue: { code: 'retention.date-invalid' } });
        const register = buildDestructionRegister([item], FAR);
        expect(register.rows).toEqual([]);
        expect(register.refused).toEqual([expect.objectContaining({ issue: expect.objectContaining({ code: 'disposition.undetermined' }) })]);
      }),
    );
  });

  it.each([0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('a period of %s years is undetermined, never due', (years) => {
    const period = { kind: 'fixed', years } as const;
    expect(retentionDates({ year: 2000 }, { period })).toMatchObject({ status: 'undetermined', issue: { code: 'retention.period-invalid' } });
    expect(buildDestructionRegister([{ title: 't', year: 2000, period }], FAR).rows).toEqual([]);
  });

  it('a year and a date that disagree count from the later, so nothing is due early', () => {
    expect(retentionDates({ year: 2010, date: '20150301' }, { period: { kind: 'fixed', years: 10 } })).toMatchObject({ expiry: '2025-12-31' });
    expect(retentionDates({ year: 2016, date: '20150301' }, { period: { kind: 'fixed', years: 10 } })).toMatchObject({ expiry: '2026-12-31' });
  });

  it('a missing date or year is undetermined too, never today or the epoch', () => {
    expect(openingDate({ secrecy: '机密★5年' })).toMatchObject({ status: 'undetermined', issue: { code: 'opening.date-missing' } });
    expect(transferDue({ archiveLevel: 'county' })).toMatchObject({ status: 'undetermined', issue: { code: 'transfer.date-missing' } });
    expect(retentionDates({ date: '  ' }, { period: { kind: 'fixed', years: 10 } })).toMatchObject({ status: 'undetermined', issue: { code: 'retention.year-missing' } });
    expect(buildDestructionRegister([{ title: 't', period: { kind: 'fixed', years: 1 } }], FAR).rows).toEqual([]);
  });
});
