import type { AddedLocale, IssueDefinition } from './definition.js';
import type { Locale } from './issue.js';

// Messages of the locales other than zh-CN, by locale and code, as registered.
const registered: { [L in AddedLocale]?: Record<string, string> } = {};

/**
 * Registers the messages of a locale other than zh-CN (the built-in default),
 * so that issues created or localised in that locale read in it. Codes already
 * registered are replaced; registering twice is harmless. `dangan` in Node,
 * `dangan/node` and the CLI register English themselves; a browser bundle
 * (the `browser` export condition) carries zh-CN only, and registers English
 * when it wants it — all of it, or one area's table:
 *
 * @param locale - The locale, e.g. `en`.
 * @param messages - Message templates by issue code, e.g. `issueCatalogueEn` or one area's table.
 * @example
 * import { issueCatalogueEn } from 'dangan/locales/en';
 * registerMessages('en', issueCatalogueEn);
 */
export function registerMessages(locale: AddedLocale, messages: Readonly<Record<string, string>>): void {
  Object.assign((registered[locale] ??= {}), messages);
}

/**
 * Whether a locale's message for a code is registered (zh-CN always is, for catalogued codes).
 *
 * @param locale - The locale.
 * @param code - An issue code.
 * @returns `true` when {@link messageTemplate} gives that locale's message.
 * @example
 * hasMessage('en', 'input.unreadable') //=> true once English is registered
 */
export function hasMessage(locale: AddedLocale, code: string): boolean {
  return registered[locale]?.[code] !== undefined;
}

/**
 * The message template of a code in a locale: zh-CN from the definition, any
 * other locale from its registered messages, falling back to zh-CN (the
 * default) when that locale's message is not registered.
 *
 * @param code - The issue code.
 * @param definition - The code's definition.
 * @param locale - The locale; zh-CN by default.
 * @returns The template, with its `{name}` placeholders unfilled.
 * @example
 * messageTemplate('input.unreadable', generalIssues['input.unreadable'], 'zh-CN') //=> '无法读取输入：{reason}'
 */
export function messageTemplate(code: string, definition: IssueDefinition, locale: Locale = 'zh-CN'): string {
  if (locale === 'zh-CN') return definition['zh-CN'];
  return registered[locale]?.[code] ?? definition['zh-CN'];
}
