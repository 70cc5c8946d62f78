
import type { Issue, Locale } from '../report/issue.js';
import type { ArchivalCodeProfile } from './profile.js';
import { CONFORMITY_CHECK } from './validateComponents.js';
import { createIssueFrom } from '../report/createIssue.js';
import { filingIssues } from '../report/messages/filing.js';

/** Why a code does not match a profile's structure, and how far it got. */
export interface Diagnosis {
  /** The issue to report: `archival-code.segment-count` or `archival-code.malformed`. */
  readonly issue: Issue;
  /** Leading `-` segments that matched; -1 when no form has the right number of segments. */
  readonly matched: number;
}

/**
 * Says which `-`-segment of a normalised code breaks a profile's structure.
 * Each form of the template (one per choice of its `-`-bearing optional
 * groups) with as many segments as the code is tried; the form whose first
 * failing segment comes latest names the segment.
 *
 * @param profile - The profile the code did not match.
 * @param code - The normalised code.
 * @param locale - Message locale.
 * @returns The issue and how many leading segments matched.
 * @example
 * diagnose(getProfile('dat22')!, 'Z109-WS·2011-X-BGS-0001').issue.params //=> { segment: 3, text: 'X', … }
 */
export function diagnose(profile: ArchivalCodeProfile, code: string, locale?: Locale): Diagnosis {
  const segments = code.split('-');
  let best: { failed: number; label: string } | undefined;
  for (const form of profile.forms) {
    if (form.length !== segments.length) continue;
    let failed = 0;
    while (failed < form.length && (form[failed] as (typeof form)[number]).pattern.test(segments[failed] as string)) failed++;
    if (failed === form.length) continue; // matches (cannot happen for a code the matcher rejected)
    if (!best || failed > best.failed) best = { failed, label: (form[failed] as (typeof form)[number]).label };
  }
  if (!best) {
    const counts = [...new Set(profile.forms.map((f) => f.length))].sort((a, b) => a - b);
    const issue = createIssueFrom(filingIssues, 'archival-code.segment-count', {
      check: CONFORMITY_CHECK,
      locale,
      params: { code, count: segments.length, profile: profile.id, expected: counts.join('/') },
      expected: counts.length === 1 ? counts[0] : counts,
      received: segments.length,
    });
    return { issue, matched: -1 };
  }
  const text = segments[best.failed] as string;
  const issue = createIssueFrom(filingIssues, 'archival-code.malformed', {
    check: CONFORMITY_CHECK,
    locale,
    params: { segment: best.failed + 1, text, part: best.label, profile: profile.id },
    expected: best.label,
    received: text,
  });
  return { issue, matched: best.failed };
}
