import { buildReport, type CheckResult, type CheckStatus, type Report } from '../report/report.js';

// Worst first: a check failed anywhere fails the merged report.
const RANK: Readonly<Record<CheckStatus, number>> = { failed: 3, manual: 2, passed: 1, skipped: 0 };

/**
 * Merges the reports of several parts of one package (e.g. one `.eep` per
 * item folder) into one: issues concatenated, each check listed once with its
 * worst status, files and bytes added up.
 *
 * @param profile - Profile of the merged report.
 * @param reports - The parts' reports.
 * @returns The merged report.
 * @example
 * mergeReports('eep', [a, b]).summary.files //=> a.summary.files + b.summary.files
 */
export function mergeReports(profile: string, reports: readonly Report[]): Report {
  const checks = new Map<string, CheckResult>();
  for (const check of reports.flatMap((r) => r.checks)) {
    const seen = checks.get(check.id);
    if (!seen || RANK[check.status] > RANK[seen.status]) checks.set(check.id, check);
  }
  return buildReport({
    profile,
    issues: reports.flatMap((r) => r.issues),
    checks: [...checks.values()],
    files: reports.reduce((n, r) => n + r.summary.files, 0),
    bytes: reports.reduce((n, r) => n + r.summary.bytes, 0),
  });
}
