import type { Aspect, Severity } from './issue.js';

/**
 * The data behind one issue code: its default aspect and severity, and its
 * message in every shipped locale. Messages may contain `{name}` placeholders
 * filled from the issue's params.
 */
export interface IssueDefinition {
  /** Default 四性 aspect of the code. */
  readonly aspect: Aspect;
  /** Default severity; callers can override it per code. */
  readonly severity: Severity;
  /** Simplified-Chinese message template. */
  readonly 'zh-CN': string;
  /** English message template. */
  readonly en: string;
}

/** A table of issue definitions keyed by issue code. */
export type IssueTable = Readonly<Record<string, IssueDefinition>>;
