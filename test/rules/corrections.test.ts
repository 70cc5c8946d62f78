import { describe, expect, it } from 'vitest';
import { formatRetentionPeriod, secrecyCeilings, type RetentionPeriod } from '../../src/model/index.js';
import {
  accounting1998Enterprise,
  accounting2015Appendix2,
  accounting2015GeneralBudget,
  accounting2015Tax,
  checkOpeningReview,
  dueForOpeningReview,
  findRetentionRule,
  openingCategories,
  transferDeadlines,
  transferDue,
} from '../../src/rules/index.js';

const short = (p: RetentionPeriod) => (p.kind === 'event' ? `${p.event}后${p.years}年` : formatRetentionPeriod(p, 'code'));

// Issue 16 item 1. Source: 会计档案管理办法（1998）附表 企业和其他组织会计档案保管期限表 — no primary text reached;
// [S42-old] one reproduction, [audit-issue16] the audit (four reproductions agree on 永久 for the two 清册).
describe('accounting-1998-enterprise corrections (会计档案管理办法 1998 附表)', () => {
  it.each([
    // name, period, confidence, basis
    ['会计档案保管清册', 'Y', 'single-source', 'audit-issue16'], // was D25 (the 1984 value)
    ['会计档案销毁清册', 'Y', 'single-source', 'audit-issue16'], // was D25
    ['月、季度财务报告', 'D3', 'single-source', 'audit-issue16'], // was D5
    ['银行存款余额调节表', 'D5', 'single-source', 'audit-issue16'], // added
    ['银行对账单', 'D5', 'single-source', 'audit-issue16'], // added
    ['汇总凭证', 'D15', 'inferred', 'audit-issue16'], // added; period inferred from the other vouchers
    ['辅助账簿', 'D15', 'inferred', 'audit-issue16'], // added; period inferred from the other ledgers
    ['固定资产卡片', '固定资产报废清理后5年', 'inferred', 'audit-issue16'], // added; never due before the event
    ['会计凭证', 'D15', 'single-source', 'S42-old'],
    ['年度财务报告', 'Y', 'single-source', 'S42-old'],
    ['会计档案移交清册', 'D15', 'single-source', 'S42-old'],
  ])('%s: %s (%s, %s)', (name, period, confidence, basis) => {
    const found = findRetentionRule(accounting1998Enterprise, name);
    expect(found.status).toBe('found');
    if (found.status !== 'found') return;
    expect(short(found.rule.period)).toBe(period);
    expect(found.rule.source).toMatchObject({ confidence, basis: [basis] });
  });
});

// Issue 16 item 2. Source: 会计档案管理办法（2015）附表2 第15行 [S42-51yue, audit-issue16].
describe('附表2 row 15 国家金库年报（决算）: one 10-year cell', () => {
  it.each([
    [accounting2015GeneralBudget.id, 'D10'],
    [accounting2015Tax.id, undefined],
  ])('%s offers %s', (id, expected) => {
    const schedule = id === accounting2015Tax.id ? accounting2015Tax : accounting2015GeneralBudget;
    const row = schedule.rules.find((r) => r.code === '15');
    expect(row && short(row.period)).toBe(expected);
  });

  it('the printed table has exactly one cell in row 15', () => {
    expect(Object.keys(accounting2015Appendix2.find((r) => r.n === 15)!.cells)).toEqual(['general-budget']);
  });
});

// Issue 16 item 4. Source: 档案法 (2020) 第二十七条 [law-archives-2020].
describe('档案法 (2020) 第二十七条 grounds', () => {
  it.each([
    ['economy', '经济', 'earlier'],
    ['education', '教育', 'earlier'],
    ['science', '科技', 'earlier'],
    ['culture', '文化', 'earlier'],
    ['national-security', '涉及国家安全或者重大利益', 'later'],
    ['unsuitable-when-due', '其他到期不宜开放', 'later'],
  ] as const)('%s (%s) may open %s', (key, zh, direction) => {
    expect(openingCategories[key]).toMatchObject({ 'zh-CN': zh, direction, source: { clause: '第二十七条', basis: ['law-archives-2020'] } });
    expect(openingCategories[key].source.quote).toContain(zh === '涉及国家安全或者重大利益' ? '涉及国家安全或者重大利益' : zh);
  });
});

