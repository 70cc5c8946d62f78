// Virus scanning during validation (DA/T 70-2018 GD-4-2) against ClamAV's own client, in the same run:
//
//   node bench/antivirus.mjs [--items 400] [--size 262144] [--pairs 3] [--database DIR] [--no-zip] [--compare DIST]
//                            [--rows ours,compared,peer,streamed,fdpass,plain,both,scanned,zipped,tmpfs]
//
// Both sides use one clamd, started here on a private socket (MaxThreads = cores): by default with a
// one-signature database written here (EICAR, as the tests do), or with --database DIR (e.g.
// /var/lib/clamav with the official database, which takes clamd a minute to load).
//   ours:  dangan validate <package> --antivirus clamd=SOCKET   (the whole validation: SM3 fixity,
//          formats, metadata, and every file sent to clamd with INSTREAM on the reads that hash it)
//   peer:  clamdscan --multiscan <package>                     (clamd opens the files itself, in parallel)
//   peer:  clamdscan --multiscan --stream <package>            (the same INSTREAM protocol as ours, in parallel)
//   peer:  clamdscan --multiscan --fdpass <package>            (FILDES: clamd reads the descriptors clamdscan opened)
// Runs alternate (ours, peers, …) --pairs times; medians are compared. Also printed: the same
// validation without --antivirus, the scan alone, two floors (below), and the zip of the package
// with --antivirus (members streamed from the zip). --compare DIST adds a row for another build
// (e.g. the previous commit's dist/), interleaved in the same run.
// Extra rows (row `tmpfs`, not the headline): a second clamd, the same but with TemporaryDirectory on
// tmpfs (/dev/shm), and ours and `clamdscan --multiscan` each run against it. --rows runs a subset.
// Floors: (a) validation without a scan and `clamdscan --multiscan` run at once (until both end);
// (b) the arithmetic floor: clamd's CPU seconds for the multiscan plus the validation's CPU seconds
// (without a scan), divided by the cores: the wall time of a perfect overlap on an idle machine,
// as a ratio to the multiscan's wall time and to the multiscan's own CPU seconds / cores.
// Every row prints the 1-minute load average when it started (the machine may be shared).
// The package is bench/generate.mjs's DA/T 93 package (2 PDFs per item); 400 × 2 × 256 KiB ≈ 210 MB.
// The library comes from DANGAN_DIST_DIR (default dist/, built by `npm run build`).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createConnection } from 'node:net';
import { pathToFileURL } from 'node:url';
import { CLI, DIST, generate, PRESETS } from './generate.mjs';

const { values } = parseArgs({
  options: {
    items: { type: 'string' },
    size: { type: 'string' },
    pairs: { type: 'string' },
    seed: { type: 'string' },
    database: { type: 'string' },
    'no-zip': { type: 'boolean' },
    compare: { type: 'string' },
    rows: { type: 'string' },
  },
});
/** Rows to run (`--rows ours,compared,…`; default all); `peer` (--multiscan, the base of every ratio) always runs. */
const ROWS = ['ours', 'compared', 'peer', 'streamed', 'fdpass', 'plain', 'both', 'scanned', 'zipped', 'tmpfs'];
const rows = new Set(values.rows ? ['peer', ...values.rows.split(',')] : ROWS);
for (const name of rows) if (!ROWS.includes(name)) throw new Error(`--rows: no row ${name} (rows: ${ROWS.join(', ')})`);
const items = Number(values.items ?? 400);
const size = Number(values.size ?? 262_144);
const pairs = Number(values.pairs ?? 3);
const seed = Number(values.seed ?? 93);

function program(name) {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  throw new Error(`${name} not found: apt-get install clamav clamav-daemon`);
}

const names = await generate({ ...PRESETS.quick, items, size, seed, scaling: [], only: new Set(['package']) });

