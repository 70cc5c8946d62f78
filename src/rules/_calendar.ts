/**
 * Calendar-day helpers shared by the date rules. Internal. Days are handled as
 * local-midnight `Date`s for date-fns and exchanged as `YYYY-MM-DD` strings,
 * which carry no time zone.
 *
 * @module
 */
import { addDays, addMonths, addYears, getDaysInMonth, isLeapYear } from 'date-fns';
import { parseArchivalDate } from '../model/archivalDate.js';

/** A calendar day written `YYYY-MM-DD`. */
export type CalendarDay = string;

/**
 * Local midnight of a calendar day.
 *
 * @param year - Full year.
 * @param month - 1–12.
 * @param day - Day of month; values past the month's end roll over, as in `Date`.
 * @returns The date.
 */
export function dayOf(year: number, month: number, day: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month - 1, day); // not the constructor: it reads years 0–99 as 19xx
  return date;
}

/**
 * Writes a date as `YYYY-MM-DD`.
 *
 * @param date - A date.
 * @returns The calendar day.
 */
export function toCalendarDay(date: Date): CalendarDay {
  // As date-fns `format(date, 'yyyy-MM-dd')` writes it (a year before 1 as its era year, 1 − year),
  // without its formatter and locale tables, which a browser bundle of retentionDates would carry.
  const fullYear = date.getFullYear();
  const year = fullYear > 0 ? fullYear : 1 - fullYear;
  return `${pad(year, 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Reads a complete date written `YYYYMMDD` or `YYYY-MM-DD` (brackets of a
 * researched date allowed) through {@link parseArchivalDate}.
 *
 * @param text - The date.
 * @returns The date, or `undefined` when it is not a complete calendar date.
 */
export function parseCalendarDay(text: string): Date | undefined {
  const parsed = parseArchivalDate(text);
  if (!parsed.ok || parsed.date.month === null || parsed.date.day === null) return undefined;
  return dayOf(parsed.date.year, parsed.date.month, parsed.date.day);
}

/**
 * Reads a date that may be partial (`20150000`, `20150300`, DA/T 22-2015 §5.5)
 * as the **latest** day it can stand for, so periods counted from it never
 * end early: an unknown day is the month's last day, an unknown month is
 * 31 December.
 *
 * @param text - The date as written.
 * @returns The latest possible day, or `undefined` when the text is not a date.
 */
export function parseLatestDay(text: string): Date | undefined {
  const parsed = parseArchivalDate(text);
  if (!parsed.ok) return undefined;
  const { year, month, day } = parsed.date;
  if (month === null) return dayOf(year, 12, 31);
  return day === null ? clampedDay(year, month, 31) : dayOf(year, month, day);
}

/**
 * The last day of a month, clamping a day that month does not have
 * (e.g. 29 February in a common year gives the 28th).
 *
 * @param year - Full year.
 * @param month - 1–12.
 * @param day - Requested day.
 * @returns The date.
 */
export function clampedDay(year: number, month: number, day: number): Date {
  return dayOf(year, month, Math.min(day, getDaysInMonth(dayOf(year, month, 1))));
}

/**
 * Adds whole years without ever landing early: a period that starts on
 * 29 February ends, in a common year, on 1 March rather than 28 February,
 * so a record is never due before its full term has run.
 *
 * @param start - Start day.
 * @param years - Whole years.
 * @returns The anniversary.
 */
export function addWholeYears(start: Date, years: number): Date {
  const result = addYears(start, years);
  const fromLeapDay = start.getMonth() === 1 && start.getDate() === 29;
  if (fromLeapDay && !isLeapYear(result)) return dayOf(result.getFullYear(), 3, 1);
  return result;
}

/**
 * The last day of a period of whole years or months running from an event
 * day, counted as 民法典 第二百零一条 and 第二百零二条 count: the day of the
 * event is not counted, and the period ends on the corresponding day of the
 * last month (or that month's last day when it has no such day). Used where
 * a law says a period runs "自…之日起满N年" (档案法 第二十七条, 档案法实施条例
 * 第二十条) or from a marked date (保守国家秘密法实施条例 第十九条).
 *
 * @param event - The day the period runs from (formation, 制发日).
 * @param period - Whole years or months.
 * @returns The period's last day; the day after it is the first day the period has run.
 */
export function lastDayOfPeriod(event: Date, period: { years: number } | { months: number }): Date {
  return 'years' in period ? addYears(event, period.years) : addMonths(event, period.months);
}

/**
 * The first day after a period counted by {@link lastDayOfPeriod} has run.
 *
 * @param event - The day the period runs from.
 * @param period - Whole years or months.
 * @returns The day after the period's last day.
 */
export function dayAfterPeriod(event: Date, period: { years: number } | { months: number }): Date {
  return addDays(lastDayOfPeriod(event, period), 1);
}
