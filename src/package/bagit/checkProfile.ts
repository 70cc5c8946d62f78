import type { PackageEntry } from '../source.js';
import { bagInfoValues, type BagTag } from '../../formats/bagit/tagFile.js';
import { matchesAnyProfilePattern, SERIALIZATION_MEDIA_TYPES, type BagitProfile } from '../../formats/bagit/profile.js';
import { parseBagVersion } from '../../formats/bagit/version.js';
import type { BagFiles } from './completeness.js';
import { findBagAlgorithm } from './algorithms.js';
import type { Findings } from './findings.js';

/** What the profile check needs to know of a bag, gathered by `validateBag`. */
export interface ProfileFacts {
  /** Payload and tag files. */
  files: BagFiles;
  /** The bag's `BagIt-Version` as written in bagit.txt. */
  versionText: string | undefined;
  /** bag-info.txt (or package-info.txt) and its elements. */
  metadataPath: string;
  tags: readonly BagTag[];
  /** `PackageSource.mediaType`: the serialization, absent for a folder. */
  mediaType: string | undefined;
}

const MANIFEST = /^(tag)?manifest-([^/]+)\.txt$/;
// Governed by their own fields (Manifests-*, Tag-Manifests-*, Allow-Fetch.txt) or always present, as in bagit-profiles-validator.
const CORE_TAG_FILES = new Set(['bagit.txt', 'bag-info.txt', 'package-info.txt', 'fetch.txt']);

/**
 * Checks a bag against a BagIt Profile (BagIt Profiles Specification 1.4.0,
 * §"Implementation Details"). Every violation is a `bagit.profile.*` issue
 * naming the profile field, under the `bagit.profile` check. Reads nothing:
 * it works on the entries and bag-info elements already read.
 *
 * @param profile - A profile from `parseBagitProfile`.
 * @param facts - The bag as validation saw it.
 * @param findings - Where the issues go.
 * @example
 * checkBagitProfile(profile, facts, findings)
 */
export function checkBagitProfile(profile: BagitProfile, facts: ProfileFacts, findings: Findings): void {
  findings.start('bagit.profile');
  checkIdentifier(profile, facts, findings);
  checkBagInfo(profile, facts, findings);
  checkManifests(profile, facts.files.tag, findings);
  checkTagFiles(profile, facts.files.tag, findings);
  checkPayload(profile, facts.files.payload, findings);
  checkFetch(profile, facts.files.tag, findings);
  checkSerialization(profile, facts.mediaType, findings);
  checkVersion(profile, facts.versionText, findings);
}

/** "Bags complying to a BagIt Profile MUST contain the tag BagIt-Profile-Identifier in their bag-info.txt." */
function checkIdentifier(profile: BagitProfile, facts: ProfileFacts, findings: Findings): void {
  const wanted = profile['BagIt-Profile-Info']['BagIt-Profile-Identifier'];
  const declared = bagInfoValues(facts.tags, 'BagIt-Profile-Identifier');
  if (declared.length === 0) {
    findings.add('bagit.profile', 'bagit.profile.identifier-missing', { path: facts.metadataPath, expected: wanted });
  } else if (!declared.some((t) => t.value === wanted)) {
    findings.add('bagit.profile', 'bagit.profile.identifier-mismatch', {
      path: facts.metadataPath,
      location: { line: (declared[0] as BagTag).line, column: 1 },
      expected: wanted,
      received: declared.map((t) => t.value).join(', '),
    });
  }
}

