import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ContentSink, ContentTee, DigestAlgorithm, DigestOptions, DigestResult, ProgressEvent } from '../../package/source.js';
import { READ_SIZE, type FileDigest, type FileRange } from './hashFileSync.js';
import type { FileIdentity } from '../openChecked.js';
import type { FromWorker, HashTask, RingMessage, TeeMessage } from './protocol.js';
import { createTeeRing, releaseRun } from './teeRing.js';
import { resolveWorkerUrl } from './resolveWorker.js';
import { runBatch } from './runBatch.js';

/** One file for {@link digestFiles}. */
export interface FileToHash {
  /** The name results carry (a package-relative path). */
  path: string;
  /** Where the file is on disk, as a string or raw bytes (non-UTF-8 names). */
  file: string | Uint8Array;
  /** Size in bytes, for scheduling and progress totals; stat'ed when absent. */
  size?: number;
  /** Algorithms to compute; each byte is read once for all of them. */
  algorithms: readonly DigestAlgorithm[];
  /** Also scan the content on the same reads (see `DigestRequest.scan`). */
  scan?: { limit: number };
  /** Hash only these bytes of the file (a member stored uncompressed in a zip); `size` is then `length`. */
  range?: FileRange;
  /** Follow a symbolic link at `file` (default true); false opens with `O_NOFOLLOW`, so a link is an error. */
  follow?: boolean;
  /** The file as listed: opened, it must be the same device, inode and size, or the result is an error. */
  expect?: FileIdentity;
  /** Also compute the CRC-32 of the bytes hashed (a zip member's), returned as `crc32`. */
  crc32?: boolean;
}

/** Options of {@link digestFiles}. */
export interface DigestFilesOptions extends DigestOptions {
  /**
   * The worker script; `null` hashes on the calling thread. Default: the
   * built `dist/node/hashWorker.js` found next to this module, or `null` when
   * running from source.
   */
  worker?: URL | null;
  /** Read size in bytes (default 1 MiB). */
  readSize?: number;
  /** Below this many bytes in total, hash on the calling thread: starting workers would cost more (default 8 MiB). */
  inThreadBelow?: number;
}

/** A batch closes at this many bytes or files, so small files travel together (one message each way per batch). */
const BATCH_BYTES = 8 << 20;
const BATCH_FILES = 1024;
/** A second batch is queued behind a running one only while the worker holds less than this, so the pool ends together. */
const PREFETCH_BYTES = 24 << 20;
/** Progress events are at most this often (ms), plus one at the start and one at the end. */
const PROGRESS_INTERVAL = 100;
/** On the calling thread, give the event loop a turn after this many bytes. */
const IN_THREAD_SLICE = 16 << 20;
/**
 * On the calling thread a file is read with blocking calls and its teed bytes queue up until the
 * file is through, so only files up to this size are teed there; the tee's owner reads larger ones itself.
 */
const IN_THREAD_TEE_BYTES = 8 << 20;

interface Slot {
  worker: Worker;
  /** The worker's teed bytes (teeRing.ts), when there is a tee: the ring and its state. */
  ring?: { bytes: SharedArrayBuffer; state: Int32Array };
  /** Outstanding batches, oldest first: task indices and their bytes. */
  batches: { indices: number[]; bytes: number }[];
  bytes: number;
  alive: boolean;
}

/**
 * Hashes many files on a pool of worker threads (default: one per core,
 * `os.availableParallelism()`). Each worker reads its file into one reused
 * 1 MiB buffer with `fs.readSync` and feeds every requested algorithm per
 * read, so each byte is read once. Files are handed out largest first, tiny
 * files in batches, so the pool ends together; results come back **in
 * request order** whatever the finishing order, so reports are the same for
 * any `jobs`. A file that cannot be read gives a result with `error`; nothing
 * throws. The workers are terminated when the iteration ends (or is broken
 * off), so the process can exit. Every file is opened non-blocking and
 * checked by its handle (`fstat`): a FIFO or device is an `error`, never a
 * hang, and with `expect` a file swapped since it was listed is one too.
 *
 * Running from TypeScript source there is no built worker, and hashing runs
 * on the calling thread with the same reader (see `resolveWorkerUrl`).
 *
 * @param files - Files to hash.
 * @param options - `jobs`, `onProgress`, and the worker script.
 * @returns The results, one per file, in the order of `files`.
 * @example
 * for await (const r of digestFiles([{ path: 'a.pdf', file: '/pkg/a.pdf', algorithms: ['sm3'] }], { jobs: 2 })) {
 *   console.log(r.path, r.digests.sm3 ?? r.error);
 * }
 */
