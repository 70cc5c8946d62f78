/**
 * 保密期限 arithmetic (保守国家秘密法 2010; 国家秘密保密期限的规定):
 * a period counts from the marked date; with no period marked the ceiling of
 * the classification applies (绝密 30, 机密 20, 秘密 10 years).
 *
 * @module
 */
import { addMonths, subDays } from 'date-fns';
import { exceedsSecrecyCeiling, parseSecrecyMarking, secrecyCeilings, type SecrecyMarking } from '../model/index.js';
import { addWholeYears, parseCalendarDay, toCalendarDay, type CalendarDay } from './_calendar.js';

/** Result of {@link secrecyDates}. */
export interface SecrecyDates {
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

/**
 * Computes when a 密级 marking's 保密期限 runs out.
 *
 * @param marking - A marking (`机密★10年`, `秘密★6个月`, `绝密`) or its parsed form.
 * @param markedOn - The date the period counts from (the marked issue date), `YYYYMMDD` or `YYYY-MM-DD`.
 * @returns The dates, or `undefined` when the marking or the date cannot be read.
 * @example
 * secrecyDates('机密★10年', '20150301')?.expiresOn //=> '2025-03-01'
 * secrecyDates('绝密', '20150301')?.expiresOn //=> '2045-03-01'
 */
export function secrecyDates(marking: SecrecyMarking | string, markedOn: string): SecrecyDates | undefined {
  const parsed = typeof marking === 'string' ? parseSecrecyMarking(marking) : marking;
  const start = parseCalendarDay(markedOn);
  if (!parsed || !start) return undefined;
  const ceiling = secrecyCeilings.find((c) => c.classification === parsed.classification)!.maxYears;
  const ceilingApplied = parsed.years === undefined && parsed.months === undefined;
  const period: SecrecyDates['period'] =
    parsed.years !== undefined ? { years: parsed.years } : parsed.months !== undefined ? { months: parsed.months } : { years: ceiling };
  const end = 'years' in period ? addWholeYears(start, period.years) : addMonths(start, period.months);
  return {
    marking: parsed,
    period,
    ceilingApplied,
    exceedsCeiling: exceedsSecrecyCeiling(parsed),
    classifiedUntil: toCalendarDay(subDays(end, 1)),
    expiresOn: toCalendarDay(end),
  };
}
