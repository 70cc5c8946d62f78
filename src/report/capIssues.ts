import { createIssueFrom } from './createIssue.js';
import { limitsIssues } from './messages/limits.js';
import type { Issue, Locale } from './issue.js';

/**
 * Most issues of one code a report lists by default: enough to see every
 * pattern in a bad package; beyond it a report only grows (issue 23: 100,000
 * `limits.path-length` issues made a 76 MB JSON and a 101 MB SARIF).
 */
export const DEFAULT_MAX_ISSUES_PER_CODE = 1000;

/** The code of the summary issue that counts what a cap left out. */
export const TRUNCATION_CODE = 'limits.issues-truncated';

/** Options of {@link capIssuesPerCode}. */
export interface CapIssuesOptions {
  /** Most issues kept per code; default {@link DEFAULT_MAX_ISSUES_PER_CODE}. `Infinity` keeps all. */
  maxPerCode?: number;
  /** Locale of the summary issues' messages; default `zh-CN`. */
  locale?: Locale;
}

/**
 * Keeps at most `maxPerCode` issues of each code, in their order, and appends
 * one `limits.issues-truncated` issue (info) per capped code whose `received`
 * (and `params.received`) says how many were left out, `expected` the cap; it
 * takes the 四性 aspect and DA/T 70 item of the first issue of that code.
 * Summary issues already in the list (from an earlier cap, e.g. per `.eep`)
 * are merged into the new one, so the count stays right when reports are
 * merged and capped again. The one cap every report and the CLI's `build`
 * share (src/report/report.ts applies it in `buildReport`).
 *
 * @param issues - Issues, in report order.
 * @param options - Cap and locale.
 * @returns The kept issues followed by the summary issues.
 * @example
 * capIssuesPerCode(hundredThousandPathIssues, { maxPerCode: 1000 }).length //=> 1001
 */
export function capIssuesPerCode(issues: readonly Issue[], options: CapIssuesOptions = {}): Issue[] {
  const max = options.maxPerCode ?? DEFAULT_MAX_ISSUES_PER_CODE;
  const counts = new Map<string, number>();
  const leftOut = new Map<string, { count: number; first: Issue }>();
  const kept: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === TRUNCATION_CODE && typeof issue.params?.code === 'string') {
      const code = issue.params.code;
      const earlier = Number(issue.received ?? issue.params.received ?? 0) || 0;
      const slot = leftOut.get(code) ?? { count: 0, first: issue };
      slot.count += earlier;
      leftOut.set(code, slot);
      continue;
    }
    const seen = (counts.get(issue.code) ?? 0) + 1;
    counts.set(issue.code, seen);
    if (seen <= max) {
      kept.push(issue);
      continue;
    }
    const slot = leftOut.get(issue.code);
    if (slot) slot.count += 1;
    else leftOut.set(issue.code, { count: 1, first: issue });
  }
  if (leftOut.size === 0) return kept;
  for (const [code, { count, first }] of leftOut) kept.push(truncationIssue(code, count, max, first, options.locale));
  return kept;
}

/**
 * A counter that applies the same cap while issues are produced, so a run
 * that would make a million issues keeps a thousand per code in memory.
 *
 * @param options - Cap and locale.
 * @returns `admit(code)` (false past the cap: count only) and `summary()` (the truncation issues).
 * @example
 * const cap = issueCap({ maxPerCode: 2 });
 * ['a', 'a', 'a'].map(cap.admit) //=> [true, true, false]
 */
export function issueCap(options: CapIssuesOptions = {}): { admit: (code: string) => boolean; summary: (aspectOf?: (code: string) => Issue | undefined) => Issue[] } {
  const max = options.maxPerCode ?? DEFAULT_MAX_ISSUES_PER_CODE;
  const counts = new Map<string, number>();
  return {
    admit: (code) => {
      const seen = (counts.get(code) ?? 0) + 1;
      counts.set(code, seen);
      return seen <= max;
    },
    summary: (sampleOf) =>
      [...counts].filter(([, n]) => n > max).map(([code, n]) => truncationIssue(code, n - max, max, sampleOf?.(code), options.locale)),
  };
}

function truncationIssue(code: string, count: number, max: number, sample: Issue | undefined, locale: Locale | undefined): Issue {
  const issue = createIssueFrom(limitsIssues, TRUNCATION_CODE, {
    ...(locale ? { locale } : {}),
    received: count,
    expected: max,
    params: { code, limit: max, received: count },
  });
  if (!sample) return issue;
  return { ...issue, aspect: sample.aspect, ...(sample.check !== undefined ? { check: sample.check } : {}), ...(sample.checkId !== undefined ? { checkId: sample.checkId } : {}) };
}
