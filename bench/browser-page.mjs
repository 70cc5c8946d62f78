// The validator page in headless Chromium beside the CLI, on the same package in the same run (issue 21):
//
//   [DANGAN_BENCH_KIND=folder|zip] [DANGAN_BENCH_WORKERS=n] node bench/browser-page.mjs [--items 2000 --size 262144] [--pairs 2] [--compare REV]
//
// The package is bench/generate.mjs's DA/T 93 package (2 PDFs per item, SM3 固化验证信息; the
// defaults make 2000 items of 2 × 256 KiB, about 1 GB), as a folder and as its zip (members
// stored). The page is built by web/build.mjs into a temp folder, served from 127.0.0.1, opened in
// Debian's chromium by playwright-core, and handed the folder (the directory picker) or the zip
// (the file input) by setInputFiles, from disk; its time is the page's own measure from the
// choice to the Report (performance.measure 'dangan-check'). The CLI is `dangan validate <path>
// --format json`, wall time. Runs alternate page(s), CLI; the medians are printed with the ratio page/CLI.
// The library comes from DANGAN_DIST_DIR (default dist/); run under `flock` (one bench at a time).
// --compare REV also builds the page of git revision REV (the "before", from `git archive`) and runs
// it in every round beside this one's page and the CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CLI, dataNames, generate, parseBenchArgs } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium`);
const OWN = new Set(['--pairs', '--compare']);
const args = parseBenchArgs(process.argv.slice(2).filter((a, i, all) => !OWN.has(a) && !OWN.has(all[i - 1])));
const optionOf = (name) => (process.argv.indexOf(name) > 0 ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const pairs = Number(optionOf('--pairs') ?? 2);
const compare = optionOf('--compare');
await generate({ ...args, only: new Set(['package']) });
const names = dataNames(args);
// DANGAN_BENCH_KIND=folder or zip runs one of the two.
const subjects = [
  { kind: 'folder', path: names.sm3, input: '#folder' },
  { kind: 'zip', path: names.zip, input: '#zip' },
].filter((s) => !process.env.DANGAN_BENCH_KIND || s.kind === process.env.DANGAN_BENCH_KIND);

const site = mkdtempSync(join(tmpdir(), 'dangan-bench-page-'));
execFileSync(process.execPath, [join(ROOT, 'web/build.mjs'), join(site, 'now')], { stdio: 'inherit' });
/** The pages measured: this tree's, and REV's with --compare (its sources from git archive, with this tree's node_modules). */
const builds = [{ name: 'now', label: 'page' }];
if (compare) {
  const tree = join(site, 'tree');
  mkdirSync(tree);
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${compare}" | tar -x -C "${tree}"`]);
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  execFileSync(process.execPath, [join(tree, 'web/build.mjs'), join(site, 'before')], { stdio: 'inherit' });
  builds.unshift({ name: 'before', label: `page ${compare}` });
}
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json' };
const server = createServer((req, res) => {
  const path = normalize(join(site, new URL(req.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html')));
  if (!path.startsWith(site) || !existsSync(path)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(readFileSync(path));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });

/** Per process under this one (Linux /proc): its parent, kind (chromium's --type, or 'browser'), and CPU ticks (own, and reaped children's). */
function processes() {
  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command's closing parenthesis: state is field 3, ppid 4, utime 14 … cstime 17.
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ').at(-1).split(' ');
      const type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${name}/cmdline`, 'utf8'))?.[1] ?? 'browser';
      stats.set(Number(name), { ppid: Number(fields[1]), type, self: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) });
    } catch {
      // the process ended
    }
  }
  return stats;
}

/** CPU seconds (user + sys, reaped children included) of this process's descendants by kind, or of its reaped children (`children`). */
function cpuSeconds(which) {
  const stats = processes();
  if (which === 'children') return (stats.get(process.pid)?.reaped ?? 0) / 100;
  const byType = {};
  const under = new Set([process.pid]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [pid, s] of stats) {
      if (under.has(pid) || !under.has(s.ppid)) continue;
      under.add(pid);
      grown = true;
      byType[s.type] = (byType[s.type] ?? 0) + (s.self + s.reaped) / 100; // USER_HZ
    }
  }
  return byType;
}

/** CPU seconds by process kind spent between two `cpuSeconds('descendants')`. */
function cpuSpent(before, after) {
  const spent = {};
  for (const [type, seconds] of Object.entries(after)) spent[type] = seconds - (before[type] ?? 0);
  return spent;
}

const total = (byType) => Object.values(byType).reduce((a, b) => a + b, 0);

/** One check in the page: seconds from the choice to the Report, and the verdict. */
async function inPage(subject, build) {
  const page = await browser.newPage();
  const cpuBefore = cpuSeconds('descendants');
  try {
    // DANGAN_BENCH_WORKERS: the page's hashing workers (default: one per core, navigator.hardwareConcurrency).
    await page.goto(`${origin}/${build.name}/${process.env.DANGAN_BENCH_WORKERS ? `?workers=${process.env.DANGAN_BENCH_WORKERS}` : ''}`, { waitUntil: 'load' });
    await page.setInputFiles(subject.input, subject.path);
    // Waited for with a MutationObserver: playwright's waitForSelector polls on every animation frame, which made
    // chromium render frames throughout (about 0.16 CPU s per second of waiting, measured on an idle page) and was
    // counted as the page's CPU.
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const done = () => document.body.dataset.state === 'done' && (observer.disconnect(), resolve(undefined));
          const observer = new MutationObserver(done);
          observer.observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
          done();
        }),
    );
    const seconds = await page.evaluate(() => performance.getEntriesByName('dangan-check').at(-1).duration / 1000);
    // Seconds from the choice to each phase: listing, metadata (reading the XML), hashing (first bytes hashed).
    const phases = await page.evaluate(() =>
      ['listing', 'metadata', 'hashing'].map((p) => {
        const start = performance.getEntriesByName('dangan-start').at(-1)?.startTime ?? 0;
        const mark = performance.getEntriesByName(`dangan-${p}`).at(-1);
        return mark ? `${p} +${((mark.startTime - start) / 1000).toFixed(1)} s` : `${p} -`;
      }),
    );
    const report = JSON.parse((await page.textContent('#report')) ?? '{}');
    const spent = cpuSpent(cpuBefore, cpuSeconds('descendants'));
    return { seconds, cpu: total(spent), cpuByType: spent, phases, valid: report.valid, workers: Number(await page.getAttribute('#progress', 'data-workers')) };
  } finally {
    await page.close();
  }
}

/** The CLI on the same path: wall seconds and the verdict. */
function cli(subject) {
  const started = process.hrtime.bigint();
  const cpuBefore = cpuSeconds('children');
  const r = spawnSync(process.execPath, [CLI, 'validate', subject.path, '--format', 'json'], { maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`dangan validate exited ${r.status}: ${r.stderr}`);
  return { seconds, cpu: cpuSeconds('children') - cpuBefore, valid: JSON.parse(r.stdout.toString()).valid };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bytes = Number(spawnSync('du', ['-sb', names.sm3]).stdout.toString().split('\t')[0]);
console.log(`package: ${names.sm3} (${(bytes / 1e9).toFixed(2)} GB), ${cpus().length} cores, chromium ${browser.version()}`);
const rows = [];
try {
  for (const subject of subjects) {
    cli(subject); // warms the page cache
    const runs = Object.fromEntries(builds.map((b) => [b.name, { seconds: [], cpu: [], workers: 0 }]));
    const node = { seconds: [], cpu: [] };
    for (let i = 0; i < pairs; i++) {
      const line = [];
      for (const build of builds) {
        const p = await inPage(subject, build);
        const r = runs[build.name];
        r.seconds.push(p.seconds);
        r.cpu.push(p.cpu);
        r.workers = p.workers;
        r.valid = p.valid;
        line.push(`${build.label} ${p.seconds.toFixed(1)} s (CPU ${p.cpu.toFixed(1)} s; phases: ${p.phases.join(', ')}; CPU by process: ${Object.entries(p.cpuByType).map(([t, v]) => `${t} ${v.toFixed(1)} s`).join(', ')})`);
      }
      const c = cli(subject);
      for (const build of builds) if (runs[build.name].valid !== c.valid) throw new Error(`verdicts differ: ${build.label} ${runs[build.name].valid}, CLI ${c.valid}`);
      node.seconds.push(c.seconds);
      node.cpu.push(c.cpu);
      const load = loadavg().map((l) => l.toFixed(1)).join(' ');
      console.log(`${subject.kind} #${i + 1} (valid: ${c.valid}; load average ${load}): CLI ${c.seconds.toFixed(1)} s (CPU ${c.cpu.toFixed(1)} s); ${line.join('; ')}`);
    }
    for (const build of builds) {
      const r = runs[build.name];
      rows.push({ kind: subject.kind, label: build.label, page: median(r.seconds), cli: median(node.seconds), pageCpu: median(r.cpu), cliCpu: median(node.cpu), workers: r.workers });
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}
console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; medians of ${pairs}`);
console.log('| package | page | time (chromium) | CLI | page / CLI | page CPU | CLI CPU | CPU page / CLI |\n|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.kind}, ${(bytes / 1e9).toFixed(2)} GB | ${r.label} | ${r.page.toFixed(1)} s (${r.workers} workers) | ${r.cli.toFixed(1)} s | ${(r.page / r.cli).toFixed(2)}× | ${r.pageCpu.toFixed(1)} s | ${r.cliCpu.toFixed(1)} s | ${(r.pageCpu / r.cliCpu).toFixed(2)}× |`);
}
