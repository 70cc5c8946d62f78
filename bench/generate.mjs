// Deterministic benchmark data for bench/run.mjs, from a seed, into bench/data/ (git-ignored).
//
//   node bench/generate.mjs [--items 2000] [--size 262144] [--entries 100000] [--codes 1000000]
//                           [--seed 93] [--quick] [--scaling] [--only package,bag,catalogue,codes]
//
// It writes, each once (a set that exists is reused; delete bench/data/ to start over):
//   pkg-<items>x<size>-s<seed>-sm3/      DA/T 93-2022 移交信息包, 2 PDF content files per item, SM3 固化验证信息
//   pkg-<items>x<size>-s<seed>-sha256/   the same package with SHA-256 fixity (content hard-linked to the first)
//   bag-<items>x<size>-s<seed>-md5/      the SM3 package wrapped as a BagIt bag with manifest-md5 (hard links)
//   payload-bag-<items>x<size>-s<seed>-md5/  the same content files (正文/附件 PDFs) as a plain BagIt bag, manifest-md5 (hard links)
//   pkg-<items>x<size>-s<seed>-sm3.zip  the SM3 package as a zip, members stored uncompressed (yazl)
//   catalogue-<entries>-s<seed>-utf8.xml, -gb18030.xml   目录文件.XML (DA/T 93-2022 element set), XSD: schemas/xsd/catalogue-2022.xsd
//   archival-codes-<count>-<seed>.txt   via bench/generate-archival-codes.mjs (the 档号 engineer's generator)
//   scale-<n>-s<seed>/                  with --scaling: packages of 1,000, 10,000 and 100,000 small items
//   scale-<n>x<files>-s<seed>/          for the per-item rows (bench/run.mjs): <n> small items of <files> content files each
//
// Packages are built with the library's own `dangan build` (a JSON catalogue and a folder of
// <档号>/ content folders), so the bench measures packages as users make them.
// The library comes from DANGAN_DIST_DIR (default: dist/, built by `npm run build`).
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { createWriteStream, existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadArchivalCodes } from './generate-archival-codes.mjs';
import { prng } from './prng.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DATA = join(HERE, 'data');
export const DIST = process.env.DANGAN_DIST_DIR ?? join(HERE, '..', 'dist');
export const CLI = join(DIST, 'cli', 'main.js');
export const CATALOGUE_XSD = join(HERE, '..', 'schemas', 'xsd', 'catalogue-2022.xsd');

/** Sizes of the full run and of `--quick`. */
export const PRESETS = {
  full: { items: 2000, size: 262_144, entries: 100_000, codes: 1_000_000, scaling: [1000, 10_000, 100_000] },
  quick: { items: 100, size: 65_536, entries: 10_000, codes: 100_000, scaling: [200, 2000] },
};

/** Names of the data sets for given parameters, shared with bench/run.mjs. */
export function dataNames({ items, size, entries, codes, seed }) {
  const pkg = `pkg-${items}x${size}-s${seed}`;
  return {
    sm3: join(DATA, `${pkg}-sm3`),
    sha256: join(DATA, `${pkg}-sha256`),
    bag: join(DATA, `bag-${items}x${size}-s${seed}-md5`),
    payloadBag: join(DATA, `payload-bag-${items}x${size}-s${seed}-md5`),
    zip: join(DATA, `${pkg}-sm3.zip`),
    catalogueUtf8: join(DATA, `catalogue-${entries}-s${seed}-utf8.xml`),
    catalogueGb: join(DATA, `catalogue-${entries}-s${seed}-gb18030.xml`),
    codes: join(DATA, `archival-codes-${codes}-20151001.txt`),
    scale: (n) => join(DATA, `scale-${n}-s${seed}`),
    scaleFiles: (n, files) => (files === 1 ? join(DATA, `scale-${n}-s${seed}`) : join(DATA, `scale-${n}x${files}-s${seed}`)),
  };
}


const AUTHORS = ['某市人民政府办公室', '某市财政局', '某市教育局', '某市卫生健康委员会', '某市自然资源和规划局', '某市档案馆'];
const SUBJECTS = ['年度工作计划', '专项资金分配方案', '安全生产检查情况', '干部培训工作', '城市更新项目审批', '档案数字化外包服务', '防汛抗旱工作部署', '营商环境评估报告'];
const KINDS = ['通知', '请示', '批复', '报告', '函', '会议纪要', '决定'];
const RETENTION = ['Y', 'D30', 'D10'];

/** One 归档文件目录 row (the CatalogueEntry JSON shape), deterministic from the PRNG. */
function entry(random, n, year, counters) {
  const subject = SUBJECTS[Math.floor(random() * SUBJECTS.length)];
  const kind = KINDS[Math.floor(random() * KINDS.length)];
  const retentionPeriod = RETENTION[Math.floor(random() * RETENTION.length)];
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  // 件号 run from 0001 within each 年度 and 保管期限 (DA/T 22-2015 §6.3), without gaps.
  const group = `${year}-${retentionPeriod}`;
  const itemNumber = (counters.get(group) ?? 0) + 1;
  counters.set(group, itemNumber);
  return {
    sequenceNumber: n,
    archivalCode: `Z109-WS·${year}-${retentionPeriod}-BGS-${String(itemNumber).padStart(4, '0')}`,
    author: AUTHORS[Math.floor(random() * AUTHORS.length)],
    title: `关于做好${year}年度第${n}批${subject}及相关配套工作的${kind}`,
    date: `${year}${month}${day}`,
    retentionPeriod,
    pageCount: 1 + Math.floor(random() * 40),
    ...(random() < 0.1 ? { securityClassification: '秘密' } : {}),
  };
}

