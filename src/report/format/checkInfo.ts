import type { Aspect, Issue, Severity } from '../issue.js';
import type { Report } from '../report.js';

/** What a formatter may know about a check beyond its id (from the validator's registry). */
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

/** Options shared by the JUnit and SARIF formatters. */
export interface CheckFormatOptions {
  /** Finds the check an issue belongs to; by default the longest check id that prefixes the issue code. */
  checkOf?: (issue: Issue) => string | undefined;
  /** Describes a check id. */
  describe?: (checkId: string) => CheckDescription | undefined;
  /** Version of the tool, written into the output. */
  toolVersion?: string;
}

/**
 * Groups a report's issues by check: each issue goes to `checkOf(issue)` when
 * that is a check of the report, else to the check whose id is the longest
 * dotted prefix of (or equal to) the issue code, else to a group named by the
 * issue code itself.
 *
 * @param report - The report.
 * @param checkOf - Optional resolver from the validator.
 * @returns Issues by check id, every report check present (possibly empty).
 * @example
 * groupIssuesByCheck(report, (issue) => packageCheckOfIssue(issue)).get('fixity.digest')?.length
 */
export function groupIssuesByCheck(report: Report, checkOf?: (issue: Issue) => string | undefined): Map<string, Issue[]> {
  const groups = new Map<string, Issue[]>(report.checks.map((c) => [c.id, []]));
  for (const issue of report.issues) {
    const resolved = checkOf?.(issue);
    const id = resolved !== undefined && groups.has(resolved) ? resolved : prefixCheck(report, issue.code) ?? issue.code;
    const group = groups.get(id);
    if (group) group.push(issue);
    else groups.set(id, [issue]);
  }
  return groups;
}

function prefixCheck(report: Report, code: string): string | undefined {
  return report.checks
    .map((c) => c.id)
    .filter((id) => code === id || code.startsWith(`${id}.`))
    .sort((a, b) => b.length - a.length)[0];
}
