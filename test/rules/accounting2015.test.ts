import { describe, expect, it } from 'vitest';
import { formatRetentionPeriod } from '../../src/model/index.js';
import {
  accounting2015Administrative,
  accounting2015Appendix2,
  accounting2015Enterprise,
  accounting2015GeneralBudget,
  accounting2015Tax,
  countingRuleOf,
  retentionDates,
  type RetentionSchedule,
} from '../../src/rules/index.js';

// 会计档案管理办法（2015）附表1, transcribed from standards-paper §3.3; 'E5' = 报废清理后5年.
const APPENDIX1: [n: number, name: string, period: string][] = [
  [1, '原始凭证', 'D30'],
  [2, '记账凭证', 'D30'],
  [3, '总账', 'D30'],
  [4, '明细账', 'D30'],
  [5, '日记账', 'D30'],
  [6, '固定资产卡片', 'E5'],
  [7, '其他辅助性账簿', 'D30'],
  [8, '月度、季度、半年度财务会计报告', 'D10'],
  [9, '年度财务会计报告', 'Y'],
  [10, '银行存款余额调节表', 'D10'],
  [11, '银行对账单', 'D10'],
  [12, '纳税申报表', 'D10'],
  [13, '会计档案移交清册', 'D30'],
  [14, '会计档案保管清册', 'Y'],
  [15, '会计档案销毁清册', 'Y'],
  [16, '会计档案鉴定意见书', 'Y'],
];

// 附表2: 财政总预算 | 行政单位、事业单位 | 税收会计; '' = empty cell.
const APPENDIX2: [n: number, name: string, general: string, admin: string, tax: string][] = [
  [1, '国家金库编送的各种报表及缴库退库凭证', 'D10', '', 'D10'],
  [2, '各收入机关编送的报表', 'D10', '', ''],
  [3, '行政单位和事业单位的各种会计凭证', '', 'D30', ''],
  [4, '财政总预算拨款凭证和其他会计凭证', 'D30', '', ''],
  [5, '日记账', '', 'D30', 'D30'],
  [6, '总账', 'D30', 'D30', 'D30'],
  [7, '税收日记账（总账）', '', '', 'D30'],
  [8, '明细分类、分户账或登记簿', 'D30', 'D30', 'D30'],
  [9, '行政单位和事业单位固定资产卡片', '', 'E5', ''],
  [10, '政府综合财务报告', 'Y', '', ''],
  [11, '部门财务报告', '', 'Y', ''],
  [12, '财政总决算', 'Y', '', ''],
  [13, '部门决算', '', 'Y', ''],
  [14, '税收年报（决算）', '', '', 'Y'],
  [15, '国家金库年报（决算）', 'D10', '', ''], // one 10-year cell (audit, issue 16): no 税收会计 cell
  [16, '基本建设拨、贷款年报（决算）', 'D10', '', ''],
  [17, '行政单位和事业单位会计月、季度报表', '', 'D10', ''],
  [18, '税收会计报表', '', '', 'D10'],
  [19, '银行存款余额调节表', 'D10', 'D10', ''],
  [20, '银行对账单', 'D10', 'D10', 'D10'],
  [21, '会计档案移交清册', 'D30', 'D30', 'D30'],
  [22, '会计档案保管清册', 'Y', 'Y', 'Y'],
  [23, '会计档案销毁清册', 'Y', 'Y', 'Y'],
  [24, '会计档案鉴定意见书', 'Y', 'Y', 'Y'],
];

function short(schedule: RetentionSchedule, code: string): string {
  const rule = schedule.rules.find((r) => r.code === code);
  if (!rule) return '';
  return rule.period.kind === 'event' ? `E${rule.period.years}` : formatRetentionPeriod(rule.period, 'code');
}

