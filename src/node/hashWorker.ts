/**
 * Entry of a hashing worker thread (built to `dist/node/hashWorker.js` and
 * `.cjs`). It receives batches of files, hashes each with one reused read
 * buffer, and posts the batch's results in one message. See `hashing/digestFiles.ts`.
 *
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { READ_SIZE } from './hashing/hashFileSync.js';
import { ringRefill, type FromWorker, type TeeMessage, type TeeRing, type ToWorker } from './hashing/protocol.js';
import { runBatch } from './hashing/runBatch.js';

const port = parentPort;
if (port) {
  const size = typeof (workerData as { readSize?: unknown } | null)?.readSize === 'number' ? (workerData as { readSize: number }).readSize : READ_SIZE;
  const buffer = Buffer.allocUnsafe(size);
  const post = (message: FromWorker): void => port.postMessage(message);
  // Teed bytes go through the shared ring (protocol.ts TeeRing): no slot free, the read waits.
  const ring = (workerData as { ring?: TeeRing } | null)?.ring;
  const bytes = ring ? new Uint8Array(ring.bytes) : undefined;
  const state = ring ? new Int32Array(ring.state) : undefined;
  let next = 0;
  const tee = (message: TeeMessage): void => {
    if (!('chunk' in message)) return post(message);
    if (!bytes || !state) return post({ type: 'tee', index: message.index, end: true, error: 'no tee ring' });
    const slots = state.length - 1;
    // Full: wait until half the slots are free (the calling thread wakes us then), not for each one.
    if (Atomics.load(state, 0) === 0) {
      for (let free = 0; free < ringRefill(slots); free = Atomics.load(state, 0)) Atomics.wait(state, 0, free, 1000);
    }
    // A free count above 0 means a free slot: the calling thread frees the slot before counting it.
    while (Atomics.load(state, 1 + next) !== 0) next = (next + 1) % slots;
    const slot = next;
    next = (next + 1) % slots;
    Atomics.store(state, 1 + slot, 1);
    Atomics.sub(state, 0, 1);
    bytes.set(message.chunk, slot * size);
    post({ type: 'tee', index: message.index, slot, length: message.chunk.length });
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'batch') runBatch(message.tasks, buffer, post, tee);
  });
}
