/**
 * When a retention period starts, when it expires and when appraisal is due.
 *
 * @module
 */
import { addDays, subDays } from 'date-fns';
import type { Citation } from '../model/citation.js';
import { formatRetentionPeriod, type RetentionPeriod } from '../model/retentionPeriod.js';
import type { Issue } from '../report/index.js';
import {
  addWholeYears,
  clampedDay,
  dayOf,
  parseLatestDay,
  toCalendarDay,
  type CalendarDay,
} from './_calendar.js';
import { suggestLegacyMapping, type LegacySuggestion } from './legacyMapping.js';
import type { CountingRule } from './schedule.js';
import { createIssueFrom } from '../report/createIssue.js';
import { rulesIssues } from '../report/messages/rules.js';

/**
 * 会计法 (2024) 第十一条: the fiscal year is the calendar year, so the default
 * fiscal-year end is 31 December. Quoted from the primary text.
 *
 * @example
 * FISCAL_YEAR.quote //=> '会计年度自公历1月1日起至12月31日止。'
 */
export const FISCAL_YEAR: Citation = {
  standard: '中华人民共和国会计法（2024年修正）',
  clause: '第十一条',
  confidence: 'verified',
  basis: ['law-accounting-2024'],
  quote: '会计年度自公历1月1日起至12月31日止。',
};

/** What the date rules need to know about a record. */
export interface RetentionRecord {
  /** 年度: the formation year (or fiscal year for 会计). */
  year?: number;
  /** 日期 `YYYYMMDD` or `YYYY-MM-DD`; gives the year when `year` is absent. A partial date (`20150000`) counts as its latest possible day. */
  date?: string;
  /** Date of the event an event-based period runs from, `YYYYMMDD` or `YYYY-MM-DD` (a partial date counts as its latest possible day). */
  eventDate?: string;
}

/** The part of a rule the date arithmetic reads. */
export interface RetentionRuleLike {
  /** The 保管期限. */
  period: RetentionPeriod;
  /** The counting rule; see {@link countingRuleOf}. */
  counting?: CountingRule;
}

/** Options of {@link retentionDates}. */
export interface RetentionDatesOptions {
  /** Counting rule when the rule has none (a schedule's default); `formation-year-end` if absent. */
  counting?: CountingRule;
  /** Last day of the fiscal year; 31 December by default (会计法: 公历1月1日起至12月31日止). */
  fiscalYearEnd?: { month: number; day: number };
}

/** Result of {@link retentionDates}. */
export type RetentionDates =
  | {
      /** The period has a computable end. */
      status: 'counted';
      /** First day of the period. */
      countingStart: CalendarDay;
      /** Last day the record must be kept. */
      expiry: CalendarDay;
      /** First day the record may be appraised for disposal (the day after expiry). */
      appraisalDue: CalendarDay;
    }
  | { status: 'permanent' }
  | { status: 'awaiting-event'; event: string; issue: Issue }
  | { status: 'needs-reappraisal'; suggestion: LegacySuggestion; issue: Issue }
  | { status: 'undetermined'; issue: Issue };

/**
 * Computes the retention dates of one record under one rule.
 *
 * Counting starts (standards-paper §3.1, §3.3, §3.5):
 * - `formation-year-end`: 1 January after the formation year (文书 convention; 社保 次年1月1日);
 * - `fiscal-year-end`: the day after the fiscal year ends (会计档案管理办法 2015);
 * - `event`: the event date (固定资产报废清理, 停保 …).
 *
 * The period ends the day before the anniversary of the start; appraisal is
 * due on the anniversary. A start on 29 February runs to 1 March in a common
 * year, so nothing is ever due early. Permanent periods never expire; legacy
 * 长期/短期 are not computed but flagged for re-appraisal with a suggestion.
 *
 * @param record - Formation year or date, and the event date for event periods.
 * @param rule - The period and, optionally, its counting rule.
 * @param options - Default counting rule and fiscal-year end.
 * @returns The dates, or a status with an issue saying why there are none.
 * @example
 * retentionDates({ year: 2015 }, { period: { kind: 'fixed', years: 10 } })
 * //=> { status: 'counted', countingStart: '2016-01-01', expiry: '2025-12-31', appraisalDue: '2026-01-01' }
 */
