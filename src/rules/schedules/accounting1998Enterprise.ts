/**
 * 会计档案管理办法（1998, 财会字〔1998〕32号）, enterprise table, kept to read
 * legacy data: records formed before 2016 may carry these periods. Only the
 * rows the reference reproduces are shipped (standards-paper §3.3, one
 * source); the 1998 administrative/public-institution table is not in the
 * reference and is not shipped.
 *
 * @module
 */
import type { Citation } from '../../model/index.js';
import type { RetentionSchedule } from '../schedule.js';
import { PERMANENT, fixed } from './_periods.js';

const SOURCE: Citation = { standard: '会计档案管理办法（1998）', clause: '附表 企业和其他组织', confidence: 'single-source' };

/**
 * 1998 enterprise accounting periods (legacy; superseded 2016-01-01).
 *
 * @example
 * accounting1998Enterprise.rules.find((r) => r.name === '会计凭证')?.period //=> { kind: 'fixed', years: 15 }
 */
export const accounting1998Enterprise = {
  formatVersion: 1,
  id: 'accounting-1998-enterprise',
  name: '企业和其他组织会计档案保管期限表（1998，已废止）',
  nameEn: 'Accounting records of enterprises, 1998 (legacy)',
  regulation: '会计档案管理办法（1998）',
  legacy: true,
  note: '仅收录参考资料载明的行；1998年行政单位、事业单位表未收录。Only the rows the reference reproduces; the 1998 public-sector table is not shipped.',
  counting: {
    rule: 'fiscal-year-end',
    source: { standard: '会计档案管理办法（1998）', confidence: 'inferred' },
  },
  rules: [
    { id: 'l98-01', code: '1', group: '会计凭证', name: '会计凭证', aliases: ['原始凭证', '记账凭证'], period: fixed(15), minimum: true, source: SOURCE },
    { id: 'l98-02', code: '2', group: '会计账簿', name: '总账', aliases: ['总分类账'], period: fixed(15), minimum: true, source: SOURCE },
    { id: 'l98-03', code: '3', group: '会计账簿', name: '明细账', aliases: ['明细分类账'], period: fixed(15), minimum: true, source: SOURCE },
    { id: 'l98-04', code: '4', group: '会计账簿', name: '现金和银行存款日记账', aliases: ['现金日记账', '银行存款日记账', '日记账'], period: fixed(25), minimum: true, source: SOURCE },
    {
      id: 'l98-05', code: '5', group: '财务报告', name: '月、季度财务报告', aliases: ['月报', '季报', '月度财务报告', '季度财务报告'],
      period: fixed(5), minimum: true, source: { ...SOURCE, confidence: 'inferred' },
      note: '参考资料记为3–5年，取较长的5年，以免提前销毁。The reference gives 3–5 years; the longer is used so nothing is destroyed early.',
    },
    { id: 'l98-06', code: '6', group: '财务报告', name: '年度财务报告', aliases: ['年报', '年度决算'], period: PERMANENT, minimum: true, source: SOURCE },
    { id: 'l98-07', code: '7', group: '其他', name: '会计档案保管清册', aliases: ['保管清册'], period: fixed(25), minimum: true, source: SOURCE },
    { id: 'l98-08', code: '8', group: '其他', name: '会计档案销毁清册', aliases: ['销毁清册'], period: fixed(25), minimum: true, source: SOURCE },
    { id: 'l98-09', code: '9', group: '其他', name: '会计档案移交清册', aliases: ['移交清册'], period: fixed(15), minimum: true, source: SOURCE },
  ],
} as const satisfies RetentionSchedule;
