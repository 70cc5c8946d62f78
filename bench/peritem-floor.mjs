// The floor under the per-item CPU row (issue 22): a process that only lists a package and reads
// every file the way `dangan validate` must, with nothing of dangan loaded (no XML, no checks, no
// content scan, no report).
//
//   node bench/peritem-floor.mjs <package folder> [--xml]
//
// It makes the system calls the hostile-input rules require (docs/security.md), and no others:
// one `readdirSync` per folder (names and types), an `lstat` per file (size and identity), then per
// file `open(O_NOFOLLOW | O_NONBLOCK)`, `fstat` (the file opened is the file listed), one `pread`
// and `close`. With --xml it also decodes every .XML file with a fatal UTF-8 `TextDecoder`, the
// least any XML reader pays before it parses. Prints the files, folders and bytes it read.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';

const [root, flag] = process.argv.slice(2);
if (!root) {
  process.stderr.write('usage: node bench/peritem-floor.mjs <package folder> [--xml]\n');
  process.exit(2);
}
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const files = [];
const folders = [root];
for (let next = 0; next < folders.length; next++) {
  const folder = folders[next];
  for (const child of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${child.name}`;
    if (child.isDirectory()) folders.push(path);
    else if (child.isFile()) {
      const stats = lstatSync(path);
      files.push({ path, size: stats.size, dev: stats.dev, ino: stats.ino });
    }
  }
}
files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
let bytes = 0;
let characters = 0;
for (const file of files) {
  const fd = openSync(file.path, FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.dev !== file.dev || stats.ino !== file.ino || stats.size !== file.size) throw new Error(`${file.path} changed`);
    const buffer = new Uint8Array(file.size + 1);
    const n = readSync(fd, buffer, 0, file.size + 1, 0);
    if (n !== file.size) throw new Error(`${file.path} changed while read`);
    bytes += n;
    if (flag === '--xml' && file.path.endsWith('.XML')) characters += utf8.decode(buffer.subarray(0, n)).length;
  } finally {
    closeSync(fd);
  }
}
process.stdout.write(`${files.length} files, ${folders.length} folders, ${bytes} bytes${flag === '--xml' ? `, ${characters} XML characters` : ''}\n`);
