import { createIssueFrom } from '../report/createIssue.js';
import { filingIssues } from '../report/messages/filing.js';
import type { Issue, Severity } from '../report/issue.js';
import type { ArchivalCodeComponents } from './components.js';
import { diagnose, type Diagnosis } from './diagnose.js';
import { normalizeArchivalCode, type NormalizationChange } from './normalize.js';
import type { ParseArchivalCodeOptions } from './options.js';
import type { ArchivalCodeProfile } from './profile.js';
import { DEFAULT_PROFILE_ID, findProfile, getProfile, profilesInOrder } from './registry.js';
import { CONFORMITY_CHECK, validateComponents } from './validateComponents.js';

/** The result of {@link parseArchivalCode}. */
export interface ArchivalCodeParseResult {
  /** True when no issue is an error. */
  readonly valid: boolean;
  /** The code after normalisation (the form {@link formatArchivalCode} writes for a valid code). */
  readonly normalized: string;
  /** The profile the code was read with (given or detected); absent when none could be chosen. */
  readonly profile?: string;
  /** The components, present whenever the structure matched (even if a value rule failed). */
  readonly components?: ArchivalCodeComponents;
  /** Normalisation warnings, structure and value issues, in that order. */
  readonly issues: readonly Issue[];
}

const DEFAULT_MAX_LENGTH = 200;

/**
 * Reads a 档号 into its components. Normalises first (reported as
 * warnings when something changed), matches the profile's structure (saying
 * which segment is wrong when it does not), then applies its value rules.
 * Never throws: anything that is not a valid code comes back as issues, each
 * with DA/T 70-2018 check `GD-1-7`.
 *
 * @param code - The code as written, e.g. `Z109-WS·2011-Y-BGS-0001`.
 * @param options - Profile (`auto` by default), `strict`, locale, year range, 门类 table.
 * @returns Components and issues; `valid` is false when any issue is an error.
 * @example
 * parseArchivalCode('Z109-WS·2011-Y-BGS-0001').components
 * //=> { fondsCode: 'Z109', categoryCode: 'WS', year: '2011', retentionPeriod: 'Y', orgCode: 'BGS', itemNumber: '0001' }
 * parseArchivalCode('Z109-WS·2011-Y-BGS-1').issues[0].code //=> 'archival-code.number-width' (warning)
 * parseArchivalCode('Z109-WS·2011-Y-BGS-1', { strict: true }).valid //=> false
 */
export function parseArchivalCode(code: string, options: ParseArchivalCodeOptions = {}): ArchivalCodeParseResult {
  if (typeof code !== 'string') {
    return failed('', [issue('archival-code.not-text', { type: code === null ? 'null' : typeof code }, options, code)]);
  }
  const max = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (code.length > max) {
    return failed('', [issue('archival-code.too-long', { length: code.length, max }, options, code.length, max)]);
  }
  const chosen = options.profile ?? 'auto';
  const profile = chosen === 'auto' ? undefined : typeof chosen === 'string' ? findProfile(chosen, options.profiles) : chosen;
  if (profile) {
    // Fast path: a matcher accepts only canonical characters, so a code it
    // matches as given is already normalised.
    const components = profile.match(code);
    if (components) return result(code, profile.id, components, validateComponents(profile, components, options));
  }
  const { code: normalized, changes } = normalizeArchivalCode(code);
  const issues = changes.length === 0 ? [] : changes.map((change) => normalizationIssue(change, options));
  if (normalized === '') return failed('', [...issues, issue('archival-code.empty', {}, options, code)]);
  if (chosen !== 'auto') {
    if (!profile) {
      const known = profilesInOrder(options.profiles).map((p) => p.id);
      return failed(normalized, [...issues, issue('archival-code.unknown-profile', { profile: chosen, known }, options, chosen)]);
    }
    return readWith(profile, normalized, issues, options);
  }
  const detected = detectIn(normalized, options);
  if (detected.match) return result(normalized, detected.match.profile.id, detected.match.components, [...issues, ...detected.match.issues]);
  return failed(normalized, [...issues, detected.diagnosis.issue], detected.diagnosis.profile);
}

