/**
 * `dangan report merge` (issue 22): the reports of the N shards of one run
 * (`dangan validate --shard I/N`) become the report one whole run gives.
 *
 * @module
 */
import { DEFAULT_MAX_ISSUES_PER_CODE, TRUNCATION_CODE } from './capIssues.js';
import { createIssueFrom } from './createIssue.js';
import type { Issue, Locale } from './issue.js';
import { shardIssues } from './messages/shard.js';
import { buildReport, type CheckResult, type CheckStatus, type Report } from './report.js';

/** One shard report to merge, with the name it is known by (a file name) for refusals. */
export interface NamedShardReport {
  /** Shown in a refusal, e.g. `shard-2.json`. */
  name: string;
  report: Report;
}

/** Options of {@link mergeShardReports}. */
export interface MergeShardOptions {
  /** Locale of the refusal and of the truncation issues; default `zh-CN`. */
  locale?: Locale;
  /** The per-code cap the shards ran with; default {@link DEFAULT_MAX_ISSUES_PER_CODE}. */
  maxIssuesPerCode?: number;
}

/** The merged report, or why the reports cannot be merged (one `shard.*` issue). */
export type ShardMerge = { ok: true; report: Report } | { ok: false; refusal: Issue };

// Worst first, as a single run resolves a check: failed anywhere fails; a check that ran
// anywhere (passed) beats one a shard had nothing to do for (skipped).
const EEP = 'eep';

const RANK: Readonly<Record<CheckStatus, number>> = { failed: 3, manual: 2, passed: 1, skipped: 0 };

/**
 * Merges the reports of all shards of one run into the report of the whole run:
 *
 * - refused (an `{ ok: false }` with a `shard.*` issue) unless every report has a
 *   `shard`, all have the same `count`, profile, package fingerprint (of the listing:
 *   paths, kinds, sizes) and file and byte totals, and each index `0…count-1` is given
 *   exactly once; an `eep` shard validates the `.eep` files it owns whole and counts
 *   only those, so `eep` totals are added up instead;
 * - issues: an issue (equal in code, severity, aspect, check, path, location,
 *   expected, received and params) is listed as many times as the shard that lists
 *   it most: the structure and metadata issues every shard found are listed once,
 *   the content issues each shard found alone are all listed;
 * - the per-code cap (`capIssuesPerCode`) is applied again: a code capped the same
 *   way in every shard (a structure issue) keeps one truncation count, a code capped
 *   in shards that found different issues (content) adds the counts up, so the
 *   number left out is the whole run's; a code over the cap keeps its issues in
 *   path order (a whole run lists them in the order the files were hashed, which is
 *   path order when metadata lists files in name order);
 * - checks: each check's worst status over the shards (failed, manual, passed,
 *   skipped), then `buildReport` derives every status from the issues as for any report;
 *   the summary is counted again; the result has no `shard`.
 *
 * @param reports - The shard reports, in any order.
 * @param options - Locale and the per-code cap.
 * @returns The merged report, or the refusal.
 * @example
 * const merged = mergeShardReports([{ name: 'a.json', report: a }, { name: 'b.json', report: b }]);
 * if (merged.ok) merged.report.valid
 */
export function mergeShardReports(reports: readonly NamedShardReport[], options: MergeShardOptions = {}): ShardMerge {
  const refusal = checkShardSet(reports, options.locale);
  if (refusal) return { ok: false, refusal };
  const shards = [...reports].sort((a, b) => a.report.shard!.index - b.report.shard!.index).map((r) => r.report);
  const first = shards[0]!;
  const max = options.maxIssuesPerCode ?? DEFAULT_MAX_ISSUES_PER_CODE;
  const issues = orderCappedCodes([...unionIssues(shards), ...truncations(shards)], max);
  // An EEP shard validates the .eep files it owns whole, and counts only those; the others count the whole package.
  const total = (field: 'files' | 'bytes') => (first.profile === EEP ? shards.reduce((n, r) => n + r.summary[field], 0) : first.summary[field]);
  return {
    ok: true,
    report: buildReport({
      profile: first.profile,
      issues,
      checks: worstChecks(shards),
      files: total('files'),
      bytes: total('bytes'),
      maxIssuesPerCode: max,
      ...(options.locale ? { locale: options.locale } : {}),
    }),
  };
}

