/**
 * 开放 (opening to the public), 档案法 (2020 revision, effective 2021-01-01):
 * records of archives at county level and above open 25 years after
 * formation; 经济, 教育, 科技, 文化 records may open earlier, and records
 * touching national security or major interests may open later. The law
 * sets no figures for earlier or later opening, so those come from the
 * caller as per-category overrides. See standards-paper §4.1.
 *
 * @module
 */
import type { Citation, SecrecyMarking } from '../model/index.js';
import { addWholeYears, dayOf, parseCalendarDay, parseLatestDay, toCalendarDay, type CalendarDay } from './_calendar.js';
import { secrecyDates } from './secrecyDates.js';

/** How the law treats a category of records for opening. */
export interface OpeningCategory {
  /** Chinese label. */
  readonly 'zh-CN': string;
  /** English label. */
  readonly en: string;
  /** `earlier`: may open before 25 years; `later`: may open after. */
  readonly direction: 'earlier' | 'later';
  /** Source. */
  readonly source: Citation;
}

// The 25-year rule is verified (3 sources); the article number is single-source (standards-paper §4.1).
const LAW: Citation = { standard: '中华人民共和国档案法（2020年修订）', clause: '第二十七条（条号单一来源）', confidence: 'verified' };

/**
 * The default opening period, in years from formation (档案法 2020; 30 before).
 *
 * @example
 * DEFAULT_OPENING_YEARS //=> 25
 */
export const DEFAULT_OPENING_YEARS = 25;

/**
 * The categories the law names for earlier or later opening.
 *
 * @example
 * openingCategories.economy.direction //=> 'earlier'
 */
export const openingCategories = {
  economy: { 'zh-CN': '经济', en: 'economy', direction: 'earlier', source: LAW },
  education: { 'zh-CN': '教育', en: 'education', direction: 'earlier', source: LAW },
  science: { 'zh-CN': '科技', en: 'science and technology', direction: 'earlier', source: LAW },
  culture: { 'zh-CN': '文化', en: 'culture', direction: 'earlier', source: LAW },
  'national-security': { 'zh-CN': '涉及国家安全或者重大利益', en: 'national security or major interests', direction: 'later', source: LAW },
} as const satisfies Readonly<Record<string, OpeningCategory>>;

/** What the opening rule needs to know about a record. */
export interface OpeningRecord {
  /** Formation year, when the date is unknown. */
  year?: number;
  /** Formation date, `YYYYMMDD` or `YYYY-MM-DD`. */
  date?: string;
  /** Category for overrides: a key of {@link openingCategories} (`economy`) or its Chinese name (`经济`), or an archive's own key. */
  openingCategory?: string;
  /** 密级 marking, e.g. `机密★20年`; opening waits for its period to run out. */
  secrecy?: SecrecyMarking | string;
  /** Date the secrecy period counts from; the formation date by default. */
  secrecyMarkedOn?: string;
}

/** Options of {@link openingDate}. */
export interface OpeningOptions {
  /** Years per category, e.g. `{ economy: 15, 'national-security': 50 }` or `{ 经济: 15 }`, set by the archive. */
  overrides?: Readonly<Record<string, number>>;
}

/** Result of {@link openingDate}. */
export interface OpeningDate {
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
  /** Set when a secrecy period outlasts the opening date and delays it. */
  delayedBySecrecyUntil?: CalendarDay;
}

/**
 * The first day a record may open to the public. With only a year (or a
 * partial date such as `20000300`) known, formation is taken as the latest
 * day it can be, so nothing opens early.
 * A secrecy period that runs past the opening date delays it.
 *
 * @param record - Formation date or year, category and 密级.
 * @param options - Per-category years.
 * @returns The opening date, or `undefined` when neither year nor date can be read.
 * @example
 * openingDate({ date: '20000315' })?.opensOn //=> '2025-03-15'
 * openingDate({ year: 2000, openingCategory: 'economy' }, { overrides: { economy: 10 } })?.opensOn //=> '2010-12-31'
 */
export function openingDate(record: OpeningRecord, options: OpeningOptions = {}): OpeningDate | undefined {
  const formed = record.date ? parseLatestDay(record.date) : record.year !== undefined ? dayOf(record.year, 12, 31) : undefined;
  if (!formed) return undefined;
  const category = record.openingCategory === undefined ? undefined : categoryKey(record.openingCategory);
  const override = category === undefined ? undefined : overrideFor(category, options.overrides);
  const years = override ?? DEFAULT_OPENING_YEARS;
  const known = category === undefined ? undefined : (openingCategories as Readonly<Record<string, OpeningCategory | undefined>>)[category];
  const opens = addWholeYears(formed, years);
  const result: OpeningDate = {
    opensOn: toCalendarDay(opens),
    years,
    basis: override === undefined ? 'default' : 'override',
    mayOpenEarlier: known?.direction === 'earlier',
    mayOpenLater: known?.direction === 'later',
  };
  if (record.secrecy !== undefined) {
    const secret = secrecyDates(record.secrecy, record.secrecyMarkedOn ?? toCalendarDay(formed));
    const until = secret ? parseCalendarDay(secret.expiresOn)! : undefined;
    if (secret && until && until > opens) {
      result.opensOn = secret.expiresOn;
      result.delayedBySecrecyUntil = secret.classifiedUntil;
    }
  }
  return result;
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
