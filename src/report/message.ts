import type { IssueDefinition } from './definition.js';
import type { Locale } from './issue.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills a message template's `{name}` placeholders from params. Unknown
 * placeholders are left as written so a missing param is visible, not hidden.
 *
 * @param template - A message with `{name}` placeholders.
 * @param params - Values by placeholder name.
 * @returns The filled message.
 * @example
 * formatMessage('第{line}行', { line: 3 }) //=> '第3行'
 */
export function formatMessage(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? stringifyParam(params[name]) : whole,
  );
}

function stringifyParam(value: unknown): string {
  if (Array.isArray(value)) return value.map(stringifyParam).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Resolves a definition's message in a locale.
 *
 * @param definition - The issue definition holding the templates.
 * @param locale - `zh-CN` (default) or `en`.
 * @param params - Placeholder values.
 * @returns The localised message.
 * @example
 * resolveMessage(issueCatalogue['input.unreadable'], 'en', { reason: 'ENOENT' })
 * //=> 'The input cannot be read: ENOENT'
 */
export function resolveMessage(
  definition: IssueDefinition,
  locale: Locale = 'zh-CN',
  params?: Readonly<Record<string, unknown>>,
): string {
  return formatMessage(definition[locale], params);
}
