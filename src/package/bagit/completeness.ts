import type { PackageEntry } from '../source.js';
import type { Findings } from './findings.js';
import type { LoadedManifest, ManifestEntry } from './loadManifests.js';
import { osArtefactName } from './osFiles.js';

/** The bag's files, split as RFC 8493 §2 splits them, keyed by NFC path. */
export interface BagFiles {
  /** Files under `data/`. */
  readonly payload: ReadonlyMap<string, PackageEntry>;
  /** Files outside `data/` (tag files and anything else). */
  readonly tag: ReadonlyMap<string, PackageEntry>;
}

/** For each manifest, the file on disk each of its entries resolved to. */
export type ResolvedEntries = Map<LoadedManifest, { entry: ManifestEntry; file: string }[]>;

/**
 * The payload-manifest entries that name a missing operating-system artefact
 * (e.g. `.DS_Store`, which copy tools drop), with whether the manifest
 * declares it empty. Used for the lint and for Payload-Oxum
 * (conformance suite special-system-files).
 *
 * @param manifests - Loaded manifests.
 * @param files - The bag's files.
 * @returns Missing artefact keys, and for each whether its digest is the empty-file digest.
 * @example
 * missingOsArtefacts(manifests, files).get('data/.DS_Store') //=> true
 */
export function missingOsArtefacts(manifests: readonly LoadedManifest[], files: BagFiles): Map<string, boolean> {
  const missing = new Map<string, boolean>();
  for (const manifest of manifests) {
    if (manifest.kind !== 'payload') continue;
    for (const entry of manifest.entries.values()) {
      if (files.payload.has(entry.key) || !osArtefactName(entry.key)) continue;
      const empty = entry.digest === manifest.algorithm.emptyDigest;
      missing.set(entry.key, (missing.get(entry.key) ?? true) && empty);
    }
  }
  return missing;
}

/**
 * Checks completeness both ways (RFC 8493 §3): every manifest entry exists,
 * every payload file is in every payload manifest, every fetch.txt file is in
 * every payload manifest. Names match after NFC normalisation (RFC 8493
 * §6.1, bagit-python); a listed name missing on a case-sensitive file system
 * whose case twin is present and listed with the same digest resolves to the
 * twin (conformance suite duplicate-file-with-different-case).
 *
 * @param manifests - Loaded manifests.
 * @param files - The bag's files.
 * @param fetchKeys - NFC paths listed in fetch.txt.
 * @param findings - Collector.
 * @returns The resolved entries per manifest, for fixity.
 * @example
 * checkCompleteness(manifests, files, new Set(), findings)
 */
export function checkCompleteness(
  manifests: readonly LoadedManifest[],
  files: BagFiles,
  fetchKeys: ReadonlySet<string>,
  findings: Findings,
): ResolvedEntries {
  findings.start('bagit.completeness');
  const resolved: ResolvedEntries = new Map();
  const missing = new Map<string, string[]>();
  const payloadManifests = manifests.filter((m) => m.kind === 'payload');
  const normalizationLinted = new Set<string>();
  for (const manifest of manifests) {
    const list: { entry: ManifestEntry; file: string }[] = [];
    const pool = manifest.kind === 'payload' ? files.payload : new Map([...files.tag, ...files.payload]);
    const twins = caseTwins(manifest, pool);
    for (const entry of manifest.entries.values()) {
      const file = pool.get(entry.key) ?? twins(entry);
      if (!file) {
        missing.set(entry.key, [...(missing.get(entry.key) ?? []), manifest.file]);
        continue;
      }
      list.push({ entry, file: file.path });
      if (file.path === entry.key && !normalizationLinted.has(entry.key) && differsInNormalization(entry, file)) {
        normalizationLinted.add(entry.key);
        findings.add('bagit.lint', 'bagit.lint.different-normalization', { path: entry.key, received: entry.path, params: { manifest: manifest.file } });
      }
    }
    resolved.set(manifest, list);
  }
  reportMissing(missing, manifests, fetchKeys, findings);
  for (const key of files.payload.keys()) {
    const without = payloadManifests.filter((m) => !m.entries.has(key)).map((m) => m.file);
    if (without.length > 0 && payloadManifests.length > 0) findings.add('bagit.completeness', 'bagit.payload.unlisted', { path: key, params: { manifest: without.join(', ') } });
  }
  for (const key of fetchKeys) {
    const without = payloadManifests.filter((m) => !m.entries.has(key)).map((m) => m.file);
    if (without.length > 0) findings.add('bagit.fetch', 'bagit.fetch.unlisted', { path: key, params: { manifest: without.join(', ') } });
  }
  lintDifferentCase([...payloadManifests.flatMap((m) => [...m.entries.keys()]), ...files.payload.keys()], findings);
  return resolved;
}

