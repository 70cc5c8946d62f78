/**
 * 开放审核 (opening review), 档案法实施条例 (2024): national archives review
 * holdings for opening together with the 形成单位 or 移交单位 (第三十条);
 * records unsuitable to open when due (档案法 2020 第二十七条) may be deferred
 * with the consent of the archives authority at the same level (第三十一条).
 *
 * @module
 */
import type { Citation, OpeningReview } from '../model/index.js';
import type { Issue, Locale } from '../report/index.js';
import { parseCalendarDay, toCalendarDay, type CalendarDay } from './_calendar.js';
import { openingDate, type OpeningOptions, type OpeningRecord } from './openingDate.js';
import { createIssueFrom } from '../report/createIssue.js';
import { rulesIssues } from '../report/messages/rules.js';

/**
 * 档案法实施条例 (2024) 第三十条 and 第三十一条, quoted from the primary text.
 *
 * @example
 * OPENING_REVIEW_LAW.clause //=> '第三十条、第三十一条'
 */
export const OPENING_REVIEW_LAW: Citation = {
  standard: '中华人民共和国档案法实施条例（2024）',
  clause: '第三十条、第三十一条',
  confidence: 'verified',
  basis: ['law-archives-regs-2024'],
  quote: '对于《档案法》第二十七条规定的到期不宜开放的档案，经国家档案馆报同级档案主管部门同意，可以延期向社会开放。',
};

/**
 * Checks one 开放审核 record: a deferral must state its grounds (档案法
 * 第二十七条) and the reference of the 同级档案主管部门's consent (档案法实施条例
 * 2024 第三十一条).
 *
 * @param review - The review.
 * @param title - The record's title, for the message.
 * @param locale - Message locale.
 * @returns The issues; empty when the review is complete.
 * @example
 * checkOpeningReview({ reviewer: '张三', date: '20250316', result: 'deferred', grounds: ['其他到期不宜开放'] }, '某卷')[0]?.code //=> 'opening.deferral-unapproved'
 */
export function checkOpeningReview(review: OpeningReview, title: string, locale?: Locale): Issue[] {
  if (review.result !== 'deferred') return [];
  const issues: Issue[] = [];
  if (!review.grounds || review.grounds.length === 0) issues.push(createIssueFrom(rulesIssues, 'opening.deferral-ground-missing', { locale, params: { title } }));
  if (!review.approval) issues.push(createIssueFrom(rulesIssues, 'opening.deferral-unapproved', { locale, params: { title }, expected: '同级档案主管部门同意的文号' }));
  return issues;
}

/** A record considered for opening review. */
export interface ReviewableRecord extends OpeningRecord {
  /** 题名. */
  title: string;
  /** 档号. */
  archivalCode?: string;
  /** Reviews done so far, in any order. */
  reviews?: readonly OpeningReview[];
}

/**
 * Why a record is listed: `due` (its opening date or deferral ends in the
 * period), `overdue` (it did so before the period and was never reviewed
 * since), `undetermined` (its opening date cannot be computed: a person must
 * review it, and it stays closed meanwhile).
 */
export type OpeningReviewStatus = 'due' | 'overdue' | 'undetermined';

/** One record due for review. */
export interface OpeningReviewDue<T extends ReviewableRecord = ReviewableRecord> {
  /** 1-based position in the input. */
  index: number;
  /** The record. */
  record: T;
  /** Why it is listed. */
  status: OpeningReviewStatus;
  /** The day review falls due: its opening date, or the end of its last deferral. */
  dueOn?: CalendarDay;
  /** Issues: why the date is undetermined, and problems with earlier reviews. */
  issues: Issue[];
}

/**
 * Lists the records due for 开放审核 in a period (both days included): those
 * whose opening date (档案法 第二十七条) or last deferral ends in it, those
 * overdue and never reviewed since, and those whose opening date cannot be
 * computed. Records whose last review opened them are not listed; a
 * deferral with no end day stays due. A deferral without approval or
 * grounds still keeps the record closed, and its issue is attached.
 *
 * @param records - The records, each with its reviews.
 * @param from - First day of the period, `YYYYMMDD` or `YYYY-MM-DD`.
 * @param to - Last day of the period.
 * @param options - Per-category years, as {@link openingDate} takes them, and the locale.
 * @returns The records due, in input order.
 * @throws {RangeError} When `from` or `to` is not a complete date (a programmer error).
 * @example
 * dueForOpeningReview([{ title: '2000年总结', date: '20000315' }], '2025-01-01', '2025-12-31')[0]?.dueOn //=> '2025-03-16'
 */
export function dueForOpeningReview<T extends ReviewableRecord>(
  records: readonly T[],
  from: string,
  to: string,
  options: OpeningOptions & { locale?: Locale } = {},
): OpeningReviewDue<T>[] {
  const start = parseCalendarDay(from);
  const end = parseCalendarDay(to);
  if (!start || !end) throw new RangeError(`[dangan] from and to must be complete dates (YYYYMMDD or YYYY-MM-DD), got "${from}", "${to}"`);
  const listed: OpeningReviewDue<T>[] = [];
  records.forEach((record, i) => {
    // A review whose date cannot be read counts for nothing (it cannot have opened the record).
    const all = record.reviews ?? [];
    const unreadable = all.filter((review) => !parseCalendarDay(review.date));
    const reviews = all.filter((review) => parseCalendarDay(review.date)).sort((a, b) => dayValue(a.date) - dayValue(b.date));
    const issues = [
      ...unreadable.map((review) => createIssueFrom(rulesIssues, 'opening.date-unreadable', { locale: options.locale, params: { value: review.date }, received: review.date })),
      ...reviews.flatMap((review) => checkOpeningReview(review, record.title, options.locale)),
    ];
    const last = reviews.at(-1);
    if (last?.result === 'open') return;
    const base = { index: i + 1, record };
    let dueOn: CalendarDay;
    if (last) {
      const until = last.deferredUntil === undefined ? undefined : parseCalendarDay(last.deferredUntil);
      if (!until) {
        listed.push({ ...base, status: 'due', issues });
        return;
      }
      dueOn = toCalendarDay(until);
    } else {
      const opening = openingDate(record, options);
      if (opening.status === 'undetermined') {
        listed.push({ ...base, status: 'undetermined', issues: [opening.issue, ...issues] });
        return;
      }
      dueOn = opening.opensOn;
    }
    const due = parseCalendarDay(dueOn)!;
    if (due > end) return;
    listed.push({ ...base, status: due < start ? 'overdue' : 'due', dueOn, issues });
  });
  return listed;
}

function dayValue(text: string): number {
  return parseCalendarDay(text)!.getTime();
}
