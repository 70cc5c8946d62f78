import type { DigestAlgorithm } from '../package/source.js';
import { reusedBlobChunks } from './blobChunks.js';
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

/** Tasks whose bytes lie at most this far apart in one Blob (a zip's local headers between members) are read with one request. */
const RUN_GAP = 64 * 1024;

/**
 * Runs one {@link DigestTask} on the calling thread (a page's main thread, or
 * inside a Web Worker, see `serveDigestTasks`): reads the bytes in slices,
 * inflates, checks size and CRC-32, hashes every algorithm and scans on the
 * same pass. A bad file is a result with `error`, never a throw.
 *
 * @param task - The file and algorithms.
 * @param onBytes - Called with the bytes of each slice hashed (progress).
 * @param signal - Stops between slices.
 * @param raw - The task's stored bytes when already being read (see `runDigestTasks`); default: read from the Blob.
 * @returns The digests, or `error` (and `crcMismatch` when that was the error).
 * @throws The signal's reason when it was aborted.
 * @example
 * await runDigestTask({ path: 'a.pdf', blob, start: 0, length: blob.size, method: 0, size: blob.size, algorithms: ['sm3'] })
 */
export async function runDigestTask(task: DigestTask, onBytes?: (bytes: number) => void, signal?: AbortSignal, raw?: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<DigestTaskResult> {
  let crcMismatch: DigestTaskResult['crcMismatch'];
  async function* counted(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of checkedBytes(task, raw)) {
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

/**
 * Runs a batch of {@link DigestTask}s one after another (a Web Worker's unit
 * of work, so many small files cost one message): tasks whose bytes are
 * neighbours in one Blob (a zip's members) are read with one request for the
 * whole run, and the next short run is read while the current one is hashed.
 *
 * @param tasks - The files, in any order.
 * @param onBytes - Called with the bytes of each slice hashed (progress).
 * @param signal - Stops between slices.
 * @returns One result per task, in task order.
 * @throws The signal's reason when it was aborted.
 * @example
 * const [a, b] = await runDigestTasks([taskA, taskB]);
 */
export async function runDigestTasks(tasks: readonly DigestTask[], onBytes?: (bytes: number) => void, signal?: AbortSignal): Promise<DigestTaskResult[]> {
  const results: DigestTaskResult[] = new Array(tasks.length);
  const runs = neighbourRuns(tasks);
  let ahead = runs[0] ? openRun(runs[0], tasks) : undefined;
  for (const [r, run] of runs.entries()) {
    const reader = ahead as RunReader;
    const next = runs[r + 1];
    // The next run's bytes are requested now when short (one read), so the read overlaps this run's hashing.
    ahead = next ? openRun(next, tasks) : undefined;
    for (const i of run) results[i] = await runDigestTask(tasks[i] as DigestTask, onBytes, signal, reader.take(tasks[i] as DigestTask));
    reader.close();
  }
  return results;
}

/** Indices of the tasks grouped into runs: sorted by position in each Blob, neighbours (at most {@link RUN_GAP} apart, not overlapping) together. */
function neighbourRuns(tasks: readonly DigestTask[]): number[][] {
  const order = tasks.map((_, i) => i).sort((a, b) => {
    const x = tasks[a] as DigestTask;
    const y = tasks[b] as DigestTask;
    return x.blob === y.blob ? x.start - y.start : 0;
  });
  const runs: number[][] = [];
  let end = 0;
  for (const i of order) {
    const task = tasks[i] as DigestTask;
    const run = runs.at(-1);
    const last = run ? (tasks[run.at(-1) as number] as DigestTask) : undefined;
    if (run && last && last.blob === task.blob && task.start >= end && task.start - end <= RUN_GAP) run.push(i);
    else runs.push([i]);
    end = task.start + task.length;
  }
  return runs;
}

/** A run's bytes, handed out task by task in position order. */
interface RunReader {
  /** The stored bytes of the run's next task (skipping what lies between; what the previous task left unread too). */
  take(task: DigestTask): AsyncIterable<Uint8Array>;
  /** Stops reading (a run cut short by an error). */
  close(): void;
}

/**
 * Opens a run's bytes as one stream into a reused buffer (see `reusedBlobChunks`), its first
 * chunk requested at once, so a short run is read while the previous one is hashed.
 */
function openRun(run: readonly number[], tasks: readonly DigestTask[]): RunReader {
  const first = tasks[run[0] as number] as DigestTask;
  const last = tasks[run.at(-1) as number] as DigestTask;
  const start = first.start;
  const length = last.start + last.length - start;
  const stream = reusedBlobChunks(first.blob, start, length);
  const head = stream.next();
  head.catch(() => undefined); // seen by the task that takes it
  const chunks: AsyncIterator<Uint8Array> = (async function* () {
    const { value, done } = await head;
    if (done) return;
    yield value;
    yield* { [Symbol.asyncIterator]: () => stream };
  })();
  let position = start;
  let pending: Uint8Array | undefined;
  return {
    async *take(task) {
      let from = task.start;
      const end = task.start + task.length;
      while (from < end) {
        if (!pending || pending.byteLength === 0) {
          const next = await chunks.next();
          if (next.done) return; // the Blob ends first: the task's size check reports it
          pending = next.value;
        }
        const chunkEnd = position + pending.byteLength;
        if (chunkEnd <= from) {
          position = chunkEnd;
          pending = undefined;
          continue;
        }
        const piece = pending.subarray(Math.max(0, from - position), Math.min(pending.byteLength, end - position));
        const used = Math.min(pending.byteLength, end - position);
        position += used;
        pending = pending.subarray(used);
        from = position;
        yield piece;
      }
    },
    close() {
      void chunks.return?.(undefined);
      void stream.return(undefined);
    },
  };
}
