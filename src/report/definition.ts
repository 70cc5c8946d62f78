import type { Aspect, Locale, Severity } from './issue.js';

/**
 * The data behind one issue code: its default aspect and severity, and its
 * message in the default locale, zh-CN. Messages may contain `{name}`
 * placeholders filled from the issue's params. Other locales keep their
 * messages in tables of their own ({@link LocaleMessages}), registered with
 * `registerMessages`, so that a browser bundle carries only the locales it uses.
 */
export interface IssueDefinition {
  /** Default 四性 aspect of the code. */
  readonly aspect: Aspect;
  /** Default severity; callers can override it per code. */
  readonly severity: Severity;
  /** Simplified-Chinese message template (the default locale). */
  readonly 'zh-CN': string;
}

/** A table of issue definitions keyed by issue code: one per area (`src/report/messages/<area>.ts`). */
export type IssueTable = Readonly<Record<string, IssueDefinition>>;

/** A locale other than the default zh-CN, whose messages are registered rather than built in. */
export type AddedLocale = Exclude<Locale, 'zh-CN'>;

/**
 * The messages of one locale for every code of an issue table, by code; the
 * type makes a missing or unknown code a compile error.
 *
 * @example
 * const filingIssuesEn = { 'archival-code.empty': 'The archival code is empty' } as const satisfies LocaleMessages<typeof filingIssues>;
 */
export type LocaleMessages<T extends IssueTable = IssueTable> = { readonly [K in keyof T]: string };
