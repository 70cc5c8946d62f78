// The item-metadata read path alone, against another build in the same process: every 电子档案元数据.XML of a
// package is read into memory once, then each build's public readItemMetadataXml (decode, scan, the walker, the
// typed view) runs over all of them, alternating builds (A B A B …), and the CPU time (process.cpuUsage, user +
// sys) per item of each pass is printed with the medians and the ratio. No file system in the timed part, so a
// change to the reader shows without the noise of listing and reading.
//
//   node bench/item-metadata-read.mjs <package> --compare /path/to/old/dist [--dist dist] [--rounds 7]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { compare: { type: 'string' }, dist: { type: 'string' }, rounds: { type: 'string' } } });
const root = positionals[0];
if (!root || !values.compare) {
  process.stderr.write('usage: node bench/item-metadata-read.mjs <package> --compare DIST [--dist DIST] [--rounds N]\n');
  process.exit(2);
}
const rounds = Number(values.rounds ?? 7);
const builds = [
  ['ours', resolve(values.dist ?? join(import.meta.dirname, '..', 'dist'))],
  ['theirs', resolve(values.compare)],
];

const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name === '电子档案元数据.XML') files.push(readFileSync(path));
  }
};
walk(root);
const libraries = await Promise.all(builds.map(async ([name, dist]) => [name, await import(pathToFileURL(join(dist, 'index.js')).href)]));
let sink = 0;
const pass = (lib) => {
  const started = process.cpuUsage();
  for (const bytes of files) {
    const { metadata, issues } = lib.readItemMetadataXml(bytes, { path: 'm.xml' });
    sink += (metadata ? 1 : 0) + issues.length;
  }
  const used = process.cpuUsage(started);
  return ((used.user + used.system) / files.length);
};
for (const [, lib] of libraries) pass(lib); // warm up: compile both
const times = new Map(builds.map(([name]) => [name, []]));
for (let r = 0; r < rounds; r++) for (const [name, lib] of r % 2 === 0 ? libraries : [...libraries].reverse()) times.get(name).push(pass(lib));
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
process.stdout.write(`item metadata read (readItemMetadataXml), ${files.length} files, ${rounds} passes each, alternating; load ${load}\n`);
for (const [name, dist] of builds) process.stdout.write(`  ${name.padEnd(6)} ${dist}: median ${median(times.get(name)).toFixed(1)} µs CPU per item (passes: ${times.get(name).map((t) => t.toFixed(1)).join(', ')})\n`);
process.stdout.write(`  ours / theirs: ${(median(times.get('ours')) / median(times.get('theirs'))).toFixed(3)}${sink < 0 ? '' : ''}\n`);
