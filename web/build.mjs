// Builds the static page into dist-web/ (or the folder given): index.html and one bundled script
// (esbuild, browser platform) that carries the hashing worker's bundle as text, started from a blob: URL.
// Usage: npm run web [-- <out dir>]
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.argv[2] ?? 'dist-web');
mkdirSync(out, { recursive: true });
const common = { bundle: true, platform: 'browser', target: 'es2022', minify: true, logLevel: 'warning' };
const worker = await build({ ...common, entryPoints: [`${root}web/digestWorker.ts`], format: 'iife', write: false });
await build({
  ...common,
  entryPoints: [`${root}web/main.ts`],
  outfile: `${out}/app.js`,
  format: 'esm',
  sourcemap: true,
  define: { DIGEST_WORKER_SOURCE: JSON.stringify(worker.outputFiles[0].text) },
});
copyFileSync(`${root}web/index.html`, `${out}/index.html`);
