import { closeSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { validatePackage, type ValidateAnyPackageOptions } from '../package/validatePackage.js';
import type { PackageSource } from '../package/source.js';
import { buildReport, type Report } from '../report/report.js';
import { resolveAntivirus, type AntivirusSpec } from './antivirus/createEngine.js';
import { scanFileOnDisk, startPackageScan, withAntivirus, type AntivirusOutcome, type AntivirusSettings } from './antivirus/scanPackage.js';
import { openDirectorySource } from './directorySource.js';
import { verifyEepSignature } from './eep/verifyEepSignature.js';
import { identityOf, openChecked, statRegularOrDirectory } from './openChecked.js';
import { locateZip } from './zip/zipStructure.js';
import { checkShard, ownsPathOf, reportShard } from '../package/shard.js';
import { EEP_CHECKS } from '../package/eep/checks.js';
import { tarKindOf } from './tar/tarKind.js';
import type { Limits } from '../package/limits.js';
import { createIssueFrom } from '../report/createIssue.js';
import { generalIssues } from '../report/messages/general.js';

/** What a path on disk is, as {@link openPackagePath} sees it. */
export type PackagePathKind = 'directory' | 'zip' | 'tar' | 'eep';

// APPNOTE §4.3.7 / §4.3.16: a zip starts with a local header, or is an empty archive (end record only).
const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

/**
 * Tells what a path is: a directory, a zip (by its first bytes, whatever its
 * extension, or by its end record when a self-extracting stub comes first) or an `.eep` file. The path is looked at before it is opened:
 * only a regular file or a directory will do (a link to one is followed, as
 * it is the caller's own argument); a FIFO, whose open would block, or a
 * device such as `/dev/zero`, which never ends, is refused unopened. The file
 * is then opened non-blocking and checked by its handle.
 *
 * @param path - A path on disk.
 * @returns The kind.
 * @throws Error when the path does not exist, cannot be read, is not a regular file or directory,
 *   or is a file that is neither zip nor `.eep`.
 * @example
 * await packagePathKind('移交信息包.zip') //=> 'zip'
 */
export async function packagePathKind(path: string): Promise<PackagePathKind> {
  const stats = statRegularOrDirectory(path, true);
  if (stats.isDirectory()) return 'directory';
  const { fd } = openChecked(path, { follow: true, expect: { id: identityOf(stats), size: stats.size } });
  try {
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    if (ZIP_MAGIC.some((magic) => head.equals(magic))) return 'zip';
    // A self-extracting zip starts with its stub: found by its end record, as unzip finds it.
    if (!/\.eep$/i.test(path) && locateZip(fd, stats.size)) return 'zip';
    // A tar, plain or gzip-compressed (a serialized bag, RFC 8493 §4), by its magic.
    if (!/\.eep$/i.test(path) && tarKindOf(fd)) return 'tar';
  } finally {
    closeSync(fd);
  }
  if (/\.eep$/i.test(path)) return 'eep';
  throw new Error(`[dangan] ${path} is not a directory, a zip or tar file or an .eep file`);
}

/**
 * Opens a directory, a zip or a tar (.tar, .tar.gz, .tgz) file as a read-only {@link PackageSource}.
 *
 * @param path - The package on disk.
 * @returns The source; call `close()` when done.
 * @throws Error when the path cannot be opened (missing, unreadable, not a directory or zip).
 * @example
 * const source = await openPackagePath('移交信息包.zip');
 */
export async function openPackagePath(path: string): Promise<PackageSource> {
  const kind = await packagePathKind(path);
  if (kind === 'eep') throw new Error(`[dangan] ${path} is an .eep file, not a package folder or zip`);
  return openPackageOfKind(path, kind);
}

/** Options of {@link validatePath}: those of `validatePackage`, and an antivirus engine. */
export interface ValidatePathOptions extends ValidateAnyPackageOptions {
  /**
   * Scan every file (and every file an `.eep` embeds) with this engine, in
   * parallel with validation: GD-4-1 and GD-4-2 are then `passed`, `failed`
   * or `skipped` instead of `manual` (see `docs/security.md`). E.g. `'clamd'`,
   * `'clamd=127.0.0.1:3310'`, `{ engine: 'clamd', maxDatabaseAgeDays: 7 }`.
   */
  antivirus?: AntivirusSpec;
}

/**
 * Validates a package on disk — a directory, a `.zip` or an `.eep` file —
 * with the profile detected (or given), EEP signatures verified by
 * node:crypto. A path that cannot be opened gives a report with
 * `input.unreadable`; nothing is thrown and nothing is written.
 *
 * @param path - The package.
 * With `options.antivirus`, every file is also streamed to the antivirus
 * engine while the package is validated, and the report carries GD-4-1 and
 * GD-4-2 as the engine found them.
 *
 * @param options - As `validatePackage`, and `antivirus`.
 * @returns The report.
 * @throws Error when `options.antivirus` is a spec string that names no engine.
 * @example
 * const report = await validatePath('./移交信息包', { locale: 'en' });
 * report.valid
 */
export async function validatePath(path: string, options: ValidatePathOptions = {}): Promise<Report> {
  const { antivirus: spec, ...packageOptions } = options;
  const antivirus = spec === undefined ? undefined : resolveAntivirus(spec);
  let kind: PackagePathKind;
  try {
    kind = await packagePathKind(path);
  } catch (error) {
    return unreadable(path, error, options);
  }
  if (kind === 'eep') {
    // The profile asked for is honoured: an .eep file is an `eep` package; `dat93` and `bagit` need a folder or a zip.
    if (options.profile && options.profile !== 'auto' && options.profile !== 'eep') {
      return unreadable(path, new Error(`${basename(path)} is an .eep file: profile ${options.profile} needs a package folder or zip; use profile eep (or auto)`), options);
    }
    if (options.shard && !ownsPathOf(checkShard(options.shard))(basename(path))) return notOwnedEep(path, options);
    const maxBytes = options.maxXmlBytes ?? options.limits?.maxXmlBytes;
    const scanOptions = { ...(options.locale ? { locale: options.locale } : {}), ...(maxBytes !== undefined ? { maxBytes } : {}) };
    // The scan takes the bytes validation reads (the file and what it embeds: one read).
    let scanning: Promise<AntivirusOutcome> | undefined;
    // Package kinds load their validators when met (start-up, issue 22).
    const { validateEepFile } = await import('./eep/validateEepFile.js');
    const report = await validateEepFile(path, {
      ...(antivirus ? { onRead: (bytes: Uint8Array) => void (scanning = scanFileOnDisk(path, basename(path), antivirus, { ...scanOptions, bytes })) } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.severity ? { severity: options.severity } : {}),
      ...(maxBytes !== undefined ? { maxBytes } : {}),
      ...(options.allowWeakSignatures ? { allowWeakSignatures: true } : {}),
      verifySignature: options.verifySignature ?? verifyEepSignature,
    });
    // Not read (unreadable, or over the size limit): the scan reads the file itself, or says why it cannot.
    if (antivirus) scanning ??= scanFileOnDisk(path, basename(path), antivirus, scanOptions);
    const found = scanning ? withAntivirus(report, await scanning, options.severity) : report;
    return options.shard ? { ...found, shard: reportShard(options.shard, [eepEntry(path)]) } : found;
  }
  let source: PackageSource;
  try {
    source = await openPackageOfKind(path, kind, options.limits);
  } catch (error) {
    return unreadable(path, error, options);
  }
  try {
    return await validateWithAntivirus(source, { verifySignature: verifyEepSignature, ...packageOptions }, antivirus);
  } finally {
    await source.close?.();
  }
}

/**
 * Validates an open source and, with an engine, scans it at the same time:
 * the files validation hashes or reads whole are scanned from those same
 * reads, and the rest are streamed to the engine afterwards (see `startPackageScan`).
 *
 * @param source - The package.
 * @param options - As `validatePackage`.
 * @param antivirus - Engine and settings, or undefined for GD-4-1/GD-4-2 `manual`.
 * @returns The report.
 * @example
 * await validateWithAntivirus(source, {}, resolveAntivirus('clamd'))
 */
export async function validateWithAntivirus(source: PackageSource, options: ValidateAnyPackageOptions, antivirus: AntivirusSettings | undefined): Promise<Report> {
  const severity = options.severity ?? {};
  const off = severity['security.antivirus-installed'] === 'off' && severity['security.virus-scan'] === 'off';
  if (!antivirus || off) return validatePackage(source, options);
  const scanOptions = {
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.shard ? { owns: ownsPathOf(options.shard) } : {}),
  };
  const scan = await startPackageScan(source, antivirus, scanOptions);
  const report = await validatePackage(scan.source, options);
  return withAntivirus(report, await scan.finish(), severity);
}

