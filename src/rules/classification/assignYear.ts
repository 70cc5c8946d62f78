/**
 * 年度 assignment (DA/T 22-2015 §5.2 a): a document belongs to the year of its
 * 签发 (signing) date, even when its content concerns another year (plans,
 * summaries, budgets). Practice rules (standards-paper §1.3, practice
 * sources): a meeting across two years goes to its closing year; a case
 * handled across years goes to the year it concluded.
 *
 * @module
 */
import { parseArchivalDate } from '../../model/archivalDate.js';

/** Which date decides the year. */
export type YearBasis = 'signed' | 'meeting' | 'case';

/** The dates year assignment reads. */
export interface YearDates {
  /** 日期 (签发日期), `YYYYMMDD`; `00` for an unknown month or day. */
  date: string;
  /** What kind of record decides the basis; `signed` by default. */
  yearBasis?: YearBasis;
  /** 闭幕 (closing) date of a meeting. */
  closingDate?: string;
  /** 办结 (conclusion) date of a case. */
  concludedDate?: string;
}

/** Result of {@link assignYear}. */
export type YearAssignment =
  | { ok: true; year: number; basis: YearBasis; sortDate: string }
  | { ok: false; basis: YearBasis; field: 'date' | 'closingDate' | 'concludedDate'; received: string | undefined };

const FIELD = { signed: 'date', meeting: 'closingDate', case: 'concludedDate' } as const;

/**
 * Assigns a record to its 年度.
 *
 * @param item - The record's dates and basis.
 * @returns The year, the basis and the normalised date it came from (for
 *   ordering), or which field was missing or unreadable.
 * @example
 * assignYear({ date: '20151228', yearBasis: 'meeting', closingDate: '20160103' })
 * //=> { ok: true, year: 2016, basis: 'meeting', sortDate: '20160103' }
 */
export function assignYear(item: YearDates): YearAssignment {
  const basis = item.yearBasis ?? 'signed';
  const field = FIELD[basis];
  const text = item[field];
  const parsed = text === undefined ? undefined : parseArchivalDate(text);
  if (!parsed?.ok) return { ok: false, basis, field, received: text };
  return { ok: true, year: parsed.date.year, basis, sortDate: parsed.normalized.replace(/[[\]]/g, '') };
}
