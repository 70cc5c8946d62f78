import { createIssue, type IssueDetails } from '../../report/createIssue.js';
import type { Issue, Locale, Severity } from '../../report/issue.js';
import type { IssueCode } from '../../report/messages/index.js';
import { buildReport, type CheckResult, type Report } from '../../report/report.js';
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
  const locale = options.locale ?? 'zh-CN';
  const maxPerCode = options.limits?.maxIssuesPerCode ?? defaultLimits.maxIssuesPerCode;
  const issues: Issue[] = [];
  const ran = new Set<PackageCheckId>();
  const failed = new Set<PackageCheckId>();
  const perCode = new Map<string, { check: PackageCheckId; count: number }>();
  // Paths reported with a code that subsumes another, by that code.
  const coveredPaths = new Map<string, Set<string>>();
  const override = (check: PackageCheckId) => options.severity?.[check];
  const enabled = (check: PackageCheckId) => override(check) !== 'off';
  /** False when the issue is subsumed or over the per-code cap (then it is only counted). */
  const admit = (check: PackageCheckId, code: string, path: string | undefined): boolean => {
    const subsumed = subsumedIssues[code];
    if (subsumed && path !== undefined && coveredPaths.get(subsumed.by)?.has(path)) return false;
    // Recorded even past the cap: a capped unlisted file still subsumes its fixity issue.
    if (path !== undefined && subsumers.has(code)) {
      const paths = coveredPaths.get(code) ?? new Set<string>();
      coveredPaths.set(code, paths.add(path));
    }
    const tally = perCode.get(code) ?? { check, count: 0 };
    perCode.set(code, tally);
    tally.count += 1;
    return tally.count <= maxPerCode;
  };
  const add = (check: PackageCheckId, issue: Issue) => {
    const level = override(check);
    const adjusted = adjustSeverity(issue, level === undefined ? {} : { [issue.code]: level });
    if (!adjusted) return;
    const definition = packageChecks[check];
    ran.add(check);
    if (adjusted.severity !== 'info') failed.add(check);
    issues.push({
      ...adjusted,
      aspect: definition.aspect,
      ...('dat70' in definition ? { check: definition.dat70 } : {}),
      checkId: check,
    });
  };
  return {
    locale,
    xmlLimits: options.limits ?? {},
    enabled,
    ran: (check) => {
      if (enabled(check)) ran.add(check);
    },
    report: (code, details = {}) => {
      const check = checkOfIssueCode(code);
      if (check === undefined) throw new Error(`[dangan] issue code ${code} belongs to no package check`);
      // Checked before the issue is made: a capped code costs a count, not a message.
      if (enabled(check) && admit(check, code, details.path)) add(check, createIssue(code, { ...details, locale }));
    },
    adopt: (issue, fallback) => {
      const check = checkOfIssueCode(issue.code) ?? fallback;
      if (enabled(check) && admit(check, issue.code, issue.path)) add(check, issue);
    },
    finish: ({ profile, files, bytes }) => {
      const checks: CheckResult[] = packageCheckIds.map((id) => ({ id, status: statusOf(id) }));
      return buildReport({ profile, issues: [...issues, ...truncationIssues()], checks, files, bytes, maxIssuesPerCode: maxPerCode, locale });
    },
  };

  /** One `limits.issues-truncated` per code over the cap, under that code's check. */
  function truncationIssues(): Issue[] {
    return [...perCode].flatMap(([code, { check, count }]) => {
      if (count <= maxPerCode) return [];
      const definition = packageChecks[check];
      const leftOut = count - maxPerCode;
      const issue = createIssueFrom(limitsIssues, 'limits.issues-truncated', { locale, received: leftOut, expected: maxPerCode, params: { code, limit: maxPerCode, received: leftOut } });
      return [{ ...issue, aspect: definition.aspect, ...('dat70' in definition ? { check: definition.dat70 } : {}), checkId: check }];
    });
  }

  function statusOf(id: PackageCheckId): CheckResult['status'] {
    if (packageChecks[id].mode === 'manual') return 'manual';
    if (failed.has(id)) return 'failed';
    return ran.has(id) ? 'passed' : 'skipped';
  }
}
