import type { Issue, Severity } from '../../report/issue.js';

/** Per-code severity changes; `off` drops the issue. */
export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

/**
 * Applies the caller's severity policy: `strict` turns warnings into errors,
 * then per-code overrides win (so a strict run can still relax one code).
 * Facts the reference marks single-source or inferred are relaxed this way.
 *
 * @param issues - Issues as found.
 * @param overrides - Severity per issue code, or `off`.
 * @param strict - Treat warnings as errors.
 * @returns The adjusted issues (dropped ones removed).
 * @example
 * applySeverityPolicy(issues, { 'catalogue.element-missing': 'off' }, true)
 */
export function applySeverityPolicy(issues: readonly Issue[], overrides: SeverityOverrides = {}, strict = false): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const override = Object.hasOwn(overrides, issue.code) ? overrides[issue.code] : undefined;
    if (override === 'off') continue;
    const severity = override ?? (strict && issue.severity === 'warning' ? 'error' : issue.severity);
    out.push(severity === issue.severity ? issue : { ...issue, severity });
  }
  return out;
}
