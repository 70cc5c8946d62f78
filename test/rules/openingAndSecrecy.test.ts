import { describe, expect, it } from 'vitest';
import { openingDate, secrecyDates } from '../../src/rules/index.js';

describe('secrecyDates (保密期限)', () => {
  it.each([
    ['机密★10年', '20150301', { years: 10 }, false, '2025-02-28', '2025-03-01'],
    ['秘密★6个月', '20150831', { months: 6 }, false, '2016-02-28', '2016-02-29'],
    // no period marked: the ceiling applies
    ['绝密', '20150301', { years: 30 }, true, '2045-02-28', '2045-03-01'],
    ['机密', '20150301', { years: 20 }, true, '2035-02-28', '2035-03-01'],
    ['秘密', '2016-02-29', { years: 10 }, true, '2026-02-28', '2026-03-01'],
  ] as const)('%s marked %s', (marking, markedOn, period, ceilingApplied, until, expires) => {
    expect(secrecyDates(marking, markedOn)).toMatchObject({ period, ceilingApplied, classifiedUntil: until, expiresOn: expires, exceedsCeiling: false });
  });

  it('flags a marked period over the ceiling without refusing it (unless otherwise provided)', () => {
    expect(secrecyDates({ classification: '秘密', years: 15 }, '20150101')).toMatchObject({ exceedsCeiling: true, expiresOn: '2030-01-01' });
  });

  it('returns undefined for markings or dates it cannot read', () => {
    expect(secrecyDates('内部★5年', '20150101')).toBeUndefined();
    expect(secrecyDates('机密★5年', '2015')).toBeUndefined();
  });
});

describe('openingDate (档案法 2020)', () => {
  it('opens 25 years after formation', () => {
    expect(openingDate({ date: '20000315' })).toEqual({ opensOn: '2025-03-15', years: 25, basis: 'default', mayOpenEarlier: false, mayOpenLater: false });
  });

  it('takes 31 December when only the year is known, so nothing opens early', () => {
    expect(openingDate({ year: 2000 })?.opensOn).toBe('2025-12-31');
    expect(openingDate({ date: '20000200' })?.opensOn).toBe('2025-03-01'); // from 2000-02-29, never early
    expect(openingDate({ date: '20000000' })?.opensOn).toBe('2025-12-31');
  });

  it('applies per-category overrides and tells which way the law allows', () => {
    expect(openingDate({ year: 2000, openingCategory: 'economy' }, { overrides: { economy: 10 } })).toMatchObject({
      opensOn: '2010-12-31',
      years: 10,
      basis: 'override',
      mayOpenEarlier: true,
    });
    expect(openingDate({ date: '20000101', openingCategory: 'national-security' }, { overrides: { 'national-security': 50 } })).toMatchObject({
      opensOn: '2050-01-01',
      mayOpenLater: true,
    });
    // a category the law names but the archive has set no figure for keeps 25 years
    expect(openingDate({ date: '20000101', openingCategory: 'culture' })).toMatchObject({ opensOn: '2025-01-01', basis: 'default', mayOpenEarlier: true });
  });

  it('waits for a secrecy period that outlasts it', () => {
    const override = { overrides: { science: 10 } };
    expect(openingDate({ date: '20100101', openingCategory: 'science', secrecy: '机密' }, override)).toMatchObject({
      opensOn: '2030-01-01',
      delayedBySecrecyUntil: '2029-12-31',
    });
    expect(openingDate({ date: '20100101', secrecy: '秘密★5年' })).not.toHaveProperty('delayedBySecrecyUntil');
  });

  it('returns undefined without a year or a readable date', () => {
    expect(openingDate({})).toBeUndefined();
    expect(openingDate({ date: 'spring 2001' })).toBeUndefined();
  });
});

describe('openingDate category names', () => {
  it('reads a category the law names by its Chinese name, in the record and in the overrides', () => {
    expect(openingDate({ year: 2000, openingCategory: '经济' }, { overrides: { economy: 10 } })).toMatchObject({ opensOn: '2010-12-31', basis: 'override', mayOpenEarlier: true });
    expect(openingDate({ year: 2000, openingCategory: 'economy' }, { overrides: { 经济: 15 } })).toMatchObject({ opensOn: '2015-12-31', basis: 'override' });
    expect(openingDate({ year: 2000, openingCategory: '涉及国家安全或者重大利益' })).toMatchObject({ opensOn: '2025-12-31', basis: 'default', mayOpenLater: true });
  });

  it("keeps an archive's own category key as it is", () => {
    expect(openingDate({ year: 2000, openingCategory: '本馆专题' }, { overrides: { 本馆专题: 30 } })).toMatchObject({ opensOn: '2030-12-31', mayOpenEarlier: false, mayOpenLater: false });
  });
});
