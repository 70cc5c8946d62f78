import type { Locale } from './issue.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills a message template's `{name}` placeholders from params. Unknown
 * placeholders are left as written so a missing param is visible, not hidden.
 * A param given in both languages (`{ 'zh-CN': …, en: … }`) is shown in `locale`.
 *
 * @param template - A message with `{name}` placeholders.
 * @param params - Values by placeholder name.
 * @param locale - The language of bilingual params; `zh-CN` by default.
 * @returns The filled message.
 * @example
 * formatMessage('第{line}行', { line: 3 }) //=> '第3行'
 * formatMessage('字段“{field}”', { field: { 'zh-CN': '日期', en: 'date' } }) //=> '字段“日期”'
 */
export function formatMessage(template: string, params: Readonly<Record<string, unknown>> = {}, locale: Locale = 'zh-CN'): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? stringifyParam(params[name], locale) : whole,
  );
}

function isBilingual(value: object): value is Record<Locale, string> {
  return typeof (value as Record<string, unknown>)['zh-CN'] === 'string' && typeof (value as Record<string, unknown>).en === 'string';
}

function stringifyParam(value: unknown, locale: Locale): string {
  if (Array.isArray(value)) return value.map((v) => stringifyParam(v, locale)).join(', ');
  if (value !== null && typeof value === 'object') return isBilingual(value) ? value[locale] : JSON.stringify(value);
  return String(value);
}
