import type { LocaleMessages } from '../../definition.js';
import type { filingIssues } from '../filing.js';

/** English messages of {@link filingIssues}, by issue code. */
export const filingIssuesEn = {
  'archival-code.empty': 'The archival code is empty',
  'archival-code.not-text': 'The archival code must be text, got {type}',
  'archival-code.too-long': 'The archival code is {length} characters long, more than the limit of {max}',
  'archival-code.unknown-profile': 'Unknown archival-code profile "{profile}" (known: {known})',
  'archival-code.no-profile': 'The archival code "{code}" fits none of the registered profiles ({known})',
  'archival-code.segment-count': 'The archival code "{code}" has {count} segments; profile {profile} expects {expected} ("-"-separated)',
  'archival-code.malformed': 'Segment {segment} "{text}" of the archival code does not match "{part}" of profile {profile}',
  'archival-code.normalized.middle-dot': 'Middle-dot look-alike "{found}" was replaced by "·" (U+00B7)',
  'archival-code.normalized.dash': 'Dash look-alike "{found}" was replaced by "-" (U+002D)',
  'archival-code.normalized.full-width': 'Full-width characters "{found}" were replaced by ASCII',
  'archival-code.normalized.case': 'Lowercase letters "{found}" were changed to uppercase',
  'archival-code.normalized.whitespace': '{count} whitespace characters were removed from the archival code',
  'archival-code.unknown-category': 'Category code "{category}" is not in the DA/T 13-2022 table',
  'archival-code.retention-not-allowed': 'Retention code "{retention}" is not allowed by profile {profile} ({allowed})',
  'archival-code.retention-legacy': 'Retention code "{retention}" is a pre-2006 legacy letter (C 长期 long, D 短期 short)',
  'archival-code.year-format': 'Year "{year}" must be 4 digits',
  'archival-code.year-implausible': 'Year "{year}" is outside the plausible range {min}–{max}',
  'archival-code.number-width': '{field} "{value}" should have {width} digits, zero-padded',
  'archival-code.number-zero': '{field} "{value}" must be 1 or more',
  'archival-code.org-code-form': 'Organisation (subject) code "{org}" is not a form profile {profile} expects ({forms})',
  'archival-code.fonds-code-form': 'Fonds code "{fonds}" is not of the usual form {form} (inferred rule, informational)',
  'archival-code.duplicate': 'Archival code "{code}" is a duplicate (first on line {firstLine})',
  'archival-code.sequence-gap': '{field} {from}–{to} missing in "{classKey}"',
  'archival-code.sequence-not-restarted': '{field} in "{classKey}" starts at {first}, continuing "{previous}"; numbering must restart at 1 in every lowest-level class',
  'archival-code.format-missing': 'Profile {profile} needs component "{field}"',
  'archival-code.format-invalid': 'Component "{field}" value "{value}" does not fit profile {profile}',
  'archival-code.format-unused': 'Profile {profile} has no place for component "{field}"',
  'archival-code.profile-invalid': 'Invalid archival-code profile: {field}: {reason}',
} as const satisfies LocaleMessages<typeof filingIssues>;
