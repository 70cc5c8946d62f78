/**
 * 企业文件材料归档范围和档案保管期限规定（国家档案局令第10号, 2012-12-17,
 * effective 2013-02-01). 第七条: periods 永久 and 定期 (generally 30 or 10 years);
 * 第十一条: the periods of the 附件 table are minimums. 第十二条: 会计 and other
 * specialised records follow their own rules (for 会计 use the
 * `accounting-2015-enterprise` schedule). Only the 附件 lines the reference
 * reproduces (参考表, one source) are shipped. See standards-paper §3.4.
 *
 * @module
 */
import type { Citation } from '../../model/index.js';
import type { RetentionSchedule } from '../schedule.js';
import { PERMANENT, fixed } from './_periods.js';

const ORDER = '国家档案局令第10号';
const art7: Citation = { standard: ORDER, clause: '第七条', confidence: 'verified', basis: ['S-1987', 'S41-haog'] };
const annex: Citation = { standard: ORDER, clause: '附件 企业管理类文件材料归档范围和档案保管期限参考表', confidence: 'single-source', basis: ['S-book118'] };

/**
 * Minimum periods for enterprise 管理类 records.
 *
 * @example
 * enterprise2012.rules.find((r) => r.name === '厂务公开')?.period //=> { kind: 'fixed', years: 30 }
 */
export const enterprise2012 = {
  formatVersion: 1,
  id: 'enterprise-2012',
  name: '企业管理类档案保管期限（最低）',
  nameEn: 'Enterprise management records (minimum periods)',
  regulation: '企业文件材料归档范围和档案保管期限规定（国家档案局令第10号）',
  effective: '2013-02-01',
  note: '附件参考表仅收录参考资料载明的条目；会计档案按会计档案管理办法（第十二条）。Only the reproduced 附件 lines; 会计 follows the accounting schedules (第十二条).',
  counting: {
    rule: 'formation-year-end',
    source: { standard: ORDER, clause: '（无明文，按惯例自形成次年起算）', confidence: 'inferred', basis: ['S40'] },
  },
  rules: [
    { id: 'qy-y', code: 'Y', group: '保管期限', name: '永久', aliases: ['永久保管'], period: PERMANENT, minimum: true, source: art7 },
    { id: 'qy-d30', code: 'D30', group: '保管期限', name: '定期30年', aliases: ['30年'], period: fixed(30), minimum: true, source: art7 },
    { id: 'qy-d10', code: 'D10', group: '保管期限', name: '定期10年', aliases: ['10年'], period: fixed(10), minimum: true, source: art7 },
    { id: 'qy-01', code: '1', group: '经营管理', name: '企业发展规划', aliases: ['发展规划'], period: PERMANENT, minimum: true, source: annex },
    { id: 'qy-02', code: '2', group: '经营管理', name: '经营战略决策', aliases: ['战略决策'], period: PERMANENT, minimum: true, source: annex },
    { id: 'qy-03', code: '3', group: '经营管理', name: '董事会、监事会构成及变更', aliases: ['董事会构成', '监事会构成'], period: PERMANENT, minimum: true, source: annex },
    { id: 'qy-04', code: '4', group: '经营管理', name: '股东大会文件（重要的）', aliases: ['重要的股东大会文件'], period: PERMANENT, minimum: true, source: annex },
    { id: 'qy-05', code: '5', group: '经营管理', name: '股东大会文件（一般的）', aliases: ['一般的股东大会文件'], period: fixed(10), minimum: true, source: annex },
    { id: 'qy-06', code: '6', group: '经营管理', name: '生产经营计划', aliases: ['经营计划'], period: fixed(30), minimum: true, source: annex },
    { id: 'qy-07', code: '7', group: '行政管理', name: '厂务公开', aliases: [], period: fixed(30), minimum: true, source: annex },
  ],
} as const satisfies RetentionSchedule;
