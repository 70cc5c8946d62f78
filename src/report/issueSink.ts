/**
 * The one issue collector of every validator (issue 15, one check contract):
 * dat93's check run, BagIt's findings, the EEP context and the catalogue
 * check all add their issues here. The sink stamps each issue with its check
 * (its id; and the check's 四性 aspect and DA/T 70 item when the profile says
 * the check decides them), applies the run's severity policy, keeps at most
 * `maxIssuesPerCode` issues of one code (the rest counted in one
 * `limits.issues-truncated` under the same check) and tracks which checks ran,
 * so the report lists every check of the profile.
 *
 * @module
 */
import type { CheckDefinition } from './check.js';
import { DEFAULT_MAX_ISSUES_PER_CODE, TRUNCATION_CODE } from './capIssues.js';
import { createIssue, createIssueFrom, type IssueDetails } from './createIssue.js';
import { limitsIssues } from './messages/limits.js';
import type { Issue, Locale } from './issue.js';
import type { IssueCode } from './messages/index.js';
import type { CheckResult } from './report.js';

/** Options of {@link createIssueSink}. */
export interface IssueSinkOptions<Id extends string> {
  /** The profile's checks, in report order. */
  checks: readonly (Pick<CheckDefinition, 'aspect' | 'dat70' | 'mode'> & { readonly id: Id })[];
  /** The check an issue code belongs to, for issues added without one. */
  checkOf?: (code: string) => Id | undefined;
  /** Message locale; `zh-CN` by default. */
  locale?: Locale;
  /** The run's severity policy: the issue as reported (severity adjusted), or `undefined` to drop it. */
  policy?: (issue: Issue, check: Id | undefined) => Issue | undefined;
  /** Most issues of one code kept (default 1,000; `Infinity` keeps all). */
  maxIssuesPerCode?: number;
  /**
   * The check decides its issues' 四性 aspect and DA/T 70 item (dat93: the registry row). Default
   * false: an issue keeps its own code's (EEP rules cut across the 四性, see `EEP_FORMAT_CHECKS`).
   */
  aspectAndItemOfCheck?: boolean;
  /**
   * Streams the issues: each issue kept (within the cap, stamped, through the policy) is handed
   * here as it is added and not held; the sink keeps only counts (see {@link IssueSink.streamed}).
   * `issues()` then lists only the `limits.issues-truncated` notes.
   */
  onIssue?: (issue: Issue) => void;
}

/** What a streaming sink handed on: counts by severity and the checks with an error among them. */
export interface StreamedIssues {
  /** Errors handed on. */
  errors: number;
  /** Warnings handed on. */
  warnings: number;
  /** Infos handed on. */
  infos: number;
  /** Checks that had an error among them (failed, though the report does not list it). */
  failing: string[];
}

/** An issue collector: see {@link createIssueSink}. */
export interface IssueSink<Id extends string> {
  /** Message locale. */
  readonly locale: Locale;
  /** Records that a check ran (it is `passed` unless it gets an error). */
  ran(check: Id): void;
  /** Whether a check ran or has an issue. */
  hasRun(check: Id): boolean;
  /**
   * Adds an issue to a check (given, or the one its code belongs to):
   * stamped, through the policy, within the per-code cap.
   *
   * @returns Whether it was kept.
   */
  add(issue: Issue, check?: Id): boolean;
  /** Makes a catalogued issue in the sink's locale and adds it. */
  report(code: IssueCode, details?: IssueDetails, check?: Id): boolean;
  /** The issues kept, then one `limits.issues-truncated` per code over the cap. */
  issues(): Issue[];
  /** What was streamed to `onIssue` (all zero without it). */
  streamed(): StreamedIssues;
  /** Every check of the profile: `manual` ones as such, the others `passed` when they ran, else `skipped` (buildReport marks the failed). */
  checks(): CheckResult[];
}

/**
 * Starts an issue sink over a profile's check definitions.
 *
 * @param options - The checks, locale, severity policy and cap.
 * @returns A fresh sink.
 * @example
 * const sink = createIssueSink({ checks: BAG_CHECKS });
 * sink.report('bagit.oxum.multiple', { params: { count: 2 } }, 'bagit.oxum');
 * sink.issues()[0].checkId //=> 'bagit.oxum'
 */
export function createIssueSink<Id extends string>(options: IssueSinkOptions<Id>): IssueSink<Id> {
  const locale = options.locale ?? 'zh-CN';
  const maxPerCode = options.maxIssuesPerCode ?? DEFAULT_MAX_ISSUES_PER_CODE;
  const definitions = new Map(options.checks.map((c) => [c.id, c] as const));
  const kept: Issue[] = [];
  const ran = new Set<Id>();
  const perCode = new Map<string, { check: Id | undefined; count: number; first: Issue }>();
  const streamed: StreamedIssues = { errors: 0, warnings: 0, infos: 0, failing: [] };
  const onIssue = options.onIssue;

  const stamp = (issue: Issue, check: Id | undefined): Issue => {
    const definition = check === undefined ? undefined : definitions.get(check);
    if (check === undefined || definition === undefined) return issue;
    if (!options.aspectAndItemOfCheck) return { ...issue, checkId: check };
    return { ...issue, aspect: definition.aspect, ...(definition.dat70 !== undefined ? { check: definition.dat70 } : {}), checkId: check };
  };

  const add = (issue: Issue, given?: Id): boolean => {
    const check = given ?? options.checkOf?.(issue.code);
    const adjusted = options.policy ? options.policy(issue, check) : issue;
    if (!adjusted) return false;
    if (check !== undefined) ran.add(check);
    const stamped = stamp(adjusted, check);
    const tally = perCode.get(issue.code) ?? { check, count: 0, first: stamped };
    perCode.set(issue.code, tally);
    tally.count += 1;
    if (tally.count > maxPerCode) return false;
    if (!onIssue) {
      kept.push(stamped);
      return true;
    }
    onIssue(stamped);
    streamed[stamped.severity === 'error' ? 'errors' : stamped.severity === 'warning' ? 'warnings' : 'infos'] += 1;
    if (stamped.severity === 'error' && stamped.checkId !== undefined && !streamed.failing.includes(stamped.checkId)) streamed.failing.push(stamped.checkId);
    return true;
  };

  return {
    locale,
    ran: (check) => void ran.add(check),
    hasRun: (check) => ran.has(check),
    add,
    report: (code, details = {}, check) => add(createIssue(code, { ...details, locale }), check),
    issues: () => [...kept, ...truncationIssues()],
    streamed: () => ({ ...streamed, failing: [...streamed.failing] }),
    checks: () =>
      options.checks.map(({ id, mode }) => ({ id, status: mode === 'manual' ? ('manual' as const) : ran.has(id) ? ('passed' as const) : ('skipped' as const) })),
  };

  /** One `limits.issues-truncated` per code over the cap, under that code's check. */
  function truncationIssues(): Issue[] {
    return [...perCode].flatMap(([code, { check, count, first }]) => {
      if (count <= maxPerCode) return [];
      const leftOut = count - maxPerCode;
      const issue = createIssueFrom(limitsIssues, TRUNCATION_CODE, { locale, received: leftOut, expected: maxPerCode, params: { code, limit: maxPerCode, received: leftOut } });
      // Under the check, aspect and DA/T 70 item of the issues it stands for.
      return [stamp({ ...issue, aspect: first.aspect, ...(first.check !== undefined ? { check: first.check } : {}) }, check)];
    });
  }
}
