/**
 * 会计档案管理办法（财政部 国家档案局令第79号, 2015-12-11, effective 2016-01-01）
 * 附表1 企业和其他组织会计档案保管期限表. Periods are minimums and count from the
 * first day after the fiscal year ends (第十四条). Verified by three
 * reproductions (standards-paper §3.3).
 *
 * @module
 */
import type { Citation } from '../../model/index.js';
import type { RetentionSchedule } from '../schedule.js';
import { PERMANENT, afterEvent, fixed } from './_periods.js';

const REGULATION = '会计档案管理办法（2015）';

function row(n: number): Citation {
  return { standard: REGULATION, clause: `附表1 第${n}行`, confidence: 'verified', basis: ['S42-lilvbiao', 'S42-51yue'] };
}

/**
 * 附表1: 企业和其他组织会计档案保管期限表 (16 rows).
 *
 * @example
 * accounting2015Enterprise.rules.length //=> 16
 */
export const accounting2015Enterprise = {
  formatVersion: 1,
  id: 'accounting-2015-enterprise',
  name: '企业和其他组织会计档案保管期限表',
  nameEn: 'Accounting records of enterprises and other organisations',
  regulation: '会计档案管理办法（财政部 国家档案局令第79号）附表1',
  effective: '2016-01-01',
  counting: {
    rule: 'fiscal-year-end',
    source: { standard: REGULATION, clause: '第十四条', confidence: 'verified', basis: ['S42-hbrsks', 'S42-bcrsw'] },
  },
  rules: [
    { id: 'a1-01', code: '1', group: '会计凭证', name: '原始凭证', aliases: ['原始单据'], period: fixed(30), minimum: true, source: row(1) },
    { id: 'a1-02', code: '2', group: '会计凭证', name: '记账凭证', aliases: ['传票'], period: fixed(30), minimum: true, source: row(2) },
    { id: 'a1-03', code: '3', group: '会计账簿', name: '总账', aliases: ['总分类账'], period: fixed(30), minimum: true, source: row(3) },
    { id: 'a1-04', code: '4', group: '会计账簿', name: '明细账', aliases: ['明细分类账'], period: fixed(30), minimum: true, source: row(4) },
    { id: 'a1-05', code: '5', group: '会计账簿', name: '日记账', aliases: ['现金日记账', '银行存款日记账'], period: fixed(30), minimum: true, source: row(5) },
    {
      id: 'a1-06', code: '6', group: '会计账簿', name: '固定资产卡片', aliases: [],
      period: afterEvent(5, '固定资产报废清理'), minimum: true, source: row(6), note: '固定资产报废清理后保管5年',
    },
    { id: 'a1-07', code: '7', group: '会计账簿', name: '其他辅助性账簿', aliases: ['辅助账簿', '备查账簿'], period: fixed(30), minimum: true, source: row(7) },
    { id: 'a1-08', code: '8', group: '财务会计报告', name: '月度、季度、半年度财务会计报告', aliases: ['月度财务会计报告', '季度财务会计报告', '半年度财务会计报告', '月报', '季报', '半年报'], period: fixed(10), minimum: true, source: row(8) },
    { id: 'a1-09', code: '9', group: '财务会计报告', name: '年度财务会计报告', aliases: ['年报', '年度财务报告', '年度决算'], period: PERMANENT, minimum: true, source: row(9) },
    { id: 'a1-10', code: '10', group: '其他会计资料', name: '银行存款余额调节表', aliases: ['余额调节表'], period: fixed(10), minimum: true, source: row(10) },
    { id: 'a1-11', code: '11', group: '其他会计资料', name: '银行对账单', aliases: [], period: fixed(10), minimum: true, source: row(11) },
    { id: 'a1-12', code: '12', group: '其他会计资料', name: '纳税申报表', aliases: [], period: fixed(10), minimum: true, source: row(12) },
    { id: 'a1-13', code: '13', group: '其他会计资料', name: '会计档案移交清册', aliases: ['移交清册'], period: fixed(30), minimum: true, source: row(13) },
    { id: 'a1-14', code: '14', group: '其他会计资料', name: '会计档案保管清册', aliases: ['保管清册'], period: PERMANENT, minimum: true, source: row(14) },
    { id: 'a1-15', code: '15', group: '其他会计资料', name: '会计档案销毁清册', aliases: ['销毁清册'], period: PERMANENT, minimum: true, source: row(15) },
    { id: 'a1-16', code: '16', group: '其他会计资料', name: '会计档案鉴定意见书', aliases: ['鉴定意见书'], period: PERMANENT, minimum: true, source: row(16) },
  ],
} as const satisfies RetentionSchedule;
