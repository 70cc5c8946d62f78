import type { Issue, Locale } from './issue.js';
import { capIssuesPerCode } from './capIssues.js';
import { localizeIssue } from './createIssue.js';
import type { StreamedIssues } from './issueSink.js';

/** Outcome of one check in a report. `manual` means a person has to do it. */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'manual';

/** One check's outcome. */
export interface CheckResult {
  /** Stable check id, e.g. `fixity.digest` or a DA/T 70 item `YJ-1-1`. */
  id: string;
  /** Outcome of the check: `failed` exactly when one of its issues is an error. */
  status: CheckStatus;
  /** Indices into `Report.issues` of the check's issues (set by {@link buildReport}). */
  issues?: number[];
}

/** Counts over a report's issues and the bytes it looked at. */
export interface ReportSummary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  bytes: number;
}

/**
 * Which share of a package's content a report covers (`dangan validate --shard I/N`):
 * the structure and metadata are checked whole, the content files of this shard only.
 * `dangan report merge` (`mergeShardReports`) turns the reports of all `count` shards
 * into the report of one whole run, which has no `shard`.
 */
export interface ReportShard {
  /** 0-based shard index. */
  index: number;
  /** Number of shards. */
  count: number;
  /** Fingerprint of the package's listing (paths, kinds, sizes): the same in every shard of one package. */
  package: string;
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
  /** Set only on the report of one shard of a run split by `--shard I/N`. */
  shard?: ReportShard;
}

/** Input of {@link buildReport}. */
export interface ReportInput {
  profile: string;
  issues: readonly Issue[];
  checks?: readonly CheckResult[];
  files?: number;
  bytes?: number;
  /** The check of an issue that has no `checkId`; by default the longest listed check id that prefixes its code. */
  checkOf?: (issue: Issue) => string | undefined;
  /**
   * Most issues of one code listed; the rest are counted in one
   * `limits.issues-truncated` issue per code ({@link capIssuesPerCode}).
   * Default 1,000; `Infinity` lists all.
   */
  maxIssuesPerCode?: number;
  /** Locale of the truncation issues' messages; default `zh-CN`. */
  locale?: Locale;
  /** The shard the report covers, when the run was split (kept as given). */
  shard?: ReportShard;
  /**
   * Issues already written out as they were found (a streamed `--format jsonl` run) and not in
   * `issues`: they count in the summary and fail their checks, but are not listed again.
   */
  streamed?: StreamedIssues;
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
  const capped = capIssuesPerCode(input.issues, {
    ...(input.maxIssuesPerCode !== undefined ? { maxPerCode: input.maxIssuesPerCode } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
  });
  const resolved = resolveChecks(input.checks ?? [], capped, input.checkOf);
  const { issues } = resolved;
  const streamed = input.streamed;
  const failing = new Set(streamed?.failing);
  const checks = failing.size === 0 ? resolved.checks : resolved.checks.map((c) => (failing.has(c.id) ? { ...c, status: 'failed' as const } : c));
  const count = (severity: Issue['severity']) => issues.filter((i) => i.severity === severity).length + (streamed?.[`${severity}s`] ?? 0);
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
    checks,
    issues,
    ...(input.shard ? { shard: input.shard } : {}),
  };
}

/**
 * The one place check results are derived (issue 15): every issue is stamped
 * with the id of a listed check (its own `checkId` when the report lists it,
 * else `checkOf(issue)`, else the longest listed check id that prefixes its
 * code, else a check named by the code itself, which is then listed); each
 * check lists its issues by index; a check is `failed` exactly when one of
 * its issues is an error, a `failed` check without one is `passed`, and
 * `manual` and `skipped` stay as they are otherwise. Idempotent: formatters
 * call it on any report, so hand-made reports render consistently too.
 *
 * @param checks - Check outcomes as the validator listed them.
 * @param issues - The issues.
 * @param checkOf - Optional resolver for issues without a `checkId`.
 * @returns Checks with their issues and statuses, and the stamped issues.
 * @example
 * resolveChecks([{ id: 'bagit.oxum', status: 'passed' }], [oxumError]).checks[0].status //=> 'failed'
 */
export function resolveChecks(
  checks: readonly CheckResult[],
  issues: readonly Issue[],
  checkOf?: (issue: Issue) => string | undefined,
): { checks: CheckResult[]; issues: Issue[] } {
  const order: string[] = [];
  const listed = new Map<string, CheckStatus>();
  for (const c of checks) {
    if (!listed.has(c.id)) order.push(c.id);
    listed.set(c.id, c.status);
  }
  const members = new Map<string, number[]>(order.map((id) => [id, []]));
  const hasError = new Set<string>();
  const stamped = issues.map((issue, index) => {
    const id = checkIdOf(issue, listed, checkOf);
    if (!members.has(id)) {
      order.push(id);
      members.set(id, []);
    }
    members.get(id)!.push(index);
    if (issue.severity === 'error') hasError.add(id);
    return issue.checkId === id ? issue : { ...issue, checkId: id };
  });
  const resolved = order.map((id): CheckResult => {
    const given = listed.get(id);
    const status: CheckStatus = hasError.has(id) ? 'failed' : given === undefined || given === 'failed' ? 'passed' : given;
    return { id, status, issues: members.get(id)! };
  });
  return { checks: resolved, issues: stamped };
}

function checkIdOf(issue: Issue, listed: ReadonlyMap<string, CheckStatus>, checkOf?: (issue: Issue) => string | undefined): string {
  if (issue.checkId !== undefined && listed.has(issue.checkId)) return issue.checkId;
  const resolved = checkOf?.(issue);
  if (resolved !== undefined) return resolved;
  if (issue.checkId !== undefined) return issue.checkId;
  let best: string | undefined;
  for (const id of listed.keys()) {
    if ((issue.code === id || issue.code.startsWith(`${id}.`)) && (best === undefined || id.length > best.length)) best = id;
  }
  return best ?? issue.code;
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

/**
 * What a report counts but does not list (issues streamed out as they were found): its
 * summary minus the issues it holds, and the failed checks none of its issues fails. Zero
 * for a report that lists everything, so a report rebuilt with it keeps its counts.
 *
 * @param report - The report.
 * @returns The streamed counts and failing checks.
 * @example
 * buildReport({ ...input, issues: [...more, ...report.issues], streamed: streamedOf(report) })
 */
export function streamedOf(report: Report): StreamedIssues {
  const held = (severity: Issue['severity']) => report.issues.filter((i) => i.severity === severity).length;
  const failedByHeld = new Set(report.issues.filter((i) => i.severity === 'error').map((i) => i.checkId));
  return {
    errors: report.summary.errors - held('error'),
    warnings: report.summary.warnings - held('warning'),
    infos: report.summary.infos - held('info'),
    failing: report.checks.filter((c) => c.status === 'failed' && !failedByHeld.has(c.id)).map((c) => c.id),
  };
}
