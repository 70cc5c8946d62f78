// Virus scanning during validation (DA/T 70-2018 GD-4-2) against ClamAV's own client, in the same run:
//
//   node bench/antivirus.mjs [--items 400] [--size 262144] [--pairs 3] [--database DIR]
//
// Both sides use one clamd, started here on a private socket (MaxThreads = cores): by default with a
// one-signature database written here (EICAR, as the tests do), or with --database DIR (e.g.
// /var/lib/clamav with the official database, which takes clamd a minute to load).
//   ours:  dangan validate <package> --antivirus clamd=SOCKET   (the whole validation: SM3 fixity,
//          formats, metadata, and every file streamed to clamd with INSTREAM, in parallel)
//   peer:  clamdscan --multiscan <package>                     (clamd opens the files itself, in parallel)
//   peer:  clamdscan --multiscan --stream <package>            (the same INSTREAM protocol as ours, in parallel)
// Runs alternate (ours, peer) --pairs times; medians are compared. Also printed: the same validation
// without --antivirus, and the zip of the package with --antivirus (members streamed from the zip).
// The package is bench/generate.mjs's DA/T 93 package (2 PDFs per item); 400 × 2 × 256 KiB ≈ 210 MB.
// The library comes from DANGAN_DIST_DIR (default dist/, built by `npm run build`).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createConnection } from 'node:net';
import { pathToFileURL } from 'node:url';
import { CLI, DIST, generate, PRESETS } from './generate.mjs';

const { values } = parseArgs({
  options: { items: { type: 'string' }, size: { type: 'string' }, pairs: { type: 'string' }, seed: { type: 'string' }, database: { type: 'string' } },
});
const items = Number(values.items ?? 400);
const size = Number(values.size ?? 262_144);
const pairs = Number(values.pairs ?? 3);
const seed = Number(values.seed ?? 93);

function program(name) {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  throw new Error(`${name} not found: apt-get install clamav clamav-daemon`);
}

const names = await generate({ ...PRESETS.quick, items, size, seed, scaling: [], only: new Set(['package']) });

// clamd on a private socket.
const dir = mkdtempSync(join(tmpdir(), 'dangan-bench-clamd-'));
const socket = join(dir, 'clamd.sock');
let database = values.database;
if (!database) {
  database = join(dir, 'db');
  mkdirSync(database);
  const eicar = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1');
  writeFileSync(join(database, 'bench.hdb'), `${createHash('md5').update(eicar).digest('hex')}:${eicar.length}:Dangan.Bench.EICAR\n`);
}
mkdirSync(join(dir, 'tmp'));
const conf = join(dir, 'clamd.conf');
writeFileSync(
  conf,
  [
    'Foreground yes',
    `LocalSocket ${socket}`,
    `DatabaseDirectory ${database}`,
    `TemporaryDirectory ${join(dir, 'tmp')}`,
    `User ${process.getuid?.() === 0 ? 'root' : (process.env.USER ?? 'root')}`,
    `MaxThreads ${availableParallelism()}`,
    'SelfCheck 0',
    '',
  ].join('\n'),
);
const clamd = spawn(program('clamd'), ['-c', conf], { stdio: 'ignore' });
const ping = () =>
  new Promise((resolve) => {
    const s = createConnection({ path: socket });
    s.on('connect', () => s.write('zPING\0'));
    s.on('data', (d) => {
      s.destroy();
      resolve(d.toString().startsWith('PONG'));
    });
    s.on('error', () => resolve(false));
  });
for (const started = Date.now(); !(await ping()); await new Promise((r) => setTimeout(r, 200))) {
  if (clamd.exitCode !== null || Date.now() - started > 300_000) throw new Error('clamd did not start');
}

function timed(command, args, okCodes = [0, 1]) {
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!okCodes.includes(run.status)) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { seconds, stdout: run.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const ours = [];
  const peer = [];
  const streamed = [];
  let report;
  for (let i = 0; i < pairs; i++) {
    const run = timed(process.execPath, [CLI, 'validate', names.sm3, '--antivirus', `clamd=${socket}`, '--format', 'json']);
    report = JSON.parse(run.stdout);
    ours.push(run.seconds);
    peer.push(timed(program('clamdscan'), [`--config-file=${conf}`, '--multiscan', '--no-summary', names.sm3]).seconds);
    streamed.push(timed(program('clamdscan'), [`--config-file=${conf}`, '--multiscan', '--stream', '--no-summary', names.sm3]).seconds);
  }
  const status = (id) => report.checks.find((c) => c.id === id)?.status;
  if (status('security.virus-scan') !== 'passed') throw new Error(`the scan did not pass: ${JSON.stringify(report.issues.filter((i) => i.code.startsWith('antivirus.')))}`);
  const plain = median(Array.from({ length: pairs }, () => timed(process.execPath, [CLI, 'validate', names.sm3, '--format', 'json']).seconds));
  // The scan alone, through the library (no validation): dangan's client against clamd's own.
  const scanOnly = `const m = await import(${JSON.stringify(pathToFileURL(join(DIST, 'node', 'index.js')).href)});
    const source = await m.openPackagePath(process.argv[1]);
    const outcome = await m.scanPackageSource(source, m.resolveAntivirus(process.argv[2]));
    await source.close?.();
    if (outcome.scan !== 'passed') throw new Error(JSON.stringify(outcome.issues));`;
  const scanned = median(Array.from({ length: pairs }, () => timed(process.execPath, ['--input-type=module', '-e', scanOnly, names.sm3, `clamd=${socket}`], [0]).seconds));
  const zipped = median(Array.from({ length: pairs }, () => timed(process.execPath, [CLI, 'validate', names.zip, '--antivirus', `clamd=${socket}`, '--format', 'json']).seconds));
  const mb = report.summary.bytes / 1e6;
  const [o, p, q] = [median(ours), median(peer), median(streamed)];
  console.log(`package: ${names.sm3} (${report.summary.files} files, ${mb.toFixed(0)} MB), ${availableParallelism()} cores, database ${values.database ?? '1 signature (private .hdb)'}`);
  console.log(`dangan validate --antivirus clamd      ${o.toFixed(2)} s  (median of ${pairs}: ${ours.map((x) => x.toFixed(2)).join(', ')})`);
  console.log(`clamdscan --multiscan                  ${p.toFixed(2)} s  (median of ${pairs}: ${peer.map((x) => x.toFixed(2)).join(', ')})`);
  console.log(`clamdscan --multiscan --stream         ${q.toFixed(2)} s  (median of ${pairs}: ${streamed.map((x) => x.toFixed(2)).join(', ')})`);
  console.log(`ratio                                  ${(o / p).toFixed(2)}× clamdscan --multiscan (target ≤ 1.2×), ${(o / q).toFixed(2)}× with --stream`);
  console.log(`the scan alone (scanPackageSource)     ${scanned.toFixed(2)} s  ${(scanned / p).toFixed(2)}× clamdscan --multiscan, ${(scanned / q).toFixed(2)}× with --stream`);
  console.log(`for scale: dangan validate (no scan)   ${plain.toFixed(2)} s; the zip with --antivirus ${zipped.toFixed(2)} s`);
} finally {
  clamd.kill('SIGTERM');
  await new Promise((r) => clamd.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
