/**
 * 机关文件材料归档范围和文书档案保管期限规定（国家档案局令第8号, 2006-12-18）: the
 * default 文书 schedule. 第六条 sets the periods 永久 and 定期 (30 or 10 years);
 * 第七条 lists what is 永久 and 第八条 what is 定期. The split of 定期 into 30
 * and 10 years is made in each organ's own table (第十二条), which this
 * default cannot know: 第八条 rows default to 30 years so nothing is destroyed
 * early, and an organ extends the schedule with its own rows
 * ({@link extendSchedule}). The 附件 item-level table is not in the reference
 * and is not shipped. See standards-paper §3.1.
 *
 * @module
 */
import type { Citation } from '../../model/index.js';
import type { RetentionSchedule } from '../schedule.js';
import { PERMANENT, fixed } from './_periods.js';

const ORDER = '国家档案局令第8号';
const art7 = (n: number): Citation => ({ standard: ORDER, clause: `第七条第（${n}）项`, confidence: 'verified', basis: ['S34', 'S-qa'] });
const art8 = (n: number): Citation => ({ standard: ORDER, clause: `第八条第（${n}）项`, confidence: 'inferred', basis: ['S33', 'S34'] });
const NOTE_D = '第八条列为定期，30年或10年由本机关保管期限表确定；默认取30年。定期: 30 or 10 years per the organ\'s own table; defaults to 30.';

/**
 * The default 文书 retention schedule of 国家档案局令第8号.
 *
 * @example
 * documentary2006.rules.find((r) => r.code === 'D10')?.period //=> { kind: 'fixed', years: 10 }
 */
