/**
 * Shared reading of input rows (parsed JSON or CSV records). Internal.
 *
 * @module
 */
import * as z from 'zod';
import type { Issue, Locale } from '../report/index.js';
import { reasonOf, valueAt } from './_zodReason.js';
import { fieldPathZh } from '../report/fieldNames.js';
import { createIssueFrom } from '../report/createIssue.js';
import { rulesIssues } from '../report/messages/rules.js';

/** A positive whole number, given as a number or (CSV) as digits. */
export const countSchema = z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().positive());

/**
 * Drops string fields that are empty or blank, so an empty CSV cell counts as absent.
 *
 * @param row - A row.
 * @returns The row without blank strings; non-objects unchanged.
 */
export function blanksRemoved(row: unknown): unknown {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
  return Object.fromEntries(Object.entries(row).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')));
}

/**
 * Validates one row, mapping zod's issues to `classification.item-invalid`
 * issues that name the row (1-based) and field.
 *
 * @param schema - The row schema.
 * @param raw - The row as read.
 * @param index - 1-based row number.
 * @param locale - Message locale.
 * @returns The parsed row, or the issues.
 */
export function parseRow<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  index: number,
  locale: Locale | undefined,
): { ok: true; value: z.infer<S> } | { ok: false; issues: Issue[] } {
  const input = blanksRemoved(raw);
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((zodIssue) => {
    const received = valueAt(input, zodIssue.path);
    const field = zodIssue.path.map(String).join('.') || '(row)';
    const fieldName = { 'zh-CN': fieldPathZh(zodIssue.path.map((p) => (typeof p === 'number' ? p : String(p)))), en: field };
    return createIssueFrom(rulesIssues, 'classification.item-invalid', { locale, received, params: { index, field, fieldName, reason: reasonOf(zodIssue, received, locale) } });
  });
  return { ok: false, issues };
}
