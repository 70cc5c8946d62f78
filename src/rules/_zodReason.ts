/**
 * Our own wording for zod issues, so zod's messages never reach users.
 * Internal.
 *
 * @module
 */
import type * as z from 'zod';
import type { Locale } from '../report/index.js';

/**
 * A short reason for a zod issue in our words.
 *
 * @param issue - The zod issue.
 * @param received - The value at the issue's path.
 * @param locale - Locale.
 * @returns The reason.
 */
export function reasonOf(issue: z.core.$ZodIssue, received: unknown, locale: Locale = 'zh-CN'): string {
  const zh = locale === 'zh-CN';
  const bilingual = (issue as { params?: Record<string, unknown> }).params?.[locale];
  if (typeof bilingual === 'string') return bilingual;
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) return zh ? '缺少必填项' : 'required';
      return zh ? `应为 ${issue.expected}` : `expected ${issue.expected}`;
    case 'invalid_value':
      return zh ? `应为以下之一：${issue.values.map(String).join('、')}` : `expected one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return zh ? '不能为空' : 'must not be empty';
    case 'invalid_format':
      return zh ? `格式应为 ${issue.format}` : `expected format ${issue.format}`;
    case 'unrecognized_keys':
      return zh ? `未知字段：${issue.keys.join('、')}` : `unknown keys: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return zh ? '不是允许的形式' : 'not one of the allowed forms';
    default:
      return zh ? '不符合要求' : 'invalid';
  }
}

/**
 * The value at a path inside an input.
 *
 * @param input - Any value.
 * @param path - Keys.
 * @returns The value, or `undefined`.
 */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
