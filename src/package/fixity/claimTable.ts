import type { IssueLocation } from '../../report/issue.js';
import { digestHexLength, type FixityClaim, type FixityEvidenceKind } from '../../formats/fixity/fixityClaim.js';
import type { DigestAlgorithm, PackageEntry } from '../source.js';
import { isSafePath } from '../layout/isSafePath.js';

// Every algorithm a claim may name, in a fixed order: a claim stores its index.
const ALGORITHMS = Object.keys(digestHexLength) as DigestAlgorithm[];
const ALGORITHM_INDEX = new Map(ALGORITHMS.map((a, i) => [a, i]));
const KINDS: readonly FixityEvidenceKind[] = ['fixity-file', 'metadata', 'manifest'];
const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const NUMBERED_STEP = /^(.*)\[(\d{1,9})\]$/;

/**
 * The files of a package's listing by index, and the index of each source
 * path: the one path-keyed map of the fixity check, so that the claims, the
 * coverage, the scans and the hashed set are columns and bitmaps by file
 * index, not a map or set of paths each (about 50 bytes a file per map;
 * docs/performance.md).
 */
export class FileIndex {
  /** The file entries, by index. */
  readonly files: readonly PackageEntry[];
  private readonly index: Map<string, number>;

  /** @param entries - The safe entries of the listing (only files are indexed). */
  constructor(entries: readonly PackageEntry[]) {
    this.files = entries.filter((e) => e.kind === 'file');
    this.index = new Map();
    this.files.forEach((entry, i) => this.index.set(entry.path, i));
  }

  /** The index of the file at source path `path`, or -1. */
  indexOf(path: string): number {
    return this.index.get(path) ?? -1;
  }

  /** The entry of the file at `path`, when it is listed. */
  get(path: string): PackageEntry | undefined {
    const i = this.index.get(path);
    return i === undefined ? undefined : this.files[i];
  }
}

/** A growable typed column. */
function grow<T extends Float64Array | Int32Array | Uint8Array>(column: T, needed: number, make: (length: number) => T): T {
  if (needed <= column.length) return column;
  const grown = make(Math.max(needed, column.length * 2));
  grown.set(column);
  return grown;
}

/**
 * Every fixity claim of a run, kept as columns until the bytes are checked
 * (a package of 1,000,000 files has two claims a file): the file a claim
 * names as its index in a {@link FileIndex} (a path that is unsafe or not
 * listed is kept as written, for its issue), the digest as bytes in one
 * arena, the byte count, the evidence form, and the location as line, column
 * and an XPath stored once (a numbered last step, `文件[n]`, as its number).
 * About 40 bytes a claim instead of an object, a hex string and a location
 * object (about 200 bytes). {@link ClaimTable.get} rebuilds a claim as a
 * {@link FixityClaim} when an issue needs it.
 */
export class ClaimTable {
  /** Number of claims. */
  length = 0;
  private targets = new Int32Array(1024);
  private algorithms = new Uint8Array(1024);
  private kinds = new Uint8Array(1024);
  private offsets = new Float64Array(1024);
  private sizes = new Float64Array(1024);
  private evidences = new Int32Array(1024);
  // line, column, XPath text id (−1: no location / no XPath), step number (−1: none) per claim.
  private places = new Int32Array(4 * 1024);
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  private readonly unlisted: string[] = [];
  private readonly texts: string[] = [];
  private readonly textIds = new Map<string, number>();
  private lastEvidence = -1;

  /**
   * @param files - The package's files.
   * @param root - The package root inside the source (`''` or `'<folder>/'`); claims name paths relative to it.
   */
  constructor(
    private readonly files: FileIndex,
    private readonly root: string,
  ) {}

  /**
   * Adds a claim whose digest is already checked to be lower-case hex of its algorithm's length.
   *
   * @param claim - The claim; its path relative to the root.
   */
  push(claim: FixityClaim): void {
    const n = this.length++;
    if (n >= this.targets.length) {
      const make = n + 1;
      this.targets = grow(this.targets, make, (l) => new Int32Array(l));
      this.algorithms = grow(this.algorithms, make, (l) => new Uint8Array(l));
      this.kinds = grow(this.kinds, make, (l) => new Uint8Array(l));
      this.offsets = grow(this.offsets, make, (l) => new Float64Array(l));
      this.sizes = grow(this.sizes, make, (l) => new Float64Array(l));
      this.evidences = grow(this.evidences, make, (l) => new Int32Array(l));
      this.places = grow(this.places, 4 * make, (l) => new Int32Array(l));
    }
    const file = isSafePath(claim.path) ? this.files.indexOf(this.root + claim.path) : -1;
    if (file >= 0) this.targets[n] = file;
    else {
      this.targets[n] = -1 - this.unlisted.length;
      this.unlisted.push(claim.path);
    }
    this.algorithms[n] = ALGORITHM_INDEX.get(claim.algorithm) as number;
    this.kinds[n] = KINDS.indexOf(claim.kind);
    this.sizes[n] = claim.bytes ?? NaN;
    // Consecutive claims mostly share their evidence (one file, or one item's metadata): stored once a run of them.
    if (this.lastEvidence < 0 || this.texts[this.lastEvidence] !== claim.evidence) this.lastEvidence = this.text(claim.evidence);
    this.evidences[n] = this.lastEvidence;
    const at = 4 * n;
    const location = claim.location;
    this.places[at] = location ? location.line : -1;
    this.places[at + 1] = location ? location.column : -1;
    const step = location?.xpath === undefined ? null : NUMBERED_STEP.exec(location.xpath);
    this.places[at + 2] = location?.xpath === undefined ? -1 : this.text(step ? (step[1] as string) : location.xpath);
    this.places[at + 3] = step ? Number(step[2]) : -1;
    const hex = claim.digest;
    this.offsets[n] = this.used;
    this.arena = grow(this.arena, this.used + hex.length / 2, (l) => new Uint8Array(l));
    for (let i = 0; i < hex.length; i += 2) this.arena[this.used++] = parseInt(hex.slice(i, i + 2), 16);
  }

