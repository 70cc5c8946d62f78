import type { IssueTable } from './definition.js';
import type { Aspect, Issue, IssueLocation, Locale, Severity } from './issue.js';
import { messageTemplate } from './locales.js';
import { formatMessage } from './message.js';
import { issueCatalogue, type IssueCode } from './messages/index.js';

/** Everything about an issue except its code and message; all optional. */
export interface IssueDetails {
  /** Overrides the code's default severity. */
  severity?: Severity;
  /** Overrides the code's default aspect. */
  aspect?: Aspect;
  /** DA/T 70-2018 check item, e.g. `GD-1-7`. */
  check?: string;
  /** Package-relative path, `/`-separated. */
  path?: string;
  /** 1-based line and column. */
  location?: IssueLocation;
  /** Expected value. */
  expected?: unknown;
  /** Received value. */
  received?: unknown;
  /** Values for the message placeholders. */
  params?: Readonly<Record<string, unknown>>;
  /** Message locale; `zh-CN` by default. */
  locale?: Locale;
}

/**
 * Creates an {@link Issue} from a code of one issue table (an area's, such as
 * `filingIssues`, or your own), filling aspect, severity and the localised
 * message. Code inside dangan calls this with its own area's table, so that a
 * bundle carries only the messages of the areas it uses.
 *
 * @param table - The issue table holding the code.
 * @param code - A code of that table.
 * @param details - Path, location, expected/received, params and overrides.
 * @returns The issue, ready to be added to a report.
 * @example
 * createIssueFrom(generalIssues, 'input.unreadable', { params: { reason: 'ENOENT' } }).message
 * //=> '无法读取输入：ENOENT'
 */
export function createIssueFrom<T extends IssueTable>(table: T, code: keyof T & string, details: IssueDetails = {}): Issue {
  const definition = table[code] as T[keyof T];
  const { locale, severity, aspect, ...rest } = details;
  const issue: Issue = {
    code,
    aspect: aspect ?? definition.aspect,
    severity: severity ?? definition.severity,
    message: formatMessage(messageTemplate(code, definition, locale), details.params, locale),
  };
  return Object.assign(issue, dropUndefined(rest));
}

/**
 * Creates an {@link Issue} from a catalogued code, filling aspect, severity and
 * the localised message from the catalogue. It brings the whole catalogue
 * (every area) into a bundle; {@link createIssueFrom} with one area's table does not.
 *
 * @param code - A code from the issue catalogue.
 * @param details - Path, location, expected/received, params and overrides.
 * @returns The issue, ready to be added to a report.
 * @example
 * createIssue('input.unreadable', { params: { reason: 'ENOENT' }, locale: 'en' }).message
 * //=> 'The input cannot be read: ENOENT'
 */
export function createIssue(code: IssueCode, details: IssueDetails = {}): Issue {
  return createIssueFrom(issueCatalogue, code, details);
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Resolves a catalogued code's message in a locale (zh-CN unless that
 * locale's messages are registered, see `registerMessages`).
 *
 * @param code - A code from the issue catalogue.
 * @param locale - `zh-CN` (default) or `en`.
 * @param params - Placeholder values.
 * @returns The localised message.
 * @example
 * resolveMessage('input.unreadable', 'en', { reason: 'ENOENT' })
 * //=> 'The input cannot be read: ENOENT'
 */
export function resolveMessage(code: IssueCode, locale: Locale = 'zh-CN', params?: Readonly<Record<string, unknown>>): string {
  return formatMessage(messageTemplate(code, issueCatalogue[code], locale), params, locale);
}

/**
 * Re-resolves an issue's message in another locale. Issues whose code is not
 * in the catalogue (e.g. produced by a user's own check) are returned as they are.
 *
 * @param issue - The issue to translate.
 * @param locale - Target locale.
 * @returns A copy with `message` in the target locale.
 * @example
 * localizeIssue(issue, 'en').message
 */
export function localizeIssue(issue: Issue, locale: Locale): Issue {
  if (!Object.hasOwn(issueCatalogue, issue.code)) return issue;
  return { ...issue, message: resolveMessage(issue.code as IssueCode, locale, issue.params) };
}