/** The first reason the set is not the N shards of one run, or undefined. */
function checkShardSet(reports: readonly NamedShardReport[], locale: Locale | undefined): Issue | undefined {
  const refuse = (code: keyof typeof shardIssues, params: Record<string, string | number>) => createIssueFrom(shardIssues, code, { params, ...(locale ? { locale } : {}) });
  if (reports.length === 0) return refuse('shard.missing', { count: '?', missing: '0' });
  for (const { name, report } of reports) if (!isShard(report.shard)) return refuse('shard.not-a-shard', { file: name });
  const [head] = reports as [NamedShardReport];
  const expected = head.report.shard!;
  for (const { name, report } of reports) {
    const shard = report.shard!;
    if (shard.count !== expected.count) return refuse('shard.count-mismatch', { file: name, expected: expected.count, received: shard.count });
    const reason =
      report.profile !== head.report.profile
        ? `profile ${report.profile} ≠ ${head.report.profile}`
        : shard.package !== expected.package
          ? `fingerprint ${shard.package} ≠ ${expected.package}`
          : report.profile !== EEP && (report.summary.files !== head.report.summary.files || report.summary.bytes !== head.report.summary.bytes)
            ? `${report.summary.files} files, ${report.summary.bytes} bytes ≠ ${head.report.summary.files}, ${head.report.summary.bytes}`
            : undefined;
    if (reason !== undefined) return refuse('shard.package-mismatch', { file: name, reason });
  }
  const byIndex = new Map<number, string>();
  for (const { name, report } of reports) {
    const other = byIndex.get(report.shard!.index);
    if (other !== undefined) return refuse('shard.duplicate', { index: report.shard!.index, file: name, other });
    byIndex.set(report.shard!.index, name);
  }
  const missing = Array.from({ length: expected.count }, (_, i) => i).filter((i) => !byIndex.has(i));
  return missing.length > 0 ? refuse('shard.missing', { count: expected.count, missing: missing.join(', ') }) : undefined;
}

function isShard(shard: Report['shard'] | undefined): boolean {
  return (
    typeof shard === 'object' &&
    shard !== null &&
    Number.isInteger(shard.index) &&
    Number.isInteger(shard.count) &&
    shard.count >= 1 &&
    shard.index >= 0 &&
    shard.index < shard.count &&
    typeof shard.package === 'string'
  );
}

/** What makes two issues the same finding (the message is left out: shards may differ in `--lang`). */
function issueKey(issue: Issue): string {
  return JSON.stringify([issue.code, issue.severity, issue.aspect, issue.check, issue.checkId, issue.path, issue.location, issue.expected, issue.received, issue.params]);
}

/** Every non-truncation issue, as many times as the shard that lists it most; shard 0's order first. */
function unionIssues(shards: readonly Report[]): Issue[] {
  const listed = new Map<string, number>();
  const merged: Issue[] = [];
  for (const report of shards) {
    const seen = new Map<string, number>();
    for (const issue of report.issues) {
      if (issue.code === TRUNCATION_CODE) continue;
      const key = issueKey(issue);
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      if (nth > (listed.get(key) ?? 0)) {
        listed.set(key, nth);
        merged.push(issue);
      }
    }
  }
  return merged;
}

/**
 * The shards' truncation issues to cap again with: one, when every shard capped the code
 * the same way over the same listed issues (a structure issue found by all); else all of
 * them (content each shard found alone), so `capIssuesPerCode` adds the counts up.
 */
function truncations(shards: readonly Report[]): Issue[] {
  const byCode = new Map<string, Issue[]>();
  for (const report of shards) {
    for (const issue of report.issues) {
      const code = issue.code === TRUNCATION_CODE ? issue.params?.code : undefined;
      if (typeof code === 'string') byCode.set(code, [...(byCode.get(code) ?? []), issue]);
    }
  }
  const signature = (report: Report, code: string) =>
    JSON.stringify([
      report.issues.filter((i) => i.code === code).map(issueKey).sort(),
      report.issues.filter((i) => i.code === TRUNCATION_CODE && i.params?.code === code).map((i) => i.received),
    ]);
  return [...byCode].flatMap(([code, found]) => {
    const first = signature(shards[0]!, code);
    return shards.every((report) => signature(report, code) === first) ? [found[0]!] : found;
  });
}

/** Issues of a code with more than `max` listed put in path order (stable), in the places that code's issues held. */
function orderCappedCodes(issues: readonly Issue[], max: number): Issue[] {
  const counts = new Map<string, number>();
  for (const issue of issues) if (issue.code !== TRUNCATION_CODE) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  const over = new Set([...counts].filter(([, n]) => n > max).map(([code]) => code));
  if (over.size === 0) return [...issues];
  const sorted = new Map<string, Issue[]>();
  for (const code of over) {
    const own = issues.filter((i) => i.code === code);
    // Array.prototype.sort is stable: issues of one path keep their order.
    sorted.set(code, own.sort((a, b) => ((a.path ?? '') < (b.path ?? '') ? -1 : (a.path ?? '') > (b.path ?? '') ? 1 : 0)).reverse());
  }
  return issues.map((issue) => (over.has(issue.code) ? sorted.get(issue.code)!.pop()! : issue));
}

/** Each check's worst status over the shards, in the order the shards list them. */
function worstChecks(shards: readonly Report[]): CheckResult[] {
  const checks = new Map<string, CheckStatus>();
  for (const check of shards.flatMap((r) => r.checks)) {
    const seen = checks.get(check.id);
    if (seen === undefined || RANK[check.status] > RANK[seen]) checks.set(check.id, check.status);
  }
  return [...checks].map(([id, status]) => ({ id, status }));
}
