/**
 * Which records are due for appraisal (鉴定) on a given day.
 *
 * @module
 */
import type { RetentionPeriod } from '../model/index.js';
import type { Issue } from '../report/index.js';
import { parseCalendarDay } from './_calendar.js';
import type { DisposalHold } from './disposalHolds.js';
import { retentionDates, type RetentionDates, type RetentionDatesOptions, type RetentionRecord } from './retentionDates.js';
import type { CountingRule } from './schedule.js';

/** A record considered for appraisal. */
export interface AppraisalItem extends RetentionRecord {
  /** 题名. */
  title: string;
  /** 档号. */
  archivalCode?: string;
  /** 页数. */
  pageCount?: number;
  /** 备注. */
  remarks?: string;
  /** 保管期限. */
  period: RetentionPeriod;
  /** Counting rule; the option's default otherwise. */
  counting?: CountingRule;
  /** Holds that block destruction. */
  holds?: readonly DisposalHold[];
}

/**
 * Appraisal status of one record on a day:
 * `due` (period run, no hold), `on-hold` (period run, held), `not-due`,
 * `permanent`, `needs-reappraisal` (legacy 长期/短期), `awaiting-event`
 * (event not recorded) or `undetermined` (no usable year or date).
 */
export type AppraisalStatus = 'due' | 'on-hold' | 'not-due' | 'permanent' | 'needs-reappraisal' | 'awaiting-event' | 'undetermined';

/** The appraisal status of one record. */
export interface AppraisalResult<T extends AppraisalItem = AppraisalItem> {
  /** 1-based position in the input. */
  index: number;
  /** The record. */
  item: T;
  /** Its status on the day. */
  status: AppraisalStatus;
  /** The computed dates. */
  dates: RetentionDates;
  /** Why there are no dates, when there are none. */
  issue?: Issue;
}

/**
 * Classifies each record as due for appraisal or not on `asOf`. A record is
 * due on its appraisal-due day (the day after expiry) and later.
 *
 * @param items - The records, each with its period and formation year or date.
 * @param asOf - The day, `YYYYMMDD` or `YYYY-MM-DD`.
 * @param options - Default counting rule and fiscal-year end.
 * @returns One result per record, in input order.
 * @throws {RangeError} When `asOf` is not a complete date (a programmer error).
 * @example
 * dueForAppraisal([{ title: '2015年会计凭证', year: 2015, period: { kind: 'fixed', years: 10 } }], '2026-01-01')[0].status //=> 'due'
 */
export function dueForAppraisal<T extends AppraisalItem>(
  items: readonly T[],
  asOf: string,
  options: RetentionDatesOptions = {},
): AppraisalResult<T>[] {
  const day = parseCalendarDay(asOf);
  if (!day) throw new RangeError(`[dangan] asOf must be a complete date (YYYYMMDD or YYYY-MM-DD), got "${asOf}"`);
  return items.map((item, i) => {
    const dates = retentionDates(item, { period: item.period, ...(item.counting ? { counting: item.counting } : {}) }, options);
    const base = { index: i + 1, item, dates };
    switch (dates.status) {
      case 'permanent':
        return { ...base, status: 'permanent' };
      case 'needs-reappraisal':
      case 'awaiting-event':
      case 'undetermined':
        return { ...base, status: dates.status, issue: dates.issue };
      case 'counted': {
        const due = parseCalendarDay(dates.appraisalDue)!;
        if (day < due) return { ...base, status: 'not-due' };
        return { ...base, status: item.holds && item.holds.length > 0 ? 'on-hold' : 'due' };
      }
    }
  });
}
