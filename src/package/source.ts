/**
 * The abstract view of a package that every validator reads through. Node
 * adapters (`dangan/node`) implement it for directories and zip files; a
 * browser app can implement it over `File` objects. Validators never touch a
 * file system directly, so they cannot write to it or follow links out of it.
 *
 * @module
 */

import type { ContentScan } from './format/contentScanner.js';
import type { IssueCode } from '../report/messages/index.js';

import type { DigestAlgorithm } from '../formats/fixity/vocabulary.js';

export type { DigestAlgorithm } from '../formats/fixity/vocabulary.js';

/** One entry of a package. */
export interface PackageEntry {
  /** Package-relative path, `/`-separated, NFC-normalised, no leading `/`. */
  path: string;
  /** What the entry is. Links are reported, never followed. */
  kind: 'file' | 'directory' | 'symlink' | 'other';
  /** Size in bytes (0 for directories). */
  size: number;
  /** How the entry's name was decoded when it was not valid UTF-8 (e.g. GBK zip names). */
  nameEncoding?: 'utf-8' | 'gb18030' | 'cp437';
  /** True when the stored name differs from `path` (e.g. it was NFD or had a `\` separator). */
  renamed?: boolean;
  /** True for an encrypted zip entry. */
  encrypted?: boolean;
  /** Stored (compressed) size for archive entries. */
  compressedSize?: number;
}

/** A request to hash one file with one or more algorithms. */
export interface DigestRequest {
  /** Package-relative path of a file entry. */
  path: string;
  /** Algorithms to compute; each byte is read once for all of them. */
  algorithms: readonly DigestAlgorithm[];
  /**
   * Optional: also scan the content on the same reads (format signature,
   * encryption and macro markers, end marker; see `createContentScanner`),
   * searching the whole file when it is at most `limit` bytes. A source that
   * does not scan ignores this and returns no `scan`; validators then read
   * the file again to scan it.
   */
  scan?: { limit: number };
}

/** The digests of one file. */
export interface DigestResult {
  path: string;
  /** Bytes read. */
  bytes: number;
  /** Lower-case hex digest per requested algorithm. */
  digests: Partial<Record<DigestAlgorithm, string>>;
  /** Set when the file could not be read; the digests are then empty. */
  error?: string;
  /** The content scan, when the request asked for one and the source scans. */
  scan?: ContentScan;
}

/** Progress of a long operation, for a CLI progress line. */
export interface ProgressEvent {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

/**
 * Receives files' bytes on the very reads that hash them, so a consumer (the
 * antivirus scan of `dangan/node`) needs no read of its own. A source that
 * cannot tee a file opens no sink for it, and the consumer reads that file
 * itself.
 */
export interface ContentTee {
  /** A file is about to be hashed: the sink for its bytes, or undefined to leave it out. */
  open(path: string, size: number): ContentSink | undefined;
  /**
   * True when a sink is done with a chunk's bytes once its `write` has resolved (it keeps none), so
   * a source may hand it views of a buffer that it then reuses; otherwise each chunk is the sink's.
   */
  readonly borrows?: boolean;
}

/** One file's bytes, in order, from a {@link ContentTee}. */
export interface ContentSink {
  /**
   * The next bytes; the sink keeps `chunk` (the caller never reuses it), or,
   * for a tee that {@link ContentTee.borrows}, uses it until this resolves.
   * Resolves when the sink has taken it: a caller with more to send waits,
   * so a slow consumer slows the reading rather than piling up memory.
   */
  write(chunk: Uint8Array): Promise<void>;
  /** The file is through (`error` undefined) or its read failed or was given up (`error` says why). */
  end(error?: string): void;
}

/** Options of {@link PackageSource.digest}. */
export interface DigestOptions {
  /** Called now and then while hashing. */
  onProgress?: (event: ProgressEvent) => void;
  /** Also hand each hashed file's bytes to this tee, on the same reads (a source may ignore it). */
  tee?: ContentTee;
  /** Parallel workers; default: all cores where the runtime has them. */
  jobs?: number;
  /** Stops hashing when aborted: the iteration then throws the signal's reason. */
  signal?: AbortSignal;
}

/**
 * A problem a source found in its container rather than in a file: a zip
 * whose central directory and local headers disagree, overlapping members, a
 * wrong CRC-32, a folder that cannot be listed. Validators turn each into an
 * issue (see `validatePackage`).
 */
export interface SourceFinding {
  /** A catalogued issue code (`zip.*`, `package.folder-unreadable`). */
  code: IssueCode;
  /** Package-relative path of the entry concerned. */
  path?: string;
  expected?: string | number;
  received?: string | number;
  /** Values for the message placeholders. */
  params: Readonly<Record<string, string | number>>;
}

/**
 * Thrown by {@link PackageSource.read} when the file is larger than the
 * `maxBytes` asked for: the file was not read (nor decoded). Readers report it
 * as `xml.limit-bytes` (or the limit they apply) at the file's path.
 *
 * @example
 * try { await source.read(path, { maxBytes: 1024 }) } catch (e) { if (e instanceof ReadLimitError) e.size }
 */
export class ReadLimitError extends Error {
  override name = 'ReadLimitError';
  constructor(
    /** The file's path. */
    readonly path: string,
    /** Its size in bytes. */
    readonly size: number,
    /** The limit it is over. */
    readonly limit: number,
  ) {
    super(`[dangan] ${path} is ${size} bytes, over the limit of ${limit}; not read`);
  }
}

/** Read-only access to a package's entries and bytes. */
export interface PackageSource {
  /** Display name of the package (a path or file name). */
  readonly name: string;
  /**
   * Media type of the serialization the source reads (`application/zip`,
   * `application/x-tar`, `application/gzip` for a .tar.gz); absent for a folder.
   * BagIt Profiles compare it with `Serialization` and `Accept-Serialization`.
   */
  readonly mediaType?: string;
  /** Every entry, directories included, in a stable (sorted) order. */
  entries(): Promise<readonly PackageEntry[]>;
  /**
   * Reads a whole file entry.
   *
   * @throws ReadLimitError when the entry is larger than `maxBytes` (nothing is read);
   *   Error when the entry does not exist, is not a file, or cannot be read.
   */
  read(path: string, options?: { maxBytes?: number }): Promise<Uint8Array>;
  /** Streams a file entry in chunks. */
  stream(path: string): AsyncIterable<Uint8Array>;
  /** Hashes many files, each byte read once, in parallel where the runtime allows. */
  digest(requests: readonly DigestRequest[], options?: DigestOptions): AsyncIterable<DigestResult>;
  /**
   * Problems found in the container itself, so far: those found on opening
   * (a zip's structure, an unreadable folder) and those found while reading
   * (a CRC-32 mismatch). Asked once validation has read what it needs.
   */
  findings?(): readonly SourceFinding[];
  /** Releases file handles. */
  close?(): Promise<void>;
}
