import * as z from 'zod';
import { addBilingualIssue, textMatching } from './bilingualIssue.js';
import { parseRetentionPeriod } from './retentionPeriod.js';

const yearsSchema = z.number().int().positive().max(9999);

/**
 * A structured {@link RetentionPeriod}, discriminated by `kind`.
 *
 * @example
 * retentionPeriodSchema.parse({ kind: 'fixed', years: 10 })
 */
export const retentionPeriodSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('permanent') }),
    z.object({ kind: z.literal('fixed'), years: yearsSchema }),
    z.object({ kind: z.literal('legacy'), term: z.enum(['long', 'short']) }),
    z.object({
      kind: z.literal('event'),
      years: yearsSchema,
      // One line, no surrounding whitespace, so `<event>后<n>年` reads back unchanged.
      event: textMatching(/^\S(?:[^\n\r\u2028\u2029]*\S)?$/, (value) => ({
        'zh-CN': `起算事件“${value}”应为单行且首尾无空白`,
        en: `event "${value}" should be one line without surrounding whitespace`,
      })),
    }),
  ])
  .meta({ title: '保管期限 RetentionPeriod', description: 'DA/T 13-2022 codes Y / D<n>; legacy 长期/短期; event-based periods.' });

/**
 * A 保管期限 field as written: any text {@link parseRetentionPeriod} reads
 * (legacy letters excluded).
 *
 * @example
 * retentionPeriodTextSchema.safeParse('D30').success //=> true
 * retentionPeriodTextSchema.safeParse('C').success //=> false
 */
export const retentionPeriodTextSchema = z
  .string()
  .superRefine((value, ctx) => {
    if (parseRetentionPeriod(value) !== undefined) return;
    addBilingualIssue(ctx, value, {
      'zh-CN': `“${value}”不是有效的保管期限（Y、D<n>、永久、定期<n>年、长期、短期）`,
      en: `"${value}" is not a retention period (Y, D<n>, 永久, 定期<n>年, 长期, 短期)`,
    });
  })
  .meta({
    title: '保管期限 (text)',
    description: 'Y, D<n>, 永久, 定期<n>年, <n>年, 长期, 短期 or <event>后<n>年.',
    pattern: '^\\s*(?:Y|D[1-9]\\d*|永久|长期|短期|(?:定期)?\\s*[1-9]\\d*\\s*年|\\S.*后(?:保管)?\\s*[1-9]\\d*\\s*年)\\s*$',
  });
