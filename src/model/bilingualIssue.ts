import type { z } from 'zod';

/** A message in both shipped locales. */
export interface BilingualMessage {
  readonly 'zh-CN': string;
  readonly en: string;
}

/**
 * Adds a custom issue to a zod refinement whose message exists in both
 * locales: `message` is the English text, `params` holds both, so
 * {@link validateModel} can report it in the caller's locale.
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
