/**
 * Turns input rows (parsed JSON or CSV records) into {@link AppraisalItem}s,
 * reading each row's period from the row itself or by looking its kind up in
 * a schedule.
 *
 * @module
 */
import * as z from 'zod';
import { archivalDateSchema, parseRetentionPeriod, retentionPeriodTextSchema } from '../model/index.js';
import { createIssueFrom, type Issue, type Locale } from '../report/index.js';
import { rulesIssues } from '../report/messages/rules.js';
import { countSchema, parseRow } from './_rows.js';
import type { AppraisalItem } from './dueForAppraisal.js';
import { findRetentionRule } from './findRetentionRule.js';
import { countingRuleOf, type RetentionSchedule } from './schedule.js';

const hold = z.object({ kind: z.string().min(1), reason: z.string().optional() });

/**
 * One input row for appraisal. Give either `retentionPeriod` (`D10`, `永久` …)
 * or `rule` (a kind of record looked up in the schedule). `hold` is a
 * one-column shorthand for CSV: its text becomes a hold of that kind.
 *
 * @example
 * appraisalRowSchema.safeParse({ title: '2015年银行对账单', year: '2015', rule: '银行对账单', hold: 'unsettled-matter' }).success //=> true
 */
export const appraisalRowSchema = z
  .object({
    title: z.string().trim().min(1),
    year: countSchema.optional(),
    date: archivalDateSchema.optional(),
    eventDate: archivalDateSchema.optional(),
    archivalCode: z.string().optional(),
    pageCount: countSchema.optional(),
    remarks: z.string().optional(),
    retentionPeriod: retentionPeriodTextSchema.optional(),
    rule: z.string().trim().min(1).optional(),
    holds: z.array(hold).optional(),
    hold: z.string().trim().min(1).optional(),
  })
  .refine((row) => row.retentionPeriod !== undefined || row.rule !== undefined, {
    path: ['retentionPeriod'],
    params: { 'zh-CN': '须给出保管期限（retentionPeriod）或档案类目（rule）', en: 'give a retentionPeriod or a rule' },
  });

/** Result of {@link appraisalItemsFromRows}. */
export interface AppraisalRows {
  /** Usable items, each with the 1-based `row` it came from. */
  items: (AppraisalItem & { row: number; ruleId?: string })[];
  /** Problems; rows with errors are left out. */
  issues: Issue[];
}

/**
 * Reads appraisal rows against a schedule. Rows naming a `rule` take that
 * row's period and counting rule; rows with a `retentionPeriod` use the
 * schedule's counting rule. A `rule` that is missing or ambiguous is an
 * error naming the row and the candidates.
 *
 * @param rows - Input rows.
 * @param schedule - The schedule to look kinds up in and take the counting rule from.
 * @param locale - Message locale.
 * @returns Items and issues.
 * @example
 * appraisalItemsFromRows([{ title: '2015年银行对账单', year: 2015, rule: '银行对账单' }], accounting2015Enterprise).items[0].period
 * //=> { kind: 'fixed', years: 10 }
 */
export function appraisalItemsFromRows(rows: readonly unknown[], schedule: RetentionSchedule, locale?: Locale): AppraisalRows {
  const items: AppraisalRows['items'] = [];
  const issues: Issue[] = [];
  rows.forEach((raw, i) => {
    const index = i + 1;
    const parsed = parseRow(appraisalRowSchema, raw, index, locale);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      return;
    }
    const { rule: ruleName, retentionPeriod, hold: holdText, holds, ...row } = parsed.value;
    const allHolds = [...(holds ?? []), ...(holdText ? [{ kind: holdText }] : [])];
    const base = { ...row, row: index, ...(allHolds.length > 0 ? { holds: allHolds } : {}) };
    if (retentionPeriod !== undefined) {
      items.push({ ...base, period: parseRetentionPeriod(retentionPeriod)!, counting: schedule.counting.rule });
      return;
    }
    const found = findRetentionRule(schedule, ruleName!);
    if (found.status !== 'found') {
      const code = found.status === 'ambiguous' ? 'retention.rule-ambiguous' : 'retention.rule-not-found';
      const candidates = found.candidates.map((c) => c.rule.name).join('、');
      issues.push(createIssueFrom(rulesIssues, code, { locale, severity: 'error', received: ruleName, params: { schedule: schedule.id, query: `${ruleName}（第${index}项）`, candidates } }));
      return;
    }
    items.push({ ...base, period: found.rule.period, counting: countingRuleOf(schedule, found.rule), ruleId: found.rule.id });
  });
  return { items, issues };
}
