// Digitisation batch acceptance (`dangan digitisation check`, issue 20), measured:
//
//   node bench/digitisation.mjs [--files 100000] [--scale 1000000] [--pairs 2] [--only headers,scale] [--keep]
//
// headers: --files JPEG and TIFF files, copied from 8 images ImageMagick encodes with varied
//   headers (JFIF and EXIF density, dpcm units, grayscale, bilevel G4, LZW colour, multi-page),
//   read by dangan (bench/digitisation-headers.mjs) and by
//   `exiftool -fast2 -q -XResolution -YResolution -ColorComponents -BitsPerSample -r` over the
//   same folder in the same run, alternately (warm cache first). Prints wall time, peak RSS
//   (GNU time) and the ratio. Before timing, dangan's values are compared with exiftool's on the
//   8 source images, so a fast wrong reader cannot pass.
// scale: a synthetic batch of --scale small JPEG files (10 pages per entry, folder per 档号, each
//   file unique so every one is hashed for duplicates) checked by the built CLI under GNU time;
//   prints the time and peak RSS against the 1 GiB budget.
// Needs dist/ (npm run build), convert-im6.q16, exiftool and /usr/bin/time; a missing peer fails the run.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const FILES = Number(opt('files', 100_000));
const SCALE = Number(opt('scale', 1_000_000));
const ONLY = new Set((opt('only', 'headers,scale') ?? '').split(','));
const KEEP = argv.includes('--keep');
const PAIRS = Number(opt('pairs', 2));
const TMP = mkdtempSync(join(tmpdir(), 'dangan-bench-digitisation-'));
const TIME = '/usr/bin/time';
for (const tool of ['convert-im6.q16', 'exiftool', TIME]) {
  if (spawnSync(tool, ['-ver'], { stdio: 'ignore' }).error) throw new Error(`peer or tool missing: ${tool}`);
}
if (!existsSync(CLI)) throw new Error('dist/ is missing: run npm run build');

