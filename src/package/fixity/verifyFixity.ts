import type { CheckRun } from '../checks/checkRun.js';
import { isSafePath } from '../layout/isSafePath.js';
import type { DigestAlgorithm, DigestOptions, DigestRequest, PackageEntry, PackageSource, ProgressEvent } from '../source.js';
import type { ContentScan } from '../format/contentScanner.js';
import type { FixityClaim } from '../../formats/fixity/fixityClaim.js';

/** Options of {@link verifyFixity}: those of `source.digest`, and content to scan on the same reads. */
export interface VerifyFixityOptions extends DigestOptions {
  /** Source paths to scan while hashing (see `DigestRequest.scan`), and the scan limit. */
  scan?: { paths: ReadonlySet<string>; limit: number };
  /** Hash only the files this accepts (a shard's share, `--shard I/N`); claims of other files are checked for existence only. */
  owns?: (path: string) => boolean;
}

/** Outcome of {@link verifyFixity}. */
export interface FixityOutcome {
  /** Bytes hashed. */
  bytes: number;
  /** Source paths whose every claim was checked against the bytes. */
  verified: Set<string>;
  /** Content scans the source made while hashing, by source path (none when it does not scan). */
  scans: Map<string, ContentScan>;
}

/**
 * Verifies fixity claims against the bytes (DA/T 70-2018 GD-1-1): each file
 * named by any claim is hashed once, for every algorithm claimed for it, in one
 * `source.digest` call (parallel where the source allows). Reports digest and
 * byte-count mismatches with expected and found values, and claims that name
 * a file that is not in the package. Paths that would leave the package are
 * refused without being read. Files in `options.scan` are also scanned on the
 * same reads where the source supports it, so content checks need not read
 * them again.
 *
 * @param source - The package source.
 * @param claims - Claims from every evidence form; `path` relative to `root`.
 * @param root - The package root inside the source (`''` or `'<folder>/'`).
 * @param files - Safe file entries by source path.
 * @param run - The check run.
 * @param options - Progress callback and worker count, passed to `source.digest`; content to scan.
 * @returns Bytes hashed, the files verified and the scans made.
 * @example
 * await verifyFixity(source, claims, '', filesByPath, run, { jobs: 4 })
 */
export async function verifyFixity(
  source: PackageSource,
  claims: readonly FixityClaim[],
  root: string,
  files: ReadonlyMap<string, PackageEntry>,
  run: CheckRun,
  options: VerifyFixityOptions = {},
): Promise<FixityOutcome> {
  run.ran('fixity.digest');
  const byPath = new Map<string, FixityClaim[]>();
  // Built only for an issue: a clean package has one claim per file per evidence form (200,000 for 100,000 items).
  const where = (claim: FixityClaim) => ({ path: claim.evidence, ...(claim.location ? { location: claim.location } : {}) });
  for (const claim of claims) {
    if (!isSafePath(claim.path)) {
      run.report('package.path-unsafe', { ...where(claim), params: { entry: claim.path } });
      continue;
    }
    const path = root + claim.path;
    if (!files.has(path)) {
      run.report('fixity.file-missing', { ...where(claim), params: { file: claim.path, source: claim.evidence } });
      continue;
    }
    const list = byPath.get(path);
    // Arrays made to their length (a package has one claim per file per evidence form): one grown by push keeps room for 16 more.
    if (list === undefined) byPath.set(path, [claim]);
    else if (list.length < 4) byPath.set(path, [...list, claim]);
    else list.push(claim);
  }
  const { scan, owns, ...sourceOptions } = options;
  // In path order (code units), whatever order the evidence lists files in: a run split by --shard
  // then lists the same first issues of a capped code as the whole run (mergeShardReports).
  // One request per file, of one shape; the algorithm lists and the scan option shared between files.
  const scanOption = scan ? { limit: scan.limit } : undefined;
  const algorithmLists = new Map<string, DigestAlgorithm[]>();
  const algorithmsOf = (list: readonly FixityClaim[]): DigestAlgorithm[] => {
    const algorithms = [...new Set(list.map((c) => c.algorithm))];
    const key = algorithms.join(' ');
    const shared = algorithmLists.get(key);
    if (shared) return shared;
    algorithmLists.set(key, algorithms);
    return algorithms;
  };
  const requests: DigestRequest[] = [...byPath.keys()]
    .filter((path) => !owns || owns(path))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((path) => ({ path, algorithms: algorithmsOf(byPath.get(path) as FixityClaim[]), scan: scanOption && scan?.paths.has(path) ? scanOption : undefined }));
  const outcome: FixityOutcome = { bytes: 0, verified: new Set(), scans: new Map() };
  if (requests.length === 0) return outcome;
  // Progress: the source's own events when it emits them, else one event per file hashed.
  const totalBytes = requests.reduce((n, r) => n + (files.get(r.path)?.size ?? 0), 0);
  let sourceReported = false;
  let done = 0;
  const onProgress = sourceOptions.onProgress;
  const digestOptions: DigestOptions = {
    ...sourceOptions,
    ...(onProgress ? { onProgress: (event: ProgressEvent) => ((sourceReported = true), onProgress(event)) } : {}),
  };
  for await (const result of source.digest(requests, digestOptions)) {
    outcome.bytes += result.bytes;
    done++;
    if (onProgress && !sourceReported) onProgress({ files: done, totalFiles: requests.length, bytes: outcome.bytes, totalBytes });
    if (result.error !== undefined) {
      run.report('fixity.unreadable', { path: result.path, params: { reason: result.error } });
      continue;
    }
    outcome.verified.add(result.path);
    if (result.scan) outcome.scans.set(result.path, result.scan);
    for (const claim of byPath.get(result.path) ?? []) {
      // The issue names the content file; the message names the evidence file.
      const where = { path: result.path };
      const found = result.digests[claim.algorithm];
      if (found !== claim.digest) {
        run.report('fixity.mismatch', {
          ...where,
          expected: claim.digest,
          received: found,
          params: { algorithm: claim.algorithm.toUpperCase(), source: claim.evidence },
        });
      }
      if (claim.bytes !== undefined && claim.bytes !== result.bytes) {
        run.report('fixity.size-mismatch', {
          ...where,
          expected: claim.bytes,
          received: result.bytes,
          params: { source: claim.evidence },
        });
      }
    }
  }
  return outcome;
}
