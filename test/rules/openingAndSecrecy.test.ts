import { describe, expect, it } from 'vitest';
import { OPENING_LAW, PERIOD_COUNTING, openingCategories, openingDate, secrecyDates } from '../../src/rules/index.js';

describe('secrecyDates (保守国家秘密法 2024 第二十条; 实施条例 2024 第十九条)', () => {
  // The marked 制发日 is not counted (民法典 第二百零一条); a month without the day ends on its last day (第二百零二条).
  it.each([
    ['机密★10年', '20150301', { years: 10 }, false, '2025-03-01', '2025-03-02'],
    ['秘密★6个月', '20150831', { months: 6 }, false, '2016-02-29', '2016-03-01'],
    // no period marked: the ceiling applies
    ['绝密', '20150301', { years: 30 }, true, '2045-03-01', '2045-03-02'],
    ['机密', '20150301', { years: 20 }, true, '2035-03-01', '2035-03-02'],
    ['秘密', '2016-02-29', { years: 10 }, true, '2026-02-28', '2026-03-01'],
  ] as const)('%s marked %s', (marking, markedOn, period, ceilingApplied, until, expires) => {
    expect(secrecyDates(marking, markedOn)).toMatchObject({ status: 'counted', period, ceilingApplied, classifiedUntil: until, expiresOn: expires, exceedsCeiling: false });
  });

  it('flags a marked period over the ceiling without refusing it (unless otherwise provided)', () => {
    expect(secrecyDates({ classification: '秘密', years: 15 }, '20150101')).toMatchObject({ exceedsCeiling: true, expiresOn: '2030-01-02' });
  });

  // 保守国家秘密法 (2024) 第二十条: 不能确定期限的，应当确定解密的条件; 实施条例 (2024) 第十九条: 解密时间 / 解密条件.
  it.each([
    ['绝密★长期', 'opening.secrecy-unreadable'],
    ['机密★十年', 'opening.secrecy-unreadable'],
    ['秘密★解密条件：项目验收后', 'opening.secrecy-unreadable'],
    ['机密★2030年12月31日解密', 'opening.secrecy-unreadable'],
    ['内部★5年', 'opening.secrecy-unreadable'],
  ])('is undetermined for %s, quoting the marking', (marking, code) => {
    const result = secrecyDates(marking, '20150101');
    expect(result).toMatchObject({ status: 'undetermined', issue: { code, received: marking } });
    if (result.status === 'undetermined') expect(result.issue.message).toContain(marking);
  });

  it('is undetermined when the marked date cannot be read', () => {
    expect(secrecyDates('机密★5年', '2015')).toMatchObject({ status: 'undetermined', issue: { code: 'opening.date-unreadable', received: '2015' } });
    expect(secrecyDates({ classification: '公开' } as never, '20150101')).toMatchObject({ status: 'undetermined' });
  });
});