export async function* digestFiles(files: readonly FileToHash[], options: DigestFilesOptions = {}): AsyncGenerator<DigestResult & { crc32?: number }> {
  const sizes = files.map(sizeOf);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const progress = createProgress(files.length, totalBytes, options.onProgress);
  const worker = options.worker === undefined ? resolveWorkerUrl() : options.worker;
  const jobs = Math.max(1, Math.min(Math.floor(options.jobs ?? availableParallelism()), files.length));
  const readSize = options.readSize ?? READ_SIZE;
  if (worker === null || files.length === 0 || totalBytes < (options.inThreadBelow ?? 8 << 20)) {
    yield* inThread(files, sizes, readSize, progress, options.tee);
  } else {
    yield* onWorkers(files, sizes, worker, jobs, readSize, progress, options.tee);
  }
  progress.emit(true);
}

function sizeOf(file: FileToHash): number {
  if (file.range) return file.range.length;
  if (file.size !== undefined) return file.size;
  try {
    return statSync(typeof file.file === 'string' ? file.file : Buffer.from(file.file)).size;
  } catch {
    return 0;
  }
}

interface Progress {
  /** Counts a finished file; `bytes` is what was not yet counted through {@link Progress.addBytes}. */
  fileDone(bytes: number): void;
  addBytes(bytes: number): void;
  emit(force?: boolean): void;
}

function createProgress(totalFiles: number, totalBytes: number, onProgress: ((event: ProgressEvent) => void) | undefined): Progress {
  const state = { files: 0, totalFiles, bytes: 0, totalBytes };
  let last = 0;
  const emit = (force = false): void => {
    if (!onProgress) return;
    const now = performance.now();
    if (!force && now - last < PROGRESS_INTERVAL) return;
    last = now;
    onProgress({ ...state });
  };
  emit(true);
  return {
    fileDone(bytes) {
      state.files++;
      state.bytes += bytes;
      emit();
    },
    addBytes(bytes) {
      state.bytes += bytes;
      emit();
    },
    emit,
  };
}

async function* inThread(files: readonly FileToHash[], sizes: readonly number[], readSize: number, progress: Progress, tee: ContentTee | undefined): AsyncGenerator<DigestResult> {
  const buffer = Buffer.allocUnsafe(readSize);
  let slice = 0;
  for (let index = 0; index < files.length; index++) {
    const file = files[index] as FileToHash;
    const size = sizes[index] as number;
    const sink = size <= IN_THREAD_TEE_BYTES ? tee?.open(file.path, size) : undefined;
    let taken: Promise<void> | undefined;
    const result = hashHere(file, size, buffer, progress, sink && ((message) => ('chunk' in message ? (taken = sink.write(new Uint8Array(message.chunk))) : sink.end(message.error))));
    // The sink holds the file's bytes until it has taken them: wait, so at most one file's are held.
    await taken;
    yield toResult(file.path, result);
    slice += result.bytes + 4096;
    if (slice >= IN_THREAD_SLICE) {
      slice = 0;
      await yieldToLoop();
    }
  }
}

/** Hashes one file on the calling thread with the worker's code, counting its progress (and teeing its bytes to `tee`). */
function hashHere(file: FileToHash, size: number, buffer: Buffer, progress: Progress, tee?: (message: TeeMessage) => void): FileDigest {
  let done: FileDigest = { bytes: 0, digests: {} };
  runBatch(
    [toTask(0, file, size, tee !== undefined)],
    buffer,
    (message) => {
      if (message.type === 'bytes') progress.addBytes(message.bytes);
      else if (message.type === 'done')
        for (const { result, announced } of message.results) {
          done = result;
          progress.fileDone(result.bytes - announced);
        }
    },
    tee,
  );
  return done;
}

function toTask(index: number, file: FileToHash, size: number, tee = false): HashTask {
  return {
    ...(tee ? { tee: true } : {}),
    index,
    file: file.file,
    algorithms: file.algorithms,
    ...(file.scan ? { scan: { limit: file.scan.limit, size } } : {}),
    ...(file.range ? { range: file.range } : {}),
    ...(file.follow === false ? { follow: false } : {}),
    ...(file.expect ? { expect: file.expect } : {}),
    ...(file.crc32 ? { crc32: true } : {}),
  };
}

/** A result; `crc32` is there when the file asked for it (the zip source checks and drops it). */
function toResult(path: string, result: FileDigest): DigestResult & { crc32?: number } {
  return {
    path,
    bytes: result.bytes,
    digests: result.digests,
    ...(result.error !== undefined ? { error: result.error } : {}),
    ...(result.scan ? { scan: result.scan } : {}),
    ...(result.crc32 !== undefined ? { crc32: result.crc32 } : {}),
  };
}

