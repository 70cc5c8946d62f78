import { createBLAKE2b, createBLAKE2s, createCRC32, createMD5, createSHA1, createSHA224, createSHA256, createSHA3, createSHA384, createSHA512, createSM3, type IHasher } from 'hash-wasm';
import { createContentScanner, type ContentScan } from '../package/format/contentScanner.js';
import type { DigestAlgorithm } from '../package/source.js';

/** The hash-wasm constructor of each algorithm dangan knows (SM3 is GB/T 32905-2016; SHA-3 FIPS 202; BLAKE2 RFC 7693). */
const HASHERS: Record<DigestAlgorithm, () => Promise<IHasher>> = {
  sm3: createSM3,
  sha256: createSHA256,
  sha1: createSHA1,
  md5: createMD5,
  sha512: createSHA512,
  sha224: createSHA224,
  sha384: createSHA384,
  'sha3-224': () => createSHA3(224),
  'sha3-256': () => createSHA3(256),
  'sha3-384': () => createSHA3(384),
  'sha3-512': () => createSHA3(512),
  'blake2b-512': () => createBLAKE2b(512),
  'blake2s-256': () => createBLAKE2s(256),
};

/**
 * Hashers not in use, by algorithm: a hash-wasm hasher is a WebAssembly
 * instance, costly to make per file (about as much as hashing 64 KiB), and
 * `init()` resets one for the next file. A hasher is taken for one file and
 * given back after its digest, so concurrent files never share one.
 */
const idle = new Map<string, IHasher[]>();

async function takeHasher(algorithm: DigestAlgorithm | 'crc32'): Promise<IHasher> {
  const hasher = idle.get(algorithm)?.pop() ?? (await (algorithm === 'crc32' ? createCRC32() : HASHERS[algorithm]()));
  return hasher.init();
}

function giveBack(algorithm: DigestAlgorithm | 'crc32', hasher: IHasher): void {
  const list = idle.get(algorithm) ?? [];
  // A few per algorithm: one per file hashed at once on this thread.
  if (list.length < 8) list.push(hasher);
  idle.set(algorithm, list);
}

/** What {@link digestChunks} gives: bytes read, digests, and the content scan when asked. */
export interface ChunksDigest {
  bytes: number;
  digests: Partial<Record<DigestAlgorithm, string>>;
  error?: string;
  scan?: ContentScan;
}

/**
 * Hashes a stream of byte chunks with several algorithms at once (hash-wasm,
 * WebAssembly: Node's crypto is not in a browser), reading each byte once, and
 * optionally scans the content on the same chunks (see `createContentScanner`).
 * Runs on the calling thread (inside a Web Worker with `createWorkerHasher`).
 *
 * @param chunks - The file's bytes, in order.
 * @param algorithms - Algorithms to compute.
 * @param size - The file's listed size (the scanner needs it).
 * @param scan - Also scan the content, searching the whole file when it is at most `limit` bytes.
 * @returns Bytes and lower-case hex digests; a read failure is returned as `error`, never thrown.
 * @example
 * await digestChunks([new TextEncoder().encode('abc')], ['sm3'], 3)
 */
export async function digestChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  algorithms: readonly DigestAlgorithm[],
  size: number,
  scan?: { limit: number },
): Promise<ChunksDigest> {
  let bytes = 0;
  try {
    const hashers = await Promise.all(algorithms.map(async (algorithm) => [algorithm, await takeHasher(algorithm)] as const));
    const scanner = scan ? createContentScanner(size, scan.limit) : undefined;
    let scanning = scanner !== undefined;
    for await (const chunk of chunks) {
      bytes += chunk.byteLength;
      for (const [, hasher] of hashers) hasher.update(chunk);
      if (scanning) scanning = (scanner as NonNullable<typeof scanner>).push(chunk);
    }
    const digests: ChunksDigest['digests'] = {};
    for (const [algorithm, hasher] of hashers) {
      digests[algorithm] = hasher.digest('hex');
      giveBack(algorithm, hasher);
    }
    return { bytes, digests, ...(scanner ? { scan: scanner.finish() } : {}) };
  } catch (error) {
    return { bytes, digests: {}, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * CRC-32 (ISO 3309, as zip stores it) of a chunk stream, folded in as the chunks pass.
 *
 * @returns A hasher: `update` each chunk, then `value()` as an unsigned 32-bit number (no `update` after it).
 * @example
 * const crc = await createCrc32(); crc.update(bytes); crc.value()
 */
export async function createCrc32(): Promise<{ update(chunk: Uint8Array): void; value(): number }> {
  const hasher = await takeHasher('crc32');
  let value: number | undefined;
  return {
    update: (chunk) => void hasher.update(chunk),
    // The hasher goes back to the pool once, with the first value.
    value: () => {
      if (value === undefined) {
        value = Number.parseInt(hasher.digest('hex'), 16);
        giveBack('crc32', hasher);
      }
      return value;
    },
  };
}
