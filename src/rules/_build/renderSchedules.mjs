#!/usr/bin/env node
// Writes docs/schedules/<id>.md for every built-in retention schedule.
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
    contents: "export { renderSchedule } from './src/rules/_build/renderSchedule.ts'; export { builtInSchedules } from './src/rules/schedules/index.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'silent',
});
const { renderSchedule, builtInSchedules } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

await mkdir(outDir, { recursive: true });
let stale = 0;
for (const schedule of Object.values(builtInSchedules)) {
  const file = join(outDir, `${schedule.id}.md`);
  const text = renderSchedule(schedule);
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) continue;
  stale++;
  if (check) process.stderr.write(`stale: docs/schedules/${schedule.id}.md\n`);
  else {
    await writeFile(file, text);
    process.stdout.write(`wrote docs/schedules/${schedule.id}.md\n`);
  }
}
if (check && stale > 0) process.exit(1);
