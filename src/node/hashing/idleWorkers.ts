import { Worker } from 'node:worker_threads';

/**
 * How long a hashing worker that finished its work waits for the next call before it is
 * terminated. A validation hashes in several rounds (the prefetch queues an item's files as its
 * metadata is read, and hashes what was queued while the last round ran), a few milliseconds
 * apart; a new worker costs about 40–80 CPU ms to start (Node's bootstrap of the thread), so
 * workers are kept between rounds instead of started for each.
 */
export const IDLE_WORKER_MS = 1000;

interface Idle {
  worker: Worker;
  timer: ReturnType<typeof setTimeout>;
}

/** Idle workers by worker script and read size (a worker's read buffer is sized at its start). */
const idle = new Map<string, Idle[]>();

const keyOf = (url: URL, readSize: number): string => `${readSize} ${url.href}`;

/**
 * A hashing worker for `url` and `readSize`: an idle one left by an earlier
 * call when there is one, else a new one. The caller owns it until it gives
 * it back with {@link releaseWorker} (or terminates it).
 *
 * @param url - The worker script.
 * @param readSize - The read size it was started with.
 * @returns The worker, referenced (it keeps the process alive while in use).
 * @example
 * const worker = takeWorker(resolveWorkerUrl()!, READ_SIZE);
 */
export function takeWorker(url: URL, readSize: number): Worker {
  const list = idle.get(keyOf(url, readSize));
  const entry = list?.pop();
  if (!entry) return new Worker(url, { workerData: { readSize } });
  clearTimeout(entry.timer);
  for (const event of ['error', 'exit'] as const) entry.worker.removeAllListeners(event);
  entry.worker.ref();
  return entry.worker;
}

/**
 * Gives back a worker that has no work outstanding: it waits, unreferenced (the
 * process can exit meanwhile), for the next {@link takeWorker} of the same
 * script and read size, and is terminated after {@link IDLE_WORKER_MS}.
 *
 * @param worker - A worker from {@link takeWorker}, idle.
 * @param url - Its script.
 * @param readSize - Its read size.
 * @returns Nothing.
 * @example
 * releaseWorker(worker, url, READ_SIZE)
 */
export function releaseWorker(worker: Worker, url: URL, readSize: number): void {
  const key = keyOf(url, readSize);
  const list = idle.get(key) ?? [];
  idle.set(key, list);
  const drop = (): void => {
    const at = list.findIndex((e) => e.worker === worker);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0 && idle.get(key) === list) idle.delete(key);
  };
  for (const event of ['message', 'error', 'exit'] as const) worker.removeAllListeners(event);
  // An idle worker that dies is only forgotten: no work of anyone's was on it.
  worker.on('error', drop);
  worker.on('exit', drop);
  const timer = setTimeout(() => {
    drop();
    void worker.terminate();
  }, IDLE_WORKER_MS);
  timer.unref();
  worker.unref();
  list.push({ worker, timer });
}
