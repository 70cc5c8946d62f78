import * as z from 'zod';

/** A message in both shipped locales. */
export interface BilingualMessage {
  readonly 'zh-CN': string;
  readonly en: string;
}

/**
 * Adds a custom issue to a zod refinement whose message exists in both
 * locales: `message` is the English text, `params` holds both, so
 * `validateModel` (src/report) can report it in the caller's locale.
 *
 * @param ctx - The refinement context.
 * @param input - The rejected value.
 * @param messages - The message in zh-CN and en.
 * @param path - Field path below the refined value, for object-level refinements.
 * @example
 * z.string().superRefine((v, ctx) => { if (v === '') addBilingualIssue(ctx, v, { 'zh-CN': '不能为空', en: 'must not be empty' }); });
 */
export function addBilingualIssue(
  ctx: z.RefinementCtx,
  input: unknown,
  messages: BilingualMessage,
  path?: readonly PropertyKey[],
): void {
  ctx.addIssue({ code: 'custom', message: messages.en, params: { ...messages }, input, ...(path ? { path: [...path] } : {}) });
}

/**
 * A string schema that must match `pattern`, reporting a bilingual message
 * (instead of zod's "must match pattern") and keeping the pattern in the
 * generated JSON Schema.
 *
 * @param pattern - The pattern; no flags, so JSON Schema reads it the same way.
 * @param messages - zh-CN and en message for a rejected value.
 * @returns The schema.
 * @throws {Error} When `pattern` has flags, which JSON Schema cannot carry.
 * @example
 * const code = textMatching(/^[A-Z]+$/, (v) => ({ 'zh-CN': `“${v}”应为大写字母`, en: `"${v}" should be uppercase letters` }));
 */
export function textMatching(pattern: RegExp, messages: (value: string) => BilingualMessage): z.ZodString {
  if (pattern.flags !== '') throw new Error(`textMatching: pattern ${pattern} must have no flags`);
  return z
    .string()
    .superRefine((value, ctx) => {
      if (!pattern.test(value)) addBilingualIssue(ctx, value, messages(value));
    })
    .meta({ pattern: pattern.source });
}
