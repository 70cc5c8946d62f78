import { describe, expect, it } from 'vitest';
import { countingRuleOf, marriage2006, retentionDates, socialInsurance2009, subsistence2008 } from '../../src/rules/index.js';

describe('婚姻登记档案 (民政部 国家档案局令第32号 第十三条)', () => {
  it.each(['结婚登记', '撤销婚姻', '离婚登记', '补发婚姻登记证'])('%s: 100 years, extendable to 永久, not plain 永久', (name) => {
    const rule = marriage2006.rules.find((r) => r.name === name)!;
    expect(rule.period).toEqual({ kind: 'fixed', years: 100 });
    expect(rule.extendableTo).toEqual({ kind: 'permanent' });
    expect(rule.source.clause).toBe('第十三条');
    expect(retentionDates({ date: '20060123' }, rule, { counting: countingRuleOf(marriage2006, rule) })).toMatchObject({
      expiry: '2106-12-31',
      appraisalDue: '2107-01-01',
    });
  });
  it('marks its counting rule as inferred (the regulation text at hand is silent)', () => {
    expect(marriage2006.counting.source.confidence).toBe('inferred');
  });
});

describe('社会保险业务档案 (人社部 国家档案局令第3号)', () => {
  it.each([
    ['Y', undefined],
    ['D100', '2119-12-31'],
    ['D50', '2069-12-31'],
    ['D30', '2049-12-31'],
    ['D10', '2029-12-31'],
  ] as const)('%s formed in 2019 counts from 2020-01-01 (次年1月1日) and expires %s', (code, expiry) => {
    const rule = socialInsurance2009.rules.find((r) => r.code === code)!;
    expect(rule.minimum).toBe(true);
    const dates = retentionDates({ date: '20190704' }, rule, { counting: socialInsurance2009.counting.rule });
    if (expiry === undefined) expect(dates.status).toBe('permanent');
    else expect(dates).toEqual({ status: 'counted', countingStart: '2020-01-01', expiry, appraisalDue: `${Number(expiry.slice(0, 4)) + 1}-01-01` });
  });
  it('states its counting rule as verified', () => {
    expect(socialInsurance2009.counting).toMatchObject({ rule: 'formation-year-end', source: { confidence: 'verified' } });
  });
});

describe('最低生活保障档案', () => {
  const approval = subsistence2008.rules.find((r) => r.name === '审批类')!;
  const routine = subsistence2008.rules.find((r) => r.name === '日常管理类')!;

  it('审批类: at least 3 years after the household leaves (停保)', () => {
    expect(approval.period).toEqual({ kind: 'event', years: 3, event: '停保' });
    expect(approval.minimum).toBe(true);
    expect(retentionDates({ year: 2012 }, approval)).toMatchObject({ status: 'awaiting-event', event: '停保' });
    expect(retentionDates({ year: 2012, eventDate: '20230410' }, approval)).toEqual({
      status: 'counted',
      countingStart: '2023-04-10',
      expiry: '2026-04-09',
      appraisalDue: '2026-04-10',
    });
  });

  it('日常管理类: at least 5 years', () => {
    expect(routine.period).toEqual({ kind: 'fixed', years: 5 });
    expect(retentionDates({ year: 2020 }, routine, { counting: subsistence2008.counting.rule })).toMatchObject({ expiry: '2025-12-31' });
  });
});
