/**
 * 移交 (transfer to a national archive), 档案法实施条例 (2024) 第二十条: records
 * in the intake of a central, provincial or municipal (设区的市级) national
 * archive are transferred once 20 years have run from formation; records in
 * the intake of a county archive, once 10 years have run. With the
 * consent of the archives authority at the same level, 专业性较强或者需要保密
 * records may be transferred later, and records of a dissolved unit earlier
 * (same article, third paragraph): those are decisions, not dates this
 * function can compute.
 *
 * @module
 */
import * as z from 'zod';
import { archivalDateSchema, type Citation } from '../model/index.js';
import type { Issue, Locale } from '../report/index.js';
import { dayAfterPeriod, dayOf, parseCalendarDay, parseLatestDay, toCalendarDay, type CalendarDay } from './_calendar.js';
import { countSchema, parseRow } from './_rows.js';
import { createIssueFrom } from '../report/createIssue.js';
import { rulesIssues } from '../report/messages/rules.js';

/** The level of the national archive whose intake the records fall in. */
export type ArchiveLevel = 'central' | 'provincial' | 'municipal' | 'county';

/**
 * 档案法实施条例 (2024) 第二十条, quoted from the primary text.
 *
 * @example
 * TRANSFER_LAW.clause //=> '第二十条'
 */
export const TRANSFER_LAW: Citation = {
  standard: '中华人民共和国档案法实施条例（2024）',
  clause: '第二十条',
  confidence: 'verified',
  basis: ['law-archives-regs-2024'],
  quote:
    '属于中央级和省级、设区的市级国家档案馆接收范围的档案，移交单位应当自档案形成之日起满二十年即向有关的国家档案馆移交。属于县级国家档案馆接收范围的档案，移交单位应当自档案形成之日起满十年即向有关的县级国家档案馆移交。',
};

/** The transfer deadline of one archive level. */
export interface TransferDeadline {
  /** The level. */
  readonly level: ArchiveLevel;
  /** Chinese name as the regulation words it. */
  readonly 'zh-CN': string;
  /** Years from formation. */
  readonly years: number;
  /** Source. */
  readonly source: Citation;
}

/**
 * Transfer deadlines by archive level (档案法实施条例 2024 第二十条).
 *
 * @example
 * transferDeadlines.county.years //=> 10
 */
export const transferDeadlines = {
  central: { level: 'central', 'zh-CN': '中央级', years: 20, source: TRANSFER_LAW },
  provincial: { level: 'provincial', 'zh-CN': '省级', years: 20, source: TRANSFER_LAW },
  municipal: { level: 'municipal', 'zh-CN': '设区的市级', years: 20, source: TRANSFER_LAW },
  county: { level: 'county', 'zh-CN': '县级', years: 10, source: TRANSFER_LAW },
} as const satisfies Readonly<Record<ArchiveLevel, TransferDeadline>>;

const LEVEL_NAMES: Readonly<Record<string, ArchiveLevel>> = {
  中央: 'central', 中央级: 'central', 省: 'provincial', 省级: 'provincial', 市: 'municipal', 市级: 'municipal', 设区的市: 'municipal', 设区的市级: 'municipal', 县: 'county', 县级: 'county',
};

/**
 * Reads an archive level written as its code (`county`) or in Chinese (`县级`).
 *
 * @param text - The level.
 * @returns The level, or `undefined` when the text is none of them.
 * @example
 * parseArchiveLevel('设区的市级') //=> 'municipal'
 */
export function parseArchiveLevel(text: string): ArchiveLevel | undefined {
  const value = text.trim();
  if (Object.hasOwn(transferDeadlines, value)) return value as ArchiveLevel;
  return LEVEL_NAMES[value.replace(/国家档案馆$|档案馆$/, '')];
}

/** What the transfer rule needs to know about a record. */
export interface TransferRecord {
  /** Formation year, when the date is unknown. */
  year?: number;
  /** Formation date, `YYYYMMDD` or `YYYY-MM-DD` (a partial date counts as its latest day); wins over `year`. */
  date?: string;
  /** The level of the archive whose intake the record falls in: a code or its Chinese name. */
  archiveLevel: ArchiveLevel | string;
}

/** Result of {@link transferDue}. */
export type TransferDue =
  | {
      /** The deadline could be computed. */
      status: 'determined';
      /** The level read. */
      archiveLevel: ArchiveLevel;
      /** Years applied. */
      years: number;
      /** First day the record is due for transfer (the day after the period has run, 民法典 第二百零一条). */
      dueOn: CalendarDay;
    }
  | { status: 'undetermined'; issue: Issue };

