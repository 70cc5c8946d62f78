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
 * whole run, whole files (a folder's) as one Blob made of them (one request
 * to the browser for many files, each costing more than its bytes), and the
 * next short run is read while the current one is hashed. A file of a joined
 * run that fails is read again alone, so its error is its own.
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
  const runs = readRuns(tasks);
  let ahead = runs[0] ? openRun(runs[0]) : undefined;
  for (const [r, run] of runs.entries()) {
    const reader = ahead as RunReader;
    const next = runs[r + 1];
    // The next run's first bytes are requested now, so the read overlaps this run's hashing.
    ahead = next ? openRun(next) : undefined;
    for (const [k, i] of run.tasks.entries()) results[i] = await runDigestTask(tasks[i] as DigestTask, onBytes, signal, reader.take(run.at[k] as number, (tasks[i] as DigestTask).length));
    reader.close();
    if (!run.joined) continue;
    for (const i of run.tasks) if (results[i]?.error !== undefined) results[i] = await runDigestTask(tasks[i] as DigestTask, onBytes, signal);
  }
  return results;
}

/** Tasks read with one request: their indices, the Blob read, where each task's bytes start in it, and whether it was made of whole files. */
interface ReadRun {
  tasks: number[];
  blob: Blob;
  at: number[];
  lengths: number[];
  joined: boolean;
}

/** Whole files joined into one read hold at most this many bytes. */
const JOINED_BYTES = 8 << 20;

/** A task that is a whole Blob as it is (a folder's file, not a zip member). */
const isWholeFile = (task: DigestTask): boolean => task.start === 0 && task.method === 0 && task.crc32 === undefined && task.length === task.size && task.blob.size === task.length;

/**
 * The tasks grouped into reads: members of one Blob sorted by position,
 * neighbours (at most {@link RUN_GAP} apart, not overlapping) together; whole
 * files together (up to {@link JOINED_BYTES}) in one Blob made of them.
 */
function readRuns(tasks: readonly DigestTask[]): ReadRun[] {
  const order = tasks.map((_, i) => i).sort((a, b) => {
    const x = tasks[a] as DigestTask;
    const y = tasks[b] as DigestTask;
    return x.blob === y.blob ? x.start - y.start : 0;
  });
  const runs: { tasks: number[]; joined: boolean; end: number }[] = [];
  for (const i of order) {
    const task = tasks[i] as DigestTask;
    const run = runs.at(-1);
    const last = run ? (tasks[run.tasks.at(-1) as number] as DigestTask) : undefined;
    // Quadratic only in a batch's size (at most 64 files).
    const whole = isWholeFile(task) && !tasks.some((t) => t !== task && t.blob === task.blob);
    if (run && last && whole && run.joined && run.end + task.length <= JOINED_BYTES) {
      run.tasks.push(i);
      run.end += task.length;
    } else if (run && last && !run.joined && last.blob === task.blob && task.start >= run.end && task.start - run.end <= RUN_GAP) {
      run.tasks.push(i);
      run.end = task.start + task.length;
    } else runs.push({ tasks: [i], joined: whole, end: whole ? task.length : task.start + task.length });
  }
  return runs.map(({ tasks: indices, joined }) => {
    const first = tasks[indices[0] as number] as DigestTask;
    const lengths = indices.map((i) => (tasks[i] as DigestTask).length);
    if (!joined || indices.length === 1) return { tasks: indices, blob: first.blob, at: indices.map((i) => (tasks[i] as DigestTask).start), lengths, joined: false };
    const at: number[] = [];
    let offset = 0;
    for (const i of indices) {
      at.push(offset);
      offset += (tasks[i] as DigestTask).length;
    }
    return { tasks: indices, blob: new Blob(indices.map((i) => (tasks[i] as DigestTask).blob)), at, lengths, joined: true };
  });
}

/** A run's bytes, handed out task by task in position order. */
interface RunReader {
  /** The `length` bytes at `start` in the run's Blob: the next task's (skipping what lies between; what the previous task left unread too). */
  take(start: number, length: number): AsyncIterable<Uint8Array>;
  /** Stops reading (a run cut short by an error). */
  close(): void;
}

/**
 * Opens a run's bytes as one stream into a reused buffer (see `reusedBlobChunks`), its first
 * chunk requested at once, so a short run is read while the previous one is hashed.
 */
function openRun(run: ReadRun): RunReader {
  const start = run.at[0] as number;
  // Tasks are in position order, so the last one ends the run.
  const length = (run.at.at(-1) as number) + (run.lengths.at(-1) as number) - start;
  const stream = reusedBlobChunks(run.blob, start, length);
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
    async *take(at, bytes) {
      let from = at;
      const end = at + bytes;
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
