import type { PackageEntry, PackageSource } from '../source.js';
import { findBagAlgorithm, type BagAlgorithm } from './algorithms.js';
import type { Findings } from './findings.js';
import { parseBagManifest } from '../../formats/bagit/manifest.js';
import { readTagText, resolveDeclaredPath } from './tagRead.js';
import type { TagEncoding } from '../../formats/bagit/tagText.js';

/** One usable manifest entry. */
export interface ManifestEntry {
  /** NFC form of {@link path}: the key files are matched by (as bagit-python does). */
  readonly key: string;
  /** The decoded path as written. */
  readonly path: string;
  /** Lower-case hex digest. */
  readonly digest: string;
  readonly line: number;
}

/** A payload manifest or tag manifest with a supported algorithm. */
export interface LoadedManifest {
  /** File name, e.g. `manifest-sha256.txt`. */
  readonly file: string;
  readonly kind: 'payload' | 'tag';
  readonly algorithm: BagAlgorithm;
  /** Entries by NFC key; a duplicate keeps its first entry. */
  readonly entries: ReadonlyMap<string, ManifestEntry>;
}

const MANIFEST_NAME = /^(tag)?manifest-([^/]+)\.txt$/;
const TAG_MANIFEST_NAME = /^tagmanifest-[^/]+\.txt$/;
const PAYLOAD_MANIFEST_NAME = /^manifest-[^/]+\.txt$/;

/**
 * Reports every payload manifest a tag manifest leaves out (RFC 8493 §2.2.1:
 * each tag manifest MUST list every payload manifest), whatever the payload
 * manifest's algorithm.
 *
 * @param entries - The bag's entries.
 * @param manifests - The loaded manifests.
 * @param findings - Collector.
 * @example
 * checkTagManifestsListPayloadManifests(entries, manifests, findings)
 */
export function checkTagManifestsListPayloadManifests(entries: readonly PackageEntry[], manifests: readonly LoadedManifest[], findings: Findings): void {
  const payloadManifests = entries.filter((e) => e.kind === 'file' && PAYLOAD_MANIFEST_NAME.test(e.path)).map((e) => e.path);
  for (const tag of manifests) {
    if (tag.kind !== 'tag') continue;
    for (const payloadManifest of payloadManifests) {
      if (!tag.entries.has(payloadManifest)) findings.add('bagit.manifests', 'bagit.manifest.tag-omits-payload-manifest', { path: tag.file, expected: payloadManifest, params: { manifest: tag.file, payloadManifest } });
    }
  }
}

/**
 * Finds, reads and parses every payload and tag manifest at the bag root
 * (RFC 8493 §2.1.3, §2.2.1), linting algorithms, md5sum markers and leading
 * `./`, rejecting unsafe paths, and reporting duplicates with the severity
 * of the declared version (warning before 1.0, error from 1.0).
 *
 * @param source - The package.
 * @param entries - Its entries.
 * @param context - Tag-file encoding, version rule and collector.
 * @returns The usable manifests, payload manifests first, each in name order.
 * @example
 * await loadManifests(source, entries, { encoding, rfc8493: true, findings })
 */
