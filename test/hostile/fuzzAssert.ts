// What every fuzz target checks of a reader's answer: issues whose codes are in the catalogue with
// every message placeholder filled, and a Report whose `valid` agrees with its issues. A failed
// check throws, which is what the fuzz properties look for.
import { issueCatalogue } from '../../src/report/messages/index.js';
import type { Issue } from '../../src/report/issue.js';
import type { Report } from '../../src/report/report.js';

const SEVERITIES = new Set(['error', 'warning', 'info']);

/**
 * Throws unless `issues` is an array of catalogued issues with their placeholders filled.
 *
 * @param issues - A reader's issues.
 * @throws Error naming the first bad issue.
 */
export function assertIssues(issues: readonly Issue[]): void {
  if (!Array.isArray(issues)) throw new Error('issues is not an array');
  for (const issue of issues) {
    const definition = (issueCatalogue as Record<string, { 'zh-CN': string } | undefined>)[issue.code];
    if (!definition || typeof issue.message !== 'string' || !SEVERITIES.has(issue.severity)) throw new Error(`bad issue ${JSON.stringify(issue)}`);
    // Every placeholder of the code's message has a value (a value may itself contain braces).
    for (const [, name] of definition['zh-CN'].matchAll(/\{(\w+)\}/g)) {
      if (issue.params?.[name!] === undefined) throw new Error(`placeholder {${name}} unfilled in ${JSON.stringify(issue)}`);
    }
  }
}

/**
 * Throws unless `report` is a Report: issues as {@link assertIssues}, `valid` true exactly when no issue is an error.
 *
 * @param report - A validator's answer.
 * @throws Error saying what is wrong.
 */
export function assertReport(report: Report): void {
  if (!report || !Array.isArray(report.issues) || !Array.isArray(report.checks) || typeof report.valid !== 'boolean') throw new Error('not a Report');
  assertIssues(report.issues);
  if (report.valid !== report.issues.every((i) => i.severity !== 'error')) throw new Error('valid disagrees with the issues');
}

/**
 * Throws when a reader gave no value and said nothing about why.
 *
 * @param value - What the reader returned (absent on failure).
 * @param issues - Its issues.
 * @param what - The reader, for the message.
 * @throws Error when `value` is absent and no issue is an error.
 */
export function assertExplained(value: unknown, issues: readonly Issue[], what: string): void {
  if (value === undefined && !issues.some((i) => i.severity === 'error')) throw new Error(`${what}: no result and no error issue`);
}
