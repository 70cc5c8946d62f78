import { buildReport, type Report } from '../../report/report.js';
import type { DigestOptions, PackageEntry, PackageSource } from '../source.js';
import { parseBagDeclaration } from '../../formats/bagit/bagDeclaration.js';
import { checkCompleteness, missingOsArtefacts, type BagFiles } from './completeness.js';
import { isFetchUrl, parseFetchFile } from '../../formats/bagit/fetchFile.js';
import { Findings, type FindingOptions } from './findings.js';
import { verifyFixity } from './fixity.js';
import { checkTagManifestsListPayloadManifests, loadManifests, type LoadedManifest } from './loadManifests.js';
import { osArtefactName } from './osFiles.js';
import { checkBagPath } from './pathSafety.js';
import { parsePayloadOxum } from '../../formats/bagit/oxum.js';
import { parseBagInfo, bagInfoValues, type BagTag } from '../../formats/bagit/tagFile.js';
import { readTagText, resolveDeclaredPath } from './tagRead.js';
import type { TagEncoding } from '../../formats/bagit/tagText.js';
import { isRfc8493, type BagVersion } from '../../formats/bagit/version.js';
import type { BagitProfile } from '../../formats/bagit/profile.js';
import { checkBagitProfile } from './checkProfile.js';

/** Options of {@link validateBag}. */
export interface ValidateBagOptions extends FindingOptions {
  /** Check Payload-Oxum only, like bagit-python `--fast` (needs Payload-Oxum). Default false. */
  fast?: boolean;
  /** False checks completeness without hashing, like bagit-python `--completeness-only`. Default true. */
  fixity?: boolean;
  /** Progress callback and parallel jobs, passed to {@link PackageSource.digest}. */
  digest?: DigestOptions;
  /**
   * True reads a repeated Payload-Oxum as bagit-python does: a warning, each
   * value checked. Default false: a repeated Payload-Oxum is an error (RFC 8493 §2.2.2).
   */
  allowRepeatedOxum?: boolean;
  /** Hash only the files this accepts (a shard's share of the payload, `validatePackage`'s `shard`); default all. */
  owns?: (path: string) => boolean;
  /**
   * Also check the bag against this BagIt Profile (read it with
   * `parseBagitProfile`); each violation is a `bagit.profile.*` issue naming
   * the profile field. Without it the `bagit.profile` check is skipped.
   */
  bagitProfile?: BagitProfile;
}

/** Profile name of BagIt reports. */
export const BAGIT_PROFILE = 'bagit';

/**
 * Validates a BagIt bag (RFC 8493, and drafts 0.93–0.97) read through a
 * {@link PackageSource}: bag declaration, tag-file encoding, payload and tag
 * manifests for every algorithm present, Payload-Oxum, bag-info.txt,
 * fetch.txt (parsed, never fetched), path safety before any lookup,
 * completeness both ways and fixity, plus `bagit.lint.*` warnings. Stages
 * follow bagit-python: declaration → structure → manifests → metadata →
 * fetch → Oxum → profile (with `bagitProfile`; `fast` stops here) → completeness (`fixity: false` stops
 * here) → fixity. Never throws on a bad bag: everything is in the report.
 *
 * @param source - The bag; use `openDirectorySource` from `dangan/node` for a folder.
 * @param options - Modes, locale, severity overrides and suppressed lint codes.
 * @returns A report with profile `bagit`.
 * @throws TypeError when `options.suppress` names a code that is not `bagit.lint.*`.
 * @example
 * const report = await validateBag(await openDirectorySource('bag'), { fixity: false, suppress: ['bagit.lint.old-version'] });
 * report.valid
 */
