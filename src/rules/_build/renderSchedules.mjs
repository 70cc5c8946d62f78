#!/usr/bin/env node
// Writes docs/schedules/<id>.md for every built-in retention schedule, and docs/sources.md.
// Usage: node src/rules/_build/renderSchedules.mjs [--check]
// --check writes nothing and exits 1 when a page is missing or stale.
// The TypeScript sources are bundled in memory with esbuild (a dev dependency).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = join(root, 'docs/schedules');
const check = process.argv.includes('--check');

const bundle = await build({
  stdin: {
    contents:
      "export { renderSchedule } from './src/rules/_build/renderSchedule.ts'; export { renderSources } from './src/rules/_build/renderSources.ts'; export { builtInSchedules } from './src/rules/schedules/index.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'silent',
});
const { renderSchedule, renderSources, builtInSchedules } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

await mkdir(outDir, { recursive: true });
let stale = 0;
const pages = [
  ...Object.values(builtInSchedules).map((schedule) => [`docs/schedules/${schedule.id}.md`, renderSchedule(schedule)]),
  ['docs/sources.md', renderSources()],
];
for (const [name, text] of pages) {
  const file = join(root, name);
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) continue;
  stale++;
  if (check) process.stderr.write(`stale: ${name}\n`);
  else {
    await writeFile(file, text);
    process.stdout.write(`wrote ${name}\n`);
  }
}
if (check && stale > 0) process.exit(1);
