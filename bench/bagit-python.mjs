// Validating a 1 GB bag: `dangan validate` beside bagit-python's `bagit.py --validate --processes 2`,
// in the same run, on the same bag, alternating A B A B, printing each median and the ratio.
//
//   node bench/bagit-python.mjs --bagit-py PATH/TO/bagit.py [--dir /tmp/bagit2] [--size-mb 1024] [--pairs 3] [--prepare]
//
// --prepare only writes the peer's copy and the bag (no timing), so the data can be made outside the bench lock.
//
// bagit-python is run from its source (github.com/LibraryOfCongress/bagit-python, src/bagit/__init__.py;
// stdlib only). Run from a plain copy, its `VERSION = version(MODULE_NAME)` finds no installed
// package metadata, so the copy made in --dir has that one line set to a literal; nothing else changes.
// The bag: 256 files of 4 MiB (1 GiB) of seeded pseudo-random bytes (AES-256-CTR), made by `dangan bag` with a
// sha256 manifest (the algorithm both tools then verify). Both use 2 workers: `--jobs 2`, `--processes 2`.
// The library comes from DANGAN_DIST_DIR (default dist/; `npm run build` first). Run it under
// `flock` (one bench at a time) when the machine is shared.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createCipheriv, createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DIST } from './generate.mjs';

const { values } = parseArgs({ options: { 'bagit-py': { type: 'string' }, dir: { type: 'string' }, 'size-mb': { type: 'string' }, pairs: { type: 'string' }, prepare: { type: 'boolean' } } });
if (!values['bagit-py'] || !existsSync(values['bagit-py'])) {
  process.stderr.write('usage: node bench/bagit-python.mjs --bagit-py PATH/TO/bagit.py [--dir DIR] [--size-mb N] [--pairs N]\n(the peer is missing: the run fails)\n');
  process.exit(2);
}
const dir = values.dir ?? '/tmp/bagit2';
const sizeMb = Number(values['size-mb'] ?? 1024);
const pairs = Number(values.pairs ?? 3);
const cli = join(DIST, 'cli', 'main.js');
mkdirSync(dir, { recursive: true });

const peer = join(dir, 'bagit.py');
writeFileSync(peer, readFileSync(values['bagit-py'], 'utf8').replace(/^VERSION = version\(MODULE_NAME\)$/m, 'VERSION = "source"'));

const bag = join(dir, `bag-${sizeMb}mb`);
if (!existsSync(join(bag, 'bagit.txt'))) {
  const src = join(dir, 'payload');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const fileBytes = 4 * 1024 * 1024;
  // Seeded pseudo-random bytes: AES-256-CTR over zeros, key from the seed, one IV per file (fast and deterministic).
  const key = createHash('sha256').update('dangan 93').digest();
  for (let i = 0; i < (sizeMb * 1024 * 1024) / fileBytes; i++) {
    const iv = Buffer.alloc(16);
    iv.writeUInt32BE(i, 12);
    const cipher = createCipheriv('aes-256-ctr', key, iv);
    writeFileSync(join(src, `file-${String(i).padStart(4, '0')}.bin`), Buffer.concat([cipher.update(Buffer.alloc(fileBytes)), cipher.final()]));
  }
  rmSync(bag, { recursive: true, force: true });
  execFileSync(process.execPath, [cli, 'bag', src, '--out', bag, '--algorithm', 'sha256', '--date', '2025-01-02', '--quiet'], { stdio: 'inherit' });
}
if (values.prepare) process.exit(0);

const runs = {
  dangan: [process.execPath, [cli, 'validate', bag, '--jobs', '2', '--quiet']],
  'bagit-python': ['python3', [peer, '--validate', '--processes', '2', bag]],
};
function time(name) {
  const [command, args] = runs[name];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${name} failed (${result.status}): ${result.stderr || result.stdout}`);
  return seconds;
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
// Warm the page cache once with each, then alternate.
time('dangan');
time('bagit-python');
const seconds = { dangan: [], 'bagit-python': [] };
for (let i = 0; i < pairs; i++) for (const name of ['dangan', 'bagit-python']) seconds[name].push(time(name));
const ratios = seconds.dangan.map((s, i) => s / seconds['bagit-python'][i]);
const line = (name) => `| ${name} | ${median(seconds[name]).toFixed(2)} s | ${Math.min(...seconds[name]).toFixed(2)}–${Math.max(...seconds[name]).toFixed(2)} s |`;
process.stdout.write(
  [
    `bag: ${bag} (${sizeMb} MiB, sha256), ${pairs} pairs, 2 workers each`,
    '| | median | min–max |',
    '|---|---|---|',
    line('dangan'),
    line('bagit-python'),
    `ratio dangan / bagit-python (median of pairs): ${median(ratios).toFixed(2)}× (pairs: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
    '',
  ].join('\n'),
);
