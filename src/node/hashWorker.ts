/**
 * Entry of a hashing worker thread (built to `dist/node/hashWorker.js` and
 * `.cjs`). It receives batches of files, hashes each with one reused read
 * buffer, and posts the batch's results in one message. See `hashing/digestFiles.ts`.
 *
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { READ_SIZE } from './hashing/hashFileSync.js';
import { TEE_CREDIT, type FromWorker, type TeeMessage, type ToWorker } from './hashing/protocol.js';
import { runBatch } from './hashing/runBatch.js';

const port = parentPort;
if (port) {
  const size = typeof (workerData as { readSize?: unknown } | null)?.readSize === 'number' ? (workerData as { readSize: number }).readSize : READ_SIZE;
  const buffer = Buffer.allocUnsafe(size);
  const post = (message: FromWorker): void => port.postMessage(message);
  // Teed bytes go out as copies, transferred; past TEE_CREDIT bytes not yet taken, the read waits.
  const credit = (workerData as { credit?: SharedArrayBuffer } | null)?.credit;
  const pending = credit ? new Int32Array(credit) : undefined;
  const tee = (message: TeeMessage): void => {
    if (!('chunk' in message) || !pending) return post(message);
    const chunk = new Uint8Array(message.chunk);
    Atomics.add(pending, 0, chunk.length);
    port.postMessage({ ...message, chunk }, [chunk.buffer as ArrayBuffer]);
    for (let owed = Atomics.load(pending, 0); owed > TEE_CREDIT; owed = Atomics.load(pending, 0)) Atomics.wait(pending, 0, owed, 1000);
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'batch') runBatch(message.tasks, buffer, post, tee);
  });
}
