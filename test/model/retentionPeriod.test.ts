import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRetentionPeriod,
  parseRetentionPeriod,
  retentionPeriodSchema,
  retentionPeriodTextSchema,
  type RetentionPeriod,
} from '../../src/index.js';

describe('parseRetentionPeriod', () => {
  it.each<[string, RetentionPeriod]>([
    ['Y', { kind: 'permanent' }],
    ['永久', { kind: 'permanent' }],
    ['D10', { kind: 'fixed', years: 10 }],
    ['D30', { kind: 'fixed', years: 30 }],
    ['D100', { kind: 'fixed', years: 100 }],
    ['D5', { kind: 'fixed', years: 5 }],
    ['定期30年', { kind: 'fixed', years: 30 }],
    ['30年', { kind: 'fixed', years: 30 }],
    [' 定期 10 年 ', { kind: 'fixed', years: 10 }],
    ['长期', { kind: 'legacy', term: 'long' }],
    ['短期', { kind: 'legacy', term: 'short' }],
    ['固定资产报废清理后保管5年', { kind: 'event', event: '固定资产报废清理', years: 5 }],
    ['停保后3年', { kind: 'event', event: '停保', years: 3 }],
  ])('reads %j', (text, period) => {
    expect(parseRetentionPeriod(text)).toEqual(period);
  });

  it.each(['', 'D', 'C', 'D0', 'D030', 'd30', 'Y30', '定期', '0年', '永久保存', 'D-10', '10'])('rejects %j', (text) => {
    expect(parseRetentionPeriod(text)).toBeUndefined();
  });

  it('reads the legacy stamp letters only when asked: legacy D is 短期, not 定期', () => {
    expect(parseRetentionPeriod('C', { legacyLetters: true })).toEqual({ kind: 'legacy', term: 'long' });
    expect(parseRetentionPeriod('D', { legacyLetters: true })).toEqual({ kind: 'legacy', term: 'short' });
    expect(parseRetentionPeriod('Y', { legacyLetters: true })).toEqual({ kind: 'permanent' });
    expect(parseRetentionPeriod('D30', { legacyLetters: true })).toEqual({ kind: 'fixed', years: 30 });
  });
});

describe('formatRetentionPeriod', () => {
  it.each<[RetentionPeriod, string, string]>([
    [{ kind: 'permanent' }, 'Y', '永久'],
    [{ kind: 'fixed', years: 30 }, 'D30', '定期30年'],
    [{ kind: 'legacy', term: 'long' }, '长期', '长期'],
    [{ kind: 'legacy', term: 'short' }, '短期', '短期'],
    [{ kind: 'event', event: '固定资产报废清理', years: 5 }, '固定资产报废清理后5年', '固定资产报废清理后5年'],
  ])('writes %j as %s / %s', (period, code, zh) => {
    expect(formatRetentionPeriod(period, 'code')).toBe(code);
    expect(formatRetentionPeriod(period, 'zh')).toBe(zh);
  });
});

const years = fc.integer({ min: 1, max: 9999 });
const eventText = fc
  .string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('报', '废', '后', '年', '保', '管', '1', '5', ' ', 'A', '期') })
  .filter((s) => s.trim() === s);
const period: fc.Arbitrary<RetentionPeriod> = fc.oneof(
  fc.constant<RetentionPeriod>({ kind: 'permanent' }),
  years.map((y): RetentionPeriod => ({ kind: 'fixed', years: y })),
  fc.constantFrom<RetentionPeriod>({ kind: 'legacy', term: 'long' }, { kind: 'legacy', term: 'short' }),
  fc.record({ years, event: eventText }).map(({ years: y, event }): RetentionPeriod => ({ kind: 'event', years: y, event })),
);

describe('round trip', () => {
  it('parse(format(x)) === x for every schema-valid period, both styles, with or without legacy letters', () => {
    fc.assert(
      fc.property(period, fc.constantFrom('code' as const, 'zh' as const), fc.boolean(), (p, style, legacyLetters) => {
        fc.pre(retentionPeriodSchema.safeParse(p).success);
        expect(parseRetentionPeriod(formatRetentionPeriod(p, style), { legacyLetters })).toEqual(p);
      }),
      { numRuns: 500 },
    );
  });
});

describe('schemas', () => {
  it('retentionPeriodSchema checks the structure', () => {
    expect(retentionPeriodSchema.safeParse({ kind: 'fixed', years: 30 }).success).toBe(true);
    expect(retentionPeriodSchema.safeParse({ kind: 'fixed', years: 0 }).success).toBe(false);
    expect(retentionPeriodSchema.safeParse({ kind: 'legacy', term: 'medium' }).success).toBe(false);
    expect(retentionPeriodSchema.safeParse({ kind: 'event', years: 5, event: ' 报废' }).success).toBe(false);
    expect(retentionPeriodSchema.safeParse({ kind: 'forever' }).success).toBe(false);
  });

  it('retentionPeriodTextSchema accepts written forms but not bare legacy letters', () => {
    expect(retentionPeriodTextSchema.safeParse('定期10年').success).toBe(true);
    const bad = retentionPeriodTextSchema.safeParse('C');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ code: 'custom', params: { 'zh-CN': '“C”不是有效的保管期限（Y、D<n>、永久、定期<n>年、长期、短期）' } });
  });
});
