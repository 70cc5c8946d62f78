import { reusedBlobChunks } from './blobChunks.js';
import { runDigestTasks, type DigestTask, type DigestTaskResult } from './digestTask.js';

/**
 * Runs {@link DigestTask}s for the browser sources: on the calling thread
 * ({@link inThreadHasher}, the default) or on a pool of Web Workers
 * ({@link createWorkerHasher}), so a page stays responsive while a large
 * package is hashed.
 */
export interface BlobHasher {
  /** Tasks run at once. */
  readonly jobs: number;
  /**
   * Runs a batch of tasks (one unit of work: many small files cost one message to a worker).
   *
   * @returns One result per task, in task order.
   * @throws The signal's reason when aborted.
   */
  run(tasks: readonly DigestTask[], options?: { onBytes?: (bytes: number) => void; signal?: AbortSignal }): Promise<DigestTaskResult[]>;
  /**
   * Reads byte ranges of a Blob (a zip's local headers on opening): on a
   * worker, since each slice of a `File` costs a synchronous round trip to
   * the browser, which would hold a page's main thread.
   *
   * @param ranges - `[start, length]` pairs.
   * @returns The bytes of each range (fewer when the Blob ends first).
   */
  read(blob: Blob, ranges: readonly (readonly [number, number])[]): Promise<Uint8Array[]>;
}

/** Ranges at most this far apart are read with one stream of their span: reading through costs less than a request (bench/browser-primitives.mjs). */
const SPAN_GAP = 1 << 20;

/**
 * Reads ranges of a Blob on the calling thread: neighbours (at most
 * {@link SPAN_GAP} apart, in position order) with one stream of their span
 * into a reused buffer, each range copied out, since every request to a
 * browser for a `File`'s bytes costs more than reading a MiB through.
 *
 * @returns The bytes of each range, in range order (fewer when the Blob ends first).
 */
async function readRanges(blob: Blob, ranges: readonly (readonly [number, number])[]): Promise<Uint8Array[]> {
  const bounds = ranges.map(([start, length]) => [start, Math.max(start, Math.min(blob.size, start + length))] as const);
  const out = bounds.map(([start, end]) => new Uint8Array(end - start));
  const order = bounds.map((_, i) => i).filter((i) => (out[i] as Uint8Array).byteLength > 0);
  order.sort((a, b) => (bounds[a] as readonly [number, number])[0] - (bounds[b] as readonly [number, number])[0]);
  const spans: number[][] = [];
  let reach = -Infinity;
  for (const i of order) {
    const [start, end] = bounds[i] as readonly [number, number];
    if (start - reach <= SPAN_GAP) (spans.at(-1) as number[]).push(i);
    else spans.push([i]);
    reach = Math.max(reach, end);
  }
  for (const span of spans) {
    const from = (bounds[span[0] as number] as readonly [number, number])[0];
    const to = Math.max(...span.map((i) => (bounds[i] as readonly [number, number])[1]));
    let position = from;
    for await (const chunk of reusedBlobChunks(blob, from, to - from)) {
      const chunkEnd = position + chunk.byteLength;
      for (const i of span) {
        const [start, end] = bounds[i] as readonly [number, number];
        const a = Math.max(start, position);
        const b = Math.min(end, chunkEnd);
        if (a < b) (out[i] as Uint8Array).set(chunk.subarray(a - position, b - position), a - start);
      }
      position = chunkEnd;
    }
  }
  return out;
}

/**
 * Hashes on the calling thread, one file at a time (Node, tests, a page
 * without workers).
 *
 * @example
 * openFileListSource(files, undefined, { hasher: inThreadHasher })
 */
export const inThreadHasher: BlobHasher = {
  jobs: 1,
  run: (tasks, options) => runDigestTasks(tasks, options?.onBytes, options?.signal),
  read: readRanges,
};

