// The hashing engine alone, as a process the bench can time against `openssl dgst`:
//
//   node bench/hash.mjs <algorithm[,algorithm…]> <file-list> [jobs]
//
// <file-list> holds one path per line. Prints the number of files and bytes hashed;
// exits 1 if any file could not be read. The library comes from DANGAN_DIST_DIR (default dist/).
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
for await (const result of digestFiles(files, jobs ? { jobs: Number(jobs) } : {})) {
  bytes += result.bytes;
  if (result.error) failed++;
}
process.stdout.write(`${files.length} files, ${bytes} bytes${failed ? `, ${failed} unreadable` : ''}\n`);
process.exitCode = failed ? 1 : 0;