/** A profile that matched a code's structure, with its value issues. */
export interface ProfileMatch {
  readonly profile: ArchivalCodeProfile;
  readonly components: ArchivalCodeComponents;
  readonly issues: readonly Issue[];
}

/**
 * Tries every registered profile (and the call's own, `options.profiles`) in priority order on a normalised code:
 * the first that matches without errors wins; failing that, the first that
 * matches at all; failing that, the diagnosis of the profile the code comes
 * closest to (ties go to the higher priority, and to `dat22` when no profile
 * has the right number of segments).
 *
 * @param normalized - A normalised code.
 * @param options - Value-rule options.
 * @returns The match, or the diagnosis to report.
 */
export function detectIn(
  normalized: string,
  options: ParseArchivalCodeOptions,
): { match: ProfileMatch; diagnosis?: undefined } | { match?: undefined; diagnosis: Diagnosis & { profile: string } } {
  let fallback: ProfileMatch | undefined;
  const profiles = profilesInOrder(options.profiles);
  for (const profile of profiles) {
    const components = profile.match(normalized);
    if (!components) continue;
    const issues = validateComponents(profile, components, options);
    const match = { profile, components, issues };
    if (!issues.some(isError)) return { match };
    fallback ??= match;
  }
  if (fallback) return { match: fallback };
  let closest: (Diagnosis & { profile: string }) | undefined;
  for (const profile of profiles) {
    const d = diagnose(profile, normalized, options.locale);
    if (!closest || d.matched > closest.matched) closest = { ...d, profile: profile.id };
  }
  if (!closest || closest.matched < 0) {
    const fallbackProfile = getProfile(DEFAULT_PROFILE_ID) as ArchivalCodeProfile;
    closest = { ...diagnose(fallbackProfile, normalized, options.locale), profile: fallbackProfile.id };
  }
  return { diagnosis: closest };
}

function readWith(
  profile: ArchivalCodeProfile,
  normalized: string,
  issues: Issue[],
  options: ParseArchivalCodeOptions,
): ArchivalCodeParseResult {
  const components = profile.match(normalized);
  if (!components) return failed(normalized, [...issues, diagnose(profile, normalized, options.locale).issue], profile.id);
  const valueIssues = validateComponents(profile, components, options);
  return result(normalized, profile.id, components, valueIssues.length === 0 ? issues : [...issues, ...valueIssues]);
}

function isError(i: Issue): boolean {
  return i.severity === 'error';
}

function result(normalized: string, profile: string, components: ArchivalCodeComponents, issues: readonly Issue[]): ArchivalCodeParseResult {
  return { valid: issues.length === 0 || !issues.some(isError), normalized, profile, components, issues };
}

function failed(normalized: string, issues: Issue[], profile?: string): ArchivalCodeParseResult {
  return profile === undefined ? { valid: false, normalized, issues } : { valid: false, normalized, profile, issues };
}

function issue(
  code: 'archival-code.not-text' | 'archival-code.too-long' | 'archival-code.empty' | 'archival-code.unknown-profile',
  params: Record<string, unknown>,
  options: ParseArchivalCodeOptions,
  received: unknown,
  expected?: unknown,
): Issue {
  return createIssueFrom(filingIssues, code, { check: CONFORMITY_CHECK, params, locale: options.locale, received, expected });
}

function normalizationIssue(change: NormalizationChange, options: ParseArchivalCodeOptions): Issue {
  const severity: Severity = options.strict ? 'error' : 'warning';
  return createIssueFrom(filingIssues, `archival-code.normalized.${change.rule}`, {
    check: CONFORMITY_CHECK,
    severity,
    locale: options.locale,
    params: { found: change.found, count: change.count },
    received: change.found,
  });
}
