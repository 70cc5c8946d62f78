import type { Issue } from '../issue.js';
import { resolveChecks, type CheckResult, type Report } from '../report.js';
import type { CheckDescription } from '../check.js';

export type { CheckDescription } from '../check.js';

/** Options shared by the JUnit and SARIF formatters. */
export interface CheckFormatOptions {
  /**
   * Finds the check of an issue that has no `checkId` (reports made by hand);
   * by default the longest check id that prefixes the issue code.
   */
  checkOf?: (issue: Issue) => string | undefined;
  /** Describes a check id. */
  describe?: (checkId: string) => CheckDescription | undefined;
  /** Version of the tool, written into the output. */
  toolVersion?: string;
}

/** One check of a report with its issues: what every output format renders. */
export interface CheckWithIssues extends CheckResult {
  /** The check's issues, in report order. */
  issueList: Issue[];
}

/**
 * The report's checks, each with its issues, derived by {@link resolveChecks}
 * (the same derivation `buildReport` applied, so text, JSON, JUnit and SARIF agree).
 *
 * @param report - The report.
 * @param checkOf - Optional resolver for issues without a `checkId`.
 * @returns The checks in report order.
 * @example
 * checksWithIssues(report).filter((c) => c.status === 'failed').map((c) => c.id)
 */
export function checksWithIssues(report: Report, checkOf?: (issue: Issue) => string | undefined): CheckWithIssues[] {
  const { checks, issues } = resolveChecks(report.checks, report.issues, checkOf);
  return checks.map((c) => ({ ...c, issueList: (c.issues ?? []).map((i) => issues[i]!) }));
}

/**
 * Groups a report's issues by check (see {@link checksWithIssues}).
 *
 * @param report - The report.
 * @param checkOf - Optional resolver for issues without a `checkId`.
 * @returns Issues by check id, every report check present (possibly empty).
 * @example
 * groupIssuesByCheck(report).get('fixity.digest')?.length
 */
export function groupIssuesByCheck(report: Report, checkOf?: (issue: Issue) => string | undefined): Map<string, Issue[]> {
  return new Map(checksWithIssues(report, checkOf).map((c) => [c.id, c.issueList]));
}
