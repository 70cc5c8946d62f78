import type { BagitProfile } from '../../formats/bagit/profile.js';
import { bagInfoValues } from '../../formats/bagit/tagFile.js';
import { findBagAlgorithm } from '../../package/bagit/algorithms.js';
import type { DigestAlgorithm } from '../../package/source.js';

/** What `createBag` will write, before the profile is applied. */
export interface BagPlan {
  /** Algorithms the caller asked for, or undefined for the default. */
  algorithms: readonly DigestAlgorithm[] | undefined;
  /** The caller's bag-info elements. */
  bagInfo: readonly (readonly [string, string])[];
  /** Labels dangan writes itself (Payload-Oxum, Bagging-Date, Bag-Software-Agent). */
  written: readonly string[];
  /** Payload files and bytes. */
  files: number;
  bytes: number;
  /** Whether the bag is written serialized (zip, tar, tgz). */
  serialized: boolean;
}

const canonical = (name: string): string => findBagAlgorithm(name.toLowerCase())?.name ?? name.toLowerCase();

/**
 * Fits a bag about to be written to a BagIt Profile (BagIt Profiles 1.4.0):
 * the required manifest and tag-manifest algorithms are added (the default
 * sha512 only when the profile allows it), `BagIt-Profile-Identifier` is
 * written, and a required bag-info tag is filled from the caller's elements,
 * from what dangan writes, or from a `values` list of exactly one value.
 * What cannot be inferred, or cannot be met by a bag dangan writes, is
 * refused before anything changes.
 *
 * @param profile - A profile from `parseBagitProfile`.
 * @param plan - What the caller asked for.
 * @returns The algorithms and bag-info elements to write.
 * @throws Error naming each requirement that cannot be met (e.g. a required tag without a value: give it with `--info Label=Value`).
 * @example
 * fitBagToProfile(profile, { algorithms: undefined, bagInfo: [], written: ['Payload-Oxum'], files: 1, bytes: 3, serialized: false })
 */
export function fitBagToProfile(profile: BagitProfile, plan: BagPlan): { algorithms: DigestAlgorithm[]; bagInfo: (readonly [string, string])[] } {
  const problems: string[] = [];
  if (!profile['Accept-BagIt-Version'].some((v) => /^1\.0+$/.test(v))) problems.push(`Accept-BagIt-Version (${profile['Accept-BagIt-Version'].join(', ')}) does not accept 1.0, the version dangan writes`);
  const algorithms = fitAlgorithms(profile, plan.algorithms, problems);
  const bagInfo = [...plan.bagInfo];
  const identifier = profile['BagIt-Profile-Info']['BagIt-Profile-Identifier'];
  const tags = () => bagInfo.map(([label, value], at) => ({ label, value, line: at + 1 }));
  if (!bagInfoValues(tags(), 'BagIt-Profile-Identifier').some((t) => t.value === identifier)) bagInfo.unshift(['BagIt-Profile-Identifier', identifier]);
  const missing: string[] = [];
  for (const [label, rule] of Object.entries(profile['Bag-Info'] ?? {})) {
    const given = bagInfoValues(tags(), label);
    const values = rule.values ?? [];
    for (const tag of given) if (values.length > 0 && !values.includes(tag.value)) problems.push(`Bag-Info ${label}: "${tag.value}" is not one of ${values.join(' | ')}`);
    if (rule.repeatable === false && given.length > 1) problems.push(`Bag-Info ${label} is not repeatable but is given ${given.length} times`);
    if (given.length > 0 || rule.required !== true || plan.written.some((w) => w.toLowerCase() === label.toLowerCase())) continue;
    if (values.length === 1) bagInfo.push([label, values[0] as string]);
    else missing.push(values.length > 1 ? `${label} (one of ${values.join(' | ')})` : label);
  }
  if (missing.length > 0) problems.push(`Bag-Info requires ${missing.join(', ')}: give ${missing.length > 1 ? 'them' : 'it'} with --info Label=Value`);
  if ((profile['Tag-Files-Required'] ?? []).length > 0) problems.push(`Tag-Files-Required (${profile['Tag-Files-Required']?.join(', ')}): dangan writes no other tag files`);
  if (profile['Fetch.txt-Required'] === true) problems.push('Fetch.txt-Required: dangan writes no fetch.txt');
  if (profile['Data-Empty'] === true && !(plan.files === 0 || (plan.files === 1 && plan.bytes === 0))) problems.push(`Data-Empty: the payload holds ${plan.files} files, ${plan.bytes} bytes`);
  if (profile.Serialization === 'required' && !plan.serialized) problems.push(`Serialization is required: write the bag with --zip or --tar (${(profile['Accept-Serialization'] ?? []).join(', ')})`);
  if (profile.Serialization === 'forbidden' && plan.serialized) problems.push('Serialization is forbidden: write the bag as a folder');
  if (problems.length > 0) throw new Error(`[dangan] the bag cannot meet the BagIt Profile ${identifier}:\n  ${problems.join('\n  ')}`);
  return { algorithms, bagInfo };
}

/** Manifests-Required ∪ Tag-Manifests-Required ∪ the caller's (or sha512), each within both *-Allowed lists. */
function fitAlgorithms(profile: BagitProfile, asked: readonly DigestAlgorithm[] | undefined, problems: string[]): DigestAlgorithm[] {
  const required = [...(profile['Manifests-Required'] ?? []), ...(profile['Tag-Manifests-Required'] ?? [])].map(canonical);
  const allowedLists = [profile['Manifests-Allowed'], profile['Tag-Manifests-Allowed']].filter((l): l is string[] => l !== undefined).map((l) => l.map(canonical));
  const allowed = (name: string) => allowedLists.every((list) => list.includes(name));
  const base = asked ?? (required.length > 0 || !allowed('sha512') ? [] : ['sha512' as DigestAlgorithm]);
  const names = [...new Set([...base.map(canonical), ...required])];
  if (names.length === 0) {
    const first = allowedLists[0]?.find((name) => findBagAlgorithm(name) && allowed(name));
    if (first) names.push(first);
  }
  const result: DigestAlgorithm[] = [];
  for (const name of names) {
    const known = findBagAlgorithm(name);
    if (!known) problems.push(`Manifests: dangan cannot write ${name} manifests`);
    else if (!allowed(known.name)) problems.push(`Manifests-Allowed / Tag-Manifests-Allowed: ${name} is not allowed`);
    else result.push(known.name);
  }
  if (result.length === 0 && problems.length === 0) problems.push('Manifests-Allowed: no algorithm dangan writes is allowed');
  return result;
}
