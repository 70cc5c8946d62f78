import type { PackageEntry, PackageSource, ProgressEvent } from '../package/source.js';
import type { ByteReader } from './headers/imageInfo.js';
import { readerOver } from './headers/readImageInfo.js';

/** A file opened for header reading; `close` releases it. */
export interface BatchFileReader extends ByteReader {
  /** Releases the file. */
  close?(): void;
}

/** The SHA-256 of one file, or why it could not be read. */
export interface BatchDigest {
  path: string;
  /** Lower-case hex SHA-256. */
  sha256?: string;
  error?: string;
}

/**
 * Read-only access to a digitisation batch (a folder or zip of images):
 * listing, random access to a file's bytes for header reading, and SHA-256
 * for duplicate detection. `dangan/node` opens folders with positioned reads
 * (`openBatchPath`); any {@link PackageSource} (zip, browser files) serves
 * through {@link batchSourceOf}.
 */
export interface BatchSource {
  /** Display name. */
  readonly name: string;
  /** Every entry, in a stable order. */
  entries(): Promise<readonly PackageEntry[]>;
  /** Opens a file for header reading. */
  open(path: string): Promise<BatchFileReader>;
  /** Hashes files (only same-sized files are ever asked for). */
  digest(paths: readonly string[], options?: { jobs?: number; onProgress?: (event: ProgressEvent) => void }): AsyncIterable<BatchDigest>;
  /** Releases handles. */
  close?(): Promise<void>;
}

/** Largest file {@link batchSourceOf} reads into memory to read its header (256 MiB). */
export const BATCH_READ_LIMIT = 256 * 1024 * 1024;

/**
 * Serves a batch through any {@link PackageSource}: a file is read whole
 * (up to `maxBytes`) and its header read from memory; digests come from the
 * source's own hashing.
 *
 * @param source - A package source (zip, directory, browser files).
 * @param maxBytes - Largest file read; a larger one is unreadable.
 * @returns The batch source.
 * @example
 * const batch = batchSourceOf(await openZipSource('batch.zip'));
 */
export function batchSourceOf(source: PackageSource, maxBytes = BATCH_READ_LIMIT): BatchSource {
  return {
    name: source.name,
    entries: () => source.entries(),
    async open(path) {
      return readerOver(await source.read(path, { maxBytes }));
    },
    async *digest(paths, options) {
      const requests = paths.map((path) => ({ path, algorithms: ['sha256'] as const }));
      for await (const result of source.digest(requests, { ...(options?.jobs ? { jobs: options.jobs } : {}), ...(options?.onProgress ? { onProgress: options.onProgress } : {}) })) {
        yield result.error !== undefined || result.digests.sha256 === undefined
          ? { path: result.path, error: result.error ?? 'no digest' }
          : { path: result.path, sha256: result.digests.sha256 };
      }
    },
    ...(source.close ? { close: () => source.close?.() ?? Promise.resolve() } : {}),
  };
}
