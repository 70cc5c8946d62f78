/**
 * Retention schedules (保管期限表) as data. A schedule is a typed table; each
 * row names a kind of record, its 保管期限, how the period is counted and
 * where the row comes from (regulation + article or table row).
 *
 * @module
 */
import type { Citation } from '../model/index.js';
import type { RetentionPeriod } from '../model/index.js';

/**
 * When a retention period starts to run.
 *
 * - `formation-year-end`: 1 January after the year the record was formed
 *   (文书 convention; 社保 states it as 次年1月1日).
 * - `fiscal-year-end`: the day after the fiscal year ends (会计档案管理办法 2015 第十四条).
 * - `event`: the date of a named event (固定资产报废清理, 低保 停保 …).
 */
export type CountingRule = 'formation-year-end' | 'fiscal-year-end' | 'event';

/** How a schedule counts its periods, with the clause that says so. */
export interface CountingBasis {
  /** The counting rule. */
  readonly rule: CountingRule;
  /** Where the rule comes from, and how sure we are of it. */
  readonly source: Citation;
}

/** One row of a retention schedule. */
export interface RetentionRule {
  /** Unique within its schedule, e.g. `a1-01`. */
  readonly id: string;
  /** The row's number or code in its source table, e.g. `1`, `D30`. */
  readonly code: string;
  /** 档案名称 exactly as the source writes it. */
  readonly name: string;
  /** The heading the row sits under in its source table, e.g. `会计凭证`. */
  readonly group?: string;
  /** Other names the same records go by. */
  readonly aliases: readonly string[];
  /** The 保管期限. */
  readonly period: RetentionPeriod;
  /** True when the period is a minimum the holder may lengthen (会计 2015, 10号令 第十一条, 社保, 低保). */
  readonly minimum: boolean;
  /** A longer period the holder may extend to after appraisal (婚姻登记档案 100年 → 永久). */
  readonly extendableTo?: RetentionPeriod;
  /** Overrides the schedule's counting rule for this row (event periods use `event`). */
  readonly counting?: CountingRule;
  /** Regulation and article or table row. */
  readonly source: Citation;
  /** Remarks from the source table (备注), in Chinese as written. */
  readonly note?: string;
}

/** A retention schedule: metadata plus rows. */
export interface RetentionSchedule {
  /** Version of this data format; bumps when the shape changes. */
  readonly formatVersion: 1;
  /** Stable id, e.g. `accounting-2015-enterprise`; also the rendered file name. */
  readonly id: string;
  /** Name in Chinese. */
  readonly name: string;
  /** Name in English. */
  readonly nameEn: string;
  /** The instrument the schedule comes from, e.g. `会计档案管理办法（财政部 国家档案局令第79号）`. */
  readonly regulation: string;
  /** ISO date the instrument took effect, when known. */
  readonly effective?: string;
  /** True for a schedule kept only to read legacy data. */
  readonly legacy?: boolean;
  /** Remarks on the schedule as a whole (scope, what the source leaves open). */
  readonly note?: string;
  /** How rows count their periods unless they say otherwise. */
  readonly counting: CountingBasis;
  /** The rows. */
  readonly rules: readonly RetentionRule[];
}

/**
 * The counting rule that applies to a row of a schedule.
 *
 * @param schedule - The schedule the row belongs to.
 * @param rule - The row.
 * @returns The row's own rule, `event` for event periods, else the schedule's.
 * @example
 * countingRuleOf(accounting2015Enterprise, accounting2015Enterprise.rules[0]!) //=> 'fiscal-year-end'
 */
export function countingRuleOf(schedule: Pick<RetentionSchedule, 'counting'>, rule: Pick<RetentionRule, 'counting' | 'period'>): CountingRule {
  if (rule.period.kind === 'event') return 'event';
  return rule.counting ?? schedule.counting.rule;
}
