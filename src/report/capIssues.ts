import { createIssue } from './createIssue.js';
import type { Issue, Locale } from './issue.js';

/** Default of {@link capIssuesPerCode}: as many issues of one code as a person can still read through. */
export const DEFAULT_MAX_ISSUES_PER_CODE = 1000;

/**
 * Keeps at most `max` issues of each code, in their order, and adds one
 * `limits.issues-truncated` issue (info) per code that had more, saying how
 * many were left out — so 100,000 bad entries cost a summary, not 100,000
 * issues. A summary already in the list (from a reader that capped earlier)
 * is kept as it is.
 *
 * @param issues - The issues, in report order.
 * @param max - Most issues listed per code.
 * @param locale - Locale of the summary messages.
 * @returns The capped list (the input itself when nothing was over the cap).
 * @example
 * capIssuesPerCode(issues, 1000, 'en').filter((i) => i.code === 'limits.issues-truncated')
 */
export function capIssuesPerCode(issues: readonly Issue[], max = DEFAULT_MAX_ISSUES_PER_CODE, locale: Locale = 'zh-CN'): readonly Issue[] {
  const counts = new Map<string, number>();
  for (const issue of issues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  const over = [...counts].filter(([code, count]) => count > max && code !== 'limits.issues-truncated');
  if (over.length === 0) return issues;
  const seen = new Map<string, number>();
  const kept = issues.filter((issue) => {
    const n = (seen.get(issue.code) ?? 0) + 1;
    seen.set(issue.code, n);
    return n <= max || issue.code === 'limits.issues-truncated';
  });
  for (const [code, count] of over) {
    const leftOut = count - max;
    kept.push(createIssue('limits.issues-truncated', { locale, received: leftOut, expected: max, params: { code, limit: max, received: leftOut } }));
  }
  return kept;
}