/** `Bag-Info`: required, values, repeatable (labels compared case-insensitively, RFC 8493 §2.2.2). */
function checkBagInfo(profile: BagitProfile, facts: ProfileFacts, findings: Findings): void {
  for (const [label, rule] of Object.entries(profile['Bag-Info'] ?? {})) {
    const found = bagInfoValues(facts.tags, label);
    const path = facts.metadataPath;
    if (found.length === 0) {
      if (rule.required === true) findings.add('bagit.profile', 'bagit.profile.bag-info-required', { path, params: { label }, expected: label });
      continue;
    }
    if (rule.repeatable === false && found.length > 1) {
      findings.add('bagit.profile', 'bagit.profile.bag-info-repeated', { path, location: { line: (found[1] as BagTag).line, column: 1 }, params: { label, count: found.length }, expected: 1, received: found.length });
    }
    const values = rule.values ?? [];
    if (values.length === 0) continue;
    for (const tag of found) {
      if (!values.includes(tag.value)) {
        findings.add('bagit.profile', 'bagit.profile.bag-info-value', { path, location: { line: tag.line, column: 1 }, params: { label, value: tag.value }, expected: values.join(' | '), received: tag.value });
      }
    }
  }
}

/** The algorithms of the bag's manifests, by kind, in dangan's names (bagit-python's hashlib names mapped). */
function manifestAlgorithms(tag: ReadonlyMap<string, PackageEntry>): { payload: Map<string, string>; tag: Map<string, string> } {
  const found = { payload: new Map<string, string>(), tag: new Map<string, string>() };
  for (const path of tag.keys()) {
    const match = MANIFEST.exec(path);
    if (!match) continue;
    const name = (match[2] as string).toLowerCase();
    (match[1] ? found.tag : found.payload).set(canonicalAlgorithm(name), path);
  }
  return found;
}

const canonicalAlgorithm = (name: string): string => findBagAlgorithm(name.toLowerCase())?.name ?? name.toLowerCase();

/** `Manifests-Required`/`-Allowed` and `Tag-Manifests-Required`/`-Allowed`: types, not file names. */
function checkManifests(profile: BagitProfile, tag: ReadonlyMap<string, PackageEntry>, findings: Findings): void {
  const present = manifestAlgorithms(tag);
  const kinds = [
    { files: present.payload, required: profile['Manifests-Required'], allowed: profile['Manifests-Allowed'], prefix: 'manifest', missing: 'bagit.profile.manifest-required', extra: 'bagit.profile.manifest-not-allowed' },
    { files: present.tag, required: profile['Tag-Manifests-Required'], allowed: profile['Tag-Manifests-Allowed'], prefix: 'tagmanifest', missing: 'bagit.profile.tag-manifest-required', extra: 'bagit.profile.tag-manifest-not-allowed' },
  ] as const;
  for (const kind of kinds) {
    for (const algorithm of kind.required ?? []) {
      if (!kind.files.has(canonicalAlgorithm(algorithm))) findings.add('bagit.profile', kind.missing, { path: `${kind.prefix}-${algorithm}.txt`, params: { algorithm } });
    }
    if (!kind.allowed) continue;
    const allowed = new Set(kind.allowed.map(canonicalAlgorithm));
    for (const [algorithm, path] of kind.files) {
      if (!allowed.has(algorithm)) findings.add('bagit.profile', kind.extra, { path, params: { algorithm }, expected: kind.allowed.join(', '), received: algorithm });
    }
  }
}

/** `Tag-Files-Required` (full paths) and `Tag-Files-Allowed` (paths or `*` patterns; default `*`). */
function checkTagFiles(profile: BagitProfile, tag: ReadonlyMap<string, PackageEntry>, findings: Findings): void {
  for (const path of profile['Tag-Files-Required'] ?? []) {
    if (!tag.has(path.normalize('NFC'))) findings.add('bagit.profile', 'bagit.profile.tag-file-required', { path, params: { file: path } });
  }
  const allowed = profile['Tag-Files-Allowed'];
  if (!allowed) return;
  for (const path of tag.keys()) {
    if (CORE_TAG_FILES.has(path) || MANIFEST.test(path)) continue;
    if (!matchesAnyProfilePattern(path, allowed)) findings.add('bagit.profile', 'bagit.profile.tag-file-not-allowed', { path, params: { file: path }, expected: allowed.join(', ') });
  }
}

