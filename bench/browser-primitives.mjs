// What the page's building blocks cost in headless Chromium (issue 21): reading a `File` from a
// Web Worker (one stream, large slices, many small slices), and hashing/scanning bytes in memory
// (hash-wasm SM3, SHA-256, CRC-32; the content scan), each over the same file.
//
//   node bench/browser-primitives.mjs <file> [--mib 256] [--only <part of a step's name>]
//
//   <file> may be a folder: then the file steps read each of its files, the others its largest file.
// Run under `flock` (one bench at a time). Prints MB/s (or ms per slice) and the load average.
import { existsSync, statSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

/** CPU seconds (user + sys) of this process's descendants, by chromium process type. */
function cpuByType() {
  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ').at(-1).split(' ');
      const type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${name}/cmdline`, 'utf8'))?.[1] ?? 'browser';
      stats.set(Number(name), { ppid: Number(fields[1]), type, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended
    }
  }
  const under = new Set([process.pid]);
  const byType = {};
  for (let grown = true; grown; ) {
    grown = false;
    for (const [pid, s] of stats) {
      if (under.has(pid) || !under.has(s.ppid)) continue;
      under.add(pid);
      grown = true;
      byType[s.type] = (byType[s.type] ?? 0) + s.ticks / 100;
    }
  }
  return byType;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const file = process.argv[2];
if (!file || !existsSync(file)) throw new Error('usage: node bench/browser-primitives.mjs <file> [--mib 256]');
const mibAt = process.argv.indexOf('--mib');
const mib = mibAt > 0 ? Number(process.argv[mibAt + 1]) : 256;

const site = mkdtempSync(join(tmpdir(), 'dangan-bench-primitives-'));
const worker = await build({
  bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'warning', target: 'es2022',
  stdin: {
    resolveDir: ROOT,
    contents: `
      import { createSM3, createSHA256, createCRC32 } from 'hash-wasm';
      import { createContentScanner } from './src/package/format/contentScanner.ts';
      const mb = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(0) + ' MB/s';
      let file, files, limit, bytes;
      const steps = {
        async 'stream (one slice of the file)'() {
          let n = 0, chunks = 0;
          const reader = file.slice(0, limit).stream().getReader();
          for (;;) { const r = await reader.read(); if (r.done) break; n += r.value.byteLength; chunks++; }
          return [n, (n / chunks / 1024).toFixed(0) + ' KiB chunks'];
        },
        async 'stream, BYOB reader into one 4 MiB buffer'() {
          let n = 0, chunks = 0;
          const reader = file.slice(0, limit).stream().getReader({ mode: 'byob' });
          let buffer = new ArrayBuffer(4 << 20);
          for (;;) { const r = await reader.read(new Uint8Array(buffer)); if (r.done) break; n += r.value.byteLength; chunks++; buffer = r.value.buffer; }
          return [n, (n / chunks / 1024).toFixed(0) + ' KiB chunks'];
        },
        async 'FileReaderSync, slices of 8 MiB'() {
          const reader = new FileReaderSync();
          let n = 0;
          for (let at = 0; at < limit; at += 8 << 20) n += reader.readAsArrayBuffer(file.slice(at, Math.min(limit, at + (8 << 20)))).byteLength;
          return [n];
        },
        async 'files: arrayBuffer() each, 4 at once'() { return [await eachFile(4, async (f) => (await f.arrayBuffer()).byteLength)]; },
        async 'files: BYOB stream each, 4 at once'() {
          const pool = [];
          return [await eachFile(4, async (f) => {
            let buffer = pool.pop() ?? new ArrayBuffer(1 << 20);
            const reader = f.stream().getReader({ mode: 'byob' });
            let n = 0;
            for (;;) { const r = await reader.read(new Uint8Array(buffer)); if (r.done) { buffer = r.value.buffer; break; } n += r.value.byteLength; buffer = r.value.buffer; }
            pool.push(buffer);
            return n;
          })];
        },
        async 'slices of 1 MiB, arrayBuffer'() { return [await slices(1 << 20)]; },
        async 'slices of 8 MiB, arrayBuffer'() { return [await slices(8 << 20)]; },
        async '2000 slices of 200 bytes, 1 at once'() { return [0, await small(1)]; },
        async '2000 slices of 200 bytes, 32 at once'() { return [0, await small(32)]; },
        async 'SM3 (hash-wasm)'() { return [await hash(createSM3)]; },
        async 'SHA-256 (hash-wasm)'() { return [await hash(createSHA256)]; },
        async 'CRC-32 (hash-wasm)'() { return [await hash(createCRC32)]; },
        async 'content scan, as a PDF'() {
          const pdf = bytes.slice(); pdf.set(new TextEncoder().encode('%PDF-1.7\\n'), 0);
          for (let r = 0; r < 4; r++) { const s = createContentScanner(pdf.length, 2 ** 30); for (let at = 0; at < pdf.length; at += 1 << 20) s.push(pdf.subarray(at, at + (1 << 20))); s.finish(); }
          return [4 * pdf.length];
        },
      };
      async function eachFile(parallel, read) {
        let next = 0, n = 0;
        await Promise.all(Array.from({ length: parallel }, async () => { while (next < files.length) n += await read(files[next++]); }));
        return n;
      }
      async function slices(size) {
        let n = 0;
        for (let at = 0; at < limit; at += size) n += (await file.slice(at, Math.min(limit, at + size)).arrayBuffer()).byteLength;
        return n;
      }
      async function small(parallel) {
        const count = 2000, step = Math.floor(limit / count);
        const t = performance.now();
        let next = 0;
        await Promise.all(Array.from({ length: parallel }, async () => { while (next < count) { const i = next++; await file.slice(i * step, i * step + 200).arrayBuffer(); } }));
        return ((performance.now() - t) / count).toFixed(3) + ' ms each (wall)';
      }
      async function hash(make) {
        const h = await make(); h.init();
        for (let r = 0; r < 4; r++) for (let at = 0; at < bytes.length; at += 1 << 20) h.update(bytes.subarray(at, at + (1 << 20)));
        h.digest('hex');
        return 4 * bytes.length;
      }
      self.onmessage = async ({ data }) => {
        if (data.files) {
          ({ files } = data); file = files.reduce((a, b) => (b.size > a.size ? b : a)); limit = Math.min(file.size, data.mib * 1048576);
          bytes = new Uint8Array(await file.slice(0, Math.min(limit, 64 << 20)).arrayBuffer());
          return self.postMessage({ names: Object.keys(steps) });
        }
        const t = performance.now();
        const [n, note] = await steps[data.step]();
        self.postMessage({ n, ms: performance.now() - t, note });
      };`,
  },
});
writeFileSync(join(site, 'w.js'), worker.outputFiles[0].text);
writeFileSync(join(site, 'index.html'), `<input type=file id=f ${statSync(file).isDirectory() ? 'webkitdirectory' : ''}><script>
  const w = new Worker('w.js');
  const ask = (message) => new Promise((resolve) => { w.onmessage = (m) => resolve(m.data); w.postMessage(message); });
  window.names = undefined;
  document.getElementById('f').onchange = async (e) => { window.names = (await ask({ files: [...e.target.files], mib: ${mib} })).names; };
  window.step = (step) => ask({ step });
</script>`);
const server = createServer((req, res) => {
  const name = req.url === '/' ? 'index.html' : req.url.slice(1);
  if (!existsSync(join(site, name))) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(readFileSync(join(site, name)));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.setInputFiles('#f', file);
  await page.waitForFunction(() => window.names, undefined, { timeout: 120_000 });
  console.log(`chromium ${browser.version()}, ${mib} MiB of ${file}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('MB/s per CPU second: the bytes over the CPU time (user + sys) of all chromium processes in the step');
  const onlyAt = process.argv.indexOf('--only');
  for (const name of await page.evaluate(() => window.names)) {
    if (onlyAt > 0 && !name.includes(process.argv[onlyAt + 1])) continue;
    const before = cpuByType();
    const { n, ms, note } = await page.evaluate((name) => window.step(name), name);
    const after = cpuByType();
    const spent = Object.fromEntries(Object.entries(after).map(([t, v]) => [t, v - (before[t] ?? 0)]));
    const cpu = Object.values(spent).reduce((a, b) => a + b, 0);
    const rate = n > 0 ? `${(n / 1e6 / (ms / 1000)).toFixed(0)} MB/s wall, ${(n / 1e6 / cpu).toFixed(0)} MB per CPU s; ` : '';
    console.log(`  ${name}: ${rate}${note ?? ''} (CPU ${Object.entries(spent).map(([t, v]) => `${t} ${v.toFixed(2)}`).join(', ')} s; load ${loadavg()[0].toFixed(1)})`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}
