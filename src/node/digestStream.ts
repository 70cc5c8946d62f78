import { createHash, type Hash } from 'node:crypto';
import { runtimeHashName } from '../formats/fixity/vocabulary.js';
import type { DigestAlgorithm } from '../package/source.js';

/**
 * Hashes a byte stream with several algorithms at once, reading each byte once.
 *
 * @param stream - Any async iterable of byte chunks (a file stream, a zip entry).
 * @param algorithms - Algorithms to compute.
 * @returns Byte count and lower-case hex digests.
 * @example
 * await digestFileStream(createReadStream('a.pdf'), ['sm3', 'sha256'])
 */
export async function digestFileStream(
  stream: AsyncIterable<Uint8Array | Buffer | string>,
  algorithms: readonly DigestAlgorithm[],
): Promise<{ bytes: number; digests: Partial<Record<DigestAlgorithm, string>>; error?: string }> {
  const hashes: [DigestAlgorithm, Hash][] = algorithms.map((a) => [a, createHash(runtimeHashName(a))]);
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += data.byteLength;
      for (const [, hash] of hashes) hash.update(data);
    }
  } catch (error) {
    return { bytes, digests: {}, error: error instanceof Error ? error.message : String(error) };
  }
  return { bytes, digests: Object.fromEntries(hashes.map(([a, h]) => [a, h.digest('hex')])) };
}