/**
 * The case-twin lookup of one manifest: for a missing entry, the present file
 * whose manifest entry has the same lower-cased name and digest. The index
 * (lower-cased name → entries) is built once, on the first miss, so a manifest
 * of n missing entries costs O(n), not O(n²) (issue 23: 40,000 took 180 s).
 */
function caseTwins(manifest: LoadedManifest, pool: ReadonlyMap<string, PackageEntry>): (entry: ManifestEntry) => PackageEntry | undefined {
  let byLower: Map<string, ManifestEntry[]> | undefined;
  return (entry) => {
    if (byLower === undefined) {
      byLower = new Map();
      for (const other of manifest.entries.values()) {
        if (!pool.has(other.key)) continue; // only present files can be twins
        const lower = other.key.toLowerCase();
        const list = byLower.get(lower);
        if (list) list.push(other);
        else byLower.set(lower, [other]);
      }
    }
    const twin = byLower.get(entry.key.toLowerCase())?.find((other) => other.key !== entry.key && other.digest === entry.digest);
    return twin && pool.get(twin.key);
  };
}

// The source reports names NFC-normalised and flags those stored otherwise as `renamed`.
function differsInNormalization(entry: ManifestEntry, file: PackageEntry): boolean {
  if (file.nameEncoding !== undefined) return false;
  const manifestIsNfc = entry.path === entry.key;
  const diskIsNfc = file.renamed !== true;
  return manifestIsNfc !== diskIsNfc;
}

function reportMissing(missing: Map<string, string[]>, manifests: readonly LoadedManifest[], fetchKeys: ReadonlySet<string>, findings: Findings): void {
  const tagManifestFiles = new Set(manifests.filter((m) => m.kind === 'tag').map((m) => m.file));
  for (const [key, listedIn] of missing) {
    const manifest = listedIn.join(', ');
    if (listedIn.every((f) => tagManifestFiles.has(f))) findings.add('bagit.completeness', 'bagit.tag-file.missing', { path: key, params: { manifest } });
    else if (osArtefactName(key)) findings.add('bagit.lint', 'bagit.lint.os-file-missing', { path: key, params: { manifest } });
    else if (fetchKeys.has(key)) findings.add('bagit.fetch', 'bagit.fetch.not-fetched', { path: key });
    else findings.add('bagit.completeness', 'bagit.payload.missing', { path: key, params: { manifest } });
  }
}

// bagit-java DIFFERENT_CASE: names that collide on a case-insensitive file system (RFC 8493 §6.1).
function lintDifferentCase(keys: readonly string[], findings: Findings): void {
  const byLower = new Map<string, string>();
  const reported = new Set<string>();
  for (const key of [...new Set(keys)].sort()) {
    const first = byLower.get(key.toLowerCase());
    if (first === undefined) byLower.set(key.toLowerCase(), key);
    else if (!reported.has(key)) {
      reported.add(key);
      findings.add('bagit.lint', 'bagit.lint.different-case', { path: key, params: { other: first } });
    }
  }
}
