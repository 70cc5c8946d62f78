/**
 * 会计档案管理办法（2015）附表2 财政总预算、行政单位、事业单位和税收会计档案保管期限表.
 * The source is one table of 24 rows with three period columns; each column
 * is offered as its own schedule. Rows 1–17 come from one full-text
 * reproduction (single source); the 行政单位、事业单位 values of rows 3, 5, 6,
 * 8 and 19–24 are confirmed by a second source, a summary that elsewhere
 * disagrees with the full table (部门财务报告 10年), so those cells stay
 * single-source: `verified` needs two reproductions. The column placement
 * of rows 18–24 in the other two columns is not confirmed (inferred). Row 15 has a
 * single 10-year cell (财政总预算), per the issue-16 audit.
 * See standards-paper §3.3.
 *
 * @module
 */
import type { Confidence } from '../../model/index.js';
import type { RetentionPeriod } from '../../model/index.js';
import type { RetentionRule, RetentionSchedule } from '../schedule.js';
import { PERMANENT, afterEvent, fixed } from './_periods.js';

/** The three period columns of 附表2. */
export type Appendix2Column = 'general-budget' | 'administrative' | 'tax';

/** One row of 附表2 as printed: a name and up to three period cells. */
export interface Appendix2Row {
  /** Row number in 附表2. */
  readonly n: number;
  /** Heading (会计凭证 / 会计账簿 / 财务会计报告 / 其他会计资料). */
  readonly group: string;
  /** 档案名称. */
  readonly name: string;
  /** Lookup aliases. */
  readonly aliases: readonly string[];
  /** Period per column; a missing column is an empty cell in the source. */
  readonly cells: Readonly<Partial<Record<Appendix2Column, RetentionPeriod>>>;
  /** 备注. */
  readonly note?: string;
}

const G = 'general-budget';
const A = 'administrative';
const T = 'tax';

/**
 * 附表2 as printed: 24 rows × (财政总预算, 行政单位和事业单位, 税收会计).
 *
 * @example
 * accounting2015Appendix2.find((r) => r.n === 2)?.cells //=> { 'general-budget': { kind: 'fixed', years: 10 } }
 */
export const accounting2015Appendix2 = [
  { n: 1, group: '会计凭证', name: '国家金库编送的各种报表及缴库退库凭证', aliases: ['缴库退库凭证'], cells: { [G]: fixed(10), [T]: fixed(10) } },
  { n: 2, group: '会计凭证', name: '各收入机关编送的报表', aliases: [], cells: { [G]: fixed(10) } },
  { n: 3, group: '会计凭证', name: '行政单位和事业单位的各种会计凭证', aliases: ['原始凭证', '记账凭证', '传票汇总表'], cells: { [A]: fixed(30) }, note: '包括：原始凭证、记账凭证和传票汇总表' },
  { n: 4, group: '会计凭证', name: '财政总预算拨款凭证和其他会计凭证', aliases: ['拨款凭证'], cells: { [G]: fixed(30) }, note: '包括：拨款凭证和其他会计凭证' },
  { n: 5, group: '会计账簿', name: '日记账', aliases: [], cells: { [A]: fixed(30), [T]: fixed(30) } },
  { n: 6, group: '会计账簿', name: '总账', aliases: ['总分类账'], cells: { [G]: fixed(30), [A]: fixed(30), [T]: fixed(30) } },
  { n: 7, group: '会计账簿', name: '税收日记账（总账）', aliases: ['税收日记账'], cells: { [T]: fixed(30) } },
  { n: 8, group: '会计账簿', name: '明细分类、分户账或登记簿', aliases: ['明细账', '分户账', '登记簿'], cells: { [G]: fixed(30), [A]: fixed(30), [T]: fixed(30) } },
  { n: 9, group: '会计账簿', name: '行政单位和事业单位固定资产卡片', aliases: ['固定资产卡片'], cells: { [A]: afterEvent(5, '固定资产报废清理') }, note: '固定资产报废清理后保管5年' },
  { n: 10, group: '财务会计报告', name: '政府综合财务报告', aliases: [], cells: { [G]: PERMANENT }, note: '下级财政、本级部门和单位报送的保管2年' },
  { n: 11, group: '财务会计报告', name: '部门财务报告', aliases: [], cells: { [A]: PERMANENT }, note: '所属单位报送的保管2年' },
  { n: 12, group: '财务会计报告', name: '财政总决算', aliases: [], cells: { [G]: PERMANENT }, note: '下级财政、本级部门和单位报送的保管2年' },
  { n: 13, group: '财务会计报告', name: '部门决算', aliases: [], cells: { [A]: PERMANENT }, note: '所属单位报送的保管2年' },
  { n: 14, group: '财务会计报告', name: '税收年报（决算）', aliases: ['税收年报', '税收决算'], cells: { [T]: PERMANENT } },
  // 附表2 第15行 has one 10-year cell, in the 财政总预算 column (audit, issue 16): no 税收会计 cell.
  { n: 15, group: '财务会计报告', name: '国家金库年报（决算）', aliases: ['国家金库年报', '国库年报'], cells: { [G]: fixed(10) } },
  { n: 16, group: '财务会计报告', name: '基本建设拨、贷款年报（决算）', aliases: ['基本建设拨款年报', '基本建设贷款年报'], cells: { [G]: fixed(10) } },
  { n: 17, group: '财务会计报告', name: '行政单位和事业单位会计月、季度报表', aliases: ['月度报表', '季度报表', '月报', '季报'], cells: { [A]: fixed(10) }, note: '所属单位报送的保管2年' },
  { n: 18, group: '财务会计报告', name: '税收会计报表', aliases: [], cells: { [T]: fixed(10) } },
  { n: 19, group: '其他会计资料', name: '银行存款余额调节表', aliases: ['余额调节表'], cells: { [G]: fixed(10), [A]: fixed(10) } },
  { n: 20, group: '其他会计资料', name: '银行对账单', aliases: [], cells: { [G]: fixed(10), [A]: fixed(10), [T]: fixed(10) } },
  { n: 21, group: '其他会计资料', name: '会计档案移交清册', aliases: ['移交清册'], cells: { [G]: fixed(30), [A]: fixed(30), [T]: fixed(30) } },
  { n: 22, group: '其他会计资料', name: '会计档案保管清册', aliases: ['保管清册'], cells: { [G]: PERMANENT, [A]: PERMANENT, [T]: PERMANENT } },
  { n: 23, group: '其他会计资料', name: '会计档案销毁清册', aliases: ['销毁清册'], cells: { [G]: PERMANENT, [A]: PERMANENT, [T]: PERMANENT } },
  { n: 24, group: '其他会计资料', name: '会计档案鉴定意见书', aliases: ['鉴定意见书'], cells: { [G]: PERMANENT, [A]: PERMANENT, [T]: PERMANENT } },
] as const satisfies readonly Appendix2Row[];