/** A standalone `.eep` as one entry, named by its file name (the path its issues carry). */
function eepEntry(path: string): { path: string; kind: 'file'; size: number } {
  return { path: basename(path), kind: 'file', size: statRegularOrDirectory(path, true).size };
}

/**
 * A shard that does not own a standalone `.eep` (the file is the unit: structure, metadata
 * and content are one XML): every EEP check listed as `skipped` (none ran here; merging takes
 * the owner's statuses), and the shard field.
 */
function notOwnedEep(path: string, options: ValidatePathOptions): Report {
  const checks = EEP_CHECKS.map((c) => ({ id: c.id, status: 'skipped' as const }));
  return buildReport({ profile: 'eep', issues: [], checks, shard: reportShard(options.shard!, [eepEntry(path)]) });
}

function unreadable(path: string, error: unknown, options: ValidateAnyPackageOptions): Report {
  const reason = error instanceof Error ? error.message : String(error);
  return buildReport({
    profile: options.profile && options.profile !== 'auto' ? options.profile : 'unknown',
    issues: [createIssueFrom(generalIssues, 'input.unreadable', { path: basename(path), ...(options.locale ? { locale: options.locale } : {}), params: { reason } })],
  });
}

/** Opens a folder, a zip or a tar; the archive readers (yauzl, tar-stream) are loaded only when needed, so a folder's validation starts 15–20 ms sooner. */
async function openPackageOfKind(path: string, kind: 'directory' | 'zip' | 'tar', limits?: Partial<Limits>): Promise<PackageSource> {
  if (kind === 'directory') return openDirectorySource(path);
  if (kind === 'tar') {
    const { openTarSource } = await import('./tarSource.js');
    return openTarSource(path, limits);
  }
  const { openZipSource } = await import('./zipSource.js');
  return openZipSource(path);
}
