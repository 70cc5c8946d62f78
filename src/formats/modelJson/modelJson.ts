import type * as z from 'zod';

import { issuesFromZod } from '../../report/fromZod.js';
import type { Issue, Locale } from '../../report/issue.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { exportIssues } from '../../report/messages/export.js';

/**
 * Writes any model value (an {@link Item}, {@link CatalogueEntry}, {@link Fonds},
 * arrays of them …) as JSON: two-space indentation, keys in the model's
 * order, a final newline. Absent optional fields are left out, never `null`.
 *
 * @param value - A model value (plain data).
 * @returns The JSON text.
 * @example
 * writeModelJson({ fondsCode: 'Z109', fondsName: '某局', creatingUnit: '某局' })
 */
export function writeModelJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Result of {@link readModelJson}. */
export interface ReadModelJsonResult<T> {
  /** The value when the JSON parsed and matched the schema. */
  value?: T;
  issues: Issue[];
}

/**
 * Reads JSON written by {@link writeModelJson} (or by anyone) and checks it
 * against a model schema, so `readModelJson(schema, writeModelJson(x))` gives
 * `x` back for any valid `x`. Syntax errors and schema mismatches come back as
 * issues (`export.json.syntax`, `model.invalid` naming the field); never throws.
 *
 * @param schema - The model's zod schema, e.g. `catalogueEntrySchema` or `z.array(itemSchema)`.
 * @param input - JSON text or its UTF-8 bytes (a BOM is allowed).
 * @param options - Path and locale for issues.
 * @returns The value, or the issues.
 * @example
 * readModelJson(fondsSchema, '{"fondsName":"某局","creatingUnit":"某局"}').value?.fondsName //=> '某局'
 */
export function readModelJson<S extends z.ZodType>(
  schema: S,
  input: string | Uint8Array,
  options: { path?: string; locale?: Locale } = {},
): ReadModelJsonResult<z.output<S>> {
  const text = (typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input)).replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { issues: [createIssueFrom(exportIssues, 'export.json.syntax', { ...options, params: { reason: (error as Error).message } })] };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { value: parsed.data, issues: [] };
  return { issues: issuesFromZod(parsed.error, options) };
}
