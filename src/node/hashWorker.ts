/**
 * Entry of a hashing worker thread (built to `dist/node/hashWorker.js` and
 * `.cjs`). It receives batches of files, hashes each with one reused read
 * buffer, and posts the batch's results in one message. See `hashing/digestFiles.ts`.
 *
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { READ_SIZE } from './hashing/hashFileSync.js';
import type { FromWorker, TeeMessage, ToWorker } from './hashing/protocol.js';
import { createRingWriter, type TeeRing } from './hashing/teeRing.js';
import { runBatch } from './hashing/runBatch.js';

const port = parentPort;
if (port) {
  const size = typeof (workerData as { readSize?: unknown } | null)?.readSize === 'number' ? (workerData as { readSize: number }).readSize : READ_SIZE;
  const buffer = Buffer.allocUnsafe(size);
  const post = (message: FromWorker): void => port.postMessage(message);
  // Teed bytes go through the shared ring (teeRing.ts): with no room, the read waits.
  const ring = (workerData as { ring?: TeeRing } | null)?.ring;
  const writer = ring ? createRingWriter(ring) : undefined;
  const tee = (message: TeeMessage): void => {
    if (!('chunk' in message)) return post(message);
    if (!writer) return post({ type: 'tee', index: message.index, end: true, error: 'no tee ring' });
    const { run, offset } = writer.put(message.chunk);
    post({ type: 'tee', index: message.index, run, offset, length: message.chunk.length });
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'batch') runBatch(message.tasks, buffer, post, tee);
  });
}
