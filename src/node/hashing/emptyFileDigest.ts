import { createHash } from 'node:crypto';
import { runtimeHashName } from '../../formats/fixity/vocabulary.js';
import { createContentScanner } from '../../package/format/contentScanner.js';
import type { DigestAlgorithm } from '../../package/source.js';
import type { FileDigest } from './hashFileSync.js';

/** Each algorithm's digest of empty input, computed on first use. */
const OF_EMPTY_INPUT = new Map<DigestAlgorithm, string>();

/**
 * What {@link hashFileSync} gives for a 0-byte file, without opening it: each
 * algorithm's digest of empty input (a constant, computed once per algorithm)
 * and, when asked, the content scan of no bytes. A package of 100,000 empty
 * files (the hostile case `dir-100k-empty-files`) then costs no `open`,
 * `read` or `close` per file. The caller vouches for the size (a listing it
 * made); an algorithm the runtime lacks gives `error`, as it would on a read.
 *
 * @param algorithms - Algorithms to give.
 * @param scan - Also give the content scan (the scan limit).
 * @returns Bytes (0), digests and the scan; never throws.
 * @example
 * emptyFileDigest(['md5']).digests.md5 //=> 'd41d8cd98f00b204e9800998ecf8427e'
 */
export function emptyFileDigest(algorithms: readonly DigestAlgorithm[], scan?: { limit: number }): FileDigest {
  const digests: FileDigest['digests'] = {};
  try {
    for (const algorithm of algorithms) {
      let digest = OF_EMPTY_INPUT.get(algorithm);
      if (digest === undefined) {
        digest = createHash(runtimeHashName(algorithm)).digest('hex');
        OF_EMPTY_INPUT.set(algorithm, digest);
      }
      digests[algorithm] = digest;
    }
  } catch (error) {
    return { bytes: 0, digests: {}, error: error instanceof Error ? error.message : String(error) };
  }
  return { bytes: 0, digests, ...(scan ? { scan: createContentScanner(0, scan.limit).finish() } : {}) };
}
