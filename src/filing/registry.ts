import { builtinProfileDefinitions } from './builtinProfiles.js';
import { compileBuiltinProfile } from './compileProfile.js';
import type { ArchivalCodeProfile } from './profile.js';

/** The id of the default profile: DA/T 22-2015 (文书, 按件). */
export const DEFAULT_PROFILE_ID = 'dat22';

const builtins = new Map(builtinProfileDefinitions.map((d) => [d.id, compileBuiltinProfile(d)] as const));
const registered = new Map<string, ArchivalCodeProfile>(builtins);
// The last profile looked up: parsing a batch asks for the same id again and again.
let last: ArchivalCodeProfile | undefined;
let ordered: readonly ArchivalCodeProfile[] = sortByPriority();

function sortByPriority(): readonly ArchivalCodeProfile[] {
  last = undefined;
  // Stable sort: equal priorities keep registration order.
  return [...registered.values()].sort((a, b) => b.priority - a.priority);
}

/**
 * Registers a compiled profile under its id (`registerProfile` compiles and
 * checks the definition first).
 *
 * @param profile - The compiled profile.
 * @param options - `replace: true` replaces a registered profile of the same id (not a built-in).
 * @returns The profile.
 * @throws {Error} When the id is taken and `replace` is not set, or names a built-in.
 */
export function addProfile(profile: ArchivalCodeProfile, options: { replace?: boolean } = {}): ArchivalCodeProfile {
  if (builtins.has(profile.id)) throw new Error(`[dangan] "${profile.id}" is a built-in archival-code profile and cannot be replaced`);
  if (registered.has(profile.id) && !options.replace) {
    throw new Error(`[dangan] archival-code profile "${profile.id}" is already registered (pass { replace: true })`);
  }
  registered.set(profile.id, profile);
  ordered = sortByPriority();
  return profile;
}

/**
 * Removes a profile registered with {@link registerProfile}. Built-ins stay.
 *
 * @param id - The profile id.
 * @returns Whether a profile was removed.
 * @example
 * unregisterProfile('city-archive') //=> true
 */
export function unregisterProfile(id: string): boolean {
  if (builtins.has(id) || !registered.delete(id)) return false;
  ordered = sortByPriority();
  return true;
}

/**
 * Looks up a registered profile.
 *
 * @param id - e.g. `dat22`, `dat13-2022`.
 * @returns The compiled profile, or `undefined`.
 * @example
 * getProfile('dat22')?.template //=> '{fondsCode}-{categoryCode}[·{classCode*}]·{year}-{retentionPeriod}[-{orgCode}]-{itemNumber:4}'
 */
export function getProfile(id: string): ArchivalCodeProfile | undefined {
  if (last !== undefined && last.id === id) return last;
  const found = registered.get(id);
  if (found !== undefined) last = found;
  return found;
}

/**
 * Every registered profile in detection order (highest priority first).
 *
 * @returns The profiles.
 * @example
 * listProfiles().map((p) => p.id)[0] //=> 'dat22'
 */
export function listProfiles(): readonly ArchivalCodeProfile[] {
  return ordered;
}

// Detection order with a call's own profiles, per list: checking a package parses thousands of codes with one list.
const withExtra = new WeakMap<readonly ArchivalCodeProfile[], { base: readonly ArchivalCodeProfile[]; ordered: readonly ArchivalCodeProfile[] }>();

/**
 * The profiles auto-detection tries, highest priority first: the registered
 * ones plus a call's own (`ParseArchivalCodeOptions.profiles`), which replace
 * a registered profile of the same id and come first on equal priority.
 *
 * @param extra - The call's own profiles, if any.
 * @returns The profiles in detection order.
 * @example
 * profilesInOrder([compileProfile({ id: 'local', template: '{fondsCode}-{year}-{itemNumber:4}' })])[0].id //=> 'local'
 */
export function profilesInOrder(extra?: readonly ArchivalCodeProfile[]): readonly ArchivalCodeProfile[] {
  if (extra === undefined || extra.length === 0) return ordered;
  const cached = withExtra.get(extra);
  if (cached !== undefined && cached.base === ordered) return cached.ordered;
  const ids = new Set(extra.map((p) => p.id));
  // Stable sort: on equal priority the call's own profiles stay ahead.
  const merged = [...extra, ...ordered.filter((p) => !ids.has(p.id))].sort((a, b) => b.priority - a.priority);
  withExtra.set(extra, { base: ordered, ordered: merged });
  return merged;
}

/**
 * Looks up a profile by id among a call's own profiles, then the registered ones.
 *
 * @param id - The profile id.
 * @param extra - The call's own profiles, if any.
 * @returns The compiled profile, or `undefined`.
 * @example
 * findProfile('dat22')?.id //=> 'dat22'
 */
export function findProfile(id: string, extra?: readonly ArchivalCodeProfile[]): ArchivalCodeProfile | undefined {
  return extra?.find((p) => p.id === id) ?? getProfile(id);
}
