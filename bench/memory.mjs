// Live heap per item: validates one package in this process and samples the heap after a full
// collection every --every ms (timers run whenever validation yields to the event loop), so the
// figure is what the run keeps alive, not what V8 lets pile up between collections.
//
//   node --expose-gc bench/memory.mjs <package> [--no-fixity] [--every 250]
//
// Prints one JSON line: items and content files counted in the package, the live heap before the
// run (library loaded), its peak during the run and at the end (the report still held), and the
// peak minus the baseline per item. The library comes from DANGAN_DIST_DIR (default dist/).
import { opendirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import { DIST } from './generate.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'no-fixity': { type: 'boolean' }, every: { type: 'string' }, snapshot: { type: 'string' }, 'snapshot-mb': { type: 'string' } } });
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const path = positionals[0];
if (!path) throw new Error('usage: node --expose-gc bench/memory.mjs <package> [--no-fixity]');

/** Items (folders holding 电子档案元数据.XML) and their other files, counted before the baseline. */
function count(dir) {
  let items = 0;
  let contentFiles = 0;
  const folders = [dir];
  while (folders.length > 0) {
    const folder = folders.pop();
    const listing = opendirSync(folder);
    let metadata = false;
    let files = 0;
    for (let child = listing.readSync(); child !== null; child = listing.readSync()) {
      if (child.isDirectory()) folders.push(join(folder, child.name));
      else if (child.name === '电子档案元数据.XML') metadata = true;
      else files++;
    }
    listing.closeSync();
    if (metadata) {
      items++;
      contentFiles += files;
    }
  }
  return { items, contentFiles };
}

const { items, contentFiles } = count(path);
const { validatePath } = await import(pathToFileURL(join(DIST, 'node', 'index.js')).href);
const live = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const baseline = live();
let peak = baseline;
// A full collection costs tens of milliseconds at 100 MB: the next sample waits at least 5 times as
// long as the last one took, so sampling stays under a fifth of the run.
let snapped = false;
const wait = Number(values.every ?? 250);
let timer;
const sample = () => {
  const started = performance.now();
  const now = live();
  peak = Math.max(peak, now);
  // --snapshot FILE --snapshot-mb M: one heap snapshot the first time M MB are live, for a look by constructor.
  if (values.snapshot && !snapped && now >= Number(values['snapshot-mb'] ?? 0) * 2 ** 20) {
    snapped = true;
    writeHeapSnapshot(values.snapshot);
  }
  timer = setTimeout(sample, Math.max(wait, 5 * (performance.now() - started)));
};
timer = setTimeout(sample, wait);
const started = process.cpuUsage();
const report = await validatePath(path, { ...(values['no-fixity'] ? { fixity: false } : {}) });
const cpu = process.cpuUsage(started);
clearTimeout(timer);
const end = live();
peak = Math.max(peak, end);
const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
process.stdout.write(
  `${JSON.stringify({
    path,
    items,
    contentFiles,
    valid: report.valid,
    issues: report.issues.length,
    baselineMB: mb(baseline),
    peakLiveMB: mb(peak),
    endLiveMB: mb(end),
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
    liveKBPerItem: Math.round(((peak - baseline) / items / 1024) * 100) / 100,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  })}\n`,
);