export async function validateBag(source: PackageSource, options: ValidateBagOptions = {}): Promise<Report> {
  const findings = new Findings(options);
  let entries: readonly PackageEntry[];
  try {
    entries = await source.entries();
  } catch (error) {
    findings.add('bagit.structure', 'input.unreadable', { params: { reason: error instanceof Error ? error.message : String(error) } });
    return finish(findings, new Map());
  }
  const files = splitFiles(entries, findings);
  findings.start('bagit.declaration');
  const declaration = files.tag.get('bagit.txt');
  if (!declaration) {
    findings.add('bagit.declaration', 'bagit.bagit-txt.missing', { path: 'bagit.txt' });
    return finish(findings, files.payload);
  }
  let bytes: Uint8Array;
  try {
    bytes = await source.read('bagit.txt', { maxBytes: 64 * 1024 });
  } catch (error) {
    findings.add('bagit.declaration', 'bagit.fixity.unreadable', { path: 'bagit.txt', params: { reason: error instanceof Error ? error.message : String(error) } });
    return finish(findings, files.payload);
  }
  const parsed = parseBagDeclaration(bytes);
  for (const issue of parsed.issues) findings.add('bagit.declaration', issue.code, issue.details);
  if (!parsed.encoding) return finish(findings, files.payload);
  const rfc8493 = parsed.version === undefined || isRfc8493(parsed.version);
  lintDeclaration(parsed.versionText, parsed.version, parsed.encoding, findings);

  findings.start('bagit.structure');
  // Archive sources may list no directory entries, so a file under data/ also shows the folder exists.
  if (!entries.some((e) => (e.path === 'data' && e.kind === 'directory') || e.path.startsWith('data/'))) findings.add('bagit.structure', 'bagit.payload.directory-missing', { path: 'data' });
  const manifests = await loadManifests(source, entries, { encoding: parsed.encoding, rfc8493, findings });
  if (!manifests.some((m) => m.kind === 'payload')) findings.add('bagit.manifests', 'bagit.manifest.missing');
  checkTagManifestsListPayloadManifests(entries, manifests, findings);

  const metadata = await readMetadata(source, files, parsed.version, parsed.encoding, findings);
  const oxumValues = bagInfoValues(metadata.tags, 'Payload-Oxum');
  const fetchKeys = await readFetch(source, files, parsed.encoding, rfc8493, findings);
  checkOxum(metadata.path, oxumValues, manifests, files, findings, options.allowRepeatedOxum === true);
  lintPayload(files, findings);
  if (options.bagitProfile) {
    const facts = { files, versionText: parsed.versionText, metadataPath: metadata.path, tags: metadata.tags, mediaType: source.mediaType };
    checkBagitProfile(options.bagitProfile, facts, findings);
  }
  if (options.fast) {
    if (oxumValues.length === 0) findings.add('bagit.oxum', 'bagit.oxum.required', { path: metadata.path });
    return finish(findings, files.payload);
  }
  const resolved = checkCompleteness(manifests, files, fetchKeys, findings);
  if (options.fixity !== false) await verifyFixity(source, resolved, findings, { ...options.digest, ...(options.owns ? { owns: options.owns } : {}) });
  return finish(findings, files.payload);
}

function finish(findings: Findings, payload: ReadonlyMap<string, PackageEntry>): Report {
  const sizes = [...payload.values()];
  return buildReport({
    profile: BAGIT_PROFILE,
    // Findings caps as it collects: 100,000 unlisted files cost a summary per code, not 100,000 issues.
    issues: findings.issues,
    checks: findings.checks(),
    files: sizes.length,
    bytes: sizes.reduce((sum, e) => sum + e.size, 0),
  });
}

/** Splits entries into payload and other files; reports links, devices and names that collide after NFC. */
function splitFiles(entries: readonly PackageEntry[], findings: Findings): BagFiles {
  findings.start('bagit.structure');
  const payload = new Map<string, PackageEntry>();
  const tag = new Map<string, PackageEntry>();
  for (const entry of entries) {
    if (entry.kind === 'symlink' || entry.kind === 'other') {
      findings.add('bagit.structure', 'bagit.entry.not-regular', { path: entry.path, params: { kind: entry.kind } });
      continue;
    }
    // An archive member named outside the bag (`../x`, `/x`) is reported and never read (RFC 8493 §2: a bag is one folder).
    const unsafe = checkBagPath(entry.path);
    if (unsafe) {
      findings.add('bagit.structure', unsafe.code, { path: entry.path, params: unsafe.params });
      continue;
    }
    if (entry.kind !== 'file') continue;
    const target = entry.path.startsWith('data/') ? payload : tag;
    // RFC 8493 §6.1: two stored names with one NFC form cannot be told apart by a manifest.
    if (target.has(entry.path)) findings.add('bagit.structure', 'bagit.payload.normalization-conflict', { path: entry.path, params: { path: entry.path } });
    else target.set(entry.path, entry);
  }
  return { payload, tag };
}

function lintDeclaration(versionText: string | undefined, version: BagVersion | undefined, encoding: TagEncoding, findings: Findings): void {
  findings.start('bagit.lint');
  if (version && !isRfc8493(version)) findings.add('bagit.lint', 'bagit.lint.old-version', { path: 'bagit.txt', params: { version: versionText }, expected: '1.0', received: versionText });
  if (!encoding.utf8) findings.add('bagit.lint', 'bagit.lint.tag-file-encoding', { path: 'bagit.txt', params: { encoding: encoding.declared } });
}

/** bag-info.txt, called package-info.txt before 0.96 (draft-kunze-bagit-03). */
async function readMetadata(
  source: PackageSource,
  files: BagFiles,
  version: BagVersion | undefined,
  encoding: TagEncoding,
  findings: Findings,
): Promise<{ path: string; tags: BagTag[] }> {
  findings.start('bagit.metadata');
  const old = version !== undefined && version.major === 0 && version.minor < 96;
  const path = old && !files.tag.has('bag-info.txt') ? 'package-info.txt' : 'bag-info.txt';
  if (!files.tag.has(path)) return { path, tags: [] };
  const text = await readTagText(source, path, encoding, findings, 'bagit.metadata');
  if (text === undefined) return { path, tags: [] };
  const parsed = parseBagInfo(text);
  for (const bad of parsed.malformed) {
    findings.add('bagit.metadata', 'bagit.bag-info.malformed-line', { path, location: { line: bad.line, column: 1 }, params: { line: bad.text } });
  }
  return { path, tags: [...parsed.tags] };
}

