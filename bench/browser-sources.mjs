// The dangan/browser sources beside the dangan/node ones, in one Node process (Blob is in Node 20):
//
//   node bench/browser-sources.mjs [megabytes]
//
// Builds one zip in the OS temp folder holding a file of <megabytes> (default 256) of mixed
// bytes, deflated, and reads its member through openZipBlobSource and openZipSource, and digests
// it (SM3 + SHA-256) from a Blob folder and from a directory. Prints each time and the ratio
// browser/node. The browser sources hash on the calling thread (hash-wasm); the node ones use
// worker threads and node:crypto. The library comes from DANGAN_DIST_DIR (default dist/).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST } from './generate.mjs';
import { buildZip } from '../test/fixtures/packages/zip.mjs';

const megabytes = Number(process.argv[2] ?? 256);
const browser = await import(pathToFileURL(join(DIST, 'browser', 'index.js')).href);
const node = await import(pathToFileURL(join(DIST, 'node', 'index.js')).href);
const work = mkdtempSync(join(tmpdir(), 'dangan-bench-browser-'));
try {
  // Compressible but not trivial: text-like runs with a counter, about 3:1 under deflate.
  const data = new Uint8Array(megabytes << 20);
  for (let i = 0; i < data.length; i++) data[i] = 97 + ((i * 7 + (i >> 9)) % 23);
  const zipPath = join(work, 'p.zip');
  writeFileSync(zipPath, buildZip([{ name: 'big.bin', data, deflate: true }]));
  mkdirSync(join(work, 'dir'));
  writeFileSync(join(work, 'dir', 'big.bin'), data);
  const zipBlob = new Blob([readFileSync(zipPath)]);
  const fileBlob = new Blob([data]);
  const time = async (fn) => {
    const started = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  const drain = async (source) => {
    let n = 0;
    for await (const chunk of source.stream('big.bin')) n += chunk.byteLength;
    if (n !== data.length) throw new Error(`read ${n} bytes`);
  };
  const digest = async (source) => {
    for await (const r of source.digest([{ path: 'big.bin', algorithms: ['sm3', 'sha256'] }])) if (r.error) throw new Error(r.error);
  };
  const rows = [
    ['zip: inflate + CRC-32', await time(async () => drain(await browser.openZipBlobSource(zipBlob))), await time(async () => drain(await node.openZipSource(zipPath)))],
    ['folder: SM3 + SHA-256', await time(async () => digest(browser.openFileListSource([{ path: 'big.bin', blob: fileBlob }]))), await time(async () => digest(await node.openDirectorySource(join(work, 'dir'))))],
  ];
  process.stdout.write(`${megabytes} MiB\n`);
  for (const [name, b, n] of rows) process.stdout.write(`${name}: browser ${b.toFixed(2)} s, node ${n.toFixed(2)} s, ratio ${(b / n).toFixed(2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
