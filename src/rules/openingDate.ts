/**
 * 开放 (opening to the public). 档案法 (2020) 第二十七条: "县级以上各级档案馆的
 * 档案，应当自形成之日起满二十五年向社会开放". 经济、教育、科技、文化等类 records
 * may open earlier; records touching national security or major interests,
 * **and other records unsuitable to open when due** (其他到期不宜开放), may open
 * later. The law sets no figures for earlier or later opening, so those come
 * from the caller as per-category overrides.
 *
 * The rule binds the holdings of **county-level and higher archives
 * (县级以上各级档案馆)**; for other holders it is at most guidance (the law only
 * encourages them to open). The date is computed the same way for any holder.
 *
 * Fails closed: a date or a 密级 marking that cannot be read gives
 * `undetermined` with an issue, never an opening date.
 *
 * @module
 */
import type { Citation, SecrecyMarking } from '../model/index.js';
import { parseSecurityClassification } from '../model/securityClassification.js';
import type { Issue } from '../report/index.js';
import { dayAfterPeriod, dayOf, parseCalendarDay, parseLatestDay, toCalendarDay, type CalendarDay } from './_calendar.js';
import { secrecyDates } from './secrecyDates.js';
import { createIssueFrom } from '../report/createIssue.js';
import { rulesIssues } from '../report/messages/rules.js';

/** How the law treats a category of records for opening. */
export interface OpeningCategory {
  /** Chinese label, as the law words it. */
  readonly 'zh-CN': string;
  /** English label. */
  readonly en: string;
  /** `earlier`: may open before 25 years; `later`: may open after. */
  readonly direction: 'earlier' | 'later';
  /** Source. */
  readonly source: Citation;
}

/**
 * 档案法 (2020) 第二十七条, quoted from the primary text.
 *
 * @example
 * OPENING_LAW.clause //=> '第二十七条'
 */
export const OPENING_LAW: Citation = {
  standard: '中华人民共和国档案法（2020年修订）',
  clause: '第二十七条',
  confidence: 'verified',
  basis: ['law-archives-2020'],
  quote:
    '县级以上各级档案馆的档案，应当自形成之日起满二十五年向社会开放。经济、教育、科技、文化等类档案，可以少于二十五年向社会开放；涉及国家安全或者重大利益以及其他到期不宜开放的档案，可以多于二十五年向社会开放。',
};

/**
 * How periods "自…之日起满N年" are counted: the start day is not counted
 * (民法典 第二百零一条), so the period ends on the anniversary and the record
 * opens the day after. No primary text of the 民法典 is vendored; the rule is
 * the later of the two readings, so nothing opens early.
 *
 * @example
 * PERIOD_COUNTING.clause //=> '第二百零一条、第二百零二条'
 */
export const PERIOD_COUNTING: Citation = {
  standard: '中华人民共和国民法典',
  clause: '第二百零一条、第二百零二条',
  confidence: 'single-source',
  basis: ['audit-issue16'],
  quote: '按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。',
};

/**
 * The default opening period, in years from formation (档案法 2020 第二十七条; 30 before).
 *
 * @example
 * DEFAULT_OPENING_YEARS //=> 25
 */
export const DEFAULT_OPENING_YEARS = 25;

/**
 * The categories 档案法 (2020) 第二十七条 names for earlier or later opening.
 *
 * @example
 * openingCategories.economy.direction //=> 'earlier'
 * openingCategories['unsuitable-when-due']['zh-CN'] //=> '其他到期不宜开放'
 */
export const openingCategories = {
  economy: { 'zh-CN': '经济', en: 'economy', direction: 'earlier', source: OPENING_LAW },
  education: { 'zh-CN': '教育', en: 'education', direction: 'earlier', source: OPENING_LAW },
  science: { 'zh-CN': '科技', en: 'science and technology', direction: 'earlier', source: OPENING_LAW },
  culture: { 'zh-CN': '文化', en: 'culture', direction: 'earlier', source: OPENING_LAW },
  'national-security': { 'zh-CN': '涉及国家安全或者重大利益', en: 'national security or major interests', direction: 'later', source: OPENING_LAW },
  'unsuitable-when-due': { 'zh-CN': '其他到期不宜开放', en: 'otherwise unsuitable to open when due', direction: 'later', source: OPENING_LAW },
} as const satisfies Readonly<Record<string, OpeningCategory>>;

/** What the opening rule needs to know about a record. */
export interface OpeningRecord {
  /** Formation year, when the date is unknown. */
  year?: number;
  /** Formation date, `YYYYMMDD` or `YYYY-MM-DD`; wins over `year`. */
  date?: string;
  /** Category for overrides: a key of {@link openingCategories} (`economy`) or its Chinese name (`经济`), or an archive's own key. */
  openingCategory?: string;
  /**
   * 密级 marking, e.g. `机密★20年`; opening waits for its period to run out.
   * Empty, `无`, `非密` and `公开` mean none; any other text whose period
   * cannot be read makes the result `undetermined`.
   */
  secrecy?: SecrecyMarking | string;
  /** The marked 制发日 the secrecy period counts from; the formation date by default. */
  secrecyMarkedOn?: string;
}

/** Options of {@link openingDate}. */
export interface OpeningOptions {
  /** Years per category, e.g. `{ economy: 15, 'national-security': 50 }` or `{ 经济: 15 }`, set by the archive. */
  overrides?: Readonly<Record<string, number>>;
}

