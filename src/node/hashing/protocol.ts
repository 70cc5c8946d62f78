import type { DigestAlgorithm } from '../../package/source.js';
import type { FileDigest, FileRange } from './hashFileSync.js';
import type { FileIdentity } from '../openChecked.js';

/** One file to hash, as sent to a worker. */
export interface HashTask {
  /** Index of the request, so results can be put back in request order. */
  index: number;
  /** Path on disk, as a string or raw bytes. */
  file: string | Uint8Array;
  algorithms: readonly DigestAlgorithm[];
  /** Also scan the content on the same reads: the scan limit and the entry's size. */
  scan?: { limit: number; size: number };
  /** Only these bytes of the file. */
  range?: FileRange;
  /** False: do not follow a link at `file`. */
  follow?: boolean;
  /** The identity the opened file must have. */
  expect?: FileIdentity;
  /** Also compute the CRC-32. */
  crc32?: boolean;
  /** Also send the bytes read to the calling thread (`tee` messages), for a content tee. */
  tee?: boolean;
}

/** Main thread → worker. */
export type ToWorker = { type: 'batch'; tasks: HashTask[] };

/** One file done (or failed); `announced` is how many of its bytes `bytes` messages already reported. */
export interface TaskResult {
  index: number;
  result: FileDigest;
  announced: number;
}

/** Worker → main thread. */
export type FromWorker =
  /** Bytes read since the last message, sent while a large file is being hashed. */
  | { type: 'bytes'; bytes: number }
  /** The oldest outstanding batch is done: one result per task, in task order (one message per batch, not per file). */
  | { type: 'done'; results: TaskResult[] }
  /** A teed task's next bytes (in a slot of the worker's {@link TeeRing}), or its end (`error` when the read failed); sent before its `done`. */
  | RingMessage;

/** Bytes of a task that asked for `tee`, in order (the read buffer itself: copy what you keep), then its end. */
export type TeeMessage = { type: 'tee'; index: number; chunk: Uint8Array } | { type: 'tee'; index: number; end: true; error?: string };

/** A {@link TeeMessage} as a worker posts it: the bytes are in slot `slot` of its ring, `length` of them. */
export type RingMessage = { type: 'tee'; index: number; slot: number; length: number } | { type: 'tee'; index: number; end: true; error?: string };

/**
 * Teed bytes a worker may have sent that the calling thread has not yet
 * handed on: past this, the worker waits (`Atomics.wait`).
 */
export const TEE_CREDIT = 8 << 20;

/**
 * Where a worker puts the bytes it tees, shared with the calling thread so that
 * no chunk is allocated, copied to or transferred between threads: `bytes` holds
 * `slots` slots of `readSize` bytes; `state[0]` counts the free slots and
 * `state[1 + i]` is 1 while slot `i` is in use. The worker copies a read into a
 * free slot and posts its number; with none free, it waits on `state[0]` until
 * {@link ringRefill} are. The calling thread frees the slot once the tee's sink
 * has taken the bytes, and wakes the worker when the count reaches that.
 */
export interface TeeRing {
  bytes: SharedArrayBuffer;
  state: SharedArrayBuffer;
}

/**
 * Free slots a worker with a full ring waits for before it goes on: half of them, so that the
 * calling thread wakes it (a system call, and a switch of threads) once per half ring, not per chunk.
 *
 * @param slots - Slots of the ring.
 * @returns How many must be free.
 * @example
 * ringRefill(8) //=> 4
 */
export function ringRefill(slots: number): number {
  return Math.max(1, slots >> 1);
}

/**
 * A ring of {@link TEE_CREDIT} bytes (at least 2 slots) for reads of `readSize` bytes.
 *
 * @param readSize - The workers' read size.
 * @returns The ring, all slots free.
 * @example
 * createTeeRing(1 << 20) // 8 slots of 1 MiB
 */
export function createTeeRing(readSize: number): TeeRing {
  const slots = Math.max(2, Math.floor(TEE_CREDIT / readSize));
  const state = new SharedArrayBuffer(4 * (slots + 1));
  new Int32Array(state)[0] = slots;
  return { bytes: new SharedArrayBuffer(slots * readSize), state };
}

/** Bytes read between two `bytes` messages from a worker. */
export const PROGRESS_STEP = 32 << 20;