/**
 * The day a record falls due for transfer to its national archive
 * (档案法实施条例 2024 第二十条). The formation day is not counted
 * (民法典 第二百零一条): 20 years from 2000-03-15 have run at the end of
 * 2020-03-15, so the record is due on 2020-03-16. With only a year known,
 * formation is taken as 31 December.
 *
 * @param record - Formation date or year, and the archive level.
 * @param locale - Message locale.
 * @returns The due day, or `undetermined` with an issue when the date, the year or the level cannot be read.
 * @example
 * transferDue({ date: '20000315', archiveLevel: 'county' }) //=> { status: 'determined', archiveLevel: 'county', years: 10, dueOn: '2010-03-16' }
 */
export function transferDue(record: TransferRecord, locale?: Locale): TransferDue {
  const level = parseArchiveLevel(String(record.archiveLevel));
  if (!level) return { status: 'undetermined', issue: createIssueFrom(rulesIssues, 'transfer.level-unknown', { locale, params: { value: String(record.archiveLevel) }, received: record.archiveLevel }) };
  let formed: Date | undefined;
  if (record.date !== undefined && record.date.trim() !== '') {
    formed = parseLatestDay(record.date);
    if (!formed) return { status: 'undetermined', issue: createIssueFrom(rulesIssues, 'transfer.date-unreadable', { locale, params: { value: record.date }, received: record.date, expected: 'YYYYMMDD' }) };
  } else if (record.year !== undefined) {
    if (!Number.isInteger(record.year) || record.year < 1 || record.year > 9999) {
      return { status: 'undetermined', issue: createIssueFrom(rulesIssues, 'transfer.date-unreadable', { locale, params: { value: String(record.year) }, received: record.year }) };
    }
    formed = dayOf(record.year, 12, 31);
  } else {
    return { status: 'undetermined', issue: createIssueFrom(rulesIssues, 'transfer.date-missing', { locale }) };
  }
  const { years } = transferDeadlines[level];
  return { status: 'determined', archiveLevel: level, years, dueOn: toCalendarDay(dayAfterPeriod(formed, { years })) };
}

/**
 * One input row for the transfer list: a title, a formation year or date and,
 * unless the caller gives a default, the archive level.
 *
 * @example
 * transferRowSchema.safeParse({ title: '2000年工作总结', year: '2000', archiveLevel: '县级' }).success //=> true
 */
export const transferRowSchema = z.object({
  title: z.string().trim().min(1),
  year: countSchema.optional(),
  date: archivalDateSchema.optional(),
  archivalCode: z.string().optional(),
  archiveLevel: z.string().trim().min(1).optional(),
});

/** One record of {@link transferList}, with its 1-based input row. */
export interface TransferListEntry {
  /** 1-based input row. */
  row: number;
  /** 题名. */
  title: string;
  /** 档号, when given. */
  archivalCode?: string;
  /** The computed deadline. */
  due: TransferDue;
}

/** Result of {@link transferList}. */
export interface TransferList {
  /** The day the list was drawn up for. */
  asOf: CalendarDay;
  /** Records whose transfer day has come. */
  due: TransferListEntry[];
  /** Records not yet due. */
  notDue: TransferListEntry[];
  /** Records whose deadline cannot be computed, each with its issue. */
  undetermined: TransferListEntry[];
  /** Rows that could not be read. */
  issues: Issue[];
}

/**
 * Sorts input rows (parsed JSON or CSV) into records due for transfer on a
 * day, records not yet due and records whose deadline is undetermined.
 *
 * @param rows - Input rows, see {@link transferRowSchema}.
 * @param asOf - The day, `YYYYMMDD` or `YYYY-MM-DD`.
 * @param options - The archive level of rows that name none, and the locale.
 * @returns The three lists and the row issues.
 * @throws {RangeError} When `asOf` is not a complete date (a programmer error).
 * @example
 * transferList([{ title: '2000年总结', year: 2000 }], '2021-06-01', { archiveLevel: 'county' }).due.length //=> 1
 */
export function transferList(rows: readonly unknown[], asOf: string, options: { archiveLevel?: string; locale?: Locale } = {}): TransferList {
  const day = parseCalendarDay(asOf);
  if (!day) throw new RangeError(`[dangan] asOf must be a complete date (YYYYMMDD or YYYY-MM-DD), got "${asOf}"`);
  const list: TransferList = { asOf: toCalendarDay(day), due: [], notDue: [], undetermined: [], issues: [] };
  rows.forEach((raw, i) => {
    const parsed = parseRow(transferRowSchema, raw, i + 1, options.locale);
    if (!parsed.ok) {
      list.issues.push(...parsed.issues);
      return;
    }
    const { title, year, date, archivalCode, archiveLevel } = parsed.value;
    const due = transferDue({ ...(year !== undefined ? { year } : {}), ...(date !== undefined ? { date } : {}), archiveLevel: archiveLevel ?? options.archiveLevel ?? '' }, options.locale);
    const entry: TransferListEntry = { row: i + 1, title, ...(archivalCode ? { archivalCode } : {}), due };
    if (due.status === 'undetermined') list.undetermined.push(entry);
    else if (parseCalendarDay(due.dueOn)! <= day) list.due.push(entry);
    else list.notDue.push(entry);
  });
  return list;
}
