// The hashing engine alone, as a process the bench can time against `openssl dgst`:
//
//   node bench/hash.mjs <algorithm[,algorithm…]> <file-list> [jobs]
//
// <file-list> holds one path per line. Prints the number of files and bytes hashed and
// `hash-seconds=<s>`: the hashing part, from the digestFiles call (workers' start included) to
// the last result — node's start-up and loading the library are left out (the bench shows them
// in the process time beside it). Exits 1 if any file could not be read.
// The library comes from DANGAN_DIST_DIR (default dist/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST } from './generate.mjs';

const [algorithms, list, jobs] = process.argv.slice(2);
if (!algorithms || !list) {
  process.stderr.write('usage: node bench/hash.mjs <algorithm[,algorithm…]> <file-list> [jobs]\n');
  process.exit(2);
}
const { digestFiles } = await import(pathToFileURL(join(DIST, 'node', 'index.js')).href);
const files = readFileSync(list, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((file) => ({ path: file, file, algorithms: algorithms.split(',') }));
let bytes = 0;
let failed = 0;
const started = process.hrtime.bigint();
for await (const result of digestFiles(files, jobs ? { jobs: Number(jobs) } : {})) {
  bytes += result.bytes;
  if (result.error) failed++;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${files.length} files, ${bytes} bytes${failed ? `, ${failed} unreadable` : ''}\nhash-seconds=${seconds}\n`);
process.exitCode = failed ? 1 : 0;
