/**
 * 婚姻登记档案管理办法（民政部 国家档案局令第32号, 2006-01-23）. 第十三条:
 * 婚姻登记档案 are kept 100 years and may be kept 永久 when still valuable;
 * they are **not** plain 永久. Rows are the four classes by 婚姻登记性质 (the
 * classes are single-source). The reference states no counting rule; the 文书
 * convention is used (inferred). See standards-paper §3.5.
 *
 * @module
 */
import type { Citation } from '../../model/index.js';
import type { RetentionSchedule } from '../schedule.js';
import { PERMANENT, fixed } from './_periods.js';

const ORDER = '婚姻登记档案管理办法（民政部 国家档案局令第32号）';
const art13: Citation = { standard: ORDER, clause: '第十三条', confidence: 'verified', basis: ['S43-13l', 'S43-falvjieda'] };
const NOTE = '保管期限为100年，对有继续保存价值的可以延长直至永久。Kept 100 years; may be extended up to permanent.';

/**
 * 婚姻登记档案: 100 years, extendable to 永久.
 *
 * @example
 * marriage2006.rules[0]?.extendableTo //=> { kind: 'permanent' }
 */
export const marriage2006 = {
  formatVersion: 1,
  id: 'marriage-2006',
  name: '婚姻登记档案保管期限',
  nameEn: 'Marriage registration records',
  regulation: ORDER,
  effective: '2006-01-23',
  counting: {
    rule: 'formation-year-end',
    source: { standard: ORDER, clause: '（参考资料未载起算规则，按文书惯例）', confidence: 'inferred', basis: ['S40'] },
  },
  rules: [
    { id: 'hy-1', code: '1', group: '婚姻登记性质', name: '结婚登记', aliases: ['结婚登记档案', '结婚'], period: fixed(100), extendableTo: PERMANENT, minimum: true, source: art13, note: NOTE },
    { id: 'hy-2', code: '2', group: '婚姻登记性质', name: '撤销婚姻', aliases: ['撤销婚姻档案', '撤销婚姻登记'], period: fixed(100), extendableTo: PERMANENT, minimum: true, source: art13, note: NOTE },
    { id: 'hy-3', code: '3', group: '婚姻登记性质', name: '离婚登记', aliases: ['离婚登记档案', '离婚'], period: fixed(100), extendableTo: PERMANENT, minimum: true, source: art13, note: NOTE },
    { id: 'hy-4', code: '4', group: '婚姻登记性质', name: '补发婚姻登记证', aliases: ['补领结婚证', '补领离婚证', '补发登记证'], period: fixed(100), extendableTo: PERMANENT, minimum: true, source: art13, note: NOTE },
  ],
} as const satisfies RetentionSchedule;
