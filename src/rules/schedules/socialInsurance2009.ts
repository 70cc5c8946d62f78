/**
 * 社会保险业务档案管理规定（试行）（人力资源社会保障部 国家档案局令第3号,
 * 2009-07-23, effective 2009-09-01) and GB/T 31599-2015: periods 永久 and 定期
 * 10/30/50/100 years, minimums, counted from 1 January of the year after
 * formation. The per-item table of GB/T 31599 附录A is not in the reference;
 * only the period codes are shipped. See standards-paper §3.5.
 *
 * @module
 */
import type { Citation } from '../../model/index.js';
import type { RetentionSchedule } from '../schedule.js';
import { PERMANENT, fixed } from './_periods.js';

const ORDER = '社会保险业务档案管理规定（试行）（人社部 国家档案局令第3号）';
const src: Citation = { standard: ORDER, confidence: 'verified', basis: ['S44-gov', 'S44-syd'] };

/**
 * 社会保险业务档案 period codes.
 *
 * @example
 * socialInsurance2009.rules.map((r) => r.code) //=> ['Y', 'D100', 'D50', 'D30', 'D10']
 */
export const socialInsurance2009 = {
  formatVersion: 1,
  id: 'social-insurance-2009',
  name: '社会保险业务档案保管期限',
  nameEn: 'Social-insurance business records',
  regulation: `${ORDER}；GB/T 31599-2015`,
  effective: '2009-09-01',
  note: 'GB/T 31599-2015 附录A 逐项条目未收录。The item table of GB/T 31599-2015 Annex A is not shipped.',
  counting: { rule: 'formation-year-end', source: { standard: ORDER, clause: '自形成之次年1月1日起计算', confidence: 'verified', basis: ['S44-gov', 'S44-syd'] } },
  rules: [
    { id: 'sb-y', code: 'Y', name: '永久', aliases: ['永久保管'], period: PERMANENT, minimum: true, source: src },
    { id: 'sb-d100', code: 'D100', name: '定期100年', aliases: ['100年'], period: fixed(100), minimum: true, source: src },
    { id: 'sb-d50', code: 'D50', name: '定期50年', aliases: ['50年'], period: fixed(50), minimum: true, source: src },
    { id: 'sb-d30', code: 'D30', name: '定期30年', aliases: ['30年'], period: fixed(30), minimum: true, source: src },
    { id: 'sb-d10', code: 'D10', name: '定期10年', aliases: ['10年'], period: fixed(10), minimum: true, source: src },
  ],
} as const satisfies RetentionSchedule;
