// Shards of a 10,000-item package (issue 22, "beyond one machine"): `dangan validate --shard I/N`
// run as separate processes for N = 1, 2 and 4, merged by `dangan report merge`, must give the
// report of one whole run (order and timings aside); the bench prints the times beside it.
//
//   node bench/shard.mjs [--items 10000] [--seed 93]
//
// The package is bench/generate.mjs's scale-<items>x2 set (small items, two content files each),
// copied to a temporary folder with planted faults: 3 in 5 content files changed by one byte
// (fixity.mismatch, far over the 1,000 cap), a PNG and an executable signature in a few, one file
// missing and one unlisted. Shards run two at a time (this machine has 2 cores), as a batch
// engine with two nodes would. Exits 1 when a merged report differs from the single run.
// Needs GNU time (/usr/bin/time, Debian package time) for the CPU column.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI, generate } from './generate.mjs';

const { values } = parseArgs({ options: { items: { type: 'string', default: '10000' }, seed: { type: 'string', default: '93' } } });
const ITEMS = Number(values.items);
const SHARD_COUNTS = [1, 2, 4];
const TMP = mkdtempSync(join(tmpdir(), 'dangan-bench-shard-'));

let counter = 0;
/** Runs the CLI under GNU time; resolves with its exit code, stdout, wall seconds and CPU seconds (user + system). */
function dangan(args) {
  return new Promise((resolve, reject) => {
    const times = join(TMP, `time-${counter++}`);
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', times, process.execPath, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let stderr = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => {
      if (stderr.length < 4000) stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const [user, system] = readFileSync(times, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu: user + system });
    });
  });
}

/** Runs jobs two at a time; resolves with their results in order and the wall time of all. */
async function inPairs(jobs) {
  const started = process.hrtime.bigint();
  const results = [];
  for (let i = 0; i < jobs.length; i += 2) results.push(...(await Promise.all(jobs.slice(i, i + 2).map((job) => job()))));
  return { results, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** A report with order and timings taken out, as test/cli/shard.test.ts compares them. */
function comparable(report) {
  const key = (issue) => JSON.stringify(issue, Object.keys(issue).sort());
  return JSON.stringify({
    valid: report.valid,
    profile: report.profile,
    summary: report.summary,
    checks: report.checks.map((c) => ({ id: c.id, status: c.status, issues: (c.issues ?? []).map((i) => key(report.issues[i])).sort() })),
    issues: report.issues.map(key).sort(),
  });
}

/** Plants the faults in a copy of the package; returns the copy. */
function faultyCopy(source) {
  const pkg = join(TMP, 'pkg');
  cpSync(source, pkg, { recursive: true });
  const files = readdirSync(pkg, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.pdf'))
    .sort()
    .map((p) => join(pkg, p));
  files.forEach((file, i) => {
    const bytes = readFileSync(file);
    if (i % 5 < 3) bytes[bytes.length - 8] ^= 0x20;
    else if (i % 401 === 3) Buffer.from('\x89PNG\r\n\x1a\n', 'latin1').copy(bytes, 0);
    else if (i % 397 === 4) Buffer.from('MZ\x90\x00', 'latin1').copy(bytes, 0);
    else return;
    writeFileSync(file, bytes);
  });
  unlinkSync(files[5]);
  writeFileSync(join(files[7], '..', '多余.pdf'), '%PDF-1.7\n%%EOF\n');
  return pkg;
}

const fixed = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');

try {
  const names = await generate({ items: 0, size: 0, entries: 0, codes: 0, seed: Number(values.seed), only: new Set(['none']), perItem: [[ITEMS, 2]] });
  const pkg = faultyCopy(names.scaleFiles(ITEMS, 2));
  console.log(`shards of a ${ITEMS.toLocaleString('en-US')}-item package (2 content files each, planted faults); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const single = await dangan(['validate', pkg, '--format', 'json', '--quiet']);
  if (single.code !== 1) throw new Error(`the single run exited ${single.code}, expected 1: ${single.stderr}`);
  const expected = comparable(JSON.parse(single.stdout));
  console.log(`| run | processes | wall s (2 at a time) | CPU s (all processes) | merged = single run |`);
  console.log(`|---|---:|---:|---:|---|`);
  console.log(`| single | 1 | ${fixed(single.seconds)} | ${fixed(single.cpu)} | – |`);
  let differs = false;
  for (const n of SHARD_COUNTS) {
    const { results, seconds } = await inPairs(Array.from({ length: n }, (_, i) => () => dangan(['validate', pkg, '--shard', `${i}/${n}`, '--format', 'json', '--quiet'])));
    const files = results.map((r, i) => {
      if (r.code !== 1) throw new Error(`shard ${i}/${n} exited ${r.code}: ${r.stderr}`);
      const file = join(TMP, `shard-${n}-${i}.json`);
      writeFileSync(file, r.stdout);
      return file;
    });
    const merged = await dangan(['report', 'merge', ...files, '--format', 'json']);
    const same = merged.code === 1 && comparable(JSON.parse(merged.stdout)) === expected;
    differs ||= !same;
    const cpuAll = results.reduce((a, r) => a + r.cpu, 0) + merged.cpu;
    console.log(`| N = ${n} + merge | ${n + 1} | ${fixed(seconds + merged.seconds)} | ${fixed(cpuAll)} | ${same ? 'yes' : `**no** (merge exit ${merged.code})`} |`);
  }
  if (differs) {
    console.error('a merged report differs from the single run');
    process.exitCode = 1;
  }
} finally {
  rmSync(TMP, { recursive: true, force: true });
}
