import * as z from 'zod';
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
  // reportInput: the received value goes into the issue (and zod's message names its type).
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: issuesFromZod(result.error, { ...options, locale }) };
}