export function retentionDates(
  record: RetentionRecord,
  rule: RetentionRuleLike,
  options: RetentionDatesOptions = {},
): RetentionDates {
  const { period } = rule;
  if (period.kind === 'permanent') return { status: 'permanent' };
  if (period.kind === 'legacy') {
    const suggestion = suggestLegacyMapping(period)!;
    const issue = createIssueFrom(rulesIssues, 'retention.legacy-period', {
      params: { period: formatRetentionPeriod(period, 'zh'), suggested: formatRetentionPeriod(suggestion.suggested, 'zh') },
    });
    return { status: 'needs-reappraisal', suggestion, issue };
  }
  if (!Number.isInteger(period.years) || period.years < 1 || period.years > 9999) {
    const value = JSON.stringify(period);
    return { status: 'undetermined', issue: createIssueFrom(rulesIssues, 'retention.period-invalid', { params: { value }, received: value }) };
  }
  const start = countingStart(record, period.kind === 'event' ? 'event' : (rule.counting ?? options.counting ?? 'formation-year-end'), options);
  if ('pending' in start && period.kind === 'event') {
    return { status: 'awaiting-event', event: period.event, issue: createIssueFrom(rulesIssues, 'retention.event-pending', { params: { event: period.event } }) };
  }
  if (!('date' in start)) return { status: 'undetermined', issue: 'issue' in start ? start.issue : createIssueFrom(rulesIssues, 'retention.year-missing') };
  const due = addWholeYears(start.date, period.years);
  return {
    status: 'counted',
    countingStart: toCalendarDay(start.date),
    expiry: toCalendarDay(subDays(due, 1)),
    appraisalDue: toCalendarDay(due),
  };
}

function countingStart(
  record: RetentionRecord,
  counting: CountingRule,
  options: RetentionDatesOptions,
): { date: Date } | { issue: Issue } | { pending: true } {
  if (counting === 'event') {
    if (record.date !== undefined && record.date.trim() !== '' && !parseLatestDay(record.date)) return { issue: dateIssue(record.date) };
    if (record.eventDate === undefined || record.eventDate.trim() === '') return { pending: true };
    const date = parseLatestDay(record.eventDate);
    return date ? { date } : { issue: dateIssue(record.eventDate) };
  }
  const formed = formationDate(record);
  if ('issue' in formed) return formed;
  if (counting === 'formation-year-end') return { date: dayOf(formed.year + 1, 1, 1) };
  // fiscal-year-end: the day after the fiscal year named by its closing calendar year.
  const end = options.fiscalYearEnd ?? { month: 12, day: 31 };
  let fiscalYear = formed.year;
  if (formed.date && formed.date > clampedDay(formed.year, end.month, end.day)) fiscalYear += 1;
  return { date: addDays(clampedDay(fiscalYear, end.month, end.day), 1) };
}

function formationDate(record: RetentionRecord): { year: number; date?: Date } | { issue: Issue } {
  // A date that is given but cannot be read fails closed even beside a year: the two may disagree.
  const given = record.date !== undefined && record.date.trim() !== '';
  if (given && !parseLatestDay(record.date!)) return { issue: dateIssue(record.date!) };
  if (record.year !== undefined) {
    if (!Number.isInteger(record.year) || record.year < 1 || record.year > 9999) {
      return { issue: createIssueFrom(rulesIssues, 'retention.date-invalid', { params: { value: String(record.year) }, received: record.year }) };
    }
    // Year and date disagreeing: count from the later, so nothing is due early.
    const dated = given ? parseLatestDay(record.date!)! : undefined;
    return dated && dated.getFullYear() > record.year ? { year: dated.getFullYear(), date: dated } : { year: record.year };
  }
  if (!given) return { issue: createIssueFrom(rulesIssues, 'retention.year-missing') };
  const date = parseLatestDay(record.date!)!;
  return { year: date.getFullYear(), date };
}

function dateIssue(value: string): Issue {
  return createIssueFrom(rulesIssues, 'retention.date-invalid', { params: { value }, received: value, expected: 'YYYYMMDD' });
}
