import { Inflate } from 'fflate';
import { blobChunks } from './blobChunks.js';
import { createCrc32 } from './digestChunks.js';

// APPNOTE 6.3.10 §4.4.5: the compression methods read here.
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes handed to the inflater at a time. */
const INFLATE_PIECE = 4 * 1024;

/**
 * Where a file's bytes lie in a Blob and how they are stored: a whole `File`
 * of a folder (method 0, no CRC-32), or a zip member's data (APPNOTE §4.3.8).
 * Plain data, so it can be posted to a Web Worker (a Blob is passed by reference).
 */
export interface StoredBytes {
  /** Package-relative path, for error messages. */
  path: string;
  blob: Blob;
  /** First byte of the data in the Blob. */
  start: number;
  /** Bytes stored. */
  length: number;
  /** 0 stored, 8 deflated (§4.4.5); any other method is refused. */
  method: number;
  /** Bytes the data gives once inflated (the listed size). */
  size: number;
  /** CRC-32 the data must have (a zip member's), checked once the last byte is through. */
  crc32?: number;
}

/** Thrown by {@link checkedBytes} when the CRC-32 of the bytes is not the one stored (the message is the issue's `error`). */
export class CrcMismatchError extends Error {
  override name = 'CrcMismatchError';
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`[dangan] ${path}: CRC-32 is ${received}, the zip says ${expected}`);
  }
}

/**
 * A file's bytes, read from its Blob in slices and inflated when deflated, with
 * its size and CRC-32 checked once the last byte is through: a member may not
 * inflate past its declared size (the caller sees the throw at that slice).
 *
 * @param stored - Where the bytes are.
 * @param raw - The stored bytes when the caller has them already (a read-ahead, one read shared by neighbouring members); default: read from the Blob.
 * @throws Error on a wrong size, an unsupported method, a cut zip; {@link CrcMismatchError} on a wrong CRC-32.
 * @example
 * for await (const chunk of checkedBytes({ path: 'a.txt', blob, start: 0, length: blob.size, method: 0, size: blob.size })) use(chunk);
 */
export async function* checkedBytes(stored: StoredBytes, raw?: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const crc = stored.crc32 === undefined ? undefined : await createCrc32();
  let bytes = 0;
  for await (const chunk of dataBytes(stored, raw ?? blobChunks(stored.blob, stored.start, stored.length))) {
    bytes += chunk.byteLength;
    if (bytes > stored.size) throw new Error(`[dangan] ${stored.path}: inflates past its declared ${stored.size} bytes`);
    crc?.update(chunk);
    yield chunk;
  }
  if (bytes !== stored.size) throw new Error(`[dangan] ${stored.path}: ${bytes} bytes, the zip says ${stored.size}`);
  if (!crc || stored.crc32 === undefined) return;
  const received = crc.value();
  if (received !== stored.crc32) throw new CrcMismatchError(stored.path, hex32(stored.crc32), hex32(received));
}

/** A CRC-32 as 8 lower-case hex digits. */
export const hex32 = (value: number): string => value.toString(16).padStart(8, '0');

/** The data as stored (method 0) or inflated (method 8), in slices. */
async function* dataBytes(stored: StoredBytes, compressed: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (stored.method === STORED) {
    if (stored.length !== stored.size) throw new Error(`[dangan] ${stored.path}: stored with ${stored.length} bytes for ${stored.size}`);
    yield* compressed;
    return;
  }
  if (stored.method !== DEFLATED) throw new Error(`[dangan] ${stored.path}: compression method ${stored.method} is not supported`);
  let out: Uint8Array[] = [];
  let produced = 0;
  const inflate = new Inflate((chunk) => {
    produced += chunk.byteLength;
    out.push(chunk);
  });
  let read = 0;
  for await (const given of compressed) {
    // Copied: the inflater keeps unread input, and a chunk may be a reused read buffer (see `reusedBlobChunks`).
    const slice = given.slice();
    // Fed in small pieces: deflate inflates at most ~1,032×, so one piece yields at most ~4 MB, and a
    // bomb is stopped at the piece that passes the declared size (the caller throws on it).
    for (let at = 0; at < slice.byteLength; at += INFLATE_PIECE) {
      const piece = slice.subarray(at, at + INFLATE_PIECE);
      inflate.push(piece, read + at + piece.byteLength >= stored.length);
      const ready = out;
      out = [];
      yield* ready;
      if (produced > stored.size) return;
    }
    read += slice.byteLength;
  }
  if (read < stored.length) throw new Error(`[dangan] ${stored.path}: the zip ends inside this member`);
  if (stored.length === 0) inflate.push(new Uint8Array(0), true);
  yield* out;
}
