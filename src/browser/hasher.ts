import { runDigestTask, type DigestTask, type DigestTaskResult } from './digestTask.js';

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
   * Runs one task.
   *
   * @throws The signal's reason when aborted.
   */
  run(task: DigestTask, options?: { onBytes?: (bytes: number) => void; signal?: AbortSignal }): Promise<DigestTaskResult>;
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
  run: (task, options) => runDigestTask(task, options?.onBytes, options?.signal),
};

/** What {@link createWorkerHasher} needs of a worker: a `Worker` (or a `MessagePort` in tests). */
export interface DigestWorker {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Messages of the worker protocol: a task in; slices' bytes and then the result out. */
type ToWorker = { task: DigestTask };
type FromWorker = { bytes: number } | { result: DigestTaskResult };

/** Bytes a worker hashes between two progress messages. */
const PROGRESS_BYTES = 4 << 20;

/**
 * A pool of at most `jobs` Web Workers that run {@link DigestTask}s, each
 * worker one task at a time; workers are started when first needed and kept
 * for the next task. The worker script calls {@link serveDigestTasks}. An
 * aborted task's worker is terminated (and replaced when needed), so a large
 * file stops at once; a worker that fails (e.g. a CSP that forbids it) fails
 * its task with an Error, which the sources turn into an `error` result.
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
  return {
    jobs,
    async run(task, runOptions) {
      const signal = runOptions?.signal;
      signal?.throwIfAborted();
      const worker = await acquire();
      return new Promise<DigestTaskResult>((resolve, reject) => {
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
          const message = event.data as FromWorker;
          if ('bytes' in message) runOptions?.onBytes?.(message.bytes);
          else {
            finish(true);
            resolve(message.result);
          }
        };
        worker.onerror = (event) => {
          event.preventDefault?.();
          finish(false);
          reject(new Error(`[dangan] hashing worker failed: ${event.message || 'it could not start'}`));
        };
        worker.postMessage({ task } satisfies ToWorker);
      });
    },
    close() {
      for (const worker of idle.splice(0)) worker.terminate();
      started = 0;
    },
  };
}

/**
 * The worker side of {@link createWorkerHasher}: answers each task posted to
 * `scope` with progress messages and its result. A worker script is one line:
 * `serveDigestTasks(self)`.
 *
 * @param scope - The worker's global scope (or a `MessagePort`).
 * @example
 * // digestWorker.ts
 * import { serveDigestTasks } from 'dangan/browser';
 * serveDigestTasks(self);
 */
export function serveDigestTasks(scope: { onmessage: ((event: MessageEvent) => void) | null; postMessage(message: unknown): void }): void {
  scope.onmessage = (event) => {
    const { task } = event.data as ToWorker;
    let pending = 0;
    const onBytes = (bytes: number) => {
      pending += bytes;
      if (pending < PROGRESS_BYTES) return;
      scope.postMessage({ bytes: pending } satisfies FromWorker);
      pending = 0;
    };
    void runDigestTask(task, onBytes).then((result) => {
      if (pending > 0) scope.postMessage({ bytes: pending } satisfies FromWorker);
      scope.postMessage({ result } satisfies FromWorker);
    });
  };
}
