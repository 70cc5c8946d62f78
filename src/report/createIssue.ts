import type { Aspect, Issue, IssueLocation, Locale, Severity } from './issue.js';
import { resolveMessage } from './message.js';
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
 * Creates an {@link Issue} from a catalogued code, filling aspect, severity and
 * the localised message from the catalogue.
 *
 * @param code - A code from the issue catalogue.
 * @param details - Path, location, expected/received, params and overrides.
 * @returns The issue, ready to be added to a report.
 * @example
 * createIssue('input.unreadable', { params: { reason: 'ENOENT' }, locale: 'en' }).message
 * //=> 'The input cannot be read: ENOENT'
 */
export function createIssue(code: IssueCode, details: IssueDetails = {}): Issue {
  const definition = issueCatalogue[code];
  const { locale, severity, aspect, ...rest } = details;
  const issue: Issue = {
    code,
    aspect: aspect ?? definition.aspect,
    severity: severity ?? definition.severity,
    message: resolveMessage(definition, locale, details.params),
  };
  return Object.assign(issue, dropUndefined(rest));
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
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
  const definition = (issueCatalogue as Record<string, (typeof issueCatalogue)[IssueCode] | undefined>)[issue.code];
  if (!definition) return issue;
  return { ...issue, message: resolveMessage(definition, locale, issue.params) };
}
