#!/usr/bin/env node
// Measures every hostile case (slow ones included) in its own Node process under GNU time:
// wall time, CPU time (user + system: steadier than wall time on a shared machine), peak
// resident memory, the codes produced and whether the expected one came.
// Not a test (no timing asserts in CI); the must-show is 5 s and 256 MB per case.
//
//   node test/hostile/measure.mjs [--markdown] [--only name,name]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBundle } from './bundle.mjs';

const { values } = parseArgs({ options: { markdown: { type: 'boolean', default: false }, only: { type: 'string' } } });
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) throw new Error('GNU time (/usr/bin/time) is needed to measure peak memory');
const LIMIT_SECONDS = 5;
const LIMIT_MB = 256;

const work = mkdtempSync(join(tmpdir(), 'dangan-measure-'));
const corpus = join(work, 'corpus');
const bundleDir = join(work, 'bundle');
mkdirSync(bundleDir, { recursive: true });
const harness = await loadBundle(bundleDir);
const only = values.only ? new Set(values.only.split(',')) : undefined;
const cases = harness.hostileCases.filter((c) => !only || only.has(c.name));
const generatedAt = Date.now();
const names = new Set(cases.map((c) => c.name));
harness.writeCorpus(corpus, (c) => names.has(c.name));
console.error(`corpus written in ${((Date.now() - generatedAt) / 1000).toFixed(1)} s to ${corpus}`);

const rows = [];
for (const c of cases) {
  const stats = join(work, `${c.name}.time`);
  const child = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', stats, process.execPath, join(bundleDir, 'harness.mjs'), 'run', c.name, corpus], {
    encoding: 'utf8',
    env: { ...process.env, DANGAN_HARNESS: 'run' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const [seconds, user, system, kb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  let result = { codes: [], ok: false };
  try {
    result = JSON.parse(child.stdout.trim().split('\n').at(-1));
  } catch {
    result.codes = [`CRASH: ${child.stderr.trim().split('\n').slice(0, 3).join(' ')}`];
  }
  const mb = kb / 1024;
  rows.push({ name: c.name, expect: c.expect, ok: result.ok, seconds, cpu: user + system, mb, within: seconds <= LIMIT_SECONDS && mb <= LIMIT_MB, codes: result.codes });
}
rmSync(work, { recursive: true, force: true });

if (values.markdown) {
  console.log('| case | expected | got it | wall s | CPU s | peak MB | ≤ 5 s, ≤ 256 MB |');
  console.log('|---|---|---|---:|---:|---:|---|');
  for (const r of rows) console.log(`| ${r.name} | \`${r.expect}\` | ${r.ok ? 'yes' : '**no**'} | ${r.seconds.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.mb.toFixed(0)} | ${r.within ? 'yes' : '**no**'} |`);
} else {
  for (const r of rows) console.log(`${r.ok && r.within ? 'ok  ' : 'FAIL'} ${r.name.padEnd(34)} ${r.seconds.toFixed(2).padStart(6)} s ${r.cpu.toFixed(2).padStart(6)} s CPU ${r.mb.toFixed(0).padStart(5)} MB  ${r.expect}${r.ok ? '' : `  (got ${r.codes.join(', ')})`}`);
}
const bad = rows.filter((r) => !r.ok || !r.within);
console.error(`${rows.length} cases, ${bad.length} failing (wrong code, over ${LIMIT_SECONDS} s or over ${LIMIT_MB} MB)`);
process.exitCode = bad.length > 0 ? 1 : 0;
