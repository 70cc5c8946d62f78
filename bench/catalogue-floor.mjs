// The floor of a streaming catalogue check in Node: merely read the file in 64 KiB chunks and decode it
// (TextDecoder, stream mode), counting lines so the text is touched. No XML, no checks.
//   node bench/catalogue-floor.mjs <file.xml>
import { closeSync, openSync, readSync } from 'node:fs';

const fd = openSync(process.argv[2], 'r');
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
let lines = 0;
let units = 0;
for (;;) {
  const chunk = new Uint8Array(1 << 16);
  const n = readSync(fd, chunk, 0, chunk.length, null);
  const text = decoder.decode(chunk.subarray(0, n), { stream: n > 0 });
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lines++;
  units += text.length;
  if (n === 0) break;
}
closeSync(fd);
process.stdout.write(`${lines} lines, ${units} UTF-16 units\n`);
