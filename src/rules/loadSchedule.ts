/**
 * Loads an institution's own retention schedule from JSON, validated with
 * zod; every problem becomes an Issue naming the row and field.
 *
 * @module
 */
import * as z from 'zod';
import { parseRetentionPeriod, retentionPeriodSchema, type RetentionPeriod } from '../model/index.js';
import type { Issue, Locale } from '../report/index.js';
import { reasonOf, valueAt } from './_zodReason.js';
import type { RetentionRule, RetentionSchedule } from './schedule.js';
import { createIssueFrom } from '../report/createIssue.js';
import { rulesIssues } from '../report/messages/rules.js';

const countingRuleSchema = z.enum(['formation-year-end', 'fiscal-year-end', 'event']);
const confidenceSchema = z.enum(['verified', 'single-source', 'inferred']);

// A period as text (`D30`, `永久`, `固定资产报废清理后5年`) or as a structured object.
const periodSchema = z.unknown().transform((value, ctx): RetentionPeriod => {
  const period = typeof value === 'string' ? parseRetentionPeriod(value) : retentionPeriodSchema.safeParse(value).data;
  if (period) return period;
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', input: value, message: 'required', params: { 'zh-CN': '缺少必填项', en: 'required' } });
    return z.NEVER;
  }
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  ctx.addIssue({
    code: 'custom',
    input: value,
    message: `"${shown}" is not a retention period (Y, D<n>, 永久, 定期<n>年, 长期, 短期, <event>后<n>年)`,
    params: {
      'zh-CN': `“${shown}”不是有效的保管期限（Y、D<n>、永久、定期<n>年、长期、短期、<事件>后<n>年）`,
      en: `"${shown}" is not a retention period (Y, D<n>, 永久, 定期<n>年, 长期, 短期, <event>后<n>年)`,
    },
  });
  return z.NEVER;
});

const citationSchema = z.union([
  z.string().min(1).transform((standard) => ({ standard, confidence: 'verified' as const })),
  z.object({
    standard: z.string().min(1),
    clause: z.string().min(1).optional(),
    confidence: confidenceSchema.default('verified'),
    basis: z.array(z.string().min(1)).optional(),
    quote: z.string().min(1).optional(),
  }),
]);

const ruleSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1).optional(),
  name: z.string().min(1),
  group: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).default([]),
  period: periodSchema,
  minimum: z.boolean().default(false),
  extendableTo: periodSchema.optional(),
  counting: countingRuleSchema.optional(),
  source: citationSchema,
  note: z.string().optional(),
});

const scheduleSchema = z.object({
  formatVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  regulation: z.string().min(1),
  effective: z.iso.date().optional(),
  legacy: z.boolean().optional(),
  note: z.string().optional(),
  counting: z.union([
    countingRuleSchema.transform((rule) => ({ rule, source: { standard: '本单位保管期限表', confidence: 'verified' as const } })),
    z.object({ rule: countingRuleSchema, source: citationSchema }),
  ]),
  rules: z.array(ruleSchema).min(1),
});

/** Result of {@link loadSchedule}. */
export type LoadScheduleResult = { ok: true; schedule: RetentionSchedule } | { ok: false; issues: Issue[] };

/** Options of {@link loadSchedule}. */
export interface LoadScheduleOptions {
  /** Message locale of the issues. */
  locale?: Locale;
  /** Path of the file, copied into every issue. */
  path?: string;
}

/**
 * Reads a user schedule (JSON text or an already-parsed value). The format
 * is the built-in one (`formatVersion: 1`), with conveniences: `period` may be
 * text such as `D30` or `永久`, `source` may be a plain string, `code`
 * defaults to `id` and `aliases` to none. Never throws on bad input.
 *
 * @param input - JSON text or a parsed object.
 * @param options - Locale and file path for the issues.
 * @returns The schedule, or issues naming the row (1-based) and field.
 * @example
 * const r = loadSchedule('{"formatVersion":1,"id":"x","name":"x","regulation":"x","counting":"formation-year-end","rules":[{"id":"a","name":"a","period":"D7","source":"x"}]}');
 * r.ok && r.schedule.rules[0].period //=> { kind: 'fixed', years: 7 }
 */
export function loadSchedule(input: unknown, options: LoadScheduleOptions = {}): LoadScheduleResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, issues: [createIssueFrom(rulesIssues, 'schedule.invalid', { ...options, params: { field: '(root)', reason } })] };
    }
  }
  const parsed = scheduleSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((issue) => toIssue(issue, value, options)) };
  const { rules: rows, ...meta } = parsed.data;
  const rules: RetentionRule[] = rows.map(({ code, ...row }) => dropUndefined({ ...row, code: code ?? row.id }));
  const issues = duplicateIds(rules, options);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, schedule: dropUndefined({ ...meta, nameEn: meta.nameEn ?? meta.name, rules }) };
}

function duplicateIds(rules: readonly RetentionRule[], options: LoadScheduleOptions): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  rules.forEach((rule, i) => {
    const seen = first.get(rule.id);
    if (seen === undefined) first.set(rule.id, i + 1);
    else issues.push(createIssueFrom(rulesIssues, 'schedule.duplicate-rule', { ...options, params: { row: i + 1, rule: rule.id, first: seen }, received: rule.id }));
  });
  return issues;
}

function toIssue(issue: z.core.$ZodIssue, input: unknown, options: LoadScheduleOptions): Issue {
  const [head, index, ...rest] = issue.path;
  const received = valueAt(input, issue.path);
  const reason = reasonOf(issue, received, options.locale);
  const common = { locale: options.locale, path: options.path, received };
  if (head === 'rules' && typeof index === 'number') {
    const row = (input as { rules?: { id?: unknown }[] }).rules?.[index];
    const rule = typeof row?.id === 'string' ? row.id : '?';
    return createIssueFrom(rulesIssues, 'schedule.row-invalid', { ...common, params: { row: index + 1, rule, field: rest.map(String).join('.') || '(row)', reason } });
  }
  return createIssueFrom(rulesIssues, 'schedule.invalid', { ...common, params: { field: issue.path.map(String).join('.') || '(root)', reason } });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