/** An opening date that could be determined. */
export interface OpeningDate {
  /** Always `determined`. */
  status: 'determined';
  /** First day the record may open. */
  opensOn: CalendarDay;
  /** Years from formation applied. */
  years: number;
  /** `default` (25 years) or `override` (a category's own figure). */
  basis: 'default' | 'override';
  /** The law lets this category open earlier. */
  mayOpenEarlier: boolean;
  /** The law lets this category open later. */
  mayOpenLater: boolean;
  /** Set when a secrecy period outlasts the opening date and delays it: the last classified day. */
  delayedBySecrecyUntil?: CalendarDay;
}

/** No opening date: the record stays closed until a person reviews it. */
export interface OpeningUndetermined {
  /** Always `undetermined`. */
  status: 'undetermined';
  /** Why: the unreadable marking or date, quoted. */
  issue: Issue;
}

// Written forms that mean "no 密级": DA/T 22-2015 §5.5 (empty), DA/T 46-2009 M38 (公开).
function isUnclassified(secrecy: SecrecyMarking | string): boolean {
  return typeof secrecy === 'string' && (parseSecurityClassification(secrecy) === null || secrecy.trim() === '公开');
}

/**
 * The first day a record of a county-level-or-higher archive (县级以上各级档案馆)
 * may open to the public, under 档案法 (2020) 第二十七条. The formation day
 * is not counted (民法典 第二百零一条): a record formed on 2000-03-15 has
 * run its 25 years at the end of 2025-03-15 and opens on 2025-03-16. With
 * only a year (or a partial date such as `20000300`) known, formation is
 * taken as the latest day it can be, so nothing opens early. A secrecy
 * period that runs past the opening date delays it.
 *
 * @param record - Formation date or year, category and 密级.
 * @param options - Per-category years.
 * @returns The opening date, or `undetermined` with an issue when the date,
 *   the year or the 密级 marking cannot be read (★长期, `机密★十年`, a
 *   解密条件 or 解密时间): unknown means closed.
 * @example
 * openingDate({ date: '20000315' }) //=> { status: 'determined', opensOn: '2025-03-16', … }
 * openingDate({ date: '19900315', secrecy: '绝密★长期' }).status //=> 'undetermined'
 */
export function openingDate(record: OpeningRecord, options: OpeningOptions = {}): OpeningDate | OpeningUndetermined {
  const formed = formationDay(record);
  if ('issue' in formed) return { status: 'undetermined', issue: formed.issue };
  const category = record.openingCategory === undefined ? undefined : categoryKey(record.openingCategory);
  const override = category === undefined ? undefined : overrideFor(category, options.overrides);
  if (override !== undefined && !(Number.isInteger(override) && override >= 0 && override <= 1000)) {
    const value = `${record.openingCategory}: ${override}`;
    return { status: 'undetermined', issue: createIssueFrom(rulesIssues, 'opening.date-unreadable', { params: { value }, received: value }) };
  }
  const years = override ?? DEFAULT_OPENING_YEARS;
  const known = category === undefined ? undefined : (openingCategories as Readonly<Record<string, OpeningCategory | undefined>>)[category];
  const opens = dayAfterPeriod(formed.day, { years });
  const result: OpeningDate = {
    status: 'determined',
    opensOn: toCalendarDay(opens),
    years,
    basis: override === undefined ? 'default' : 'override',
    mayOpenEarlier: known?.direction === 'earlier',
    mayOpenLater: known?.direction === 'later',
  };
  if (record.secrecy === undefined || isUnclassified(record.secrecy)) return result;
  const secret = secrecyDates(record.secrecy, record.secrecyMarkedOn ?? toCalendarDay(formed.day));
  if (secret.status === 'undetermined') return secret;
  if (parseCalendarDay(secret.expiresOn)! > opens) {
    result.opensOn = secret.expiresOn;
    result.delayedBySecrecyUntil = secret.classifiedUntil;
  }
  return result;
}

/** The latest day the record can have been formed, or the issue saying why it cannot be read. */
function formationDay(record: OpeningRecord): { day: Date } | { issue: Issue } {
  if (record.date !== undefined && record.date.trim() !== '') {
    const day = parseLatestDay(record.date);
    return day ? { day } : { issue: createIssueFrom(rulesIssues, 'opening.date-unreadable', { params: { value: record.date }, received: record.date, expected: 'YYYYMMDD' }) };
  }
  if (record.year === undefined) return { issue: createIssueFrom(rulesIssues, 'opening.date-missing') };
  if (!Number.isInteger(record.year) || record.year < 1 || record.year > 9999) {
    return { issue: createIssueFrom(rulesIssues, 'opening.date-unreadable', { params: { value: String(record.year) }, received: record.year }) };
  }
  return { day: dayOf(record.year, 12, 31) };
}

/** The key of a category the law names, from its key or its Chinese name; any other name as it is. */
function categoryKey(name: string): string {
  if (Object.hasOwn(openingCategories, name)) return name;
  const named = Object.entries(openingCategories).find(([, category]) => category['zh-CN'] === name);
  return named ? named[0] : name;
}

/** The archive's years for a category, whether its overrides name it by key or by Chinese name. */
function overrideFor(category: string, overrides: Readonly<Record<string, number>> | undefined): number | undefined {
  if (overrides === undefined) return undefined;
  for (const [name, years] of Object.entries(overrides)) if (categoryKey(name) === category) return years;
  return undefined;
}
