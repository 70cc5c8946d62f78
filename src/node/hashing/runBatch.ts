import { createContentScanner } from '../../package/format/contentScanner.js';
import { findBytes } from './findBytes.js';
import { hashFileSync } from './hashFileSync.js';
import { PROGRESS_STEP, type FromWorker, type HashTask, type TaskResult, type TeeMessage } from './protocol.js';

/**
 * Hashes one batch of tasks with a reused buffer (scanning the content on
 * the same reads when a task asks for it) and reports through `post`:
 * `bytes` messages every {@link PROGRESS_STEP} bytes of a large file, and one
 * `done` message with every result at the end (one message per batch keeps
 * the cost per small file low). Shared by the worker entry and the
 * in-thread fallback, so both compute exactly the same thing.
 *
 * @param tasks - Files to hash.
 * @param buffer - Reused read buffer.
 * @param post - Receives the messages.
 * @param tee - Receives the bytes of tasks that ask for `tee` (the read buffer itself: copy what you keep), then their end.
 * @returns Nothing; results go through `post`.
 * @example
 * runBatch(tasks, Buffer.allocUnsafe(READ_SIZE), (m) => parentPort.postMessage(m))
 */
export function runBatch(tasks: readonly HashTask[], buffer: Buffer, post: (message: FromWorker) => void, tee?: (message: TeeMessage) => void): void {
  const results: TaskResult[] = [];
  for (const task of tasks) {
    let pending = 0;
    let sent = 0;
    const scanner = task.scan ? createContentScanner(task.scan.size, task.scan.limit, findBytes) : undefined;
    const onBytes = (n: number): void => {
      pending += n;
      if (pending >= PROGRESS_STEP) {
        post({ type: 'bytes', bytes: pending });
        sent += pending;
        pending = 0;
      }
    };
    const result = hashFileSync(task.file, task.algorithms, buffer, onBytes, scanner, task.range, {
      ...(task.follow === false ? { follow: false } : {}),
      ...(task.expect ? { expect: task.expect } : {}),
      ...(task.crc32 ? { crc32: true } : {}),
      ...(task.tee && tee ? { onChunk: (chunk: Uint8Array) => tee({ type: 'tee', index: task.index, chunk }) } : {}),
    });
    if (task.tee && tee) tee({ type: 'tee', index: task.index, end: true, ...(result.error !== undefined ? { error: result.error } : {}) });
    results.push({ index: task.index, result, announced: sent });
  }
  post({ type: 'done', results });
}
