import { createIssue } from '../report/createIssue.js';
import type { Issue } from '../report/issue.js';
import { buildReport, type Report } from '../report/report.js';
import type { BagitProfile } from '../formats/bagit/profile.js';
import { validateTransferPackage } from './dat93/validateTransferPackage.js';
import { detectPackageProfile, findBagRoot, type PackageProfile } from './detectProfile.js';
import type { CheckSeverityOverride } from './checks/checkRun.js';
import type { PackageCheckId } from './checks/registry.js';
import { EEP_CHECKS, type EepCheckId } from './eep/checks.js';
import type { ValidateEepOptions } from './eep/context.js';
import { isSafePath } from './layout/isSafePath.js';
import { findPackageRoot } from './layout/packageLayout.js';
import { resolveLimits, refuseEntries, screenLimits, withLimitIssues, stampLimitIssues, type Limits } from './limits.js';
import { mergeReports } from './mergeReports.js';
import { findBagAlgorithm } from './bagit/algorithms.js';
import { prefetchDigests } from './fixity/prefetchDigests.js';
import { subSource } from './subSource.js';
import type { ValidatePackageOptions } from './options.js';
import { checkShard, ownsPathOf, reportShard, type OwnsPath } from './shard.js';
import { abortableSource } from './abortableSource.js';
import type { DigestAlgorithm, PackageEntry, PackageSource } from './source.js';
import { createIssueFrom } from '../report/createIssue.js';
import { packageIssues } from '../report/messages/package.js';

// RFC 8493 §2.1.2: the payload directory of a bag.
const BAG_PAYLOAD = 'data/';

