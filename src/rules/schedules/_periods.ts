/**
 * Shorthands for writing 保管期限 in schedule tables. Internal: the tables use
 * them so each row stays on one line.
 *
 * @module
 */
import type { RetentionPeriod } from '../../model/index.js';

/** 永久 (permanent). */
export const PERMANENT = { kind: 'permanent' } as const satisfies RetentionPeriod;

/**
 * 定期 N 年 (a fixed number of years).
 *
 * @param years - Whole years.
 * @returns The period.
 * @example
 * fixed(30) //=> { kind: 'fixed', years: 30 }
 */
export function fixed(years: number): RetentionPeriod {
  return { kind: 'fixed', years };
}

/**
 * N years after a named event, named in Chinese as the regulation words it.
 *
 * @param years - Whole years after the event.
 * @param event - Event name in Chinese, e.g. `固定资产报废清理`.
 * @returns The period.
 * @example
 * afterEvent(5, '固定资产报废清理') //=> { kind: 'event', years: 5, event: '固定资产报废清理' }
 */
export function afterEvent(years: number, event: string): RetentionPeriod {
  return { kind: 'event', years, event };
}
