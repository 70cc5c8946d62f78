import { createIssueFrom } from '../report/createIssue.js';
import { filingIssues } from '../report/messages/filing.js';
import type { Issue } from '../report/issue.js';
import type { ArchivalCodeInput } from './components.js';
import type { ArchivalCodeProfile } from './profile.js';
import { DEFAULT_PROFILE_ID, getProfile, listProfiles } from './registry.js';

/**
 * Thrown by {@link formatArchivalCode} when components cannot be written
 * under the profile. `issues` holds one catalogued issue
 * (`archival-code.format-missing`, `-invalid` or `-unused`).
 */
export class ArchivalCodeFormatError extends TypeError {
  override name = 'ArchivalCodeFormatError';
  /** The problem as an issue. */
  readonly issues: readonly Issue[];
  constructor(issue: Issue) {
    super(`[dangan] ${createIssueFrom(filingIssues, issue.code as 'archival-code.format-missing', { params: issue.params, locale: 'en' }).message}`);
    this.issues = [issue];
  }
}

/**
 * Resolves a profile argument: a compiled profile, a registered id, or the default.
 *
 * @param profile - Profile or id; `dat22` when omitted.
 * @returns The compiled profile.
 * @throws {RangeError} When the id is not registered.
 */
export function resolveProfile(profile: string | ArchivalCodeProfile | undefined): ArchivalCodeProfile {
  if (profile !== undefined && typeof profile !== 'string') return profile;
  const found = getProfile(profile ?? DEFAULT_PROFILE_ID);
  if (!found) {
    throw new RangeError(`[dangan] unknown archival-code profile "${profile}" (known: ${listProfiles().map((p) => p.id).join(', ')})`);
  }
  return found;
}

/**
 * Writes components as a 档号 with the same template the parser reads, so
 * `parseArchivalCode(formatArchivalCode(c, p), { profile: p }).components`
 * equals `c` for components that conform. Numbers given as numbers, or as
 * shorter digit strings, are zero-padded to the profile's width (`{itemNumber:4}`).
 * Optional parts are written when any of their components is present.
 *
 * @param components - The components; `classCode` as levels (`['JC', 'CC']`) or one `·`-joined string.
 * @param profile - A profile or its id; `dat22` by default.
 * @returns The code.
 * @throws {ArchivalCodeFormatError} When a required component is missing, a
 *   value does not fit its field, or a component has no place in the profile.
 * @throws {RangeError} When the profile id is not registered.
 * @example
 * formatArchivalCode({ fondsCode: 'Z109', categoryCode: 'WS', year: 2011, retentionPeriod: 'Y', orgCode: 'BGS', itemNumber: 1 })
 * //=> 'Z109-WS·2011-Y-BGS-0001'
 * formatArchivalCode({ fondsCode: 'Z109', categoryCode: 'WS', year: '2011', retentionPeriod: 'Y', orgCode: '办公室', itemNumber: '0001' }, 'dat13-2022')
 * //=> 'Z109-WS·2011·Y·办公室-0001'
 */
export function formatArchivalCode(components: ArchivalCodeInput, profile?: string | ArchivalCodeProfile): string {
  const p = resolveProfile(profile);
  const written = p.write(components);
  if (typeof written === 'string') return written;
  const params = { profile: p.id, field: written.field, value: written.value };
  throw new ArchivalCodeFormatError(createIssueFrom(filingIssues, `archival-code.${written.problem}`, { params, received: written.value }));
}
