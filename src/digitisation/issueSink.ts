import { createIssue, type IssueDetails } from '../report/createIssue.js';
import type { Issue, Locale, Severity } from '../report/issue.js';
import type { IssueCode } from '../report/messages/index.js';
import type { CheckResult } from '../report/report.js';
import { digitisationCheckIds, digitisationCheckOfCode, digitisationChecks, type DigitisationCheckId } from './checks.js';
import { createIssueFrom } from '../report/createIssue.js';
import { limitsIssues } from '../report/messages/limits.js';

/**
 * Collects the issues of one batch check: applies the caller's severity per
 * check id or code, caps the issues listed per code, and counts per entry the
 * errors that decide whether the entry passes.
 */
export interface IssueSink {
  /** Adds an issue; `entry` ties it to a catalogue entry. */
  add(code: IssueCode, details: Omit<IssueDetails, 'locale' | 'severity' | 'aspect'>, entry?: number): void;
  /** Adds an issue made elsewhere (catalogue reader) to its check. */
  adopt(issue: Issue): void;
  /** Records that a check ran. */
  ran(check: DigitisationCheckId): void;
  /** False when the caller turned the check off. */
  enabled(check: DigitisationCheckId): boolean;
  /** Errors found per entry index. */
  readonly entryErrors: Map<number, Set<string>>;
  /** The issues and each check's status. */
  finish(): { issues: Issue[]; checks: CheckResult[] };
}

/**
 * Starts an issue sink.
 *
 * @param locale - Message locale.
 * @param overrides - Severity per check id or code.
 * @param maxPerCode - Issues listed per code.
 * @returns The sink.
 * @example
 * const sink = createIssueSink('en', { 'digitisation.resolution': 'warning' }, 1000);
 */
export function createIssueSink(locale: Locale, overrides: Readonly<Record<string, Severity | 'off'>>, maxPerCode: number): IssueSink {
  const issues: Issue[] = [];
  const perCode = new Map<string, number>();
  const ran = new Set<DigitisationCheckId>();
  const failed = new Set<DigitisationCheckId>();
  const entryErrors = new Map<number, Set<string>>();
  const severityOf = (check: DigitisationCheckId | undefined, code: string, base: Severity): Severity | 'off' => {
    if (Object.hasOwn(overrides, code)) return overrides[code] as Severity | 'off';
    if (check !== undefined && Object.hasOwn(overrides, check)) {
      const override = overrides[check] as Severity | 'off';
      // A check-level override moves the failing severity; info and warning codes stay what they are.
      return override === 'off' || base === 'error' ? override : base;
    }
    return base;
  };
  const push = (issue: Issue, check: DigitisationCheckId | undefined, entry?: number) => {
    if (check) ran.add(check);
    if (check && issue.severity !== 'info') failed.add(check);
    if (entry !== undefined && issue.severity === 'error') {
      let codes = entryErrors.get(entry);
      if (!codes) entryErrors.set(entry, (codes = new Set()));
      codes.add(issue.code);
    }
    const count = (perCode.get(issue.code) ?? 0) + 1;
    perCode.set(issue.code, count);
    if (count <= maxPerCode) issues.push(issue);
  };
  return {
    entryErrors,
    add(code, details, entry) {
      const check = digitisationCheckOfCode(code);
      const base = createIssue(code, { ...details, locale });
      const severity = severityOf(check, code, base.severity);
      if (severity === 'off') return;
      push(severity === base.severity ? base : { ...base, severity }, check, entry);
    },
    adopt(issue) {
      const check = digitisationCheckOfCode(issue.code) ?? 'digitisation.catalogue';
      const severity = severityOf(check, issue.code, issue.severity);
      if (severity === 'off') return;
      push(severity === issue.severity ? issue : { ...issue, severity }, check);
    },
    ran(check) {
      ran.add(check);
    },
    enabled(check) {
      return overrides[check] !== 'off';
    },
    finish() {
      const truncated = [...perCode].filter(([, count]) => count > maxPerCode);
      for (const [code, count] of truncated) {
        issues.push(createIssueFrom(limitsIssues, 'limits.issues-truncated', { locale, params: { code, limit: maxPerCode, received: count - maxPerCode }, received: count - maxPerCode }));
      }
      const checks = digitisationCheckIds.map((id): CheckResult => {
        const definition = digitisationChecks[id];
        if (definition.mode === 'manual') return { id, status: 'manual' };
        if (overrides[id] === 'off' || !ran.has(id)) return { id, status: 'skipped' };
        return { id, status: failed.has(id) ? 'failed' : 'passed' };
      });
      return { issues, checks };
    },
  };
}