async function* onWorkers(
  files: readonly FileToHash[],
  sizes: readonly number[],
  url: URL,
  jobs: number,
  readSize: number,
  progress: Progress,
  tee: ContentTee | undefined,
): AsyncGenerator<DigestResult> {
  // Largest first, so the last files handed out are small and the workers end together.
  const queue = files.map((_, i) => i).sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b);
  let head = 0;
  const results: (DigestResult | undefined)[] = new Array(files.length);
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const slots: Slot[] = [];
  /** Open sinks of teed files, by task index; a file's sink is opened when it is handed to a worker. */
  const sinks = new Map<number, ContentSink>();
  const endSink = (index: number, error?: string): void => {
    sinks.get(index)?.end(error);
    sinks.delete(index);
  };
  /**
   * Routes a worker's teed bytes to their sink, and releases their run of the ring once the sink has them: a
   * view of the ring to a tee that `borrows`, else a copy.
   */
  const teed = (slot: Slot, message: RingMessage): void => {
    if (!('run' in message)) return endSink(message.index, message.error);
    const ring = slot.ring as NonNullable<Slot['ring']>;
    const release = (): void => releaseRun(ring.state, message.run);
    const sink = sinks.get(message.index);
    if (!sink) return release();
    const view = new Uint8Array(ring.bytes, message.offset, message.length);
    void sink.write(tee?.borrows ? view : view.slice()).then(release, release);
  };

  const settle = (index: number, result: FileDigest, announced: number): void => {
    if (results[index] !== undefined) return;
    results[index] = toResult((files[index] as FileToHash).path, result);
    progress.fileDone(result.bytes - announced);
  };

  const feed = (slot: Slot): void => {
    while (slot.alive && head < queue.length && slot.batches.length < 2 && (slot.batches.length === 0 || slot.bytes < PREFETCH_BYTES)) {
      const indices: number[] = [];
      let bytes = 0;
      while (head < queue.length && indices.length < BATCH_FILES && (indices.length === 0 || bytes < BATCH_BYTES)) {
        const index = queue[head++] as number;
        indices.push(index);
        bytes += (sizes[index] as number) + 4096;
      }
      const tasks: HashTask[] = indices.map((index) => {
        const file = files[index] as FileToHash;
        const sink = tee?.open(file.path, sizes[index] as number);
        if (sink) sinks.set(index, sink);
        return toTask(index, file, sizes[index] as number, sink !== undefined);
      });
      slot.batches.push({ indices, bytes });
      slot.bytes += bytes;
      slot.worker.postMessage({ type: 'batch', tasks });
    }
  };

  // A worker that dies (it should not: read errors are results) hands its unfinished
  // files back to the queue; the others take them, or the calling thread when none is left.
  const fail = (slot: Slot): void => {
    if (!slot.alive) return;
    slot.alive = false;
    // A file cut off midway is handed back; its sink is told, and the file is read again without one.
    for (const batch of slot.batches) for (const index of batch.indices) if (results[index] === undefined) {
      endSink(index, 'the hashing worker stopped');
      queue.push(index);
    }
    slot.batches = [];
    void slot.worker.terminate();
    for (const other of slots) feed(other);
    notify();
  };

  for (let i = 0; i < jobs; i++) {
    const ring = tee ? createTeeRing(readSize) : undefined;
    const slot: Slot = {
      worker: new Worker(url, { workerData: { readSize, ...(ring ? { ring } : {}) } }),
      ...(ring ? { ring: { bytes: ring.bytes, state: new Int32Array(ring.state) } } : {}),
      batches: [],
      bytes: 0,
      alive: true,
    };
    slot.worker.on('message', (message: FromWorker) => {
      if (message.type === 'bytes') progress.addBytes(message.bytes);
      else if (message.type === 'tee') teed(slot, message);
      else {
        for (const { index, result, announced } of message.results) settle(index, result, announced);
        const batch = slot.batches.shift();
        slot.bytes -= batch?.bytes ?? 0;
        feed(slot);
        notify();
      }
    });
    slot.worker.on('error', () => fail(slot));
    slot.worker.on('exit', () => fail(slot));
    slots.push(slot);
  }

  try {
    for (const slot of slots) feed(slot);
    const buffer = Buffer.allocUnsafe(readSize);
    for (let next = 0; next < files.length; ) {
      const ready = results[next];
      if (ready !== undefined) {
        results[next++] = undefined;
        yield ready;
        continue;
      }
      if (!slots.some((slot) => slot.alive)) {
        // Every worker is gone: finish what is left here rather than fail it.
        while (head < queue.length) {
          const index = queue[head++] as number;
          const file = files[index] as FileToHash;
          if (results[index] === undefined) results[index] = toResult(file.path, hashHere(file, sizes[index] as number, buffer, progress));
        }
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    for (const index of [...sinks.keys()]) endSink(index, 'hashing stopped');
    for (const slot of slots) slot.alive = false;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
