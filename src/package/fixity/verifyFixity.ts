import type { CheckRun } from '../checks/checkRun.js';
import { isSafePath } from '../layout/isSafePath.js';
import type { DigestAlgorithm, DigestOptions, DigestRequest, PackageEntry, PackageSource, ProgressEvent } from '../source.js';
import { yieldToEventLoop } from '../yieldToEventLoop.js';
import type { ClaimView, FileIndex } from './claimTable.js';
import type { ContentScan } from '../format/contentScanner.js';
import type { FixityClaim } from '../../formats/fixity/fixityClaim.js';

/** Options of {@link verifyFixity}: those of `source.digest`, and content to scan on the same reads. */
export interface VerifyFixityOptions extends DigestOptions {
  /** Which files to scan while hashing (see `DigestRequest.scan`), by file index, and the scan limit. */
  scan?: { wanted: (file: number) => boolean; limit: number };
  /** Hash only the files this accepts (a shard's share, `--shard I/N`); claims of other files are checked for existence only. */
  owns?: (path: string) => boolean;
}

/** The content scans the source made while hashing, by file index: each distinct scan object kept once. */
export class ScanColumn {
  private readonly ids: Int32Array;
  private readonly scans: ContentScan[] = [];
  private readonly known = new Map<ContentScan, number>();

  /** @param files - How many files the index has. */
  constructor(files: number) {
    this.ids = new Int32Array(files).fill(-1);
  }

  /** Keeps `scan` for file `file`. */
  set(file: number, scan: ContentScan): void {
    let id = this.known.get(scan);
    if (id === undefined) {
      id = this.scans.length;
      this.scans.push(scan);
      this.known.set(scan, id);
    }
    this.ids[file] = id;
  }

  /** The scan kept for file `file`. */
  get(file: number): ContentScan | undefined {
    const id = this.ids[file] as number;
    return id < 0 ? undefined : this.scans[id];
  }
}

/** Outcome of {@link verifyFixity}. */
export interface FixityOutcome {
  /** Bytes hashed. */
  bytes: number;
  /** Content scans the source made while hashing, by file index (none when it does not scan). */
  scans: ScanColumn;
}

// Results checked between turns of the event loop: a million answered from the prefetch would otherwise run in one turn.
const YIELD_EVERY = 1024;

/**
 * Verifies fixity claims against the bytes (DA/T 70-2018 GD-1-1): each file
 * named by any claim is hashed once, for every algorithm claimed for it, in one
 * `source.digest` call (parallel where the source allows). Reports digest and
 * byte-count mismatches with expected and found values, and claims that name
 * a file that is not in the package. Paths that would leave the package are
 * refused without being read. Files in `options.scan` are also scanned on the
 * same reads where the source supports it, so content checks need not read
 * them again. The claims of each file are linked by index (two `Int32Array`s),
 * not gathered in a map of arrays.
 *
 * @param source - The package source.
 * @param claims - Claims from every evidence form, with the files they name.
 * @param files - The package's files by index.
 * @param run - The check run.
 * @param options - Progress callback and worker count, passed to `source.digest`; content to scan.
 * @returns Bytes hashed and the scans made.
 * @example
 * await verifyFixity(source, claims, files, run, { jobs: 4 })
 */
export async function verifyFixity(
  source: PackageSource,
  claims: ClaimView,
  files: FileIndex,
  run: CheckRun,
  options: VerifyFixityOptions = {},
): Promise<FixityOutcome> {
  run.ran('fixity.digest');
  const count = files.files.length;
  // The claims of each file, in claim order: first[file] → next[claim] → … (−1 ends).
  const first = new Int32Array(count).fill(-1);
  const next = new Int32Array(claims.length).fill(-1);
  for (let n = claims.length - 1; n >= 0; n--) {
    const file = claims.fileOf(n);
    if (file < 0) continue;
    next[n] = first[file] as number;
    first[file] = n;
  }
  // Built only for an issue: a clean package has one claim per file per evidence form (200,000 for 100,000 items).
  const where = (claim: FixityClaim) => ({ path: claim.evidence, ...(claim.location ? { location: claim.location } : {}) });
  for (let n = 0; n < claims.length; n++) {
    if (claims.fileOf(n) >= 0) continue;
    const claim = claims.get(n);
    if (!isSafePath(claim.path)) run.report('package.path-unsafe', { ...where(claim), params: { entry: claim.path } });
    else run.report('fixity.file-missing', { ...where(claim), params: { file: claim.path, source: claim.evidence } });
  }
  const { scan, owns, ...sourceOptions } = options;
  // In path order (code units), whatever order the evidence lists files in: a run split by --shard
  // then lists the same first issues of a capped code as the whole run (mergeShardReports).
  // One request per file, of one shape; the algorithm lists and the scan option shared between files.
  const scanOption = scan ? { limit: scan.limit } : undefined;
  const algorithmLists = new Map<string, DigestAlgorithm[]>();
  const algorithmsOf = (file: number): DigestAlgorithm[] => {
    const algorithms: DigestAlgorithm[] = [];
    for (let n = first[file] as number; n >= 0; n = next[n] as number) {
      const algorithm = claims.algorithmOf(n);
      if (!algorithms.includes(algorithm)) algorithms.push(algorithm);
    }
    const key = algorithms.join(' ');
    const shared = algorithmLists.get(key);
    if (shared) return shared;
    algorithmLists.set(key, algorithms);
    return algorithms;
  };
  const claimed: number[] = [];
  for (let file = 0; file < count; file++) if ((first[file] as number) >= 0 && (!owns || owns((files.files[file] as PackageEntry).path))) claimed.push(file);
  const pathOf = (file: number) => (files.files[file] as PackageEntry).path;
  claimed.sort((a, b) => {
    const x = pathOf(a);
    const y = pathOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const requests: DigestRequest[] = claimed.map((file) => ({ path: pathOf(file), algorithms: algorithmsOf(file), scan: scanOption && scan?.wanted(file) ? scanOption : undefined }));
  claimed.length = 0;
  const outcome: FixityOutcome = { bytes: 0, scans: new ScanColumn(count) };
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
    if (done % YIELD_EVERY === 0) await yieldToEventLoop();
    if (onProgress && !sourceReported) onProgress({ files: done, totalFiles: requests.length, bytes: outcome.bytes, totalBytes });
    if (result.error !== undefined) {
      run.report('fixity.unreadable', { path: result.path, params: { reason: result.error } });
      continue;
    }
    const file = files.indexOf(result.path);
    if (file < 0) continue;
    if (result.scan) outcome.scans.set(file, result.scan);
    for (let n = first[file] as number; n >= 0; n = next[n] as number) {
      // The issue names the content file; the message names the evidence file.
      const algorithm = claims.algorithmOf(n);
      const found = result.digests[algorithm];
      const bytes = claims.bytesOf(n);
      const digestOk = claims.digestIs(n, found);
      if (digestOk && (bytes === undefined || bytes === result.bytes)) continue;
      const claim = claims.get(n);
      if (!digestOk) {
        run.report('fixity.mismatch', {
          path: result.path,
          expected: claim.digest,
          received: found,
          params: { algorithm: claim.algorithm.toUpperCase(), source: claim.evidence },
        });
      }
      if (claim.bytes !== undefined && claim.bytes !== result.bytes) {
        run.report('fixity.size-mismatch', {
          path: result.path,
          expected: claim.bytes,
          received: result.bytes,
          params: { source: claim.evidence },
        });
      }
    }
  }
  return outcome;
}
