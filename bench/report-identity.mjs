// Reports must not change when only memory or speed changes: validates the fixture corpus (every
// case of test/fixtures/packages/cases, the two example packages) with two builds, in json and jsonl,
// with and without fixity, and compares the outputs byte for byte (the jsonl summary's timing fields
// aside, if any). Prints the cases that differ; exits 1 when any does.
//
//   node bench/report-identity.mjs --before /path/to/old/dist [--after dist] [--extra DIR ...]
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { before: { type: 'string' }, after: { type: 'string' }, extra: { type: 'string', multiple: true } } });
if (!values.before) throw new Error('usage: node bench/report-identity.mjs --before DIST [--after DIST] [--extra PACKAGE ...]');
const builds = [values.before, values.after ?? join(ROOT, 'dist')];
const cases = join(ROOT, 'test/fixtures/packages/cases');
const inputs = [
  ...readdirSync(cases).sort().map((name) => join(cases, name)),
  join(ROOT, 'examples/packages/valid'),
  join(ROOT, 'examples/packages/faulty'),
  ...(values.extra ?? []),
];
const variants = [['--format', 'json'], ['--format', 'json', '--no-fixity'], ['--format', 'jsonl'], ['--format', 'json', '--lang', 'en']];

function run(dist, input, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dist, 'cli', 'main.js'), 'validate', input, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve(`${code}\n${out}\n${err}`));
  });
}

const jobs = inputs.flatMap((input) => variants.map((args) => ({ input, args })));
let differ = 0;
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const { input, args } = jobs[next++];
    const [a, b] = await Promise.all(builds.map((dist) => run(dist, input, args)));
    if (a !== b) {
      differ++;
      process.stdout.write(`DIFFERS ${input} ${args.join(' ')}\n--- before\n${a.slice(0, 1500)}\n--- after\n${b.slice(0, 1500)}\n`);
    }
  }
}
await Promise.all([worker(), worker()]);
process.stdout.write(`${jobs.length} runs per build (${inputs.length} inputs × ${variants.length} variants): ${differ} differ\n`);
process.exitCode = differ === 0 ? 0 : 1;
