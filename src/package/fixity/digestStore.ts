import type { ContentScan } from '../format/contentScanner.js';
import type { DigestAlgorithm, DigestRequest, DigestResult } from '../source.js';
import { digestHexLength } from '../../formats/fixity/fixityClaim.js';

// Every algorithm a result may carry, in a fixed order: bit i of a record's mask is ALGORITHMS[i].
const ALGORITHMS = Object.keys(digestHexLength) as DigestAlgorithm[];
const HEX = /^[0-9a-f]*$/;
// The index value of a path marked (asked for) but not kept yet.
const QUEUED = -1;

/** A growable column of numbers. */
function grow<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(column: T, needed: number, make: (length: number) => T): T {
  if (needed <= column.length) return column;
  const grown = make(Math.max(needed, column.length * 2));
  grown.set(column);
  return grown;
}

/**
 * Digest results of a whole package kept compactly until the fixity check
 * asks for them (a 移交信息包 is hashed ahead, while its metadata is read):
 * digests as bytes in one growable arena, sizes and scan ids in typed
 * columns, and each distinct content scan stored once (most files of a
 * package scan alike). About 60 bytes a file and its digest's bytes, instead
 * of a result object, a digests object, hex strings and a scan with its `Set`
 * (about 400 bytes; docs/performance.md). A result that does not fit the
 * compact form (a read error, a digest that is not lower-case hex of its
 * algorithm's length) is kept as it is.
 */
export class DigestStore {
  private readonly index = new Map<string, number>();
  private readonly others = new Map<string, DigestResult>();
  private count = 0;
  private sizes = new Float64Array(1024);
  private masks = new Uint32Array(1024);
  private offsets = new Float64Array(1024);
  private scanIds = new Int32Array(1024);
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  private readonly scans: ContentScan[] = [];
  private readonly scanKeys = new Map<string, number>();

  /**
   * Marks `path` as asked for, once: true the first time, false when it was
   * marked or kept before (a prefetch queues each file once without a set of
   * its own beside the store: about 50 bytes a file).
   */
  mark(path: string): boolean {
    if (this.index.has(path) || this.others.has(path)) return false;
    this.index.set(path, QUEUED);
    return true;
  }

  /** Keeps `result` (replacing what was kept for its path; a mark stays a mark if the result is dropped). */
  set(result: DigestResult): void {
    const marked = this.index.has(result.path);
    this.delete(result.path);
    if (marked) this.index.set(result.path, QUEUED);
    if (!this.fits(result)) {
      this.index.delete(result.path);
      this.others.set(result.path, result);
      return;
    }
    const n = this.count++;
    this.sizes = grow(this.sizes, n + 1, (l) => new Float64Array(l));
    this.masks = grow(this.masks, n + 1, (l) => new Uint32Array(l));
    this.offsets = grow(this.offsets, n + 1, (l) => new Float64Array(l));
    this.scanIds = grow(this.scanIds, n + 1, (l) => new Int32Array(l));
    this.sizes[n] = result.bytes;
    this.offsets[n] = this.used;
    this.scanIds[n] = result.scan ? this.scanId(result.scan) : -1;
    let mask = 0;
    ALGORITHMS.forEach((algorithm, bit) => {
      const hex = result.digests[algorithm];
      if (hex === undefined) return;
      mask |= 1 << bit;
      this.arena = grow(this.arena, this.used + hex.length / 2, (l) => new Uint8Array(l));
      for (let i = 0; i < hex.length; i += 2) this.arena[this.used++] = parseInt(hex.slice(i, i + 2), 16);
    });
    this.masks[n] = mask;
    this.index.set(result.path, n);
  }

  /** The result kept for `path`, rebuilt (a fresh object). */
  get(path: string): DigestResult | undefined {
    const n = this.slot(path);
    if (n === undefined) return this.others.get(path);
    const digests: DigestResult['digests'] = {};
    let at = this.offsets[n] as number;
    const mask = this.masks[n] as number;
    ALGORITHMS.forEach((algorithm, bit) => {
      if ((mask & (1 << bit)) === 0) return;
      const length = digestHexLength[algorithm] / 2;
      let hex = '';
      for (let i = 0; i < length; i++) hex += (this.arena[at + i] as number).toString(16).padStart(2, '0');
      at += length;
      digests[algorithm] = hex;
    });
    const scan = this.scanOf(path);
    return { path, bytes: this.sizes[n] as number, digests, ...(scan ? { scan } : {}) };
  }

  /**
   * What of `request` is not kept yet (`undefined`: nothing), without rebuilding the result: the whole
   * request when nothing usable is kept for its path (nothing, or a read error), else the algorithms
   * and the scan it lacks.
   */
  lacks(request: DigestRequest): DigestRequest | undefined {
    const n = this.slot(request.path);
    if (n === undefined) {
      const other = this.others.get(request.path);
      if (!other || other.error !== undefined) return request;
      const algorithms = request.algorithms.filter((a) => other.digests[a] === undefined);
      const scan = request.scan && !other.scan ? request.scan : undefined;
      return algorithms.length > 0 || scan ? { path: request.path, algorithms, ...(scan ? { scan } : {}) } : undefined;
    }
    const mask = this.masks[n] as number;
    const algorithms = request.algorithms.filter((a) => (mask & (1 << ALGORITHMS.indexOf(a))) === 0);
    const scan = request.scan && (this.scanIds[n] as number) < 0 ? request.scan : undefined;
    return algorithms.length > 0 || scan ? { path: request.path, algorithms, ...(scan ? { scan } : {}) } : undefined;
  }

  /** Bytes read for `path` (0 when nothing is kept). */
  bytesOf(path: string): number {
    const n = this.slot(path);
    return n === undefined ? (this.others.get(path)?.bytes ?? 0) : (this.sizes[n] as number);
  }

  /** The content scan kept for `path` (shared by every file that scanned alike: do not change it). */
  scanOf(path: string): ContentScan | undefined {
    const n = this.slot(path);
    if (n === undefined) return this.others.get(path)?.scan;
    const id = this.scanIds[n] as number;
    return id < 0 ? undefined : this.scans[id];
  }

  /** Forgets `path`, its mark too (its arena bytes stay unused). */
  delete(path: string): void {
    this.index.delete(path);
    this.others.delete(path);
  }

  /** The record number kept for `path` (undefined: none, or only marked). */
  private slot(path: string): number | undefined {
    const n = this.index.get(path);
    return n === undefined || n === QUEUED ? undefined : n;
  }

  private fits(result: DigestResult): boolean {
    if (result.error !== undefined) return false;
    for (const [algorithm, hex] of Object.entries(result.digests)) {
      const length = digestHexLength[algorithm as DigestAlgorithm];
      if (length === undefined || hex === undefined || hex.length !== length || !HEX.test(hex)) return false;
    }
    return true;
  }

  private scanId(scan: ContentScan): number {
    const key = `${scan.format ?? ''}|${scan.textHead}|${scan.complete}|${[...scan.markers].sort().join(',')}`;
    let id = this.scanKeys.get(key);
    if (id === undefined) {
      id = this.scans.length;
      this.scans.push(scan);
      this.scanKeys.set(key, id);
    }
    return id;
  }
}