// standards-paper §3.3: the 行政事业 column of these rows is confirmed by a second source (a summary).
const CONFIRMED_ADMINISTRATIVE = new Set([3, 5, 6, 8, 19, 20, 21, 22, 23, 24]);

/**
 * How well one cell of 附表2 is confirmed (standards-paper §3.3).
 *
 * @param n - Row number.
 * @param column - Column.
 * @returns `single-source` for rows 1–17 and for the 行政事业 cells a summary confirms, else `inferred`.
 * @example
 * appendix2Confidence(6, 'administrative') //=> 'single-source'
 * appendix2Confidence(18, 'tax') //=> 'inferred'
 */
export function appendix2Confidence(n: number, column: Appendix2Column): Confidence {
  if (column === 'administrative' && CONFIRMED_ADMINISTRATIVE.has(n)) return 'single-source';
  return n <= 17 ? 'single-source' : 'inferred';
}

/**
 * The sources of one cell of 附表2.
 *
 * @param n - Row number.
 * @param column - Column.
 * @returns Source-register ids.
 * @example
 * appendix2Basis(6, 'administrative') //=> ['S42-51yue', 'S42-xhliubin']
 */
export function appendix2Basis(n: number, column: Appendix2Column): readonly string[] {
  if (column === 'administrative' && CONFIRMED_ADMINISTRATIVE.has(n)) return ['S42-51yue', 'S42-xhliubin'];
  return n === 15 ? ['S42-51yue', 'audit-issue16'] : ['S42-51yue'];
}

const COLUMNS = {
  'general-budget': { title: '财政总预算', name: '财政总预算会计档案保管期限表', nameEn: 'Accounting records of general budgets (财政总预算)' },
  administrative: { title: '行政单位、事业单位', name: '行政单位和事业单位会计档案保管期限表', nameEn: 'Accounting records of administrative units and public institutions' },
  tax: { title: '税收会计', name: '税收会计档案保管期限表', nameEn: 'Tax accounting records' },
} as const satisfies Record<Appendix2Column, { title: string; name: string; nameEn: string }>;

function columnSchedule(column: Appendix2Column): RetentionSchedule {
  const rules: RetentionRule[] = [];
  for (const r of accounting2015Appendix2 as readonly Appendix2Row[]) {
    const period = r.cells[column];
    if (!period) continue;
    rules.push({
      id: `a2-${String(r.n).padStart(2, '0')}`,
      code: String(r.n),
      group: r.group,
      name: r.name,
      aliases: r.aliases,
      period,
      minimum: true,
      source: {
        standard: '会计档案管理办法（2015）',
        clause: `附表2 第${r.n}行 ${COLUMNS[column].title}栏`,
        confidence: appendix2Confidence(r.n, column),
        basis: appendix2Basis(r.n, column),
      },
      ...(r.note ? { note: r.note } : {}),
    });
  }
  return {
    formatVersion: 1,
    id: `accounting-2015-${column}`,
    name: COLUMNS[column].name,
    nameEn: COLUMNS[column].nameEn,
    regulation: `会计档案管理办法（财政部 国家档案局令第79号）附表2 ${COLUMNS[column].title}栏`,
    effective: '2016-01-01',
    counting: {
      rule: 'fiscal-year-end',
      source: { standard: '会计档案管理办法（2015）', clause: '第十四条', confidence: 'verified', basis: ['S42-hbrsks', 'S42-bcrsw'] },
    },
    rules,
  };
}

/**
 * 附表2, 财政总预算 column.
 *
 * @example
 * accounting2015GeneralBudget.rules.map((r) => r.code).includes('3') //=> false
 */
export const accounting2015GeneralBudget: RetentionSchedule = columnSchedule('general-budget');

/**
 * 附表2, 行政单位、事业单位 column.
 *
 * @example
 * accounting2015Administrative.rules.find((r) => r.code === '9')?.period //=> { kind: 'event', years: 5, event: '固定资产报废清理' }
 */
export const accounting2015Administrative: RetentionSchedule = columnSchedule('administrative');

/**
 * 附表2, 税收会计 column.
 *
 * @example
 * accounting2015Tax.rules.find((r) => r.code === '14')?.period //=> { kind: 'permanent' }
 */
export const accounting2015Tax: RetentionSchedule = columnSchedule('tax');
