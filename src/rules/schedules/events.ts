/**
 * Events that start event-based retention periods. A period names its event
 * in Chinese as the regulation words it (so `formatRetentionPeriod` writes
 * `固定资产报废清理后5年`); this table adds the English label.
 *
 * @module
 */
import type { Citation } from '../../model/index.js';

/** One retention event: its English label and where it comes from. */
export interface RetentionEvent {
  /** English label. */
  readonly en: string;
  /** The regulation that names the event. */
  readonly source: Citation;
}

/**
 * Events used by the built-in schedules, keyed by their Chinese name. A user
 * schedule may name other events; they are then shown as written.
 *
 * @example
 * retentionEvents['固定资产报废清理'].en //=> 'the fixed asset is scrapped and cleared'
 */
export const retentionEvents = {
  固定资产报废清理: {
    en: 'the fixed asset is scrapped and cleared',
    source: { standard: '会计档案管理办法（2015）', clause: '附表1 第6行；附表2 第9行', confidence: 'verified', basis: ['S42-lilvbiao', 'S42-51yue'] },
  },
  停保: {
    en: 'the household leaves minimum-subsistence assistance',
    source: { standard: '民政部 国家档案局关于加强最低生活保障档案管理的通知', confidence: 'verified', basis: ['S45-fymate', 'S45-lawtime', 'S45-kaijiang'] },
  },
} as const satisfies Readonly<Record<string, RetentionEvent>>;

/**
 * The label of an event in a locale.
 *
 * @param event - The event as a period names it.
 * @param locale - `zh-CN` (the name itself) or `en`.
 * @returns The label; events no table knows are returned as written.
 * @example
 * retentionEventLabel('固定资产报废清理', 'en') //=> 'the fixed asset is scrapped and cleared'
 * retentionEventLabel('合同终止', 'en') //=> '合同终止'
 */
export function retentionEventLabel(event: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (locale === 'zh-CN') return event;
  const known = (retentionEvents as Readonly<Record<string, RetentionEvent | undefined>>)[event];
  return known ? known.en : event;
}
