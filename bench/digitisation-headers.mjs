// The header-reading part of `dangan digitisation check`, as a process the bench times against exiftool:
//
//   node bench/digitisation-headers.mjs <folder>
//
// Walks <folder> (openBatchDirectory) and reads every file's resolution, size, colour mode and
// bit depth with readImageInfo (no decoding). Prints the number of files, a checksum of what was
// read (so nothing is optimised away) and `read-seconds=<s>` (walk + headers; node start-up and
// loading the library left out). The library comes from DANGAN_DIST_DIR (default dist/).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST } from './generate.mjs';

const [folder, dump] = process.argv.slice(2);
if (!folder) {
  process.stderr.write('usage: node bench/digitisation-headers.mjs <folder> [--dump]\n');
  process.exit(2);
}
const { openBatchDirectory } = await import(pathToFileURL(join(DIST, 'node', 'index.js')).href);
const { readImageInfo } = await import(pathToFileURL(join(DIST, 'index.js')).href);
const started = process.hrtime.bigint();
const batch = await openBatchDirectory(folder);
let files = 0;
let sum = 0;
let missing = 0;
const out = [];
for (const entry of await batch.entries()) {
  if (entry.kind !== 'file') continue;
  const reader = await batch.open(entry.path);
  const info = await readImageInfo(reader);
  reader.close();
  files++;
  if (info.xDpi === undefined) missing++;
  sum += (info.xDpi ?? 0) + (info.yDpi ?? 0) + (info.components ?? 0) + (info.bitsPerSample ?? 0) + (info.width ?? 0);
  if (dump) out.push(`${entry.path}\t${info.xDpi ?? '-'}\t${info.yDpi ?? '-'}\t${info.components ?? '-'}\t${info.bitsPerSample ?? '-'}`);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (dump) process.stdout.write(`${out.join('\n')}\n`);
process.stdout.write(`${files} files, checksum ${sum.toFixed(2)}, ${missing} without resolution\nread-seconds=${seconds}\n`);
