// Start-up of `dangan validate` on a small package (issue 22): the whole CLI process against
// `node -e 0` plus the same work done inside a warm process (validatePath + formatJson from the
// built package, after warm-up runs). Runs alternate A B C A B C … and each is timed on the wall
// clock; the medians give
//
//   ratio = cli / (node -e 0 + warm work)        target ≤ 1.5
//
//   npm run build && node bench/startup.mjs [--runs 15] [--package examples/packages/valid] [--json FILE]
//                                           [--compare OTHER_CLI]
//
// The CLI is the `bin` package.json declares (dist/cli/main.cjs), under DANGAN_DIST_DIR when set.
// `--compare OTHER_CLI` (e.g. an older build's cli/main.js) runs that CLI too, interleaved in the
// same rounds, and prints its row and ratio beside ours (the target applies to ours).
//
// Exits 1 when the ratio is over the target. Run it under `flock` (one bench at a time) on a shared
// machine; the default package is the demo's valid one (3 件, 9 files). CPU time (user + system,
// from GNU time for the processes, process.cpuUsage for the warm work) is printed beside the wall
// clock: on a loaded machine it is the steadier of the two.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const TMP = mkdtempSync(join(tmpdir(), 'dangan-startup-'));
process.on('exit', () => rmSync(TMP, { recursive: true, force: true }));

/** Wall and CPU time of one process, in ms; fails on an exit code other than 0. */
function processMs(argv) {
  const cpuFile = join(TMP, 'cpu');
  const full = TIME ? [TIME, '-f', '%U %S', '-o', cpuFile, ...argv] : argv;
  const started = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  const cpu = TIME ? readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1).split(' ').reduce((a, x) => a + Number(x) * 1000, 0) : NaN;
  return { ms, cpu };
}

const { validatePath } = await import(pathToFileURL(join(DIST, 'node', 'index.js')).href);
const { formatJson } = await import(pathToFileURL(join(DIST, 'index.js')).href);
/** Wall time of the same work in this (warm) process, in ms. */
async function warmMs() {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const report = await validatePath(pkg);
  formatJson(report);
  if (!report.valid) throw new Error(`${pkg} is not valid`);
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, cpu: (used.user + used.system) / 1000 };
}

const { bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const ours = join(DIST, 'cli', typeof bin === 'string' ? bin : bin.dangan.replace(/^.*\/cli\//, ''));
const other = option('compare');
const clis = { cli: ours, ...(other ? { compare: other } : {}) };
const commands = Object.fromEntries(Object.entries(clis).map(([key, file]) => [key, [NODE, file, 'validate', pkg, '--format', 'json']]));
const bare = [NODE, '-e', '0'];
const { loadavg } = await import('node:os');
const loadBefore = loadavg()[0];
// Warm-up: the page cache, and the library's code in this process.
for (const command of Object.values(commands)) processMs(command);
processMs(bare);
for (let i = 0; i < 5; i++) await warmMs();

const keys = ['bare', ...Object.keys(commands), 'warm'];
const times = Object.fromEntries(keys.map((k) => [k, []]));
const cpu = Object.fromEntries(keys.map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const key of keys) {
    const r = key === 'warm' ? await warmMs() : processMs(key === 'bare' ? bare : commands[key]);
    times[key].push(r.ms);
    cpu[key].push(r.cpu);
  }
}
const m = Object.fromEntries(keys.map((k) => [k, median(times[k])]));
const c = Object.fromEntries(keys.map((k) => [k, median(cpu[k])]));
const ratio = m.cli / (m.bare + m.warm);
const cpuRatio = c.cli / (c.bare + c.warm);
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`package: ${pkg}; ${runs} runs each, alternating; node ${process.version}; load ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}`);
console.log(`| | CLI | dangan validate (whole process) | node -e 0 | same work, warm process | ratio cli / (node -e 0 + warm) | per run | target |`);
console.log(`|---|---|---:|---:|---:|---:|---|---:|`);
for (const [key, file] of Object.entries(clis)) {
  const r = m[key] / (m.bare + m.warm);
  const perRun = times[key].map((t, i) => t / (times.bare[i] + times.warm[i]));
  const verdict = key === 'cli' ? `≤ ${TARGET} ${r <= TARGET ? 'met' : 'NOT MET'}` : '';
  console.log(`| wall | ${file} | ${ms(m[key])} (${ms(Math.min(...times[key]))}–${ms(Math.max(...times[key]))}) | ${ms(m.bare)} | ${ms(m.warm)} | **${r.toFixed(2)}** | ${perRun.map((x) => x.toFixed(2)).join(' ')} | ${verdict} |`);
  console.log(`| CPU | ${file} | ${ms(c[key])} | ${ms(c.bare)} | ${ms(c.warm)} | ${(c[key] / (c.bare + c.warm)).toFixed(2)} | | |`);
}
const json = option('json');
if (json) writeFileSync(json, JSON.stringify({ package: pkg, runs, clis, times, cpu, medians: m, cpuMedians: c, ratio, cpuRatio, target: TARGET }, null, 2));
if (ratio > TARGET) process.exitCode = 1;
