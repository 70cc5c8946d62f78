/**
 * The check contract (issue 15): a check is data — id, DA/T 70-2018 item,
 * 四性 aspect, default severity, title in each locale, the clause it rests on
 * and the issue codes it owns. Every validator (dat93, eep, bagit, catalogue)
 * lists its checks in this shape, stamps each issue with the id of its check
 * (`Issue.checkId`) and builds its report with {@link buildReport}, so the
 * text, JSON, JUnit and SARIF outputs derive from the same check results.
 *
 * @module
 */
import type { Aspect, Issue, Locale, Severity } from './issue.js';

/** The shape every check definition shares, whatever the profile: data, not code. */
export interface CheckDefinition {
  /** The DA/T 70-2018 item, e.g. `GD-1-7`, where one applies. */
  readonly dat70?: string;
  /** The 四性 aspect (DA/T 70-2018 §4). */
  readonly aspect: Aspect;
  /** Default severity of the check's issues; callers override it per check. */
  readonly severity: Severity;
  /**
   * `manual` checks are listed for a person and never reported as passed by
   * the validator; only the antivirus checks (GD-4-1, GD-4-2) list codes, which
   * `dangan/node` reports when the caller brings an engine (`validatePath`'s `antivirus`).
   */
  readonly mode: 'auto' | 'manual';
  /** Short name in both locales. */
  readonly title: { readonly 'zh-CN': string; readonly en: string };
  /** The clause the check rests on. */
  readonly source: string;
  /**
   * Issue codes the check reports; a trailing `*` matches a code prefix
   * (e.g. `xml.*`). Each code belongs to exactly one check of a profile.
   */
  readonly codes: readonly string[];
}

/** A {@link CheckDefinition} with its stable id, as profile tables list them. */
export interface IdentifiedCheckDefinition extends CheckDefinition {
  /** Stable id, e.g. `eep.content` or `bagit.oxum`. */
  readonly id: string;
}

/** What a formatter may know about a check beyond its id (from the validator's definitions). */
export interface CheckDescription {
  /** Short name in the report's locale. */
  title?: string;
  /** 四性 aspect. */
  aspect?: Aspect;
  /** DA/T 70-2018 item (归档 stage, `GD-…`). */
  dat70?: string;
  /** The parallel 移交与接收-stage item (`YJ-…`), for transfer packages; inferred. */
  yj?: string;
  /** How well the check's basis is confirmed: `verified`, `single-source` or `inferred`. */
  confidence?: 'verified' | 'single-source' | 'inferred';
  /** Default severity. */
  severity?: Severity;
}

/**
 * Describes a check definition in a locale, for the JUnit and SARIF formatters.
 *
 * @param check - The definition.
 * @param locale - Locale of the title.
 * @returns Title, aspect, DA/T 70 item and default severity.
 * @example
 * describeDefinition(bagChecks[0], 'en').title
 */
export function describeDefinition(check: CheckDefinition, locale: Locale = 'zh-CN'): CheckDescription {
  return { title: check.title[locale], aspect: check.aspect, severity: check.severity, ...(check.dat70 !== undefined ? { dat70: check.dat70 } : {}) };
}

/**
 * Stamps an issue with the id of its check, and with the check's DA/T 70 item
 * when the issue has none: the one place an issue learns its check.
 *
 * @param issue - The issue.
 * @param checkId - Id of the check it belongs to.
 * @param definition - The check's definition, when known.
 * @returns A new issue with `checkId` set.
 * @example
 * stampIssue(issue, 'bagit.declaration').checkId //=> 'bagit.declaration'
 */
export function stampIssue(issue: Issue, checkId: string, definition?: Pick<CheckDefinition, 'dat70'>): Issue {
  const dat70 = issue.check ?? definition?.dat70;
  return { ...issue, checkId, ...(dat70 !== undefined ? { check: dat70 } : {}) };
}