/** Options of {@link validatePackage}: the package options plus the EEP signature verifier. */
export interface ValidateAnyPackageOptions extends ValidatePackageOptions {
  /**
   * Severity per check id, overriding the check's default; `off` skips the
   * check. `dat93` check ids apply to `dat93` (and a bag's 移交信息包),
   * `eep` check ids (`eep.content` …) to the `eep` profile.
   */
  severity?: Readonly<Partial<Record<PackageCheckId | EepCheckId, CheckSeverityOverride>>>;
  /** Verifies EEP signatures (`dangan/node` supplies one over node:crypto); without it they are `manual`. */
  verifySignature?: ValidateEepOptions['verifySignature'];
  /** Resource limits; unset ones keep `defaultLimits` (see `docs/security.md`). */
  limits?: Partial<Limits>;
  /**
   * BagIt modes like bagit-python's: `fast` compares Payload-Oxum only (no
   * manifest, no fixity, and a bagged 移交信息包 is not opened); `suppress`
   * leaves these `bagit.lint.*` warnings out; `allowRepeatedOxum` makes a
   * repeated Payload-Oxum a warning, as bagit-python reads it (RFC 8493 §2.2.2
   * makes it an error); `bagitProfile` checks a BagIt Profile too. Only the `bagit` profile reads it.
   */
  bagit?: { fast?: boolean; suppress?: readonly string[]; allowRepeatedOxum?: boolean; bagitProfile?: BagitProfile };
  /** Cancels: reads stop at once (hashing included) and `validatePackage` rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Validates a package of any supported profile, detecting it when `profile`
 * is `auto` (the default): `dat93` (DA/T 93-2022 移交信息包 with the DA/T 70
 * 四性 checks), `eep` (every `.eep` file of the source, DA/T 48-2009) or
 * `bagit` (RFC 8493; when the payload is a 移交信息包, as `wrapTransferPackage`
 * makes, it is checked as `dat93` too and the reports are merged). Reads
 * only; never throws on bad input.
 *
 * @param source - The package.
 * @param options - Profile, locale, severity overrides, fixity, jobs, progress.
 * @returns The report of the chosen profile.
 * @throws RangeError when `options.limits` holds a value that is not a positive number;
 *   the reason of `options.signal` once it is aborted (the validation stops at the next read).
 * @example
 * const report = await validatePackage(await openZipSource('移交信息包.zip'), { locale: 'en' });
 * report.profile //=> 'dat93'
 */
export async function validatePackage(source: PackageSource, options: ValidateAnyPackageOptions = {}): Promise<Report> {
  if (options.shard) checkShard(options.shard);
  const { signal } = options;
  if (!signal) return validateSource(source, options);
  try {
    const report = await validateSource(abortableSource(source, signal), options);
    signal.throwIfAborted();
    return report;
  } catch (error) {
    signal.throwIfAborted();
    throw error;
  }
}

async function validateSource(source: PackageSource, options: ValidateAnyPackageOptions): Promise<Report> {
  // Hostile input (docs/security.md): limits are screened before anything is read.
  options.onPhase?.('listing');
  const entries = await source.entries();
  const report = await validateEntries(source, entries, options);
  return options.shard ? { ...report, shard: reportShard(options.shard, entries) } : report;
}

async function validateEntries(source: PackageSource, entries: readonly PackageEntry[], options: ValidateAnyPackageOptions): Promise<Report> {
  if (options.onPhase) {
    const files = entries.filter((e) => e.kind === 'file');
    options.onPhase('metadata', { files: files.length, bytes: files.reduce((sum, e) => sum + e.size, 0) });
  }
  const profile = !options.profile || options.profile === 'auto' ? detectPackageProfile(entries) : options.profile;
  // One rule set per package kind: RFC 8493 allows the names DA/T 93 packages must avoid, so a bag is only warned.
  const screening = screenLimits(entries, resolveLimits(options.limits), options.locale, profile === 'bagit' ? 'warning' : 'error');
  if (screening.stop) {
    return buildReport({ profile, issues: stampLimitIssues([...screening.issues, ...findingIssues(source, options)]), checks: [{ id: 'security.entries', status: 'failed' }] });
  }
  const report = await validateProfile(refuseEntries(source, screening.refused), entries, profile, options, '');
  // What the source found in its container (a zip's structure, CRC-32 mismatches met while reading, unreadable folders).
  return withLimitIssues(report, { issues: [...screening.issues, ...findingIssues(source, options)] });
}

/** The source's findings as issues (see {@link PackageSource.findings}). */
function findingIssues(source: PackageSource, options: ValidateAnyPackageOptions): Issue[] {
  return (source.findings?.() ?? []).map(({ code, ...details }) => createIssue(code, { ...details, ...(options.locale ? { locale: options.locale } : {}) }));
}

/** `prefix`: what `source`'s paths lack in front of the opened package's (the shard split is by the package's own paths). */
async function validateProfile(source: PackageSource, entries: readonly PackageEntry[], profile: PackageProfile, options: ValidateAnyPackageOptions, prefix: string): Promise<Report> {
  const owns = ownsPathOf(options.shard, prefix);
  if (profile === 'bagit') {
    // A serialized bag's single top-level folder (RFC 8493 §4) is validated as the bag itself: same paths, same issues as the folder.
    const root = findBagRoot(entries);
    if (root) return validateProfile(subSource(source, root), entries.filter((e) => e.path.startsWith(root)).map((e) => ({ ...e, path: e.path.slice(root.length) })), profile, options, prefix + root);
    // A shard hashes its share of the payload; tag files are metadata, checked by every shard.
    const ownsBagFile: OwnsPath = (path) => !path.startsWith(BAG_PAYLOAD) || owns(path);
    // Each package kind's validator loads when that kind is met, not with every validation (start-up, issue 22).
    const { validateBag } = await import('./bagit/validateBag.js');
    const checkBag = (bagSource: PackageSource) =>
      validateBag(bagSource, {
        ...(options.shard ? { owns: ownsBagFile } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
        fixity: options.fixity !== false,
        ...(options.bagit?.fast ? { fast: true } : {}),
        ...(options.bagit?.suppress ? { suppress: options.bagit.suppress } : {}),
        ...(options.bagit?.allowRepeatedOxum ? { allowRepeatedOxum: true } : {}),
        ...(options.bagit?.bagitProfile ? { bagitProfile: options.bagit.bagitProfile } : {}),
        digest: { ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
      });
    // A bagged 移交信息包 (wrapTransferPackage): the payload is checked as dat93 too; its own
    // 固化信息 is verified as well, since the bag's manifests only say the payload is unchanged.
    const payload = entries.filter((e) => e.path.startsWith(BAG_PAYLOAD)).map((e) => ({ ...e, path: e.path.slice(BAG_PAYLOAD.length) }));
    if (options.bagit?.fast || findPackageRoot(payload) === undefined) return checkBag(source);
    // The payload first, hashing with its own algorithms and the bag's manifest algorithms in one
    // pass; the bag's check is then answered from those digests, so each byte is read once.
    const shared = prefetchDigests(source, []).source;
    const inner = await validateTransferPackage(subSource(shared, BAG_PAYLOAD), options, { algorithms: manifestAlgorithms(entries), owns: ownsPathOf(options.shard, prefix + BAG_PAYLOAD) });
    const bag = await checkBag(shared);
    const prefixed = { ...inner, issues: inner.issues.map((i) => (i.path === undefined ? i : { ...i, path: BAG_PAYLOAD + i.path })) };
    return mergeReports('bagit', [bag, prefixed]);
  }
  if (profile === 'eep') {
    const eepFiles = entries.filter((e) => e.kind === 'file' && /\.eep$/i.test(e.path) && isSafePath(e.path));
    // EEP (DA/T 48-2009): structure, metadata and content are one XML file, so the file is the unit a shard owns.
    const owned = eepFiles.filter((e) => owns(e.path));
    const eepOptions: ValidateEepOptions = {
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.verifySignature ? { verifySignature: options.verifySignature } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.severity ? { severity: options.severity } : {}),
      ...(options.allowWeakSignatures ? { allowWeakSignatures: true } : {}),
    };
    const { validateEepEntry } = await import('./eep/validateEepEntry.js');
    const reports: Report[] = [];
    for (const entry of owned) reports.push(await validateEepEntry(source, entry.path, eepOptions, options.maxXmlBytes ?? options.limits?.maxXmlBytes));
    if (eepFiles.length > 0 && owned.length === 0) return buildReport({ profile: 'eep', issues: [], checks: EEP_CHECKS.map((c) => ({ id: c.id, status: 'skipped' as const })) });
    if (reports.length === 0) {
      return buildReport({ profile: 'eep', issues: [createIssueFrom(packageIssues, 'package.file-missing', { ...(options.locale ? { locale: options.locale } : {}), params: { file: '*.eep' } })] });
    }
    return mergeReports('eep', reports);
  }
  return validateTransferPackage(source, options, { owns });
}

/** Algorithms of a bag's payload manifests (RFC 8493 §2.1.3 `manifest-<algorithm>.txt`). */
function manifestAlgorithms(entries: readonly PackageEntry[]): DigestAlgorithm[] {
  return entries.flatMap((e) => {
    const algorithm = /^manifest-([^/]+)\.txt$/.exec(e.path)?.[1];
    const parsed = algorithm === undefined ? undefined : findBagAlgorithm(algorithm)?.name;
    return parsed ? [parsed] : [];
  });
}
