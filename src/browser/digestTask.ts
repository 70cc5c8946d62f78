import type { DigestAlgorithm } from '../package/source.js';
import { digestChunks, type ChunksDigest } from './digestChunks.js';
import { checkedBytes, CrcMismatchError, type StoredBytes } from './storedBytes.js';

/** One file to hash: where its bytes are, the algorithms, and whether to scan its content too. Plain data (postable to a Worker). */
export interface DigestTask extends StoredBytes {
  algorithms: readonly DigestAlgorithm[];
  /** Also scan the content (see `DigestRequest.scan`). */
  scan?: { limit: number };
}

/** What a {@link DigestTask} gives: the digests (or `error`), and a zip member's CRC-32 mismatch to report. */
export interface DigestTaskResult extends ChunksDigest {
  crcMismatch?: { expected: string; received: string };
}

/**
 * Runs one {@link DigestTask} on the calling thread (a page's main thread, or
 * inside a Web Worker, see `serveDigestTasks`): reads the bytes in slices,
 * inflates, checks size and CRC-32, hashes every algorithm and scans on the
 * same pass. A bad file is a result with `error`, never a throw.
 *
 * @param task - The file and algorithms.
 * @param onBytes - Called with the bytes of each slice hashed (progress).
 * @param signal - Stops between slices.
 * @returns The digests, or `error` (and `crcMismatch` when that was the error).
 * @throws The signal's reason when it was aborted.
 * @example
 * await runDigestTask({ path: 'a.pdf', blob, start: 0, length: blob.size, method: 0, size: blob.size, algorithms: ['sm3'] })
 */
export async function runDigestTask(task: DigestTask, onBytes?: (bytes: number) => void, signal?: AbortSignal): Promise<DigestTaskResult> {
  let crcMismatch: DigestTaskResult['crcMismatch'];
  async function* counted(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of checkedBytes(task)) {
        signal?.throwIfAborted();
        onBytes?.(chunk.byteLength);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof CrcMismatchError) crcMismatch = { expected: error.expected, received: error.received };
      throw error;
    }
  }
  const result = await digestChunks(counted(), task.algorithms, task.size, task.scan);
  signal?.throwIfAborted();
  return crcMismatch ? { ...result, crcMismatch } : result;
}
