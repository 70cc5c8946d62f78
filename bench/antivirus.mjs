// Virus scanning during validation (DA/T 70-2018 GD-4-2) against ClamAV's own client, in the same run:
//
//   node bench/antivirus.mjs [--items 400] [--size 262144] [--pairs 3] [--database DIR] [--no-zip]
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
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createConnection } from 'node:net';
import { pathToFileURL } from 'node:url';
import { CLI, DIST, generate, PRESETS } from './generate.mjs';

const { values } = parseArgs({
  options: { items: { type: 'string' }, size: { type: 'string' }, pairs: { type: 'string' }, seed: { type: 'string' }, database: { type: 'string' }, 'no-zip': { type: 'boolean' } },
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

// CPU seconds (user + system) from /proc: of a process, and of this process's waited-for children.
const TICK = 100; // USER_HZ on Linux
const procTimes = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ').map(Number);
const clamdCpu = () => ((t) => (t[11] + t[12]) / TICK)(procTimes(clamd.pid));
const childrenCpu = () => ((t) => (t[13] + t[14]) / TICK)(procTimes(process.pid));

/** Runs a command to its end: wall seconds, the CPU seconds of the command and of clamd meanwhile. */
function timed(command, args, okCodes = [0, 1]) {
  const [cpu0, clamd0] = [childrenCpu(), clamdCpu()];
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!okCodes.includes(run.status)) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { seconds, stdout: run.stdout, cpu: childrenCpu() - cpu0, clamd: clamdCpu() - clamd0 };
}

/** Runs two commands at once: wall seconds until both have ended. */
async function together(a, b) {
  const started = process.hrtime.bigint();
  const run = ([command, args]) =>
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`${command} exited ${code}`))));
    });
  await Promise.all([run(a), run(b)]);
  return Number(process.hrtime.bigint() - started) / 1e9;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const runs = { ours: [], peer: [], streamed: [], plain: [], scanned: [], zipped: [], both: [] };
  let report;
  // The scan alone, through the library (no validation): dangan's client against clamd's own.
  const scanOnly = `const m = await import(${JSON.stringify(pathToFileURL(join(DIST, 'node', 'index.js')).href)});
    const source = await m.openPackagePath(process.argv[1]);
    const outcome = await m.scanPackageSource(source, m.resolveAntivirus(process.argv[2]));
    await source.close?.();
    if (outcome.scan !== 'passed') throw new Error(JSON.stringify(outcome.issues));`;
  const validate = [process.execPath, [CLI, 'validate', names.sm3, '--format', 'json']];
  const multiscan = [program('clamdscan'), [`--config-file=${conf}`, '--multiscan', '--no-summary', names.sm3]];
  // A warm-up pass, not counted: the first scans after clamd starts cost it about twice the CPU.
  timed(...multiscan);
  for (let i = 0; i < pairs; i++) {
    const run = timed(process.execPath, [CLI, 'validate', names.sm3, '--antivirus', `clamd=${socket}`, '--format', 'json']);
    report = JSON.parse(run.stdout);
    runs.ours.push(run);
    runs.peer.push(timed(...multiscan));
    runs.streamed.push(timed(program('clamdscan'), [`--config-file=${conf}`, '--multiscan', '--stream', '--no-summary', names.sm3]));
    runs.plain.push(timed(...validate));
    runs.both.push({ seconds: await together(validate, multiscan) });
    runs.scanned.push(timed(process.execPath, ['--input-type=module', '-e', scanOnly, names.sm3, `clamd=${socket}`], [0]));
    if (!values['no-zip']) runs.zipped.push(timed(process.execPath, [CLI, 'validate', names.zip, '--antivirus', `clamd=${socket}`, '--format', 'json']));
  }
  const status = (id) => report.checks.find((c) => c.id === id)?.status;
  if (status('security.virus-scan') !== 'passed') throw new Error(`the scan did not pass: ${JSON.stringify(report.issues.filter((i) => i.code.startsWith('antivirus.')))}`);
  /** The run of median wall time. */
  const mid = (xs) => [...xs].sort((a, b) => a.seconds - b.seconds)[Math.floor(xs.length / 2)];
  const p = mid(runs.peer).seconds;
  const q = mid(runs.streamed).seconds;
  const mb = report.summary.bytes / 1e6;
  console.log(`package: ${names.sm3} (${report.summary.files} files, ${mb.toFixed(0)} MB), ${availableParallelism()} cores, database ${values.database ?? '1 signature (private .hdb)'}, medians of ${pairs}`);
  console.log('| | wall s | ratio to --multiscan | CPU s (process) | CPU s (clamd) |');
  console.log('|---|---:|---:|---:|---:|');
  const row = (label, xs, cpu = true) => {
    if (xs.length === 0) return;
    const m = mid(xs);
    const all = xs.map((x) => x.seconds.toFixed(2)).join(', ');
    console.log(`| ${label} | ${m.seconds.toFixed(2)} (${all}) | ${(m.seconds / p).toFixed(2)}× | ${cpu ? m.cpu.toFixed(2) : '–'} | ${cpu ? m.clamd.toFixed(2) : '–'} |`);
  };
  row('`dangan validate --antivirus clamd`', runs.ours);
  row('`clamdscan --multiscan`', runs.peer);
  row('`clamdscan --multiscan --stream`', runs.streamed);
  row('the scan alone (`scanPackageSource`)', runs.scanned);
  row('`dangan validate` (no scan)', runs.plain);
  row('floor: `dangan validate` (no scan) and `clamdscan --multiscan` run at once', runs.both, false);
  const sum = mid(runs.plain).seconds + p;
  console.log(`| floor: \`dangan validate\` (no scan) + \`clamdscan --multiscan\`, one after the other | ${sum.toFixed(2)} | ${(sum / p).toFixed(2)}× | – | – |`);
  row('the zip with `--antivirus clamd`', runs.zipped);
  console.log(`ratio: ${(mid(runs.ours).seconds / p).toFixed(2)}× clamdscan --multiscan (target ≤ 1.2×), ${(mid(runs.ours).seconds / q).toFixed(2)}× with --stream; ${(mid(runs.ours).seconds / mid(runs.both).seconds).toFixed(2)}× the floor of both at once`);
} finally {
  clamd.kill('SIGTERM');
  await new Promise((r) => clamd.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