export async function loadManifests(
  source: PackageSource,
  entries: readonly PackageEntry[],
  context: { encoding: TagEncoding; rfc8493: boolean; findings: Findings },
): Promise<LoadedManifest[]> {
  const { findings } = context;
  findings.start('bagit.manifests');
  const loaded: LoadedManifest[] = [];
  const linted = new Set<string>();
  for (const entry of entries) {
    const match = MANIFEST_NAME.exec(entry.path);
    if (!match || entry.kind !== 'file') continue;
    const kind = match[1] ? 'tag' : 'payload';
    const algorithm = findBagAlgorithm(match[2] ?? '');
    if (!algorithm) {
      findings.add('bagit.manifests', 'bagit.manifest.unsupported-algorithm', { path: entry.path, params: { algorithm: match[2] } });
      continue;
    }
    if (!linted.has(algorithm.name)) {
      linted.add(algorithm.name);
      if (algorithm.weak) findings.add('bagit.lint', 'bagit.lint.weak-algorithm', { path: entry.path, params: { algorithm: algorithm.name } });
      if (!algorithm.standard) findings.add('bagit.lint', 'bagit.lint.non-standard-algorithm', { path: entry.path, params: { algorithm: algorithm.name } });
    }
    const text = await readTagText(source, entry.path, context.encoding, findings, 'bagit.manifests');
    if (text === undefined) continue;
    loaded.push({ file: entry.path, kind, algorithm, entries: collectEntries(entry.path, kind, text, algorithm, context) });
  }
  return loaded.sort((a, b) => (a.kind === b.kind ? (a.file < b.file ? -1 : 1) : a.kind === 'payload' ? -1 : 1));
}

function collectEntries(
  file: string,
  kind: 'payload' | 'tag',
  text: string,
  algorithm: BagAlgorithm,
  context: { rfc8493: boolean; findings: Findings },
): Map<string, ManifestEntry> {
  const { findings, rfc8493 } = context;
  const parsed = parseBagManifest(text, algorithm.hexLength);
  for (const bad of parsed.malformed) {
    findings.add('bagit.manifests', 'bagit.manifest.malformed-line', {
      path: file,
      location: { line: bad.line, column: 1 },
      params: { line: bad.text, algorithm: algorithm.name },
    });
  }
  const byKey = new Map<string, ManifestEntry>();
  for (const line of parsed.lines) {
    const where = { path: file, location: { line: line.line, column: 1 } };
    if (line.md5sumMarker) findings.add('bagit.lint', 'bagit.lint.md5sum-marker', { ...where, received: `*${line.written}`, params: { source: file } });
    const path = resolveDeclaredPath(line.written, { file, line: line.line, rfc8493, findings, stage: 'bagit.manifests' });
    if (path === undefined) continue;
    if (kind === 'payload' && !path.startsWith('data/')) {
      findings.add('bagit.manifests', 'bagit.manifest.outside-payload', { ...where, received: path, expected: 'data/…', params: { manifest: file } });
      continue;
    }
    // RFC 8493 §2.2.1: a tag manifest MUST NOT list payload files or other tag manifests.
    if (kind === 'tag' && path.startsWith('data/')) {
      findings.add('bagit.manifests', 'bagit.manifest.tag-lists-payload', { ...where, received: path, params: { manifest: file } });
      continue;
    }
    if (kind === 'tag' && TAG_MANIFEST_NAME.test(path)) {
      findings.add('bagit.manifests', 'bagit.manifest.tag-lists-tag-manifest', { ...where, received: path, params: { manifest: file } });
      continue;
    }
    const entry: ManifestEntry = { key: path.normalize('NFC'), path, digest: line.digest, line: line.line };
    const first = byKey.get(entry.key);
    if (!first) byKey.set(entry.key, entry);
    else reportDuplicate(file, first, entry, context);
  }
  return byKey;
}

// RFC 8493 §2.1.3; bagit-python: same hash twice is a warning before 1.0 and an error in 1.0 (conformance suite #48, #59).
function reportDuplicate(file: string, first: ManifestEntry, again: ManifestEntry, context: { rfc8493: boolean; findings: Findings }): void {
  const details = { path: again.key, location: undefined, params: { manifest: file, other: first.path }, expected: first.digest, received: again.digest };
  if (first.digest !== again.digest) context.findings.add('bagit.manifests', 'bagit.manifest.duplicate-mismatch', details);
  else {
    const code = first.path === again.path ? 'bagit.manifest.duplicate' : 'bagit.manifest.normalization-conflict';
    context.findings.add('bagit.manifests', code, { ...details, severity: context.rfc8493 ? 'error' : 'warning' });
  }
}