// clamd on a private socket; a second one, the same but with TemporaryDirectory on tmpfs (/dev/shm), for the tmpfs rows.
const dir = mkdtempSync(join(tmpdir(), 'dangan-bench-clamd-'));
let database = values.database;
if (!database) {
  database = join(dir, 'db');
  mkdirSync(database);
  const eicar = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1');
  writeFileSync(join(database, 'bench.hdb'), `${createHash('md5').update(eicar).digest('hex')}:${eicar.length}:Dangan.Bench.EICAR\n`);
}
const shm = rows.has('tmpfs') ? mkdtempSync(join('/dev/shm', 'dangan-bench-clamd-')) : undefined;
/** Starts a clamd with its stream spool in `temporary`: its socket, config file and process. */
async function startClamd(name, temporary) {
  const socket = join(dir, `${name}.sock`);
  mkdirSync(temporary, { recursive: true });
  const conf = join(dir, `${name}.conf`);
  writeFileSync(
    conf,
    [
      'Foreground yes',
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${database}`,
      `TemporaryDirectory ${temporary}`,
      `User ${process.getuid?.() === 0 ? 'root' : (process.env.USER ?? 'root')}`,
      `MaxThreads ${availableParallelism()}`,
      'SelfCheck 0',
      '',
    ].join('\n'),
  );
  const child = spawn(program('clamd'), ['-c', conf], { stdio: 'ignore' });
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
    if (child.exitCode !== null || Date.now() - started > 300_000) throw new Error('clamd did not start');
  }
  return { socket, conf, child };
}
const daemons = [await startClamd('clamd', join(dir, 'tmp'))];
if (shm) daemons.push(await startClamd('clamd-shm', shm));
const [{ socket, conf, child: clamd }, shmDaemon] = daemons;

// CPU seconds (user + system) from /proc: of a process, and of this process's waited-for children.
const TICK = 100; // USER_HZ on Linux
const procTimes = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ').map(Number);
const clamdCpu = () => daemons.reduce((sum, d) => sum + ((t) => (t[11] + t[12]) / TICK)(procTimes(d.child.pid)), 0);
const childrenCpu = () => ((t) => (t[13] + t[14]) / TICK)(procTimes(process.pid));

/** Runs a command to its end: wall seconds, the CPU seconds of the command and of clamd meanwhile. */
function timed(command, args, okCodes = [0, 1]) {
  const load = loadavg()[0];
  const [cpu0, clamd0] = [childrenCpu(), clamdCpu()];
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!okCodes.includes(run.status)) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { seconds, stdout: run.stdout, cpu: childrenCpu() - cpu0, clamd: clamdCpu() - clamd0, load };
}

/** Runs two commands at once: wall seconds until both have ended. */
async function together(a, b) {
  const load = loadavg()[0];
  const [cpu0, clamd0] = [childrenCpu(), clamdCpu()];
  const started = process.hrtime.bigint();
  const run = ([command, args]) =>
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`${command} exited ${code}`))));
    });
  await Promise.all([run(a), run(b)]);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu: childrenCpu() - cpu0, clamd: clamdCpu() - clamd0, load };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const runs = { ours: [], compared: [], peer: [], streamed: [], fdpass: [], plain: [], scanned: [], zipped: [], both: [], tmpfs: [], tmpfsPeer: [] };
  let report;
  // The scan alone, through the library (no validation): dangan's client against clamd's own.
  const scanOnly = `const m = await import(${JSON.stringify(pathToFileURL(join(DIST, 'node', 'index.js')).href)});
    const source = await m.openPackagePath(process.argv[1]);
    const outcome = await m.scanPackageSource(source, m.resolveAntivirus(process.argv[2]));
    await source.close?.();
    if (outcome.scan !== 'passed') throw new Error(JSON.stringify(outcome.issues));`;
  const validate = [process.execPath, [CLI, 'validate', names.sm3, '--format', 'json']];
  const clamdscan = (...options) => [program('clamdscan'), [`--config-file=${conf}`, '--multiscan', ...options, '--no-summary', names.sm3]];
  const multiscan = clamdscan();
  const ours = (cli, at = socket) => [process.execPath, [cli, 'validate', names.sm3, '--antivirus', `clamd=${at}`, '--format', 'json']];
  const shmMultiscan = shmDaemon && [program('clamdscan'), [`--config-file=${shmDaemon.conf}`, '--multiscan', '--no-summary', names.sm3]];
  // A warm-up pass, not counted: the first scans after clamd starts cost it about twice the CPU.
  timed(...multiscan);
  if (shmMultiscan) timed(...shmMultiscan);
  for (let i = 0; i < pairs; i++) {
    const run = timed(...ours(CLI));
    report = JSON.parse(run.stdout);
    if (rows.has('ours')) runs.ours.push(run);
    runs.peer.push(timed(...multiscan));
    if (values.compare && rows.has('compared')) runs.compared.push(timed(...ours(join(values.compare, 'cli', 'main.js'))));
    if (rows.has('streamed')) runs.streamed.push(timed(...clamdscan('--stream')));
    if (rows.has('fdpass')) runs.fdpass.push(timed(...clamdscan('--fdpass')));
    if (rows.has('plain')) runs.plain.push(timed(...validate));
    if (rows.has('both')) runs.both.push(await together(validate, multiscan));
    if (rows.has('scanned')) runs.scanned.push(timed(process.execPath, ['--input-type=module', '-e', scanOnly, names.sm3, `clamd=${socket}`], [0]));
    if (shmDaemon) {
      runs.tmpfs.push(timed(...ours(CLI, shmDaemon.socket)));
      runs.tmpfsPeer.push(timed(...shmMultiscan));
    }
    if (!values['no-zip'] && rows.has('zipped')) runs.zipped.push(timed(process.execPath, [CLI, 'validate', names.zip, '--antivirus', `clamd=${socket}`, '--format', 'json']));
  }
  const status = (id) => report.checks.find((c) => c.id === id)?.status;
  if (status('security.virus-scan') !== 'passed') throw new Error(`the scan did not pass: ${JSON.stringify(report.issues.filter((i) => i.code.startsWith('antivirus.')))}`);
  /** The run of median wall time. */
  const mid = (xs) => [...xs].sort((a, b) => a.seconds - b.seconds)[Math.floor(xs.length / 2)];
  const cores = availableParallelism();
  const peer = mid(runs.peer);
  const p = peer.seconds;
  /** All the CPU a row cost: the command's and clamd's. */
  const total = (m) => m.cpu + m.clamd;
  const peerCpu = total(peer);
  const mb = report.summary.bytes / 1e6;
  console.log(`package: ${names.sm3} (${report.summary.files} files, ${mb.toFixed(0)} MB), ${cores} cores, database ${values.database ?? '1 signature (private .hdb)'}, medians of ${pairs}`);
  console.log('| | wall s | ratio to `--multiscan` (wall) | CPU s: process + clamd | ratio to `--multiscan` (CPU) | load |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const row = (label, xs) => {
    if (xs.length === 0) return;
    const m = mid(xs);
    const all = xs.length > 1 ? ` (${xs.map((x) => x.seconds.toFixed(1)).join(', ')})` : '';
    console.log(`| ${label} | ${m.seconds.toFixed(1)}${all} | ${(m.seconds / p).toFixed(2)}× | ${m.cpu.toFixed(1)} + ${m.clamd.toFixed(1)} | ${(total(m) / peerCpu).toFixed(2)}× | ${m.load.toFixed(1)} |`);
  };
  row('`dangan validate --antivirus clamd`', runs.ours);
  if (values.compare) row(`\`dangan validate --antivirus clamd\` (${values.compare})`, runs.compared);
  row('`clamdscan --multiscan`', runs.peer);
  row('`clamdscan --multiscan --stream`', runs.streamed);
  row('`clamdscan --multiscan --fdpass`', runs.fdpass);
  row('the scan alone (`scanPackageSource`)', runs.scanned);
  row('`dangan validate` (no scan)', runs.plain);
  row('floor (a): `dangan validate` (no scan) and `clamdscan --multiscan` run at once', runs.both);
  // (b): the work that cannot be avoided (clamd scanning by path, our validation), spread perfectly on the cores.
  const plain = runs.plain.length > 0 ? mid(runs.plain) : undefined;
  if (plain) {
    const floor = (peer.clamd + plain.cpu) / cores;
    console.log(
      `| floor (b): (clamd CPU of \`--multiscan\` ${peer.clamd.toFixed(1)} s + validation CPU ${plain.cpu.toFixed(1)} s) / ${cores} cores | ${floor.toFixed(1)} | ${(floor / p).toFixed(2)}× | – | ${((peer.clamd + plain.cpu) / peerCpu).toFixed(2)}× | – |`,
    );
  }
  row('the zip with `--antivirus clamd`', runs.zipped);
  // Another deployment, not the headline: both sides on a clamd that spools INSTREAM to tmpfs.
  row('extra, clamd with `TemporaryDirectory` on tmpfs: `dangan validate --antivirus clamd`', runs.tmpfs);
  row('extra, clamd with `TemporaryDirectory` on tmpfs: `clamdscan --multiscan`', runs.tmpfsPeer);
  const o = runs.ours.length > 0 ? mid(runs.ours) : undefined;
  const parts = [];
  if (o) {
    parts.push(`ours: ${(o.seconds / p).toFixed(2)}× \`clamdscan --multiscan\` (target ≤ 1.2×), in CPU ${(total(o) / peerCpu).toFixed(2)}×`);
    if (runs.streamed.length > 0) parts.push(`${(o.seconds / mid(runs.streamed).seconds).toFixed(2)}× with --stream`);
    if (runs.both.length > 0) parts.push(`${(o.seconds / mid(runs.both).seconds).toFixed(2)}× floor (a)`);
    if (plain) parts.push(`floor (b) in CPU ${((peer.clamd + plain.cpu) / peerCpu).toFixed(2)}×`);
  }
  if (runs.compared.length > 0) parts.push(`${values.compare}: ${(mid(runs.compared).seconds / p).toFixed(2)}×`);
  if (runs.tmpfs.length > 0) parts.push(`on the tmpfs clamd: ours ${(mid(runs.tmpfs).seconds / mid(runs.tmpfsPeer).seconds).toFixed(2)}× that clamd's --multiscan`);
  console.log(parts.join('; '));
  if (runs.streamed.length > 0 && runs.fdpass.length > 0) {
    const streamed = mid(runs.streamed);
    const fdpass = mid(runs.fdpass);
    console.log(`FILDES instead of INSTREAM (clamdscan --fdpass vs --stream): clamd CPU ${streamed.clamd.toFixed(1)} → ${fdpass.clamd.toFixed(1)} s, wall ${streamed.seconds.toFixed(1)} → ${fdpass.seconds.toFixed(1)} s`);
  }
} finally {
  for (const { child } of daemons) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
  if (shm) rmSync(shm, { recursive: true, force: true });
}
