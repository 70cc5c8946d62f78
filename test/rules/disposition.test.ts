import { describe, expect, it } from 'vitest';
import { accounting2015Enterprise, appraisalItemsFromRows, buildDestructionRegister, dueForAppraisal, type AppraisalItem } from '../../src/rules/index.js';

const D = (years: number) => ({ kind: 'fixed', years }) as const;

const items: AppraisalItem[] = [
  { title: '2015年银行对账单', year: 2015, archivalCode: 'Z109-KU·2015-D10-0001', pageCount: 12, period: D(10), counting: 'fiscal-year-end' },
  { title: '2015年记账凭证（A公司欠款）', year: 2015, period: D(10), holds: [{ kind: 'unsettled-matter', reason: 'A公司应收账款' }] },
  { title: '2016年纳税申报表', year: 2016, period: D(10) },
  { title: '年度财务会计报告', year: 2015, period: { kind: 'permanent' } },
  { title: '固定资产卡片', year: 2001, period: { kind: 'event', years: 5, event: '固定资产报废清理' } },
  { title: '旧案卷', year: 1985, period: { kind: 'legacy', term: 'short' } },
  { title: '无日期文件', period: D(10) },
  { title: '固定资产卡片（已报废）', year: 2001, eventDate: '20200229', remarks: '2020年报废', period: { kind: 'event', years: 5, event: '固定资产报废清理' } },
];

describe('dueForAppraisal', () => {
  it('gives each record its status on the day', () => {
    expect(dueForAppraisal(items, '2026-01-01').map((r) => r.status)).toEqual([
      'due',
      'on-hold',
      'not-due',
      'permanent',
      'awaiting-event',
      'needs-reappraisal',
      'undetermined',
      'due', // scrapped 2020-02-29: due 2025-03-01
    ]);
  });

  it('is due on the day after expiry, not before', () => {
    const one = [items[0]!];
    expect(dueForAppraisal(one, '20251231')[0]!.status).toBe('not-due');
    expect(dueForAppraisal(one, '20260101')[0]!.status).toBe('due');
    const leap = [items[7]!];
    expect(dueForAppraisal(leap, '20250228')[0]!.status).toBe('not-due');
    expect(dueForAppraisal(leap, '20250301')[0]!.status).toBe('due');
  });

  it('throws only for a malformed asOf (programmer error)', () => {
    expect(() => dueForAppraisal(items, 'tomorrow')).toThrow(RangeError);
  });
});

describe('buildDestructionRegister', () => {
  const register = buildDestructionRegister(items, '2026-03-01');

  it('lists only due, unheld records with the 销毁清册 columns', () => {
    expect(register.rows).toEqual([
      { sequenceNumber: 1, title: '2015年银行对账单', year: 2015, archivalCode: 'Z109-KU·2015-D10-0001', retentionPeriod: '定期10年', yearsKept: 10, pageCount: 12, remarks: '' },
      { sequenceNumber: 2, title: '固定资产卡片（已报废）', year: 2001, archivalCode: '', retentionPeriod: '固定资产报废清理后5年', yearsKept: 6, remarks: '2020年报废' },
    ]);
  });

  it('refuses held, not-yet-due, permanent and undeterminable records, each with a reason', () => {
    expect(register.refused.map((r) => [r.result.index, r.issue.code])).toEqual([
      [2, 'disposition.on-hold'],
      [3, 'disposition.not-due'],
      [4, 'disposition.permanent'],
      [5, 'disposition.undetermined'],
      [6, 'disposition.undetermined'],
      [7, 'disposition.undetermined'],
    ]);
    const [held, notDue, , pending, legacy] = register.refused.map((r) => r.issue.message);
    expect(held).toBe('第2项“2015年记账凭证（A公司欠款）”处于保留状态（未结清的债权债务或未了事项：A公司应收账款），不得销毁');
    expect(notDue).toBe('第3项“2016年纳税申报表”的保管期限至2026-12-31届满，尚未到期');
    expect(pending).toContain('固定资产报废清理');
    expect(legacy).toContain('重新鉴定');
  });

  it('localises refusals', () => {
    const en = buildDestructionRegister([items[1]!], '2026-03-01', { locale: 'en' });
    expect(en.refused[0]!.issue.message).toBe('Item 1 "2015年记账凭证（A公司欠款）" is under a hold (unsettled debts or unfinished matters: A公司应收账款) and must not be destroyed');
  });
});

describe('appraisalItemsFromRows', () => {
  it('reads periods from the row or by looking the kind up in the schedule', () => {
    const r = appraisalItemsFromRows(
      [
        { title: '2015年银行对账单', year: '2015', rule: '银行对账单', pageCount: '4' },
        { title: '2015年凭证', year: 2015, rule: '凭证' },
        { title: '2015年某表', year: 2015, retentionPeriod: 'D10', hold: 'unsettled-matter' },
        { title: '无期限', year: 2015 },
      ],
      accounting2015Enterprise,
    );
    expect(r.items.map((i) => [i.row, i.period, i.counting, i.ruleId, i.holds])).toEqual([
      [1, { kind: 'fixed', years: 10 }, 'fiscal-year-end', 'a1-11', undefined],
      [3, { kind: 'fixed', years: 10 }, 'fiscal-year-end', undefined, [{ kind: 'unsettled-matter' }]],
    ]);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([
      ['retention.rule-ambiguous', 'error'],
      ['classification.item-invalid', 'error'],
    ]);
    expect(r.issues[0]!.message).toContain('原始凭证');
    expect(r.issues[1]!.message).toBe('第4项字段“保管期限”不符合要求：须给出保管期限（retentionPeriod）或档案类目（rule）');
  });
});