/** Runs a command under GNU time: wall seconds, CPU seconds (user + system) and peak RSS in MiB. */
function timed(command, args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(TIME, ['-f', '%U %S %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${command} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const [user, system, kib] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, cpu: user + system, rss: kib / 1024, stdout: run.stdout };
}

function variants(dir) {
  mkdirSync(dir, { recursive: true });
  const base = ['-size', '400x520', 'gradient:rgb(250,240,230)-rgb(90,60,40)', '-fill', 'black', '-draw', 'rectangle 40,40 300,60'];
  const list = [
    ['jfif300.jpg', ['-units', 'PixelsPerInch', '-density', '300', '-quality', '85']],
    ['jfif200-gray.jpg', ['-colorspace', 'Gray', '-units', 'PixelsPerInch', '-density', '200']],
    ['dpcm.jpg', ['-units', 'PixelsPerCentimeter', '-density', '118']],
    ['exif150.jpg', ['-units', 'PixelsPerInch', '-density', '150', '-set', 'exif:Software', 'bench']],
    ['lzw300.tif', ['-depth', '8', '-compress', 'LZW', '-units', 'PixelsPerInch', '-density', '300']],
    ['gray400.tif', ['-colorspace', 'Gray', '-depth', '8', '-compress', 'Zip', '-units', 'PixelsPerInch', '-density', '400']],
    ['g4-300.tif', ['-monochrome', '-compress', 'Group4', '-units', 'PixelsPerInch', '-density', '300']],
  ];
  for (const [name, args] of list) execFileSync('convert-im6.q16', [...base, ...args, join(dir, name)]);
  execFileSync('convert-im6.q16', [join(dir, 'lzw300.tif'), join(dir, 'gray400.tif'), '-compress', 'LZW', join(dir, 'multi.tif')]);
  return [...list.map(([name]) => name), 'multi.tif'];
}

/** exiftool's view of the source images, for the cross-check. */
function crossCheck(dir, names) {
  const json = JSON.parse(execFileSync('exiftool', ['-j', '-XResolution#', '-YResolution#', '-ColorComponents#', '-BitsPerSample#', '-ResolutionUnit', ...names.map((n) => join(dir, n))]).toString());
  const ours = execFileSync(process.execPath, [join(HERE, 'digitisation-headers.mjs'), dir, '--dump']).toString().split('\n').filter((l) => l.includes('\t'));
  const rows = [];
  for (const line of ours) {
    const [path, x, y, components, bits] = line.split('\t');
    const peer = json.find((j) => j.SourceFile.endsWith(`/${path}`));
    // exiftool reports dpcm JPEGs in their own unit: compare in dpi.
    const factor = peer?.ResolutionUnit === 'cm' ? 2.54 : 1;
    const peerX = peer?.XResolution === undefined ? '-' : String(Math.round(peer.XResolution * factor * 100) / 100);
    const peerBits = peer?.BitsPerSample === undefined ? '-' : String(String(peer.BitsPerSample).split(' ')[0]);
    rows.push({ file: path, dangan: `${x} dpi, ${components} comp, ${bits} bit`, exiftool: `${peerX} dpi, ${peer?.ColorComponents ?? '-'} comp, ${peerBits} bit`, agree: x === peerX && bits === peerBits });
  }
  return rows;
}

function headers() {
  const source = join(TMP, 'source');
  const names = variants(source);
  const check = crossCheck(source, names);
  console.log('cross-check on the source images (dangan vs exiftool):');
  for (const row of check) console.log(`  ${row.agree ? 'same' : 'DIFF'}  ${row.file.padEnd(18)} ${row.dangan.padEnd(26)} ${row.exiftool}`);
  const folder = join(TMP, 'headers');
  for (let i = 0; i < FILES; i++) {
    const dir = join(folder, String(Math.floor(i / 1000)).padStart(4, '0'));
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    const name = names[i % names.length];
    copyFileSync(join(source, name), join(dir, `${String(i).padStart(7, '0')}${name.slice(name.lastIndexOf('.'))}`));
  }
  const ours = () => timed(process.execPath, [join(HERE, 'digitisation-headers.mjs'), folder]);
  const peer = () => timed('exiftool', ['-fast2', '-q', '-XResolution', '-YResolution', '-ColorComponents', '-BitsPerSample', '-r', folder]);
  ours();
  peer();
  const a = Array.from({ length: PAIRS }, () => [ours(), peer()]).flat();
  const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const o = a.filter((_, i) => i % 2 === 0), p = a.filter((_, i) => i % 2 === 1);
  console.log(`headers of ${FILES} JPEG/TIFF files (${PAIRS} alternating runs each, after a warm-up; whole processes):`);
  const line = (name, rs, note) => console.log(`  ${name.padEnd(9)} wall ${rs.map((r) => r.seconds.toFixed(2)).join(' / ')} s   CPU ${rs.map((r) => r.cpu.toFixed(2)).join(' / ')} s   peak RSS ${Math.max(...rs.map((r) => r.rss)).toFixed(0)} MiB   (${note})`);
  line('dangan', o, o[0].stdout.trim().split('\n')[0]);
  line('exiftool', p, `${p[0].stdout.split('\n').length} lines of output`);
  const ratio = (key) => (median(o.map((r) => r[key])) / median(p.map((r) => r[key]))).toFixed(3);
  console.log(`  ratio dangan/exiftool: wall ${ratio('seconds')}, CPU ${ratio('cpu')} (below 1 = dangan faster)`);
  if (!KEEP) rmSync(folder, { recursive: true, force: true });
}

function scale() {
  const folder = join(TMP, 'scale');
  const entries = Math.ceil(SCALE / 10);
  const jpeg = readFileSync(join(TMP, 'tiny.jpg'));
  // A COM segment after SOI carries the file's number: every file unique, every file the same size.
  const head = jpeg.subarray(0, 2), rest = jpeg.subarray(2);
  const rows = ['\uFEFF序号,档号,文号,责任者,题名,日期,密级,页数,备注'];
  const started = process.hrtime.bigint();
  for (let e = 0; e < entries; e++) {
    const code = `Z109-WS·2024-Y-BGS-${String(e + 1).padStart(6, '0')}`;
    const pages = Math.min(10, SCALE - e * 10);
    rows.push(`${e + 1},${code},,某区档案馆,件${e + 1},20240102,,${pages},`);
    const dir = join(folder, code);
    mkdirSync(dir, { recursive: true });
    for (let p = 1; p <= pages; p++) {
      const tag = Buffer.from(`\xff\xfe\x00\x0c${String(e * 10 + p).padStart(10, '0')}`, 'latin1');
      writeFileSync(join(dir, `${String(p).padStart(4, '0')}.jpg`), Buffer.concat([head, tag, rest]));
    }
  }
  const catalogue = join(TMP, 'scale-catalogue.csv');
  writeFileSync(catalogue, `${rows.join('\r\n')}\r\n`);
  console.log(`synthetic batch: ${SCALE} files, ${entries} entries, written in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  const run = timed(process.execPath, [CLI, 'digitisation', 'check', folder, '--catalogue', catalogue, '--format', 'json']);
  const report = JSON.parse(run.stdout);
  console.log(`dangan digitisation check: wall ${run.seconds.toFixed(1)} s, CPU ${run.cpu.toFixed(1)} s, peak RSS ${run.rss.toFixed(0)} MiB (budget 1024 MiB), valid=${report.valid}, files=${report.summary.files}, errors=${report.summary.errors}, warnings=${report.summary.warnings}`);
  if (!KEEP) rmSync(folder, { recursive: true, force: true });
}

try {
  execFileSync('convert-im6.q16', ['-size', '16x16', 'xc:rgb(200,180,160)', '-units', 'PixelsPerInch', '-density', '300', join(TMP, 'tiny.jpg')]);
  if (ONLY.has('headers')) headers();
  if (ONLY.has('scale')) scale();
} finally {
  if (!KEEP) rmSync(TMP, { recursive: true, force: true });
}
