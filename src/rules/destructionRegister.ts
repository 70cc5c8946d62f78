/**
 * 销毁清册 (destruction register) builder.
 *
 * @module
 */
import { differenceInYears } from 'date-fns';
import { formatRetentionPeriod } from '../model/retentionPeriod.js';
import { localizeIssue, type Issue, type Locale } from '../report/index.js';
import { parseCalendarDay } from './_calendar.js';
import { describeHold } from './disposalHolds.js';
import { dueForAppraisal, type AppraisalItem, type AppraisalResult } from './dueForAppraisal.js';
import type { RetentionDatesOptions } from './retentionDates.js';
import { createIssueFrom } from '../report/createIssue.js';
import { rulesIssues } from '../report/messages/rules.js';

/**
 * One row of a 销毁清册: 序号, 题名, 年度, 档号, 应保管期限, 已保管期限, 页数, 备注
 * (practice form, standards-paper §4.3; no national form exists for 文书).
 */
export interface DestructionRegisterRow {
  /** 序号, from 1. */
  sequenceNumber: number;
  /** 题名. */
  title: string;
  /** 年度 (所属年度), when the record has a year or a date. */
  year?: number;
  /** 档号; empty when the record has none. */
  archivalCode: string;
  /** 应保管期限, e.g. `定期10年`. */
  retentionPeriod: string;
  /** 已保管期限 in whole years, counted from the start of the period to the day. */
  yearsKept: number;
  /** 页数, when known. */
  pageCount?: number;
  /** 备注. */
  remarks: string;
}

/** Result of {@link buildDestructionRegister}. */
export interface DestructionRegister<T extends AppraisalItem = AppraisalItem> {
  /** The day the register was drawn up for. */
  asOf: string;
  /** Rows for the records that may be destroyed. */
  rows: DestructionRegisterRow[];
  /** Records refused, each with the reason as an issue. */
  refused: { result: AppraisalResult<T>; issue: Issue }[];
}

/** Options of {@link buildDestructionRegister}. */
export interface DestructionRegisterOptions extends RetentionDatesOptions {
  /** Message locale of the refusals. */
  locale?: Locale;
}

/**
 * Draws up a 销毁清册 from proposed records. Records under a hold (e.g. 会计
 * vouchers of unsettled debts, 会计档案管理办法 2015 第十九条), records not yet
 * due, permanent records and records whose expiry cannot be determined (legacy
 * periods, pending events, missing dates) are refused, each with a reason.
 *
 * @param items - Records proposed for destruction.
 * @param asOf - The day, `YYYYMMDD` or `YYYY-MM-DD`.
 * @param options - Counting defaults and locale.
 * @returns The rows and the refusals.
 * @throws {RangeError} When `asOf` is not a complete date.
 * @example
 * const r = buildDestructionRegister([{ title: '2015年银行对账单', year: 2015, period: { kind: 'fixed', years: 10 } }], '2026-03-01');
 * r.rows[0] //=> { sequenceNumber: 1, title: '2015年银行对账单', year: 2015, archivalCode: '', retentionPeriod: '定期10年', yearsKept: 10, remarks: '' }
 */
export function buildDestructionRegister<T extends AppraisalItem>(
  items: readonly T[],
  asOf: string,
  options: DestructionRegisterOptions = {},
): DestructionRegister<T> {
  const day = parseCalendarDay(asOf);
  if (!day) throw new RangeError(`[dangan] asOf must be a complete date (YYYYMMDD or YYYY-MM-DD), got "${asOf}"`);
  const rows: DestructionRegisterRow[] = [];
  const refused: DestructionRegister<T>['refused'] = [];
  for (const result of dueForAppraisal(items, asOf, options)) {
    const { item, dates } = result;
    if (result.status === 'due' && dates.status === 'counted') {
      rows.push({
        sequenceNumber: rows.length + 1,
        title: item.title,
        ...yearOf(item),
        archivalCode: item.archivalCode ?? '',
        retentionPeriod: formatRetentionPeriod(item.period, 'zh'),
        yearsKept: differenceInYears(day, parseCalendarDay(dates.countingStart)!),
        ...(item.pageCount !== undefined ? { pageCount: item.pageCount } : {}),
        remarks: item.remarks ?? '',
      });
    } else {
      refused.push({ result, issue: refusal(result, options.locale) });
    }
  }
  return { asOf, rows, refused };
}

function refusal(result: AppraisalResult, locale: Locale | undefined): Issue {
  const { item, index, dates } = result;
  const params = { index, title: item.title };
  const received = item.archivalCode ?? item.title;
  switch (result.status) {
    case 'on-hold':
      return createIssueFrom(rulesIssues, 'disposition.on-hold', {
        locale,
        received,
        params: { ...params, hold: (item.holds ?? []).map((h) => describeHold(h, locale)).join('; ') },
      });
    case 'not-due':
      return createIssueFrom(rulesIssues, 'disposition.not-due', { locale, received, params: { ...params, expiry: dates.status === 'counted' ? dates.expiry : '' } });
    case 'permanent':
      return createIssueFrom(rulesIssues, 'disposition.permanent', { locale, received, params });
    default:
      return createIssueFrom(rulesIssues, 'disposition.undetermined', {
        locale,
        received,
        params: { ...params, reason: result.issue ? localizeIssue(result.issue, locale ?? 'zh-CN').message : result.status },
      });
  }
}

function yearOf(item: AppraisalItem): { year?: number } {
  if (item.year !== undefined) return { year: item.year };
  const date = item.date === undefined ? undefined : parseCalendarDay(item.date);
  return date ? { year: date.getFullYear() } : {};
}
