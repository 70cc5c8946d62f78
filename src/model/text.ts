import * as z from 'zod';
import { addBilingualIssue, textMatching } from './bilingualIssue.js';

/**
 * Text with at least one non-whitespace character: a required field that is
 * filled in. Values are kept as written (not trimmed).
 *
 * @example
 * nonBlankTextSchema.safeParse('  ').success //=> false
 */
export const nonBlankTextSchema = textMatching(/\S/, () => ({ 'zh-CN': '不能为空', en: 'must not be blank' }));

/**
 * 机构（问题）代码: uppercase pinyin initials, digits or Chinese characters
 * (DA/T 13-2022; DA/T 22-2015 §5.4 uses 3 letters or digits, e.g. `BGS`).
 *
 * @example
 * orgCodeSchema.safeParse('办公室').success //=> true
 */
export const orgCodeSchema = textMatching(/^[A-Z0-9\u3400-\u9fff]+$/, (value) => ({
  'zh-CN': `机构（问题）代码“${value}”应由大写字母、数字或汉字组成`,
  en: `org code "${value}" should be uppercase letters, digits or Chinese characters`,
}))  .meta({ title: '机构（问题）代码 orgCode', description: 'DA/T 13-2022: uppercase letters, digits or Chinese characters.' });

/**
 * 全宗号: uppercase letters and digits (DA/T 13-2022 examples are one letter +
 * 3 digits, e.g. `Z109`; longer codes exist, so length is not fixed).
 *
 * @example
 * fondsCodeSchema.safeParse('Z109').success //=> true
 */
export const fondsCodeSchema = textMatching(/^[A-Z0-9]+$/, (value) => ({
  'zh-CN': `全宗号“${value}”应由大写字母和数字组成`,
  en: `fonds code "${value}" should be uppercase letters and digits`,
}))  .meta({ title: '全宗号 fondsCode', description: 'Uppercase letters and digits, e.g. Z109 (DA/T 13-2022).' });

/**
 * 年度: a four-digit Gregorian year (DA/T 22-2015 §5.4, never abbreviated).
 *
 * @example
 * yearSchema.safeParse(2015).success //=> true
 */
export const yearSchema = z.number().int().min(1000).max(9999).meta({ title: '年度 year', description: 'Four-digit year (DA/T 22-2015 §5.4).' });

/**
 * A positive whole count or sequence number (件号, 页数, 盒号, 序号 …).
 *
 * @example
 * positiveIntegerSchema.safeParse(0).success //=> false
 */
export const positiveIntegerSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * True when every `[`/`［` is closed by a `]`/`］` before the next opens: the
 * brackets DA/T 22-2015 §5.5 puts around a title written by the archivist.
 */
function bracketsBalanced(title: string): boolean {
  let open = false;
  for (const ch of title) {
    if (ch === '[' || ch === '［') {
      if (open) return false;
      open = true;
    } else if (ch === ']' || ch === '］') {
      if (!open) return false;
      open = false;
    }
  }
  return !open;
}

/**
 * 题名 (title), DA/T 22-2015 §5.5: required; when missing or not descriptive
 * the archivist writes one, in whole or in part, inside `[ ]`
 * (e.g. `[关于办公用房调整的]通知`), so brackets must pair up.
 *
 * @example
 * titleSchema.safeParse('[会议纪要]').success //=> true
 * titleSchema.safeParse('[会议纪要').success //=> false
 */
export const titleSchema = nonBlankTextSchema
  .superRefine((value, ctx) => {
    if (bracketsBalanced(value)) return;
    addBilingualIssue(ctx, value, {
      'zh-CN': `题名“${value}”中的方括号未成对`,
      en: `the square brackets in title "${value}" do not pair up`,
    });
  })
  .meta({ title: '题名 title', description: 'DA/T 22-2015 §5.5: archivist-written parts in [ ].' });
