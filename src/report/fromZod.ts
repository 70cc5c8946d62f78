import type * as z from 'zod';
import { createIssue } from './createIssue.js';
import type { Issue, Locale } from './issue.js';

/**
 * Maps zod's issues to dangan {@link Issue}s with code `model.invalid`. This is
 * the one place zod's error model meets ours, so a zod upgrade cannot change
 * what report consumers see.
 *
 * @param error - A zod error (from `safeParse`).
 * @param options - `prefix` is prepended to every field path; `locale` picks the message language.
 * @returns One issue per zod issue, naming the field by its dotted path.
 * @example
 * const r = fondsSchema.safeParse({});
 * if (!r.success) issuesFromZod(r.error)[0].code //=> 'model.invalid'
 */
export function issuesFromZod(
  error: z.ZodError,
  options: { prefix?: string; locale?: Locale; path?: string } = {},
): Issue[] {
  return error.issues.map((zodIssue) => {
    const field = [options.prefix, ...zodIssue.path.map(String)].filter((s) => s !== undefined && s !== '').join('.');
    return createIssue('model.invalid', {
      path: options.path,
      locale: options.locale,
      params: { field: field || '(root)', reason: zodIssue.message },
      received: 'input' in zodIssue ? zodIssue.input : undefined,
    });
  });
}