// Expected dates for a 2015 record, counted from 2016-01-01 (the day after fiscal 2015).
const EXPECTED_2015: Record<string, { expiry: string; appraisalDue: string }> = {
  D10: { expiry: '2025-12-31', appraisalDue: '2026-01-01' },
  D30: { expiry: '2045-12-31', appraisalDue: '2046-01-01' },
};

describe('会计档案管理办法 2015 附表1 (企业和其他组织)', () => {
  it('has exactly the 16 rows of the source', () => {
    expect(accounting2015Enterprise.rules.map((r) => [Number(r.code), r.name])).toEqual(APPENDIX1.map(([n, name]) => [n, name]));
  });

  it.each(APPENDIX1)('row %i %s: %s, counted from the day after the fiscal year', (n, _name, expected) => {
    const rule = accounting2015Enterprise.rules.find((r) => r.code === String(n))!;
    expect(short(accounting2015Enterprise, String(n))).toBe(expected);
    expect(rule.minimum).toBe(true);
    expect(rule.source.clause).toBe(`附表1 第${n}行`);
    const dates = retentionDates({ year: 2015 }, { period: rule.period, counting: countingRuleOf(accounting2015Enterprise, rule) }, {});
    if (expected === 'Y') expect(dates.status).toBe('permanent');
    else if (expected === 'E5') expect(dates.status).toBe('awaiting-event');
    else expect(dates).toEqual({ status: 'counted', countingStart: '2016-01-01', ...EXPECTED_2015[expected] });
  });

  it('固定资产卡片 runs 5 years from the scrapping date', () => {
    const rule = accounting2015Enterprise.rules.find((r) => r.name === '固定资产卡片')!;
    expect(retentionDates({ year: 2010, eventDate: '20200615' }, rule)).toEqual({
      status: 'counted',
      countingStart: '2020-06-15',
      expiry: '2025-06-14',
      appraisalDue: '2025-06-15',
    });
  });
});

describe('会计档案管理办法 2015 附表2 (three columns)', () => {
  it('has exactly 24 rows', () => {
    expect(accounting2015Appendix2.map((r) => [r.n, r.name])).toEqual(APPENDIX2.map(([n, name]) => [n, name]));
  });

  it.each(APPENDIX2)('row %i %s: %s | %s | %s', (n, name, general, admin, tax) => {
    for (const [schedule, expected] of [
      [accounting2015GeneralBudget, general],
      [accounting2015Administrative, admin],
      [accounting2015Tax, tax],
    ] as const) {
      expect(short(schedule, String(n)), `${schedule.id} row ${n}`).toBe(expected);
      const rule = schedule.rules.find((r) => r.code === String(n));
      if (!rule) continue;
      expect(rule.name).toBe(name);
      expect(rule.source.clause).toMatch(new RegExp(`^附表2 第${n}行 `));
      const dates = retentionDates({ year: 2015 }, rule, { counting: schedule.counting.rule });
      if (expected === 'D10') expect(dates).toMatchObject({ countingStart: '2016-01-01', expiry: '2025-12-31', appraisalDue: '2026-01-01' });
      if (expected === 'D30') expect(dates).toMatchObject({ expiry: '2045-12-31', appraisalDue: '2046-01-01' });
      if (expected === 'Y') expect(dates.status).toBe('permanent');
      if (expected === 'E5') expect(dates.status).toBe('awaiting-event');
    }
  });

  it('marks the unconfirmed column placements of rows 18–24 as inferred, not verified', () => {
    expect(accounting2015Tax.rules.find((r) => r.code === '18')!.source.confidence).toBe('inferred');
    // one reproduction plus one summary: single-source, not verified (verified needs two reproductions)
    expect(accounting2015Administrative.rules.find((r) => r.code === '20')!.source).toMatchObject({ confidence: 'single-source', basis: ['S42-51yue', 'S42-xhliubin'] });
    expect(accounting2015GeneralBudget.rules.find((r) => r.code === '1')!.source.confidence).toBe('single-source');
  });
});
