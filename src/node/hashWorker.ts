/**
 * Entry of a hashing worker thread (built to `dist/node/hashWorker.js` and
 * `.cjs`). It receives batches of files, hashes each with one reused read
 * buffer, and posts the batch's results in one message. See `hashing/digestFiles.ts`.
 *
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { READ_SIZE } from './hashing/hashFileSync.js';
import type { FromWorker, ToWorker } from './hashing/protocol.js';
import { runBatch } from './hashing/runBatch.js';

const port = parentPort;
if (port) {
  const size = typeof (workerData as { readSize?: unknown } | null)?.readSize === 'number' ? (workerData as { readSize: number }).readSize : READ_SIZE;
  const buffer = Buffer.allocUnsafe(size);
  const post = (message: FromWorker): void => port.postMessage(message);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'batch') runBatch(message.tasks, buffer, post);
  });
}
