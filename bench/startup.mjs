// Start-up of `dangan validate` on a small package (issue 22): the whole CLI process against
// `node -e 0` plus the same work done inside a warm process (validatePath + formatJson from the
// built package, after warm-up runs). Runs alternate A B C A B C … and each is timed on the wall
// clock; the medians give
//
//   ratio = cli / (node -e 0 + warm work)        target ≤ 1.5
//
//   npm run build && node bench/startup.mjs [--runs 15] [--package examples/packages/valid] [--json FILE]
//
// Exits 1 when the ratio is over the target. Run it under `flock /work/wt/bench.lock` on a shared
// machine; the default package is the demo's valid one (3 件, 9 files).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.DANGAN_DIST_DIR ?? join(ROOT, 'dist');
const NODE = process.execPath;
const TARGET = 1.5;

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(option('runs', '15'));
const pkg = option('package', join(ROOT, 'examples', 'packages', 'valid'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Wall time of one process, in ms; fails on an exit code other than 0. */
function processMs(argv) {
  const started = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  return ms;
}

const { validatePath } = await import(pathToFileURL(join(DIST, 'node', 'index.js')).href);
const { formatJson } = await import(pathToFileURL(join(DIST, 'index.js')).href);
/** Wall time of the same work in this (warm) process, in ms. */
async function warmMs() {
  const started = process.hrtime.bigint();
  const report = await validatePath(pkg);
  formatJson(report);
  if (!report.valid) throw new Error(`${pkg} is not valid`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const cli = [NODE, join(DIST, 'cli', 'main.js'), 'validate', pkg, '--format', 'json'];
const bare = [NODE, '-e', '0'];
// Warm-up: the page cache, and the library's code in this process.
processMs(cli);
processMs(bare);
for (let i = 0; i < 5; i++) await warmMs();

const times = { cli: [], bare: [], warm: [] };
for (let i = 0; i < runs; i++) {
  times.bare.push(processMs(bare));
  times.cli.push(processMs(cli));
  times.warm.push(await warmMs());
}
const m = { cli: median(times.cli), bare: median(times.bare), warm: median(times.warm) };
const ratio = m.cli / (m.bare + m.warm);
const perRun = times.cli.map((c, i) => c / (times.bare[i] + times.warm[i]));
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`package: ${pkg}; ${runs} runs each, alternating; node ${process.version}; load ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`| dangan validate (whole process) | node -e 0 | same work, warm process | ratio cli / (node -e 0 + warm) | per run | target |`);
console.log(`|---:|---:|---:|---:|---|---:|`);
console.log(
  `| ${ms(m.cli)} (${ms(Math.min(...times.cli))}–${ms(Math.max(...times.cli))}) | ${ms(m.bare)} | ${ms(m.warm)} | **${ratio.toFixed(2)}** | ${perRun.map((r) => r.toFixed(2)).join(' ')} | ≤ ${TARGET} ${ratio <= TARGET ? 'met' : 'NOT MET'} |`,
);
const json = option('json');
if (json) writeFileSync(json, JSON.stringify({ package: pkg, runs, times, medians: m, ratio, target: TARGET }, null, 2));
if (ratio > TARGET) process.exitCode = 1;
