import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accessStatusSchema,
  dat46SecurityLevelSchema,
  exceedsSecrecyCeiling,
  formatAccessStatus,
  formatSecrecyMarking,
  parseAccessStatus,
  parseSecrecyMarking,
  parseSecurityClassification,
  secrecyCeilings,
  secrecyMarkingSchema,
  securityClassificationSchema,
  securityClassifications,
  type SecrecyMarking,
} from '../../src/index.js';

describe('parseSecurityClassification', () => {
  it.each([
    ['绝密', '绝密'],
    [' 机密 ', '机密'],
    ['秘密', '秘密'],
    ['', null],
    ['无', null],
    ['非密', null],
    ['公开', undefined],
    ['内部', undefined],
    ['限制', undefined],
    ['机密★10年', undefined],
    ['Secret', undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(parseSecurityClassification(text)).toBe(expected);
  });

  it('keeps 密级 apart from the DA/T 46 value list', () => {
    expect(securityClassificationSchema.safeParse('公开').success).toBe(false);
    expect(dat46SecurityLevelSchema.safeParse('公开').success).toBe(true);
    expect(dat46SecurityLevelSchema.safeParse('限制').success).toBe(true);
    expect(dat46SecurityLevelSchema.safeParse('内部').success).toBe(false);
  });
});

describe('access status', () => {
  it('reads codes and Chinese labels and writes labels', () => {
    expect(parseAccessStatus('开放')).toBe('open');
    expect(parseAccessStatus('controlled')).toBe('controlled');
    expect(parseAccessStatus('原控')).toBe('unreviewed');
    expect(parseAccessStatus('公开')).toBeUndefined();
    expect(formatAccessStatus('unreviewed')).toBe('原控');
    expect(accessStatusSchema.safeParse('开放').success).toBe(false);
    expect(accessStatusSchema.safeParse('open').success).toBe(true);
  });

  it('round-trips every status through its label', () => {
    for (const status of accessStatusSchema.options) expect(parseAccessStatus(formatAccessStatus(status))).toBe(status);
  });
});

describe('secrecy marking', () => {
  it.each<[string, SecrecyMarking | undefined]>([
    ['机密★10年', { classification: '机密', years: 10 }],
    ['绝密 ★ 30 年', { classification: '绝密', years: 30 }],
    ['秘密★6个月', { classification: '秘密', months: 6 }],
    ['绝密', { classification: '绝密' }],
    ['机密★', undefined],
    ['机密★0年', undefined],
    ['秘密★12个月', undefined],
    ['公开★10年', undefined],
    ['机密*10年', undefined],
  ])('reads %j', (text, expected) => {
    expect(parseSecrecyMarking(text)).toEqual(expected);
  });

  it('holds the ceilings 绝密 30 / 机密 20 / 秘密 10 as data and checks against them', () => {
    expect(secrecyCeilings.map((c) => [c.classification, c.maxYears])).toEqual([
      ['绝密', 30],
      ['机密', 20],
      ['秘密', 10],
    ]);
    expect(exceedsSecrecyCeiling({ classification: '秘密', years: 10 })).toBe(false);
    expect(exceedsSecrecyCeiling({ classification: '秘密', years: 11 })).toBe(true);
    expect(exceedsSecrecyCeiling({ classification: '绝密', years: 30 })).toBe(false);
    expect(exceedsSecrecyCeiling({ classification: '机密', months: 6 })).toBe(false);
  });

  it('parse(format(x)) === x for every valid marking', () => {
    const marking: fc.Arbitrary<SecrecyMarking> = fc
      .record({
        classification: fc.constantFrom(...securityClassifications),
        period: fc.oneof(
          fc.constant({}),
          fc.integer({ min: 1, max: 9999 }).map((years) => ({ years })),
          fc.integer({ min: 1, max: 11 }).map((months) => ({ months })),
        ),
      })
      .map(({ classification, period }) => ({ classification, ...period }));
    fc.assert(
      fc.property(marking, (m) => {
        expect(secrecyMarkingSchema.safeParse(m).success).toBe(true);
        expect(parseSecrecyMarking(formatSecrecyMarking(m))).toEqual(m);
      }),
    );
  });

  it('secrecyMarkingSchema rejects years and months together and bad values', () => {
    expect(secrecyMarkingSchema.safeParse({ classification: '机密', years: 1, months: 2 }).success).toBe(false);
    expect(secrecyMarkingSchema.safeParse({ classification: '机密', months: 12 }).success).toBe(false);
    expect(secrecyMarkingSchema.safeParse({ classification: '限制' }).success).toBe(false);
  });
});
