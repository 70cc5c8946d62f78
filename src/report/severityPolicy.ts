import type { Issue, Severity } from './issue.js';

/** Per-code severity changes; `off` drops the issue. */
export type SeverityOverrides = Readonly<Partial<Record<string, Severity | 'off'>>>;

/**
 * Applies the caller's severity policy to one issue: `strict` turns a warning
 * into an error, then a per-code override wins (so a strict run can still
 * relax one code). Facts the reference marks single-source or inferred are
 * relaxed this way. Shared by every validator (catalogue, BagIt, EEP).
 *
 * @param issue - The issue as found.
 * @param overrides - Severity per issue code, or `off`.
 * @param strict - Treat warnings as errors.
 * @returns The issue with its severity adjusted (the same object when unchanged), or `undefined` when it is `off`.
 * @example
 * adjustSeverity(issue, { 'catalogue.element-missing': 'info' })?.severity //=> 'info'
 */
export function adjustSeverity(issue: Issue, overrides: SeverityOverrides = {}, strict = false): Issue | undefined {
  const override = Object.hasOwn(overrides, issue.code) ? overrides[issue.code] : undefined;
  if (override === 'off') return undefined;
  const severity = override ?? (strict && issue.severity === 'warning' ? 'error' : issue.severity);
  return severity === issue.severity ? issue : { ...issue, severity };
}

/**
 * Applies {@link adjustSeverity} to a list of issues, dropping those turned `off`.
 *
 * @param issues - Issues as found.
 * @param overrides - Severity per issue code, or `off`.
 * @param strict - Treat warnings as errors.
 * @returns The adjusted issues, in the same order.
 * @example
 * applySeverityPolicy(issues, { 'catalogue.element-missing': 'off' }, true)
 */
export function applySeverityPolicy(issues: readonly Issue[], overrides: SeverityOverrides = {}, strict = false): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const adjusted = adjustSeverity(issue, overrides, strict);
    if (adjusted) out.push(adjusted);
  }
  return out;
}