// Issue 16 item 5. Sources: 档案法实施条例 (2024) 第二十条、第三十条、第三十一条 [law-archives-regs-2024];
// 保守国家秘密法 (2024) 第二十条 [law-secrets-2024].
describe('档案法实施条例 (2024)', () => {
  it.each([
    ['central', '中央级', 20, '20000315', '2020-03-16'],
    ['provincial', '省级', 20, '20000315', '2020-03-16'],
    ['municipal', '设区的市级', 20, '20000315', '2020-03-16'],
    ['county', '县级', 10, '20000315', '2010-03-16'],
  ] as const)('第二十条: %s (%s) transfers once %i years have run', (level, zh, years, date, dueOn) => {
    expect(transferDeadlines[level]).toMatchObject({ 'zh-CN': zh, years, source: { clause: '第二十条', basis: ['law-archives-regs-2024'] } });
    expect(transferDue({ date, archiveLevel: level })).toEqual({ status: 'determined', archiveLevel: level, years, dueOn });
    expect(transferDue({ date, archiveLevel: zh })).toMatchObject({ dueOn });
  });

  it.each([
    ['deferred, with grounds and approval', { result: 'deferred', grounds: ['其他到期不宜开放'], approval: '某档函〔2025〕3号' }, []],
    ['deferred without approval', { result: 'deferred', grounds: ['其他到期不宜开放'] }, ['opening.deferral-unapproved']],
    ['deferred without grounds or approval', { result: 'deferred' }, ['opening.deferral-ground-missing', 'opening.deferral-unapproved']],
    ['opened', { result: 'open' }, []],
  ] as const)('第三十一条: %s', (_case, fields, codes) => {
    const issues = checkOpeningReview({ reviewer: '张三', date: '20250316', ...fields, grounds: 'grounds' in fields ? [...fields.grounds] : undefined }, '某卷');
    expect(issues.map((i) => i.code)).toEqual(codes);
  });

  it('第三十条: lists the records due for 开放审核 in a period, and keeps deferred and unknown ones closed', () => {
    const records = [
      { title: '到期', date: '20000315' }, // opens 2025-03-16
      { title: '已到期未审', date: '19990101' }, // opens 2024-01-02: overdue
      { title: '已开放', date: '19990101', reviews: [{ reviewer: '李', date: '20240105', result: 'open' as const }] },
      { title: '延期', date: '19980101', reviews: [{ reviewer: '王', date: '20230105', result: 'deferred' as const, grounds: ['其他到期不宜开放'], deferredUntil: '20250601' }] },
      { title: '延期未定', date: '19980101', reviews: [{ reviewer: '王', date: '20230105', result: 'deferred' as const, grounds: ['涉及国家安全或者重大利益'], approval: '某号' }] },
      { title: '未到期', date: '20010101' },
      { title: '密级不明', date: '19900101', secrecy: '绝密★长期' },
    ];
    const due = dueForOpeningReview(records, '2025-01-01', '2025-12-31');
    expect(due.map((d) => [d.record.title, d.status, d.dueOn ?? null, d.issues.map((i) => i.code)])).toEqual([
      ['到期', 'due', '2025-03-16', []],
      ['已到期未审', 'overdue', '2024-01-02', []],
      ['延期', 'due', '2025-06-01', ['opening.deferral-unapproved']],
      ['延期未定', 'due', null, []],
      ['密级不明', 'undetermined', null, ['opening.secrecy-unreadable']],
    ]);
  });

  it('cites 保守国家秘密法 (2024) 第二十条 for the 30/20/10-year ceilings (values unchanged from 2010)', () => {
    expect(secrecyCeilings.map((c) => [c.classification, c.maxYears])).toEqual([['绝密', 30], ['机密', 20], ['秘密', 10]]);
    for (const c of secrecyCeilings) expect(c.source).toMatchObject({ clause: '第二十条', basis: ['law-secrets-2024'] });
    expect(secrecyCeilings[0].source.standard).toContain('2024');
  });
});
