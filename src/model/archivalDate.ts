
/**
 * A 日期 as archives write it (DA/T 22-2015 §5.5): a Gregorian date whose month
 * and day may be unknown (`00` in the 8-digit form), possibly established by
 * research (考证日期, written in `[ ]`, DA/T 18-2022 §7.6.6).
 */
export type ArchivalDate = {
  /** Four-digit year, 1–9999. */
  year: number;
  /** 1–12, or `null` when unknown (`00`). */
  month: number | null;
  /** 1–31, or `null` when unknown (`00`); always `null` when the month is. */
  day: number | null;
  /** True for a researched date (考证日期), written in square brackets. */
  researched: boolean;
};

/** Result of {@link parseArchivalDate}. */
export type ArchivalDateParseResult =
  | { ok: true; date: ArchivalDate; normalized: string }
  | { ok: false; reason: 'format' | 'calendar'; received: string };

// DA/T 22-2015 §5.5: 8 digits, ISO 8601 basic form; `YYYY-MM-DD` accepted on input.
const BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})$/;
// 考证日期 in ASCII or full-width square brackets.
const RESEARCHED = /^[[［](.*)[\]］]$/;

/**
 * Parses a 日期 in `YYYYMMDD` (DA/T 22-2015 §5.5) or `YYYY-MM-DD` form. `00`
 * stands for an unknown month or day (`20150000`, `20150300`); a date in
 * square brackets (`[20150301]`) is a researched date (考证日期). Leading and
 * trailing whitespace is ignored.
 *
 * @param text - The date as written.
 * @returns `{ ok: true, date, normalized }` with `normalized` in basic form
 *   (brackets kept), or `{ ok: false, reason }`: `format` when the text is not
 *   such a date at all, `calendar` when it names no real day (`20150231`,
 *   month 13, or a known day in an unknown month).
 * @example
 * parseArchivalDate('[2015-03-01]')
 * //=> { ok: true, date: { year: 2015, month: 3, day: 1, researched: true }, normalized: '[20150301]' }
 * parseArchivalDate('20150231') //=> { ok: false, reason: 'calendar', received: '20150231' }
 */
export function parseArchivalDate(text: string): ArchivalDateParseResult {
  const trimmed = text.trim();
  const bracketed = RESEARCHED.exec(trimmed);
  const body = bracketed ? (bracketed[1] ?? '').trim() : trimmed;
  const parts = BASIC.exec(body) ?? EXTENDED.exec(body);
  if (!parts) return { ok: false, reason: 'format', received: text };
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  if (!isCalendarDate(year, month, day)) return { ok: false, reason: 'calendar', received: text };
  const date: ArchivalDate = {
    year,
    month: month === 0 ? null : month,
    day: day === 0 ? null : day,
    researched: bracketed !== null,
  };
  return { ok: true, date, normalized: formatArchivalDate(date) };
}

/** True when year/month/day (0 = unknown) name a possible Gregorian day. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month > 12) return false;
  if (month === 0) return day === 0; // an unknown month cannot have a known day
  return day <= daysInMonth(year, month);
}

// Days per month in a common year, January first.
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_LENGTHS[month - 1] ?? 0;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Writes an {@link ArchivalDate}: `basic` is the 8-digit `YYYYMMDD` of DA/T
 * 22-2015 §5.5, `extended` is `YYYY-MM-DD`. Unknown parts are written `00` in
 * both styles and a researched date keeps its square brackets, so
 * {@link parseArchivalDate} reads back exactly what was written.
 *
 * @param date - The date to write.
 * @param style - `basic` (default) or `extended`.
 * @returns The date as text.
 * @example
 * formatArchivalDate({ year: 2015, month: 3, day: null, researched: true }) //=> '[20150300]'
 * formatArchivalDate({ year: 1999, month: 9, day: 9, researched: false }, 'extended') //=> '1999-09-09'
 */
export function formatArchivalDate(date: ArchivalDate, style: 'basic' | 'extended' = 'basic'): string {
  const pad = (n: number | null, width: number) => String(n ?? 0).padStart(width, '0');
  const separator = style === 'extended' ? '-' : '';
  const body = [pad(date.year, 4), pad(date.month, 2), pad(date.day, 2)].join(separator);
  return date.researched ? `[${body}]` : body;
}

/**
 * Compares two written dates by the day they name, unknown parts counting as
 * the earliest possible. Both must be accepted by {@link parseArchivalDate}.
 *
 * @param a - A date as written.
 * @param b - Another date as written.
 * @returns Negative when `a` is earlier, 0 when the same, positive when later;
 *   `undefined` when either does not parse.
 * @example
 * compareArchivalDates('20150300', '2015-03-01') //=> -1
 */
export function compareArchivalDates(a: string, b: string): number | undefined {
  const x = parseArchivalDate(a);
  const y = parseArchivalDate(b);
  if (!x.ok || !y.ok) return undefined;
  const key = (d: ArchivalDate) => d.year * 10_000 + (d.month ?? 0) * 100 + (d.day ?? 0);
  return Math.sign(key(x.date) - key(y.date));
}