/** `Data-Empty`, `Payload-Files-Required` (a path ending in `/` needs a file below it) and `Payload-Files-Allowed`. */
function checkPayload(profile: BagitProfile, payload: ReadonlyMap<string, PackageEntry>, findings: Findings): void {
  const files = [...payload.values()];
  // "If true then the /data directory must contain either no files or a single zero byte length file."
  if (profile['Data-Empty'] === true && !(files.length === 0 || (files.length === 1 && (files[0] as PackageEntry).size === 0))) {
    const bytes = files.reduce((sum, e) => sum + e.size, 0);
    findings.add('bagit.profile', 'bagit.profile.data-not-empty', { path: 'data', params: { files: files.length, bytes }, expected: '0 files, or 1 file of 0 bytes', received: `${files.length} files, ${bytes} bytes` });
  }
  for (const wanted of profile['Payload-Files-Required'] ?? []) {
    const path = wanted.normalize('NFC');
    const present = path.endsWith('/') ? [...payload.keys()].some((key) => key.startsWith(path)) : payload.has(path);
    if (!present) findings.add('bagit.profile', 'bagit.profile.payload-file-required', { path: wanted, params: { file: wanted } });
  }
  const allowed = profile['Payload-Files-Allowed'];
  if (!allowed) return;
  for (const path of payload.keys()) {
    if (!matchesAnyProfilePattern(path, allowed)) findings.add('bagit.profile', 'bagit.profile.payload-file-not-allowed', { path, params: { file: path }, expected: allowed.join(', ') });
  }
}

/** `Allow-Fetch.txt` (default true) and `Fetch.txt-Required` (default false). */
function checkFetch(profile: BagitProfile, tag: ReadonlyMap<string, PackageEntry>, findings: Findings): void {
  const present = tag.has('fetch.txt');
  if (present && profile['Allow-Fetch.txt'] === false) findings.add('bagit.profile', 'bagit.profile.fetch-not-allowed', { path: 'fetch.txt' });
  if (!present && profile['Fetch.txt-Required'] === true) findings.add('bagit.profile', 'bagit.profile.fetch-required', { path: 'fetch.txt' });
}

/** `Serialization` (default optional) and `Accept-Serialization` (media types). */
function checkSerialization(profile: BagitProfile, mediaType: string | undefined, findings: Findings): void {
  const serialization = profile.Serialization ?? 'optional';
  if (mediaType === undefined) {
    if (serialization === 'required') findings.add('bagit.profile', 'bagit.profile.serialization-required', { expected: (profile['Accept-Serialization'] ?? []).join(', ') });
    return;
  }
  if (serialization === 'forbidden') {
    findings.add('bagit.profile', 'bagit.profile.serialization-forbidden', { params: { mediaType }, received: mediaType });
    return;
  }
  const accepted = (profile['Accept-Serialization'] ?? []).map((t) => t.toLowerCase());
  // Optional without a list: the specification asks for one; a serialized bag is then not refused (docs/bagit.md).
  if (accepted.length === 0) return;
  const family = Object.values(SERIALIZATION_MEDIA_TYPES).find((types) => types.includes(mediaType)) ?? [mediaType];
  if (!family.some((t) => accepted.includes(t))) {
    findings.add('bagit.profile', 'bagit.profile.serialization-not-accepted', { params: { mediaType }, expected: accepted.join(', '), received: mediaType });
  }
}

/** `Accept-BagIt-Version`: compared as versions, so `1.0` and `1.00` are one. */
function checkVersion(profile: BagitProfile, versionText: string | undefined, findings: Findings): void {
  if (versionText === undefined) return;
  const version = parseBagVersion(versionText);
  const same = (text: string) => {
    const other = parseBagVersion(text);
    return version && other ? version.major === other.major && version.minor === other.minor : text === versionText;
  };
  if (!profile['Accept-BagIt-Version'].some(same)) {
    findings.add('bagit.profile', 'bagit.profile.version-not-accepted', { path: 'bagit.txt', params: { version: versionText }, expected: profile['Accept-BagIt-Version'].join(', '), received: versionText });
  }
}
