import type { Issue, Locale } from './issue.js';
import { capIssuesPerCode } from './capIssues.js';
import { localizeIssue } from './createIssue.js';

/** Outcome of one check in a report. `manual` means a person has to do it. */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'manual';

/** One check's outcome. */
export interface CheckResult {
  /** Stable check id, e.g. `fixity.digest` or a DA/T 70 item `YJ-1-1`. */
  id: string;
  /** Outcome of the check. */
  status: CheckStatus;
}

/** Counts over a report's issues and the bytes it looked at. */
export interface ReportSummary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  bytes: number;
}

/** The result of a validation: the public, stable contract of `docs/report.md`. */
export interface Report {
  /** True when no issue has severity `error`. */
  valid: boolean;
  /** The profile validated against, e.g. `dat93`, `eep`, `bagit`, `catalogue`. */
  profile: string;
  /** Counts. */
  summary: ReportSummary;
  /** Every check that ran or was listed, with its status. */
  checks: CheckResult[];
  /** Every finding, in the order found. */
  issues: Issue[];
}

/** Input of {@link buildReport}. */
export interface ReportInput {
  profile: string;
  issues: readonly Issue[];
  checks?: readonly CheckResult[];
  files?: number;
  bytes?: number;
  /**
   * Most issues of one code listed; the rest are counted in one
   * `limits.issues-truncated` issue per code ({@link capIssuesPerCode}).
   * Default 1,000; `Infinity` lists all.
   */
  maxIssuesPerCode?: number;
  /** Locale of the truncation issues' messages; default `zh-CN`. */
  locale?: Locale;
}

/**
 * Builds a {@link Report} from issues and check outcomes, computing `valid`
 * and the summary counts (of the issues listed). Every report is capped per
 * code here (issue 23 class 8), whatever produced its issues.
 *
 * @param input - Profile, issues, checks and counts of files and bytes.
 * @returns The report.
 * @example
 * buildReport({ profile: 'catalogue', issues: [] }).valid //=> true
 */
export function buildReport(input: ReportInput): Report {
  const issues = capIssuesPerCode(input.issues, {
    ...(input.maxIssuesPerCode !== undefined ? { maxPerCode: input.maxIssuesPerCode } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
  });
  const count = (severity: Issue['severity']) => issues.filter((i) => i.severity === severity).length;
  const errors = count('error');
  return {
    valid: errors === 0,
    profile: input.profile,
    summary: {
      errors,
      warnings: count('warning'),
      infos: count('info'),
      files: input.files ?? 0,
      bytes: input.bytes ?? 0,
    },
    checks: [...(input.checks ?? [])],
    issues,
  };
}

/**
 * Returns a copy of a report with every message in another locale.
 *
 * @param report - A report in any locale.
 * @param locale - Target locale.
 * @returns The translated report.
 * @example
 * localizeReport(report, 'en')
 */
export function localizeReport(report: Report, locale: Locale): Report {
  return { ...report, issues: report.issues.map((issue) => localizeIssue(issue, locale)) };
}
