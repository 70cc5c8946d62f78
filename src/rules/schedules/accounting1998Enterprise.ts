/**
 * 会计档案管理办法（1998, 财会字〔1998〕32号）, enterprise table, kept to read
 * legacy data: records formed before 2016 may carry these periods. No
 * primary text was reached. Rows 1–6 and 9 come from one reproduction
 * [S42-old]; the audit of issue 16 corrected 保管清册/销毁清册 (永久, not the
 * 1984 table's 25 years) and 月、季度财务报告 (3 years) and added 银行存款余额
 * 调节表 and 银行对账单 (5 years). 汇总凭证, 辅助账簿 and 固定资产卡片 are rows
 * the audit names as missing without a value: their periods are inferred
 * from the rows beside them and are marked so. The 1998
 * administrative/public-institution table is not shipped.
 *
 * @module
 */
import type { Citation } from '../../model/index.js';
import type { RetentionSchedule } from '../schedule.js';
import { PERMANENT, afterEvent, fixed } from './_periods.js';

const STANDARD = '会计档案管理办法（1998）';
const CLAUSE = '附表 企业和其他组织会计档案保管期限表';
const REPRODUCED: Citation = { standard: STANDARD, clause: CLAUSE, confidence: 'single-source', basis: ['S42-old'] };
const AUDITED: Citation = { standard: STANDARD, clause: CLAUSE, confidence: 'single-source', basis: ['audit-issue16'] };
const INFERRED: Citation = { standard: STANDARD, clause: CLAUSE, confidence: 'inferred', basis: ['audit-issue16'] };

/**
 * 1998 enterprise accounting periods (legacy; superseded 2016-01-01).
 *
 * @example
 * accounting1998Enterprise.rules.find((r) => r.name === '会计档案保管清册')?.period //=> { kind: 'permanent' }
 */
export const accounting1998Enterprise = {
  formatVersion: 1,
  id: 'accounting-1998-enterprise',
  name: '企业和其他组织会计档案保管期限表（1998，已废止）',
  nameEn: 'Accounting records of enterprises, 1998 (legacy)',
  regulation: '会计档案管理办法（1998）',
  legacy: true,
  note:
    '未见原文；据一份转载及本项目审计（issue 16）。汇总凭证、辅助账簿、固定资产卡片的期限为推断。1998年行政单位、事业单位表未收录。' +
    'No primary text; from one reproduction and the issue-16 audit. The periods of 汇总凭证, 辅助账簿 and 固定资产卡片 are inferred. The 1998 public-sector table is not shipped.',
  counting: {
    rule: 'fiscal-year-end',
    source: { standard: STANDARD, confidence: 'inferred', basis: ['S42-hbrsks'] },
  },
  rules: [
    { id: 'l98-01', code: '1', group: '会计凭证', name: '会计凭证', aliases: ['原始凭证', '记账凭证'], period: fixed(15), minimum: true, source: REPRODUCED },
    {
      id: 'l98-10', code: '1a', group: '会计凭证', name: '汇总凭证', aliases: ['科目汇总表'], period: fixed(15), minimum: true, source: INFERRED,
      note: '期限未经核实，按同类会计凭证15年推断。Period not verified; inferred from the other vouchers (15 years).',
    },
    { id: 'l98-02', code: '2', group: '会计账簿', name: '总账', aliases: ['总分类账'], period: fixed(15), minimum: true, source: REPRODUCED },
    { id: 'l98-03', code: '3', group: '会计账簿', name: '明细账', aliases: ['明细分类账'], period: fixed(15), minimum: true, source: REPRODUCED },
    { id: 'l98-04', code: '4', group: '会计账簿', name: '现金和银行存款日记账', aliases: ['现金日记账', '银行存款日记账', '日记账'], period: fixed(25), minimum: true, source: REPRODUCED },
    {
      id: 'l98-11', code: '4a', group: '会计账簿', name: '固定资产卡片', aliases: [], period: afterEvent(5, '固定资产报废清理'), minimum: true, source: INFERRED,
      note: '期限未经核实，按2015年表“报废清理后保管5年”推断；在报废清理前不会到期。Inferred from the 2015 table; never due before the asset is retired.',
    },
    {
      id: 'l98-12', code: '4b', group: '会计账簿', name: '辅助账簿', aliases: ['辅助账', '备查簿'], period: fixed(15), minimum: true, source: INFERRED,
      note: '期限未经核实，按同类账簿15年推断。Period not verified; inferred from the other ledgers (15 years).',
    },
    {
      id: 'l98-05', code: '5', group: '财务报告', name: '月、季度财务报告', aliases: ['月报', '季报', '月度财务报告', '季度财务报告'],
      period: fixed(3), minimum: true, source: AUDITED,
      note: '审计（issue 16）核定为3年；参考资料曾记为3–5年。3 years per the issue-16 audit; the reference had 3–5.',
    },
    { id: 'l98-06', code: '6', group: '财务报告', name: '年度财务报告', aliases: ['年报', '年度决算'], period: PERMANENT, minimum: true, source: REPRODUCED },
    {
      id: 'l98-07', code: '7', group: '其他', name: '会计档案保管清册', aliases: ['保管清册'], period: PERMANENT, minimum: true, source: AUDITED,
      note: '1998年表为永久；25年是1984年表的值。永久 in the 1998 table; 25 years was the 1984 value.',
    },
    {
      id: 'l98-08', code: '8', group: '其他', name: '会计档案销毁清册', aliases: ['销毁清册'], period: PERMANENT, minimum: true, source: AUDITED,
      note: '1998年表为永久；25年是1984年表的值。永久 in the 1998 table; 25 years was the 1984 value.',
    },
    { id: 'l98-09', code: '9', group: '其他', name: '会计档案移交清册', aliases: ['移交清册'], period: fixed(15), minimum: true, source: REPRODUCED },
    { id: 'l98-13', code: '10', group: '其他', name: '银行存款余额调节表', aliases: ['银行余额调节表', '余额调节表'], period: fixed(5), minimum: true, source: AUDITED },
    { id: 'l98-14', code: '11', group: '其他', name: '银行对账单', aliases: [], period: fixed(5), minimum: true, source: AUDITED },
  ],
} as const satisfies RetentionSchedule;
