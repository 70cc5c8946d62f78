/**
 * 保密期限 arithmetic. 保守国家秘密法 (2024) 第二十条: periods are set "限定在必要
 * 的期限内", at most 绝密 30, 机密 20, 秘密 10 years unless otherwise provided;
 * where no period can be set, a 解密条件 is set instead, and units may set a
 * 解密时间. 保守国家秘密法实施条例 (2024) 第十九条: the period counts from the
 * marked 制发日. A marking with no period takes the ceiling of its
 * classification. Anything else (★长期, a period in Chinese numerals, a
 * 解密条件 or 解密时间) cannot be read into a date: the result is
 * `undetermined`, never an expiry.
 *
 * @module
 */
import type { Citation } from '../model/index.js';
import { exceedsSecrecyCeiling, parseSecrecyMarking, secrecyCeilings, secrecyMarkingSchema, type SecrecyMarking } from '../model/index.js';
import type { Issue } from '../report/index.js';
import { dayAfterPeriod, lastDayOfPeriod, parseCalendarDay, toCalendarDay, type CalendarDay } from './_calendar.js';
import { createIssueFrom } from '../report/createIssue.js';
import { rulesIssues } from '../report/messages/rules.js';

/**
 * 保守国家秘密法实施条例 (2024) 第十九条: where the period counts from, and the
 * marking forms (保密期限, 解密时间, 解密条件), quoted from the primary text.
 *
 * @example
 * SECRECY_COUNTING.clause //=> '第十九条'
 */
export const SECRECY_COUNTING: Citation = {
  standard: '中华人民共和国保守国家秘密法实施条例（2024）',
  clause: '第十九条',
  confidence: 'verified',
  basis: ['law-secrets-regs-2024'],
  quote: '国家秘密的保密期限，自标明的制发日起计算',
};

/** A 保密期限 that could be counted. */
export interface SecrecyDates {
  /** Always `counted`. */
  status: 'counted';
  /** The marking as read. */
  marking: SecrecyMarking;
  /** The period applied, in years or months. */
  period: { years: number } | { months: number };
  /** True when no period was marked and the classification's ceiling applied. */
  ceilingApplied: boolean;
  /** True when the marked period is longer than the ceiling (allowed only where otherwise provided). */
  exceedsCeiling: boolean;
  /** Last day the record is classified. */
  classifiedUntil: CalendarDay;
  /** First day the period has run out (解密 may be recorded from this day). */
  expiresOn: CalendarDay;
}

/** Why a 保密期限 could not be counted: the issue quotes the marking or date. */
export interface SecrecyUndetermined {
  /** Always `undetermined`. */
  status: 'undetermined';
  /** `opening.secrecy-unreadable` (quoting the marking) or `opening.date-unreadable`. */
  issue: Issue;
}

/**
 * Computes when a 密级 marking's 保密期限 runs out. The marked day is not
 * counted (民法典 第二百零一条): `机密★10年` marked 2015-03-01 is classified
 * through 2025-03-01 and expires on 2025-03-02.
 *
 * @param marking - A marking (`机密★10年`, `秘密★6个月`, `绝密`) or its parsed form.
 * @param markedOn - The marked 制发日 the period counts from, `YYYYMMDD` or `YYYY-MM-DD`.
 * @returns The dates, or `undetermined` with an issue when the marking or the date cannot be read.
 * @example
 * secrecyDates('机密★10年', '20150301') //=> { status: 'counted', …, classifiedUntil: '2025-03-01', expiresOn: '2025-03-02' }
 * secrecyDates('绝密★长期', '20150301').status //=> 'undetermined'
 */
export function secrecyDates(marking: SecrecyMarking | string, markedOn: string): SecrecyDates | SecrecyUndetermined {
  const parsed = typeof marking === 'string' ? parseSecrecyMarking(marking) : (secrecyMarkingSchema.safeParse(marking).data as SecrecyMarking | undefined);
  if (!parsed) return { status: 'undetermined', issue: unreadableMarking(marking) };
  const start = parseCalendarDay(markedOn);
  if (!start) return { status: 'undetermined', issue: createIssueFrom(rulesIssues, 'opening.date-unreadable', { params: { value: markedOn }, received: markedOn, expected: 'YYYYMMDD' }) };
  const ceiling = secrecyCeilings.find((c) => c.classification === parsed.classification)!.maxYears;
  const ceilingApplied = parsed.years === undefined && parsed.months === undefined;
  const period: SecrecyDates['period'] =
    parsed.years !== undefined ? { years: parsed.years } : parsed.months !== undefined ? { months: parsed.months } : { years: ceiling };
  return {
    status: 'counted',
    marking: parsed,
    period,
    ceilingApplied,
    exceedsCeiling: exceedsSecrecyCeiling(parsed),
    classifiedUntil: toCalendarDay(lastDayOfPeriod(start, period)),
    expiresOn: toCalendarDay(dayAfterPeriod(start, period)),
  };
}

// The issue for a 密级 marking whose period cannot be read; it quotes the marking.
function unreadableMarking(marking: unknown): Issue {
  const text = typeof marking === 'string' ? marking : JSON.stringify(marking) ?? String(marking);
  return createIssueFrom(rulesIssues, 'opening.secrecy-unreadable', { params: { marking: text }, received: text });
}
