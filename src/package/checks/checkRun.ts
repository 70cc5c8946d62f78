import type { IssueDetails } from '../../report/createIssue.js';
import { createIssueSink } from '../../report/issueSink.js';
import type { Issue, Locale, Severity } from '../../report/issue.js';
import type { IssueCode } from '../../report/messages/index.js';
import { buildReport, type Report } from '../../report/report.js';
import { adjustSeverity } from '../../report/severityPolicy.js';
import { defaultLimits, type Limits } from '../limits.js';
import { checkOfIssueCode, packageCheckIds, packageChecks, type PackageCheckId } from './registry.js';
import { subsumedIssues } from './subsumedIssues.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { limitsIssues } from '../../report/messages/limits.js';

// Codes whose paths subsume another code's issues (see subsumedIssues).
const subsumers = new Set(Object.values(subsumedIssues).map((rule) => rule.by));

/** Per-check severity override; `off` disables the check (listed as skipped). */
export type CheckSeverityOverride = Severity | 'off';

/** Options of {@link createCheckRun}. */
export interface CheckRunOptions {
  /** Message locale; `zh-CN` by default. */
  locale?: Locale;
  /** Severity per check id, overriding the registry default; `off` skips the check. */
  severity?: Readonly<Partial<Record<PackageCheckId, CheckSeverityOverride>>>;
  /**
   * Limits (docs/security.md): the XML ones apply to every XML the run reads;
   * `maxIssuesPerCode` caps how many issues of one code the report lists.
   */
  limits?: Partial<Limits>;
  /**
   * Streams the run's issues (a `dat93` package validated directly, not one inside a bag): each
   * issue within the cap is handed here as it is found and not held, and the report lists only
   * what came after (the `limits.issues-truncated` notes, limit and container issues) while its
   * summary and check statuses count every issue. The CLI's `--format jsonl` writes each as a line.
   */
  onIssue?: (issue: Issue) => void;
}

/**
 * Collects the issues of one validation run, check by check, and turns them
 * into a {@link Report} that lists every registered check with its status.
 */
export interface CheckRun {
  /** Message locale of the run. */
  readonly locale: Locale;
  /** XML limits the run's XML reads use (unset ones take the defaults). */
  readonly xmlLimits: Partial<Limits>;
  /** False when the caller turned the check `off`. */
  enabled(check: PackageCheckId): boolean;
  /** Records that a check ran (so it is `passed` unless it has issues). */
  ran(check: PackageCheckId): void;
  /**
   * Adds a catalogued issue to the check its code belongs to
   * ({@link checkOfIssueCode}); the check's aspect, DA/T 70 item and severity apply.
   *
   * @throws Error when no package check reports the code (a programming error).
   */
  report(code: IssueCode, details?: Omit<IssueDetails, 'locale' | 'check' | 'severity' | 'aspect'>): void;
  /** Adds an issue made elsewhere (the XML or catalogue layer) to its check, or to `fallback`. */
  adopt(issue: Issue, fallback: PackageCheckId): void;
  /** Builds the report. */
  finish(input: { profile: string; files: number; bytes: number }): Report;
}

/**
 * Starts a check run over the package check registry. Per-check severity
 * overrides go through the shared {@link adjustSeverity} policy. A report
 * lists at most `limits.maxIssuesPerCode` issues of one code (default 1,000);
 * the rest are counted in one `limits.issues-truncated` issue per code (info,
 * `received` = how many were left out). An issue that `subsumedIssues` (src/package/checks/subsumedIssues.ts)
 * says adds nothing for a path already reported (an unlisted file is not also
 * "not covered by fixity") is not reported.
 *
 * @param options - Locale, per-check severity overrides and limits.
 * @returns A fresh run.
 * @example
 * const run = createCheckRun({ locale: 'en', severity: { 'metadata.length': 'off' } });
 * run.ran('package.structure');
 * run.finish({ profile: 'dat93', files: 0, bytes: 0 }).checks[0]
 */
export function createCheckRun(options: CheckRunOptions = {}): CheckRun {
  const maxPerCode = options.limits?.maxIssuesPerCode ?? defaultLimits.maxIssuesPerCode;
  const coveredPaths = new Map<string, Set<string>>();
  const override = (check: PackageCheckId) => options.severity?.[check];
  const enabled = (check: PackageCheckId) => override(check) !== 'off';
  // The one issue sink (src/report/issueSink.ts): the registry's checks, their aspect and DA/T 70 item.
  const sink = createIssueSink<PackageCheckId>({
    checks: definitions,
    locale: options.locale ?? 'zh-CN',
    maxIssuesPerCode: maxPerCode,
    aspectAndItemOfCheck: true,
    ...(options.onIssue ? { onIssue: options.onIssue } : {}),
    policy: (issue, check) => {
      const level = check === undefined ? undefined : override(check);
      return adjustSeverity(issue, level === undefined ? {} : { [issue.code]: level });
    },
  });
  /** False when the issue adds nothing for a path already reported (subsumedIssues). */
  const admit = (code: string, path: string | undefined): boolean => {
    const subsumed = subsumedIssues[code];
    if (subsumed && path !== undefined && coveredPaths.get(subsumed.by)?.has(path)) return false;
    if (path !== undefined && subsumers.has(code)) {
      const paths = coveredPaths.get(code) ?? new Set<string>();
      coveredPaths.set(code, paths.add(path));
    }
    return true;
  };
  return {
    locale: sink.locale,
    xmlLimits: options.limits ?? {},
    enabled,
    ran: (check) => {
      if (enabled(check)) sink.ran(check);
    },
    report: (code, details = {}) => {
      const check = checkOfIssueCode(code);
      if (check === undefined) throw new Error(`[dangan] issue code ${code} belongs to no package check`);
      if (enabled(check) && admit(code, details.path)) sink.report(code, details, check);
    },
    adopt: (issue, fallback) => {
      const check = checkOfIssueCode(issue.code) ?? fallback;
      if (enabled(check) && admit(issue.code, issue.path)) sink.add(issue, check);
    },
    finish: ({ profile, files, bytes }) =>
      buildReport({ profile, issues: sink.issues(), checks: sink.checks(), files, bytes, maxIssuesPerCode: maxPerCode, locale: sink.locale, streamed: sink.streamed() }),
  };
}

// The registry as the sink lists it, in report order.
const definitions = packageCheckIds.map((id) => ({ id, ...packageChecks[id] }));