describe('openingDate (档案法 2020 第二十七条)', () => {
  it('quotes the article from the primary text, including 其他到期不宜开放', () => {
    expect(OPENING_LAW.quote).toContain('县级以上各级档案馆的档案，应当自形成之日起满二十五年向社会开放');
    expect(OPENING_LAW.quote).toContain('其他到期不宜开放的档案，可以多于二十五年向社会开放');
    expect(openingCategories['unsuitable-when-due']).toMatchObject({ 'zh-CN': '其他到期不宜开放', direction: 'later' });
  });

  // Decision: 民法典 第二百零一条 — the formation day is not counted, so 25 years run out at the end of the
  // anniversary and the record opens the day after (the later of the two readings: nothing opens early).
  it.each([
    ['20000315', '2025-03-16'],
    ['20001231', '2026-01-01'],
    ['20000229', '2025-03-01'], // no 29 February in 2025: the period ends on 28 February (第二百零二条)
    ['20000200', '2025-03-01'], // partial: latest day 2000-02-29
    ['20000000', '2026-01-01'], // partial: latest day 2000-12-31
  ])('formed %s opens on %s (start day not counted, %s)', (date, opens) => {
    expect(openingDate({ date })).toMatchObject({ status: 'determined', opensOn: opens, years: 25 });
    expect(PERIOD_COUNTING.quote).toContain('开始的当日不计入');
  });

  it('opens the day after 25 full years', () => {
    expect(openingDate({ date: '20000315' })).toEqual({ status: 'determined', opensOn: '2025-03-16', years: 25, basis: 'default', mayOpenEarlier: false, mayOpenLater: false });
    expect(openingDate({ year: 2000 })).toMatchObject({ opensOn: '2026-01-01' });
  });

  it('applies per-category overrides and tells which way the law allows', () => {
    expect(openingDate({ year: 2000, openingCategory: 'economy' }, { overrides: { economy: 10 } })).toMatchObject({
      opensOn: '2011-01-01',
      years: 10,
      basis: 'override',
      mayOpenEarlier: true,
    });
    expect(openingDate({ date: '20000101', openingCategory: 'national-security' }, { overrides: { 'national-security': 50 } })).toMatchObject({
      opensOn: '2050-01-02',
      mayOpenLater: true,
    });
    expect(openingDate({ date: '20000101', openingCategory: '其他到期不宜开放' }, { overrides: { 'unsuitable-when-due': 40 } })).toMatchObject({
      opensOn: '2040-01-02',
      mayOpenLater: true,
    });
    // a category the law names but the archive has set no figure for keeps 25 years
    expect(openingDate({ date: '20000101', openingCategory: 'culture' })).toMatchObject({ opensOn: '2025-01-02', basis: 'default', mayOpenEarlier: true });
  });

  it('refuses an override that is not a whole number of years', () => {
    expect(openingDate({ year: 2000, openingCategory: 'economy' }, { overrides: { economy: -5 } })).toMatchObject({ status: 'undetermined' });
    expect(openingDate({ year: 2000, openingCategory: 'economy' }, { overrides: { economy: Number.NaN } })).toMatchObject({ status: 'undetermined' });
  });

  it('waits for a secrecy period that outlasts it', () => {
    const override = { overrides: { science: 10 } };
    expect(openingDate({ date: '20100101', openingCategory: 'science', secrecy: '机密' }, override)).toMatchObject({
      opensOn: '2030-01-02',
      delayedBySecrecyUntil: '2030-01-01',
    });
    expect(openingDate({ date: '20100101', secrecy: '秘密★5年' })).not.toHaveProperty('delayedBySecrecyUntil');
  });

  it.each(['', '无', '非密', '公开'])('reads secrecy %j as no 密级', (secrecy) => {
    expect(openingDate({ date: '20000315', secrecy })).toMatchObject({ status: 'determined', opensOn: '2025-03-16' });
  });

  // Issue 16 item 3: markings we cannot read never give an opening date.
  it.each(['绝密★长期', '★长期', '机密★十年', '秘密★解密条件：工程竣工', '机密★解密时间2030年1月1日', '内部', '限制'])(
    'fails closed for %s: undetermined, quoting the marking',
    (secrecy) => {
      const result = openingDate({ date: '19900315', secrecy });
      expect(result).toMatchObject({ status: 'undetermined', issue: { code: 'opening.secrecy-unreadable', received: secrecy } });
      expect(result).not.toHaveProperty('opensOn');
    },
  );

  it('is undetermined without a year or a readable date', () => {
    expect(openingDate({})).toMatchObject({ status: 'undetermined', issue: { code: 'opening.date-missing' } });
    expect(openingDate({ date: 'spring 2001' })).toMatchObject({ status: 'undetermined', issue: { code: 'opening.date-unreadable', received: 'spring 2001' } });
    expect(openingDate({ year: 2001, date: '2001-13-01' })).toMatchObject({ status: 'undetermined' });
    expect(openingDate({ year: 2001.5 })).toMatchObject({ status: 'undetermined' });
  });

  it('is undetermined when the secrecy date cannot be read', () => {
    expect(openingDate({ date: '20000101', secrecy: '机密★5年', secrecyMarkedOn: 'soon' })).toMatchObject({ status: 'undetermined', issue: { code: 'opening.date-unreadable' } });
  });
});

describe('openingDate category names', () => {
  it('reads a category the law names by its Chinese name, in the record and in the overrides', () => {
    expect(openingDate({ year: 2000, openingCategory: '经济' }, { overrides: { economy: 10 } })).toMatchObject({ opensOn: '2011-01-01', basis: 'override', mayOpenEarlier: true });
    expect(openingDate({ year: 2000, openingCategory: 'economy' }, { overrides: { 经济: 15 } })).toMatchObject({ opensOn: '2016-01-01', basis: 'override' });
    expect(openingDate({ year: 2000, openingCategory: '涉及国家安全或者重大利益' })).toMatchObject({ opensOn: '2026-01-01', basis: 'default', mayOpenLater: true });
  });

  it("keeps an archive's own category key as it is", () => {
    expect(openingDate({ year: 2000, openingCategory: '本馆专题' }, { overrides: { 本馆专题: 30 } })).toMatchObject({ opensOn: '2031-01-01', mayOpenEarlier: false, mayOpenLater: false });
  });
});
