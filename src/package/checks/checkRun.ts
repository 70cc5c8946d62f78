import { createIssue, type IssueDetails } from '../../report/createIssue.js';
import type { Issue, Locale, Severity } from '../../report/issue.js';
import type { IssueCode } from '../../report/messages/index.js';
import { buildReport, type CheckResult, type Report } from '../../report/report.js';
import type { XmlLimits } from '../../xml/limits.js';
import { checkOfIssueCode, packageCheckIds, packageChecks, type PackageCheckId } from './registry.js';

/** Per-check severity override; `off` disables the check (listed as skipped). */
export type CheckSeverityOverride = Severity | 'off';

/** Options of {@link createCheckRun}. */
export interface CheckRunOptions {
  /** Message locale; `zh-CN` by default. */
  locale?: Locale;
  /** Severity per check id, overriding the registry default; `off` skips the check. */
  severity?: Readonly<Partial<Record<PackageCheckId, CheckSeverityOverride>>>;
  /** XML limits for every XML the run reads (the XML part of `Limits`, docs/security.md). */
  limits?: Partial<XmlLimits>;
}

/**
 * Collects the issues of one validation run, check by check, and turns them
 * into a {@link Report} that lists every registered check with its status.
 */
export interface CheckRun {
  /** Message locale of the run. */
  readonly locale: Locale;
  /** XML limits the run's XML reads use (unset ones take the defaults). */
  readonly xmlLimits: Partial<XmlLimits>;
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
 * Starts a check run over the package check registry.
 *
 * @param options - Locale and per-check severity overrides.
 * @returns A fresh run.
 * @example
 * const run = createCheckRun({ locale: 'en', severity: { 'metadata.length': 'off' } });
 * run.ran('package.structure');
 * run.finish({ profile: 'dat93', files: 0, bytes: 0 }).checks[0]
 */
export function createCheckRun(options: CheckRunOptions = {}): CheckRun {
  const locale = options.locale ?? 'zh-CN';
  const issues: Issue[] = [];
  const ran = new Set<PackageCheckId>();
  const failed = new Set<PackageCheckId>();
  const override = (check: PackageCheckId) => options.severity?.[check];
  const enabled = (check: PackageCheckId) => override(check) !== 'off';
  const add = (check: PackageCheckId, issue: Issue) => {
    if (!enabled(check)) return;
    const definition = packageChecks[check];
    const severity = (override(check) as Severity | undefined) ?? issue.severity;
    ran.add(check);
    if (severity !== 'info') failed.add(check);
    issues.push({
      ...issue,
      aspect: definition.aspect,
      severity,
      ...('dat70' in definition ? { check: definition.dat70 } : {}),
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
      add(check, createIssue(code, { ...details, locale }));
    },
    adopt: (issue, fallback) => add(checkOfIssueCode(issue.code) ?? fallback, issue),
    finish: ({ profile, files, bytes }) => {
      const checks: CheckResult[] = packageCheckIds.map((id) => ({ id, status: statusOf(id) }));
      return buildReport({ profile, issues, checks, files, bytes });
    },
  };

  function statusOf(id: PackageCheckId): CheckResult['status'] {
    if (packageChecks[id].mode === 'manual') return 'manual';
    if (failed.has(id)) return 'failed';
    return ran.has(id) ? 'passed' : 'skipped';
  }
}
