/** The parts of a Report compared: a library `Report` or one parsed from a CLI's JSON. */
interface ReportLike {
  valid: boolean;
  profile: string;
  summary: unknown;
  checks: readonly { id: string; status: string; issues?: readonly number[] }[];
  issues: readonly object[];
  shard?: unknown;
}

/**
 * A report with its order taken out, for comparing a merge of shard reports with a whole run (a merge
 * lists issues in path order): the verdict, summary and shard, each check's status with its sorted
 * issues, and all issues sorted. Used by the shard tests and the `shardsAgree` fuzz target.
 *
 * @param report - The report.
 * @returns A plain value to compare with `toEqual` / `isDeepStrictEqual`.
 * @example
 * expect(comparableReport(merged)).toEqual(comparableReport(whole));
 */
export function comparableReport(report: ReportLike): unknown {
  const key = (issue: object) => JSON.stringify(issue, Object.keys(issue).sort());
  return {
    valid: report.valid,
    profile: report.profile,
    summary: report.summary,
    checks: report.checks.map((c) => ({ id: c.id, status: c.status, issues: (c.issues ?? []).map((i) => key(report.issues[i]!)).sort() })),
    issues: report.issues.map(key).sort(),
    shard: report.shard,
  };
}