/** `count` entries, 9,999 per year at most so 件号 stay four digits (DA/T 22-2015 §6.3). */
function entries(count, seed) {
  const random = prng(seed);
  const counters = new Map();
  return Array.from({ length: count }, (_, i) => entry(random, i + 1, 2000 + Math.floor(i / 9999), counters));
}

/** Deterministic pseudo-random bytes: AES-256-CTR keystream keyed by the seed and a name. */
function noise(length, seed, name) {
  const key = createHash('sha256').update(`${seed}/${name}`).digest();
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(length));
}

/** A PDF-shaped content file: signature, noise, end marker (enough for format identification). */
function pdf(length, seed, name) {
  const head = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, noise(Math.max(0, length - head.length - tail.length), seed, name), tail]);
}

function run(args, label) {
  const result = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}):\n${String(result.stdout).slice(0, 4000)}\n${String(result.stderr).slice(0, 4000)}`);
  }
}

/**
 * Builds a package with `dangan build` from staged content: `files` per item, each of a size
 * drawn around `size`. Returns nothing; the package is at `out`.
 */
function buildPackage(out, { items, size, files, seed, algorithm }) {
  const stage = `${out}.stage`;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'files'), { recursive: true });
  const rows = entries(items, seed);
  const random = prng(seed ^ 0x5eed);
  for (const row of rows) {
    const dir = join(stage, 'files', row.archivalCode);
    mkdirSync(dir);
    for (let f = 0; f < files; f++) {
      const length = Math.max(64, Math.round(size * (0.5 + random())));
      writeFileSync(join(dir, f === 0 ? '正文.pdf' : `附件${f}.pdf`), pdf(length, seed, `${row.archivalCode}/${f}`));
    }
  }
  writeFileSync(join(stage, 'catalogue.json'), JSON.stringify(rows));
  rmSync(out, { recursive: true, force: true });
  run(
    [
      'build', join(stage, 'catalogue.json'), join(stage, 'files'), '-o', out, '--algorithm', algorithm,
      '--fonds-name', '某市人民政府办公室', '--transfer-unit', '某市人民政府办公室', '--content', '基准测试数据 / benchmark data',
      '--environment', 'PDF 阅读器', '--format', 'json',
    ],
    `dangan build ${relative(HERE, out)}`,
  );
  rmSync(stage, { recursive: true, force: true });
}

/** Replaces every file of `copy` that has the same bytes at the same path in `original` with a hard link. */
function dedupe(copy, original) {
  let linked = 0;
  const walk = (dir) => {
    for (const child of readdirSync(join(copy, dir), { withFileTypes: true })) {
      const path = join(dir, child.name);
      if (child.isDirectory()) walk(path);
      else if (/\.pdf$/.test(child.name) && existsSync(join(original, path)) && statSync(join(original, path)).size === statSync(join(copy, path)).size) {
        unlinkSync(join(copy, path));
        linkSync(join(original, path), join(copy, path));
        linked++;
      }
    }
  };
  walk('');
  return linked;
}

/** Every file below `root`, as full paths, in a stable order. */
function listFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const child of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, child.name);
      if (child.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(root);
  return files;
}

/** Zips a folder with yazl (a dependency already), members stored uncompressed in path order, fixed times. */
async function zipFolder(folder, file) {
  const { ZipFile } = (await import('yazl')).default;
  const zip = new ZipFile();
  const written = new Promise((resolve, reject) => zip.outputStream.pipe(createWriteStream(file)).on('close', resolve).on('error', reject));
  for (const path of listFiles(folder).sort()) {
    zip.addFile(path, relative(folder, path), { compress: false, mtime: new Date('2026-01-01T00:00:00Z') });
  }
  zip.end();
  await written;
}

/** A data set is complete when its marker sits beside it (never inside: it would be an extra file). */
function done(path) {
  return existsSync(`${path}.complete`);
}

function markDone(path) {
  writeFileSync(`${path}.complete`, '');
}

function log(message) {
  process.stdout.write(`${message}\n`);
}

/**
 * Generates every data set the bench needs for the given parameters (skipping those present).
 *
 * @param params - items, size, entries, codes, seed, scaling (list of item counts), only (set of parts).
 * @returns The data set paths.
 */
export async function generate(params) {
  const names = dataNames(params);
  const want = (part) => !params.only || params.only.has(part);
  mkdirSync(DATA, { recursive: true });
  if (!existsSync(CLI)) throw new Error(`no built CLI at ${CLI}: run npm run build (or set DANGAN_DIST_DIR)`);

  if (want('package') || want('bag')) {
    for (const algorithm of ['sm3', 'sha256']) {
      const out = names[algorithm];
      if (done(out)) continue;
      const started = Date.now();
      buildPackage(out, { ...params, files: 2, algorithm });
      const linked = algorithm === 'sha256' ? dedupe(out, names.sm3) : 0;
      markDone(out);
      log(`${relative(HERE, out)}: ${params.items} items × 2 files${linked ? `, ${linked} content files hard-linked to the SM3 package` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  if (want('package') && !done(names.zip)) {
    const started = Date.now();
    await zipFolder(names.sm3, names.zip);
    markDone(names.zip);
    log(`${relative(HERE, names.zip)}: the SM3 package as a zip, members stored uncompressed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (want('bag') && !done(names.bag)) {
    const { wrapTransferPackage } = await import(pathToFileURL(join(DIST, 'node', 'index.js')).href);
    rmSync(names.bag, { recursive: true, force: true });
    // The bag's data/ is hard-linked to the package: no byte is stored twice.
    await wrapTransferPackage(names.sm3, names.bag, { algorithms: ['md5'] });
    markDone(names.bag);
    log(`${relative(HERE, names.bag)}: BagIt bag, manifest-md5, payload hard-linked`);
  }
  if (want('bag') && !done(names.payloadBag)) {
    const { createBag } = await import(pathToFileURL(join(DIST, 'node', 'index.js')).href);
    rmSync(names.payloadBag, { recursive: true, force: true });
    // The content files alone, hard-linked at their package paths, bagged in place: a plain bag, no dat93 inside.
    for (const file of listFiles(names.sm3).filter((f) => f.endsWith('.pdf'))) {
      const to = join(names.payloadBag, relative(names.sm3, file));
      mkdirSync(dirname(to), { recursive: true });
      linkSync(file, to);
    }
    await createBag(names.payloadBag, { algorithms: ['md5'], baggingDate: '2026-01-01' });
    markDone(names.payloadBag);
    log(`${relative(HERE, names.payloadBag)}: plain BagIt bag of the content files, manifest-md5, hard-linked`);
  }
  if (want('catalogue') && (!existsSync(names.catalogueUtf8) || !existsSync(names.catalogueGb))) {
    const { writeCatalogueXml, encodeXmlDocument } = await import(pathToFileURL(join(DIST, 'index.js')).href);
    const rows = entries(params.entries, params.seed);
    writeFileSync(names.catalogueUtf8, encodeXmlDocument(writeCatalogueXml(rows, { encoding: 'UTF-8' }), 'UTF-8'));
    writeFileSync(names.catalogueGb, encodeXmlDocument(writeCatalogueXml(rows, { encoding: 'GB18030' }), 'GB18030'));
    const mb = (p) => (statSync(p).size / 1e6).toFixed(1);
    log(`${relative(HERE, names.catalogueUtf8)} (${mb(names.catalogueUtf8)} MB), ${relative(HERE, names.catalogueGb)} (${mb(names.catalogueGb)} MB)`);
  }
  if (want('codes')) {
    const codes = loadArchivalCodes(params.codes);
    log(`${relative(HERE, names.codes)}: ${codes.length.toLocaleString('en-US')} 档号`);
  }
  // Packages of small items: [items, content files per item] (one file each for --scaling).
  for (const [n, files] of [...(params.scaling ?? []).map((n) => [n, 1]), ...(params.perItem ?? [])]) {
    const out = names.scaleFiles(n, files);
    if (done(out)) continue;
    const started = Date.now();
    buildPackage(out, { items: n, size: 2048, files, seed: params.seed, algorithm: 'sm3' });
    markDone(out);
    log(`${relative(HERE, out)}: ${n} small items × ${files} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  return names;
}

/** Parses the shared command line of generate.mjs and run.mjs. */
export function parseBenchArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      items: { type: 'string' },
      size: { type: 'string' },
      entries: { type: 'string' },
      codes: { type: 'string' },
      seed: { type: 'string' },
      quick: { type: 'boolean' },
      scaling: { type: 'boolean' },
      only: { type: 'string' },
      pairs: { type: 'string' },
      json: { type: 'string' },
      markdown: { type: 'string' },
      compare: { type: 'string' },
      runs: { type: 'string' },
      'no-memory': { type: 'boolean' },
    },
  });
  const preset = values.quick ? PRESETS.quick : PRESETS.full;
  const number = (v, d) => (v === undefined ? d : Number(v));
  return {
    items: number(values.items, preset.items),
    size: number(values.size, preset.size),
    entries: number(values.entries, preset.entries),
    codes: number(values.codes, preset.codes),
    seed: number(values.seed, 93),
    scaling: values.scaling ? preset.scaling : [],
    only: values.only ? new Set(values.only.split(',')) : undefined,
    pairs: number(values.pairs, 5),
    quick: Boolean(values.quick),
    json: values.json,
    markdown: values.markdown,
    compare: values.compare,
    runs: number(values.runs, 3),
    memory: !values['no-memory'],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await generate(parseBenchArgs(process.argv.slice(2)));
}