  /** Drops the claims from `length` on (a 固化验证信息.XML that proved not well-formed). */
  truncate(length: number): void {
    if (length >= this.length) return;
    this.length = length;
    this.used = length === 0 ? 0 : (this.offsets[length] as number);
    let unlisted = 0;
    for (let n = 0; n < length; n++) if ((this.targets[n] as number) < 0) unlisted++;
    this.unlisted.length = unlisted;
    this.lastEvidence = -1;
  }

  /** The file index claim `n` names, or -1 when its path is unsafe or not listed. */
  fileOf(n: number): number {
    const target = this.targets[n] as number;
    return target < 0 ? -1 : target;
  }

  /** The algorithm of claim `n`. */
  algorithmOf(n: number): DigestAlgorithm {
    return ALGORITHMS[this.algorithms[n] as number] as DigestAlgorithm;
  }

  /** The byte count claim `n` states, if any. */
  bytesOf(n: number): number | undefined {
    const size = this.sizes[n] as number;
    return Number.isNaN(size) ? undefined : size;
  }

  /** Whether claim `n`'s digest is `hex` (lower-case), compared without rebuilding its text. */
  digestIs(n: number, hex: string | undefined): boolean {
    const length = digestHexLength[this.algorithmOf(n)];
    if (hex === undefined || hex.length !== length) return false;
    const at = this.offsets[n] as number;
    for (let i = 0; i < length / 2; i++) {
      const byte = this.arena[at + i] as number;
      if (hex.charCodeAt(2 * i) !== HEX_CODES[byte >> 4] || hex.charCodeAt(2 * i + 1) !== HEX_CODES[byte & 15]) return false;
    }
    return true;
  }

  /** Claim `n` as an object (rebuilt: a fresh object each call). */
  get(n: number): FixityClaim {
    const target = this.targets[n] as number;
    const algorithm = this.algorithmOf(n);
    const path = target < 0 ? (this.unlisted[-1 - target] as string) : (this.files.files[target] as PackageEntry).path.slice(this.root.length);
    const at = this.offsets[n] as number;
    let digest = '';
    for (let i = 0; i < digestHexLength[algorithm] / 2; i++) digest += (this.arena[at + i] as number).toString(16).padStart(2, '0');
    const place = 4 * n;
    const line = this.places[place] as number;
    let location: IssueLocation | undefined;
    if (line >= 0) {
      const xpath = this.places[place + 2] as number;
      const step = this.places[place + 3] as number;
      location = { line, column: this.places[place + 1] as number };
      if (xpath >= 0) location.xpath = step < 0 ? (this.texts[xpath] as string) : `${this.texts[xpath]}[${step}]`;
    }
    return { path, algorithm, digest, bytes: this.bytesOf(n), kind: KINDS[this.kinds[n] as number] as FixityEvidenceKind, evidence: this.texts[this.evidences[n] as number] as string, location };
  }

  // Evidence paths come in runs and XPaths are few: the map holds each distinct one once.
  private text(value: string): number {
    let id = this.textIds.get(value);
    if (id === undefined || this.texts[id] !== value) {
      id = this.texts.length;
      this.texts.push(value);
      if (this.textIds.size < 4096) this.textIds.set(value, id);
    }
    return id;
  }
}

/** Claims read by number, whatever holds them (see {@link ClaimTable}). */
export interface ClaimView {
  /** Number of claims. */
  readonly length: number;
  /** The file index claim `n` names, or -1 when its path is unsafe or not listed. */
  fileOf(n: number): number;
  /** The algorithm of claim `n`. */
  algorithmOf(n: number): DigestAlgorithm;
  /** The byte count claim `n` states, if any. */
  bytesOf(n: number): number | undefined;
  /** Whether claim `n`'s digest is `hex`. */
  digestIs(n: number, hex: string | undefined): boolean;
  /** Claim `n` as an object (rebuilt). */
  get(n: number): FixityClaim;
}

/**
 * Several claim tables read as one, in order (固化验证信息.XML, the metadata,
 * the manifests), without copying them.
 *
 * @param tables - The tables.
 * @returns The claims of all of them, numbered on from one table to the next.
 * @example
 * const claims = joinClaims([fromFixityFile, fromMetadata]);
 * claims.get(fromFixityFile.length) // the first metadata claim
 */
export function joinClaims(tables: readonly ClaimTable[]): ClaimView {
  const length = tables.reduce((sum, t) => sum + t.length, 0);
  const at = <T>(n: number, read: (table: ClaimTable, i: number) => T): T => {
    let i = n;
    for (const table of tables) {
      if (i < table.length) return read(table, i);
      i -= table.length;
    }
    throw new RangeError(`[dangan] no claim ${n}`);
  };
  return {
    length,
    fileOf: (n) => at(n, (t, i) => t.fileOf(i)),
    algorithmOf: (n) => at(n, (t, i) => t.algorithmOf(i)),
    bytesOf: (n) => at(n, (t, i) => t.bytesOf(i)),
    digestIs: (n, hex) => at(n, (t, i) => t.digestIs(i, hex)),
    get: (n) => at(n, (t, i) => t.get(i)),
  };
}
