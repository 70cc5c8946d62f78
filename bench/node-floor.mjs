// The floor under every Node validator: a process that only reads and hashes the files,
// with nothing of dangan loaded (no walk, no XML, no checks, no content scan).
//
//   node bench/node-floor.mjs <algorithm> <file-list>
//
// Two worker threads (one per core of the bench machine) each take alternate files of the list,
// read each into one reused 1 MiB buffer with blocking reads and feed Node's crypto hash — the
// fastest way we found to hash in Node. The bench times this process against the same peer as the
// full validation: whatever this costs over the peer, `dangan validate` pays too, before it has
// parsed a single XML file. Prints the number of files and bytes hashed.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const THREADS = 2;
const READ_SIZE = 1 << 20;

if (isMainThread) {
  const [algorithm, list] = process.argv.slice(2);
  if (!algorithm || !list) {
    process.stderr.write('usage: node bench/node-floor.mjs <algorithm> <file-list>\n');
    process.exit(2);
  }
  const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  let hashed = 0;
  let bytes = 0;
  let running = THREADS;
  for (let t = 0; t < THREADS; t++) {
    const worker = new Worker(new URL(import.meta.url), { workerData: { algorithm, files: files.filter((_, i) => i % THREADS === t) } });
    worker.on('message', (m) => {
      hashed += m.files;
      bytes += m.bytes;
      if (--running === 0) process.stdout.write(`${hashed} files, ${bytes} bytes\n`);
    });
    worker.on('error', (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    });
  }
} else {
  const buffer = Buffer.allocUnsafe(READ_SIZE);
  let bytes = 0;
  for (const file of workerData.files) {
    const hash = createHash(workerData.algorithm);
    const fd = openSync(file, 'r');
    for (let n = readSync(fd, buffer, 0, READ_SIZE, null); n > 0; n = readSync(fd, buffer, 0, READ_SIZE, null)) {
      hash.update(n === READ_SIZE ? buffer : buffer.subarray(0, n));
      bytes += n;
    }
    closeSync(fd);
    hash.digest('hex');
  }
  parentPort.postMessage({ files: workerData.files.length, bytes });
}
