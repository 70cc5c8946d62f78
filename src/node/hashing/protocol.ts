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
  /** A teed task's next bytes (in the worker's tee ring, teeRing.ts), or its end (`error` when the read failed); sent before its `done`. */
  | RingMessage;

/** Bytes of a task that asked for `tee`, in order (the read buffer itself: copy what you keep), then its end. */
export type TeeMessage = { type: 'tee'; index: number; chunk: Uint8Array } | { type: 'tee'; index: number; end: true; error?: string };

/** A {@link TeeMessage} as a worker posts it: the bytes are `length` bytes at `offset` of its ring (teeRing.ts), held as run `run`. */
export type RingMessage = { type: 'tee'; index: number; run: number; offset: number; length: number } | { type: 'tee'; index: number; end: true; error?: string };

/** Bytes read between two `bytes` messages from a worker. */
export const PROGRESS_STEP = 32 << 20;
