import * as z from 'zod';
import { en, zhCN } from 'zod/locales';
import { issuesFromZod } from './fromZod.js';
import type { Issue, Locale } from './issue.js';

/** Options of {@link validateModel}. */
export interface ValidateModelOptions {
  /** Message language; `zh-CN` by default. */
  locale?: Locale;
  /** Prepended to every field path, e.g. `items.3`. */
  prefix?: string;
  /** Package-relative path of the file the value came from. */
  path?: string;
}

/** Result of {@link validateModel}: the parsed value, or our issues. */
export type ModelValidation<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

// zod's own messages for built-in checks, per locale; the model's refinements carry both languages in
// `params` (`addBilingualIssue` in src/model/bilingualIssue.ts: `params['zh-CN']`, `params.en`).
const ZOD_LOCALES = { 'zh-CN': zhCN(), en: en() } as const;

/**
 * Validates a value against a model schema (any zod schema) and reports
 * problems as dangan {@link Issue}s (code `model.invalid`, one per problem,
 * naming the field), never as zod errors: `schema.safeParse` with zod's
 * messages in the caller's locale, then {@link issuesFromZod}. A custom issue
 * whose `params` hold a message per locale is reported in that locale. Lives
 * in `src/report` so that `src/model` imports no sibling (design.md). Never
 * throws on bad input.
 *
 * @param schema - Any model schema, e.g. `catalogueEntrySchema`.
 * @param value - The value to check.
 * @param options - Locale, field-path prefix and file path.
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`.
 * @example
 * const r = validateModel(catalogueEntrySchema, { ...row, pageCount: 0 }, { locale: 'en' });
 * if (!r.ok) r.issues[0].message //=> 'Field "pageCount" is invalid: …'
 */
export function validateModel<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: ValidateModelOptions = {},
): ModelValidation<z.output<S>> {
  const locale = options.locale ?? 'zh-CN';
  const result = schema.safeParse(value, { reportInput: true, error: ZOD_LOCALES[locale].localeError });
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => localizeCustom(issue, locale));
  return { ok: false, issues: issuesFromZod(new z.ZodError(issues), { ...options, locale }) };
}

function localizeCustom(issue: z.core.$ZodIssue, locale: Locale): z.core.$ZodIssue {
  if (issue.code !== 'custom') return issue;
  const message: unknown = issue.params?.[locale];
  return typeof message === 'string' ? { ...issue, message } : issue;
}
