// Builds the static page into dist-web/: index.html and one bundled script (esbuild, browser platform).
// Usage: npm run web
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist-web`;
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [`${root}web/main.ts`],
  outfile: `${out}/app.js`,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
copyFileSync(`${root}web/index.html`, `${out}/index.html`);