/** What {@link createWorkerHasher} needs of a worker: a `Worker` (or a `MessagePort` in tests). */
export interface DigestWorker {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Messages of the worker protocol: a batch of tasks in, bytes hashed so far and then the results out; or ranges to read in, their bytes out (transferred). */
type ToWorker = { tasks: readonly DigestTask[] } | { blob: Blob; ranges: readonly (readonly [number, number])[] };
type FromWorker = { bytes: number } | { results: DigestTaskResult[] } | { read: Uint8Array[] };

/** Bytes a worker hashes between two progress messages: fine enough for a steady ETA within seconds. */
const PROGRESS_BYTES = 1 << 20;

/**
 * A pool of at most `jobs` Web Workers that run batches of {@link DigestTask}s, each
 * worker one batch at a time; workers are started when first needed and kept
 * for the next task. The worker script calls {@link serveDigestTasks}. An
 * aborted task's worker is terminated (and replaced when needed), so a large
 * file stops at once; a worker that fails (e.g. a CSP that forbids it) fails
 * its batch with an Error, which the sources turn into `error` results.
 *
 * @param options - `createWorker` (e.g. `() => new Worker(url)`), and `jobs` (default: `navigator.hardwareConcurrency`, at most 4).
 * @returns The hasher, and `close()` to terminate idle workers.
 * @example
 * const hasher = createWorkerHasher({ createWorker: () => new Worker(new URL('./digestWorker.js', import.meta.url), { type: 'module' }) });
 * const source = await openZipBlobSource(file, undefined, { hasher });
 */
export function createWorkerHasher(options: { createWorker: () => DigestWorker; jobs?: number }): BlobHasher & { close(): void } {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  const jobs = Math.max(1, Math.floor(options.jobs ?? Math.min(4, cores)));
  const idle: DigestWorker[] = [];
  const waiting: (() => void)[] = [];
  let started = 0;
  const acquire = async (): Promise<DigestWorker> => {
    for (;;) {
      const worker = idle.pop();
      if (worker) return worker;
      if (started < jobs) {
        started++;
        return options.createWorker();
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const release = (worker: DigestWorker | undefined): void => {
    if (worker) idle.push(worker);
    else started--;
    waiting.shift()?.();
  };
  /** Posts one message to a worker and waits for its answer (`bytes` messages go to `onBytes` meanwhile). */
  const exchange = async <T>(message: ToWorker, answer: (reply: FromWorker) => T | undefined, runOptions?: { onBytes?: (bytes: number) => void; signal?: AbortSignal }): Promise<T> => {
    const signal = runOptions?.signal;
    signal?.throwIfAborted();
    const worker = await acquire();
    return new Promise<T>((resolve, reject) => {
      const finish = (keep: boolean) => {
        worker.onmessage = null;
        if (worker.onerror !== undefined) worker.onerror = null;
        signal?.removeEventListener('abort', abort);
        if (!keep) worker.terminate();
        release(keep ? worker : undefined);
      };
      const abort = () => {
        finish(false);
        reject(signal?.reason);
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      worker.onmessage = (event) => {
        const reply = event.data as FromWorker;
        if ('bytes' in reply) return runOptions?.onBytes?.(reply.bytes);
        const value = answer(reply);
        if (value === undefined) return;
        finish(true);
        resolve(value);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        finish(false);
        reject(new Error(`[dangan] hashing worker failed: ${event.message || 'it could not start'}`));
      };
      worker.postMessage(message);
    });
  };
  return {
    jobs,
    run: (tasks, runOptions) => exchange({ tasks }, (reply) => ('results' in reply ? reply.results : undefined), runOptions),
    read: (blob, ranges) => exchange({ blob, ranges }, (reply) => ('read' in reply ? reply.read : undefined)),
    close() {
      for (const worker of idle.splice(0)) worker.terminate();
      started = 0;
    },
  };
}

/**
 * The worker side of {@link createWorkerHasher}: answers each batch of tasks
 * posted to `scope` with a progress message per MiB hashed and then the
 * results, and each request for byte ranges with their bytes (transferred,
 * not copied). A worker script is one line:
 * `serveDigestTasks(self)`.
 *
 * @param scope - The worker's global scope (or a `MessagePort`).
 * @example
 * // digestWorker.ts
 * import { serveDigestTasks } from 'dangan/browser';
 * serveDigestTasks(self);
 */
export function serveDigestTasks(scope: { onmessage: ((event: MessageEvent) => void) | null; postMessage(message: unknown, transfer?: Transferable[]): void }): void {
  scope.onmessage = (event) => {
    const message = event.data as ToWorker;
    if ('ranges' in message) {
      void readRanges(message.blob, message.ranges).then((read) => scope.postMessage({ read } satisfies FromWorker, read.map((bytes) => bytes.buffer as ArrayBuffer)));
      return;
    }
    let pending = 0;
    const onBytes = (bytes: number) => {
      pending += bytes;
      if (pending < PROGRESS_BYTES) return;
      scope.postMessage({ bytes: pending } satisfies FromWorker);
      pending = 0;
    };
    void runDigestTasks(message.tasks, onBytes).then((results) => {
      if (pending > 0) scope.postMessage({ bytes: pending } satisfies FromWorker);
      scope.postMessage({ results } satisfies FromWorker);
    });
  };
}