/** fetch.txt (RFC 8493 §2.2.3): parsed and its paths checked; nothing is downloaded. */
async function readFetch(source: PackageSource, files: BagFiles, encoding: TagEncoding, rfc8493: boolean, findings: Findings): Promise<Set<string>> {
  const keys = new Set<string>();
  if (!files.tag.has('fetch.txt')) return keys;
  findings.start('bagit.fetch');
  const text = await readTagText(source, 'fetch.txt', encoding, findings, 'bagit.fetch');
  if (text === undefined) return keys;
  const parsed = parseFetchFile(text);
  for (const blank of parsed.blank) findings.add('bagit.fetch', 'bagit.fetch.blank-line', { path: 'fetch.txt', location: { line: blank.line, column: 1 } });
  for (const bad of parsed.malformed) {
    findings.add('bagit.fetch', 'bagit.fetch.malformed-line', { path: 'fetch.txt', location: { line: bad.line, column: 1 }, params: { line: bad.text } });
  }
  for (const line of parsed.lines) {
    const location = { line: line.line, column: 1 };
    if (!isFetchUrl(line.url)) findings.add('bagit.fetch', 'bagit.fetch.url-invalid', { path: 'fetch.txt', location, params: { url: line.url } });
    const path = resolveDeclaredPath(line.written, { file: 'fetch.txt', line: line.line, rfc8493, findings, stage: 'bagit.fetch' });
    if (path === undefined) continue;
    if (!path.startsWith('data/')) findings.add('bagit.fetch', 'bagit.fetch.outside-payload', { path: 'fetch.txt', location, received: path, expected: 'data/…' });
    else keys.add(path.normalize('NFC'));
  }
  return keys;
}

/** Payload-Oxum (RFC 8493 §2.2.2), checked in every mode as bagit-python does. */
function checkOxum(path: string, values: readonly BagTag[], manifests: readonly LoadedManifest[], files: BagFiles, findings: Findings, allowRepeated: boolean): void {
  findings.start('bagit.oxum');
  if (values.length === 0) {
    findings.add('bagit.lint', 'bagit.lint.payload-oxum-missing', { path });
    return;
  }
  // RFC 8493 §2.2.2: Payload-Oxum is a single value; bagit-python only warns (allowRepeatedOxum).
  if (values.length > 1) findings.add('bagit.oxum', 'bagit.oxum.multiple', { path, params: { count: values.length }, ...(allowRepeated ? { severity: 'warning' as const } : {}) });
  const payload = [...files.payload.values()];
  const octets = payload.reduce((sum, e) => sum + e.size, 0);
  let streams = payload.length;
  // A dropped OS artefact declared empty still counts as one stream of 0 octets (see docs/bagit.md).
  for (const empty of missingOsArtefacts(manifests, files).values()) if (empty) streams += 1;
  const actual = `${octets}.${streams}`;
  for (const tag of values) {
    const declared = parsePayloadOxum(tag.value);
    const location = { line: tag.line, column: 1 };
    if (!declared) findings.add('bagit.oxum', 'bagit.oxum.malformed', { path, location, params: { value: tag.value }, expected: 'octets.streams', received: tag.value });
    else if (declared.octets !== octets || declared.streams !== streams) {
      findings.add('bagit.oxum', 'bagit.oxum.mismatch', { path, location, expected: tag.value, received: actual });
    }
  }
}

function lintPayload(files: BagFiles, findings: Findings): void {
  for (const key of files.payload.keys()) {
    const name = osArtefactName(key);
    if (name) findings.add('bagit.lint', 'bagit.lint.os-files', { path: key, params: { name } });
  }
  for (const folder of nestedBagFolders(files.payload.keys())) findings.add('bagit.lint', 'bagit.lint.bag-within-bag', { path: `${folder}/bagit.txt`, params: { path: folder } });
}

/**
 * Payload folders that hold a bag: a `bagit.txt` beside a payload manifest
 * and a `data/` folder (RFC 8493 §2: a bag is all three). A file merely named
 * bagit.txt is ordinary payload.
 */
function nestedBagFolders(keys: Iterable<string>): string[] {
  const declared = new Set<string>();
  const manifested = new Set<string>();
  const withData = new Set<string>();
  for (const key of keys) {
    const slash = key.lastIndexOf('/');
    const folder = key.slice(0, slash);
    const name = key.slice(slash + 1);
    if (name === 'bagit.txt') declared.add(folder);
    else if (/^manifest-[^/]+\.txt$/.test(name)) manifested.add(folder);
    for (let at = key.indexOf('/data/'); at !== -1; at = key.indexOf('/data/', at + 1)) withData.add(key.slice(0, at));
  }
  return [...declared].filter((f) => manifested.has(f) && withData.has(f)).sort();
}