export const documentary2006 = {
  formatVersion: 1,
  id: 'documentary-2006',
  name: '文书档案保管期限（默认）',
  nameEn: 'Administrative records (文书), default schedule',
  regulation: '机关文件材料归档范围和文书档案保管期限规定（国家档案局令第8号）',
  effective: '2006-12-18',
  note: '附件《文书档案保管期限表》逐项条目未收录；机关以 extendSchedule 补充本机关条目。The 附件 item table is not shipped; organs add their own rows.',
  counting: {
    // No clause found in 8号令; the textbook convention is the year after formation (standards-paper §3.1).
    rule: 'formation-year-end',
    source: { standard: ORDER, clause: '（无明文，按惯例自形成次年起算）', confidence: 'inferred', basis: ['S40'] },
  },
  rules: [
    { id: 'ws-y', code: 'Y', group: '保管期限', name: '永久', aliases: ['永久保管'], period: PERMANENT, minimum: false, source: { standard: ORDER, clause: '第六条', confidence: 'verified', basis: ['S34', 'S-qa'] } },
    { id: 'ws-d30', code: 'D30', group: '保管期限', name: '定期30年', aliases: ['30年', '定期三十年'], period: fixed(30), minimum: false, source: { standard: ORDER, clause: '第六条', confidence: 'verified', basis: ['S34', 'S-qa'] } },
    { id: 'ws-d10', code: 'D10', group: '保管期限', name: '定期10年', aliases: ['10年', '定期十年'], period: fixed(10), minimum: false, source: { standard: ORDER, clause: '第六条', confidence: 'verified', basis: ['S34', 'S-qa'] } },
    { id: 'ws-7-1', code: '7.1', group: '永久', name: '本机关制定的法规政策性文件材料', aliases: ['法规政策性文件'], period: PERMANENT, minimum: false, source: art7(1) },
    { id: 'ws-7-2', code: '7.2', group: '永久', name: '本机关召开重要会议、举办重大活动等形成的主要文件材料', aliases: ['重要会议主要文件', '重大活动主要文件'], period: PERMANENT, minimum: false, source: art7(2) },
    { id: 'ws-7-3', code: '7.3', group: '永久', name: '本机关职能活动中形成的重要业务文件材料', aliases: ['重要业务文件'], period: PERMANENT, minimum: false, source: art7(3) },
    { id: 'ws-7-4', code: '7.4', group: '永久', name: '本机关关于重要问题的请示与上级机关的批复、批示，重要的报告、总结、综合统计报表等', aliases: ['重要请示', '重要报告', '综合统计报表'], period: PERMANENT, minimum: false, source: art7(4) },
    { id: 'ws-7-5', code: '7.5', group: '永久', name: '本机关机构演变、人事任免等文件材料', aliases: ['机构演变', '人事任免'], period: PERMANENT, minimum: false, source: art7(5) },
    { id: 'ws-7-6', code: '7.6', group: '永久', name: '本机关房屋买卖、土地征用，重要的合同协议、资产登记等凭证性文件材料', aliases: ['房屋买卖', '土地征用', '重要合同', '资产登记'], period: PERMANENT, minimum: false, source: art7(6) },
    { id: 'ws-7-7', code: '7.7', group: '永久', name: '上级机关制发的属于本机关主管业务的重要文件材料', aliases: ['上级重要文件'], period: PERMANENT, minimum: false, source: art7(7) },
    { id: 'ws-7-8', code: '7.8', group: '永久', name: '同级机关、下级机关关于重要业务问题的来函、请示与本机关的复函、批复等文件材料', aliases: ['重要来函', '重要复函'], period: PERMANENT, minimum: false, source: art7(8) },
    { id: 'ws-8-1', code: '8.1', group: '定期', name: '本机关职能活动中形成的一般性业务文件材料', aliases: ['一般性业务文件'], period: fixed(30), minimum: false, source: art8(1), note: NOTE_D },
    { id: 'ws-8-2', code: '8.2', group: '定期', name: '本机关召开会议、举办活动等形成的一般性文件材料', aliases: ['一般性会议文件'], period: fixed(30), minimum: false, source: art8(2), note: NOTE_D },
    { id: 'ws-8-3', code: '8.3', group: '定期', name: '本机关人事管理工作形成的一般性文件材料', aliases: ['一般性人事管理文件'], period: fixed(30), minimum: false, source: art8(3), note: NOTE_D },
    { id: 'ws-8-4', code: '8.4', group: '定期', name: '本机关一般性事务管理文件材料', aliases: ['事务管理文件'], period: fixed(30), minimum: false, source: art8(4), note: NOTE_D },
    { id: 'ws-8-5', code: '8.5', group: '定期', name: '本机关关于一般性问题的请示与上级机关的批复、批示，一般性工作报告、总结、统计报表等', aliases: ['一般性请示', '一般性工作报告', '统计报表'], period: fixed(30), minimum: false, source: art8(5), note: NOTE_D },
    { id: 'ws-8-6', code: '8.6', group: '定期', name: '上级机关制发的属于本机关主管业务的一般性文件材料', aliases: ['上级一般性文件'], period: fixed(30), minimum: false, source: art8(6), note: NOTE_D },
    { id: 'ws-8-7', code: '8.7', group: '定期', name: '上级机关和同级机关制发的非本机关主管业务但要贯彻执行的文件材料', aliases: ['贯彻执行的文件'], period: fixed(30), minimum: false, source: art8(7), note: NOTE_D },
    { id: 'ws-8-8', code: '8.8', group: '定期', name: '同级机关、下级机关关于一般性业务问题的来函、请示与本机关的复函、批复等文件材料', aliases: ['一般性来函', '一般性复函'], period: fixed(30), minimum: false, source: art8(8), note: NOTE_D },
    { id: 'ws-8-9', code: '8.9', group: '定期', name: '下级机关报送的年度或年度以上计划、总结、统计、重要专题报告等文件材料', aliases: ['下级年度计划', '下级年度总结', '专题报告'], period: fixed(30), minimum: false, source: art8(9), note: NOTE_D },
  ],
} as const satisfies RetentionSchedule;
