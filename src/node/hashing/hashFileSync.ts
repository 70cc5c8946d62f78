import { createHash, type Hash } from 'node:crypto';
import { runtimeHashName } from '../../formats/fixity/vocabulary.js';
import { closeSync, readSync } from 'node:fs';
import { openChecked, type FileIdentity } from '../openChecked.js';
import { crc32 as crc32Of } from '../zip/crc32.js';
import type { ContentScan, ContentScanner } from '../../package/format/contentScanner.js';
import type { DigestAlgorithm } from '../../package/source.js';

/** What hashing one file gives: bytes read and hex digests, or the reason it failed. */
export interface FileDigest {
  /** Bytes read (up to the failure, when there was one). */
  bytes: number;
  /** Lower-case hex digest per requested algorithm; empty when `error` is set. */
  digests: Partial<Record<DigestAlgorithm, string>>;
  /** Why the file could not be read. */
  error?: string;
  /** The content scan made on the same reads, when one was asked for (absent on error). */
  scan?: ContentScan;
  /** CRC-32 of the bytes read, when asked for (absent on error). */
  crc32?: number;
}

/** How {@link hashFileSync} opens and checks the file. */
export interface HashFileOptions {
  /** Follow a link at `file` (default true); false refuses one (`O_NOFOLLOW`). */
  follow?: boolean;
  /** The listed identity: another file, or a changed size, is an error. */
  expect?: FileIdentity;
  /** Compute the CRC-32 too. */
  crc32?: boolean;
  /** Also called with each read's bytes (in the reused buffer: copy what you keep), e.g. for a content tee. */
  onChunk?: (chunk: Uint8Array) => void;
}

/** A byte range of a file: `length` bytes from offset `start`. */
export interface FileRange {
  start: number;
  length: number;
}

/** Default read size: large reads keep the per-read overhead small next to the hashing. */
export const READ_SIZE = 1 << 20;

/**
 * Hashes one file with every requested algorithm, reading each byte once into
 * a caller-owned buffer that is reused from file to file (no allocation per
 * read). Synchronous on purpose: it runs on a worker thread, where blocking is
 * what we want, or on the main thread for tiny jobs.
 *
 * @param file - Path of the file, as a string or raw bytes (non-UTF-8 names).
 * @param algorithms - Algorithms to compute, in one pass.
 * @param buffer - Reused read buffer; its length is the read size.
 * @param onBytes - Called after each read with the bytes just read.
 * @param scanner - Also fed every read, so the content is scanned without a second read.
 * @param range - Hash only these bytes (a member stored uncompressed in a zip); a file that ends
 *   before the range does is an `error`.
 * @param options - Open without following a link, check the listed identity, compute the CRC-32.
 *   The file is always opened non-blocking and must be a regular file (a FIFO or device is an `error`).
 * @returns Bytes and digests; a read failure is returned as `error`, never thrown.
 * @example
 * hashFileSync('a.pdf', ['sm3', 'sha256'], Buffer.allocUnsafe(READ_SIZE))
 */
export function hashFileSync(
  file: string | Uint8Array,
  algorithms: readonly DigestAlgorithm[],
  buffer: Buffer,
  onBytes?: (bytes: number) => void,
  scanner?: ContentScanner,
  range?: FileRange,
  options: HashFileOptions = {},
): FileDigest {
  let bytes = 0;
  let fd = -1;
  let crc = 0;
  try {
    const hashes: Hash[] = algorithms.map((algorithm) => createHash(runtimeHashName(algorithm)));
    fd = openChecked(typeof file === 'string' ? file : asBuffer(file), { follow: options.follow !== false, ...(options.expect ? { expect: options.expect } : {}) }).fd;
    for (;;) {
      const wanted = range ? Math.min(buffer.length, range.length - bytes) : buffer.length;
      if (wanted === 0) break;
      const n = readSync(fd, buffer, 0, wanted, range ? range.start + bytes : bytes);
      if (n === 0) {
        if (range) throw new Error(`unexpected end of file: ${bytes} of ${range.length} bytes from offset ${range.start}`);
        break;
      }
      const chunk = n === buffer.length ? buffer : buffer.subarray(0, n);
      for (const hash of hashes) hash.update(chunk);
      if (options.crc32) crc = crc32Of(chunk, crc);
      scanner?.push(chunk);
      options.onChunk?.(chunk);
      bytes += n;
      onBytes?.(n);
    }
    const digests: Partial<Record<DigestAlgorithm, string>> = {};
    algorithms.forEach((algorithm, i) => {
      digests[algorithm] = (hashes[i] as Hash).digest('hex');
    });
    if (options.expect && !range && bytes !== options.expect.size) throw new Error(`changed while read (${bytes} bytes, ${options.expect.size} listed)`);
    return { bytes, digests, ...(scanner ? { scan: scanner.finish() } : {}), ...(options.crc32 ? { crc32: crc } : {}) };
  } catch (error) {
    return { bytes, digests: {}, error: describeError(error) };
  } finally {
    if (fd !== -1) closeSync(fd);
  }
}

/** A structured clone turns a Buffer into a plain Uint8Array; fs wants a Buffer for byte paths. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
