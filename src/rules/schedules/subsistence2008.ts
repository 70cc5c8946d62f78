/**
 * 最低生活保障档案 (民政部 国家档案局 notice on strengthening 低保 records,
 * c. 2008; the document number is not confirmed). 审批类 records are kept at
 * least 3 years after the household leaves 低保; 日常管理类 at least 5 years.
 * See standards-paper §3.5.
 *
 * @module
 */
import type { Citation } from '../../model/index.js';
import type { RetentionSchedule } from '../schedule.js';
import { afterEvent, fixed } from './_periods.js';

const NOTICE = '民政部 国家档案局关于加强最低生活保障档案管理的通知（约2008年，文号未确认）';
const src: Citation = { standard: NOTICE, confidence: 'verified', basis: ['S45-fymate', 'S45-lawtime', 'S45-kaijiang'] };

/**
 * 低保 records: 审批类 (event-based) and 日常管理类.
 *
 * @example
 * subsistence2008.rules[0]?.period //=> { kind: 'event', years: 3, event: '停保' }
 */
export const subsistence2008 = {
  formatVersion: 1,
  id: 'subsistence-2008',
  name: '最低生活保障档案保管期限',
  nameEn: 'Minimum-subsistence (低保) records',
  regulation: NOTICE,
  note: '期满后综合档案馆可按比例抽样接收。After expiry the archive may accession a sample.',
  counting: { rule: 'formation-year-end', source: { standard: NOTICE, clause: '（日常管理类起算未载，按文书惯例）', confidence: 'inferred', basis: ['S45-fymate'] } },
  rules: [
    {
      id: 'db-1', code: '1', name: '审批类', aliases: ['低保审批档案', '审批类档案', '一户一档'],
      period: afterEvent(3, '停保'), minimum: true, source: src, note: '停保后至少保存3年',
    },
    { id: 'db-2', code: '2', name: '日常管理类', aliases: ['低保日常管理档案', '日常管理类档案'], period: fixed(5), minimum: true, source: src, note: '至少保存5年' },
  ],
} as const satisfies RetentionSchedule;
