// Fuzz targets: every public reader and validator, fed arbitrary bytes or a structured mutation
// of a valid input made by the library's own builders (the export readers and loadSchedule are in
// fuzzReaderTargets.ts, the directory source in fuzzDirectoryTarget.ts). Each target throws only
// when the reader throws or returns something that is not a Report / parse result — that is the bug to find.
// Shared by fuzz.test.ts (a few thousand cases) and test/fuzz/campaign.mjs (a million).
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { readCatalogueCsv } from '../../src/formats/catalogue/csv/readCatalogueCsv.js';
import { writeCatalogueCsv } from '../../src/formats/catalogue/csv/writeCatalogueCsv.js';
import { parseCsvTable } from '../../src/formats/catalogue/csv/csvTable.js';
import { readCatalogueXml } from '../../src/formats/catalogue/readCatalogueXml.js';
import { writeCatalogueXml } from '../../src/formats/catalogue/writeCatalogueXml.js';
import { readEep } from '../../src/formats/eep/readEep.js';
import { writeEep } from '../../src/formats/eep/writeEep.js';
import { createBag } from '../../src/node/createBag.js';
import { serializeBag } from '../../src/node/bagit/serializeBag.js';
import { validatePath } from '../../src/node/validatePath.js';
import { openDirectorySource } from '../../src/node/directorySource.js';
import { openZipSource } from '../../src/node/zipSource.js';
import { openFileListSource } from '../../src/browser/fileListSource.js';
import { openZipBlobSource } from '../../src/browser/zipBlobSource.js';
import { validateBag } from '../../src/package/bagit/validateBag.js';
import { validateCatalogue, validateCatalogueChunks } from '../../src/formats/catalogue/validateCatalogue.js';
import { parsePackageDescription } from '../../src/formats/description/parsePackageDescription.js';
import { validateEep } from '../../src/package/eep/validateEep.js';
import type { PackageEntry, PackageSource } from '../../src/package/source.js';
import type { Issue } from '../../src/report/issue.js';
import type { Report } from '../../src/report/report.js';
import { mergeShardReports } from '../../src/report/mergeShardReports.js';
import { comparableReport } from '../comparableReport.js';
import { decodeText } from '../../src/package/text/decodeText.js';
import { validatePackage } from '../../src/package/validatePackage.js';
import { parseXml, readXml } from '../../src/xml/parse.js';
import { encodeXmlDocument } from '../../src/xml/encodeXmlDocument.js';
import type { ByteChunkSource } from '../../src/xml/scan.js';
import { sampleItem } from '../export/eep/sampleItem.js';
import { assertReport } from './fuzzAssert.js';
import { mutated } from './fuzzMutations.js';
import { mutatedEep } from './fuzzEepModel.js';
import { mutatedZip } from './fuzzZipModel.js';
import { directoryTarget } from './fuzzDirectoryTarget.js';
import { readerTargets } from './fuzzReaderTargets.js';
import { VALID_PACKAGE } from './paths.js';

/** An item folder's metadata file in the minimal valid package. */
const ITEM_METADATA = 'Z109/WS/Z109-WS·2024-Y-BGS-0001/电子档案元数据.XML';

/** One reader under fuzz. */
export interface FuzzTarget {
  name: string;
  /** Valid inputs made by the library's builders; mutations start from these. */
  seeds: readonly Uint8Array[];
  /** Target-specific structured mutations (e.g. of a parsed JSON seed), beside the byte-level ones. */
  structured?: fc.Arbitrary<Uint8Array>;
  /** Feeds one input; throws (an assertion) when the reader misbehaves. */
  run(input: Uint8Array): Promise<void>;
}

function readTree(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else files.set(path, new Uint8Array(readFileSync(join(root, path))));
    }
  };
  walk('');
  return files;
}

/** An in-memory PackageSource (no file system), as a browser app would build over File objects. */
export function memorySource(files: ReadonlyMap<string, Uint8Array>): PackageSource {
  const entries: PackageEntry[] = [];
  const dirs = new Set<string>();
  for (const [path, data] of files) {
    entries.push({ path, kind: 'file', size: data.length });
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const dir of dirs) entries.push({ path: dir, kind: 'directory', size: 0 });
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const get = (path: string) => {
    const data = files.get(path);
    if (!data) throw new Error(`no file entry: ${path}`);
    return data;
  };
  return {
    name: 'memory',
    entries: async () => entries,
    read: async (path, options) => {
      const data = get(path);
      if (options?.maxBytes !== undefined && data.length > options.maxBytes) throw new Error('over maxBytes');
      return data;
    },
    async *stream(path) {
      yield get(path);
    },
    async *digest(requests) {
      for (const r of requests) {
        const data = files.get(r.path);
        yield data
          ? { path: r.path, bytes: data.length, digests: Object.fromEntries(r.algorithms.map((a) => [a, createHash(a).update(data).digest('hex')])) }
          : { path: r.path, bytes: 0, digests: {}, error: 'missing' };
      }
    },
  };
}

// A package or bag is one mutated file among the valid ones: the input names the file (first
// byte, modulo the file count) and the rest of the input replaces that file's bytes.
function treeWith(tree: ReadonlyMap<string, Uint8Array>, input: Uint8Array): Map<string, Uint8Array> {
  const paths = [...tree.keys()];
  const files = new Map(tree);
  files.set(paths[(input[0] ?? 0) % paths.length]!, input.subarray(1));
  return files;
}
function treeSeeds(tree: ReadonlyMap<string, Uint8Array>): Uint8Array[] {
  return [...tree.values()].map((data, i) => Uint8Array.of(i, ...data));
}

/** A zip of a tree, stored (APPNOTE method 0) or deflated (method 8): the seeds of the zip-source mutations. */
function zipOf(files: ReadonlyMap<string, Uint8Array>, deflate: boolean): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, data] of files) {
    const name = Buffer.from(path);
    const stored = deflate ? deflateRawSync(data) : data;
    const method = deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(stored));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc32(data), 16);
    c.writeUInt32LE(stored.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + stored.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

/**
 * Builds the targets (a bag is created with createBag in a temp folder, where the directory target
 * also builds its cases; all removed at `dispose`).
 *
 * @returns The targets and a cleanup function.
 */
export async function fuzzTargets(): Promise<{ targets: FuzzTarget[]; dispose(): void }> {
  const tmp = mkdtempSync(join(tmpdir(), 'dangan-fuzz-'));
  const tree = readTree(VALID_PACKAGE);
  const catalogueBytes = tree.get('目录文件.XML')!;
  const records = readCatalogueXml(catalogueBytes).records;
  const catalogueSeed = new TextEncoder().encode(writeCatalogueXml(records));
  const csvSeed = new TextEncoder().encode(writeCatalogueCsv(records));
  const eepSeed = writeEep(sampleItem());
  const bagDir = join(tmp, 'bag');
  cpSync(VALID_PACKAGE, join(tmp, 'payload'), { recursive: true });
  await createBag(join(tmp, 'payload'), { out: bagDir, algorithms: ['sha256'], baggingDate: '2025-01-02', transfer: 'copy' });
  const bag = readTree(bagDir);
  const zipSeeds = [zipOf(tree, false), zipOf(tree, true)];
  const zipFile = join(tmp, 'fuzz.zip');
  const sourcesDir = join(tmp, 'sources');
  const sourcesZip = join(tmp, 'sources.zip');
  // The same bag as a tar and a tgz under one top-level folder, as dangan bag --tar/--tgz writes it.
  await serializeBag(bagDir, join(tmp, 'seed.tar'), 'tar', 'bag', new Date(0));
  await serializeBag(bagDir, join(tmp, 'seed.tgz'), 'tgz', 'bag', new Date(0));
  const tarSeeds = [new Uint8Array(readFileSync(join(tmp, 'seed.tar'))), new Uint8Array(readFileSync(join(tmp, 'seed.tgz')))];
  const tarFile = join(tmp, 'fuzz.tar');
  const xmlSeeds = [catalogueSeed, eepSeed, tree.get('其他/固化验证信息.XML')!, tree.get(ITEM_METADATA)!];

  const targets: FuzzTarget[] = [
    {
      name: 'readXml+parseXml',
      seeds: xmlSeeds,
      async run(input) {
        for (const { root, issues } of [readXml(input), parseXml(new TextDecoder().decode(input))]) {
          if (!Array.isArray(issues) || (root === undefined && issues.every((i) => i.severity !== 'error'))) throw new Error('no root and no error');
        }
      },
    },
    { name: 'validateCatalogue', seeds: [catalogueSeed, catalogueBytes], run: async (input) => assertReport(validateCatalogue(input)) },
    {
      // Differential: read chunk by chunk (as `dangan catalogue check` reads a file), the report equals the whole-file one.
      name: 'validateCatalogueChunks',
      seeds: [catalogueSeed, catalogueBytes, encodeXmlDocument(writeCatalogueXml(records, { encoding: 'GB18030' }), 'GB18030'), utf16le(writeCatalogueXml(records))],
      async run(input) {
        const whole = validateCatalogue(input);
        assertReport(whole);
        for (const size of chunkSizes(input)) {
          if (!isDeepStrictEqual(await validateCatalogueChunks(chunkSource(input, size)), whole)) throw new Error(`chunks of ${size} bytes give another report`);
        }
      },
    },
    {
      name: 'parsePackageDescription',
      seeds: [tree.get('说明文件.TXT')!],
      async run(input) {
        const parsed = parsePackageDescription(decodeText(input).text);
        if (!Array.isArray(parsed.fields) || !Array.isArray(parsed.malformedLines)) throw new Error('not a parse result');
      },
    },
    {
      name: 'readCatalogueCsv',
      seeds: [csvSeed],
      async run(input) {
        const read = readCatalogueCsv(input);
        if (!Array.isArray(read.records) || !Array.isArray(read.issues)) throw new Error('not a CSV result');
        parseCsvTable(new TextDecoder().decode(input));
      },
    },
    {
      name: 'readEep+validateEep',
      seeds: [eepSeed],
      structured: mutatedEep([eepSeed]),
      async run(input) {
        const read = readEep(input);
        if (typeof read.ok !== 'boolean') throw new Error('not an EEP result');
        assertReport(await validateEep(input));
      },
    },
    { name: 'validatePackage', seeds: treeSeeds(tree), run: async (input) => assertReport(await validatePackage(memorySource(treeWith(tree, input)))) },
    {
      // Differential: issues streamed as found (`--format jsonl`) are the held report's issues, with the same verdict, summary and statuses.
      name: 'validatePackageStreamed',
      seeds: treeSeeds(tree),
      async run(input) {
        const files = treeWith(tree, input);
        const held = await validatePackage(memorySource(files));
        const streamed: Issue[] = [];
        const report = await validatePackage(memorySource(files), { onIssue: (issue) => streamed.push(issue) });
        assertReport(held);
        const statuses = (r: Report) => r.checks.map((c) => `${c.id} ${c.status}`);
        const issueSet = (issues: readonly Issue[]) => issues.map((i) => JSON.stringify(i)).sort();
        if (report.valid !== held.valid || !isDeepStrictEqual(report.summary, held.summary)) throw new Error('streamed: another verdict or summary');
        if (!isDeepStrictEqual(statuses(report), statuses(held))) throw new Error('streamed: other check statuses');
        if (!isDeepStrictEqual(issueSet([...streamed, ...report.issues]), issueSet(held.issues))) throw new Error('streamed: other issues');
      },
    },
    {
      // Differential (`--shard I/N` + `dangan report merge`): the shard reports of 2 and of 3 shards, merged, are the whole run's report.
      name: 'shardsAgree',
      seeds: treeSeeds(tree),
      async run(input) {
        const files = treeWith(tree, input);
        const whole = comparableReport(await validatePackage(memorySource(files)));
        for (const count of [2, 3]) {
          const shards = [];
          for (let index = 0; index < count; index++) shards.push({ name: `shard-${index}`, report: await validatePackage(memorySource(files), { shard: { index, count } }) });
          const merged = mergeShardReports(shards);
          if (!merged.ok) throw new Error(`${count} shards refused: ${JSON.stringify(merged)}`);
          if (!isDeepStrictEqual(comparableReport(merged.report), whole)) throw new Error(`${count} shards merged differ from the whole run`);
        }
      },
    },
    { name: 'validateBag', seeds: treeSeeds(bag), run: async (input) => assertReport(await validateBag(memorySource(treeWith(bag, input)))) },
    {
      name: 'zipSource',
      seeds: zipSeeds,
      structured: mutatedZip(zipSeeds),
      async run(input) {
        writeFileSync(zipFile, input);
        assertReport(await validatePath(zipFile, { jobs: 1 }));
      },
    },
    {
      // Differential (one validator, four sources): the package as a folder on disk, as a zip file on disk, as a zip Blob and
      // as a browser file list gives one verdict, the same check statuses and the same issues (code, severity, path, place).
      name: 'sourcesAgree',
      seeds: treeSeeds(tree),
      async run(input) {
        const files = treeWith(tree, input);
        rmSync(sourcesDir, { recursive: true, force: true });
        for (const [path, data] of files) {
          mkdirSync(join(sourcesDir, dirname(path)), { recursive: true });
          writeFileSync(join(sourcesDir, path), data);
        }
        const zipBytes = zipOf(files, (input[1] ?? 0) % 2 === 1);
        writeFileSync(sourcesZip, zipBytes);
        const blobs = [...files].map(([path, data]) => ({ path, blob: new Blob([data as Uint8Array<ArrayBuffer>]) }));
        const viaDirectory = await essence(await openDirectorySource(sourcesDir));
        const others = {
          'zip file': await essence(await openZipSource(sourcesZip)),
          'zip Blob': await essence(await openZipBlobSource(new Blob([zipBytes as Uint8Array<ArrayBuffer>]), 'package.zip')),
          'file list': await essence(openFileListSource(blobs, 'package')),
        };
        for (const [name, got] of Object.entries(others)) if (!isDeepStrictEqual(got, viaDirectory)) throw new Error(`${name} differs from the folder: ${JSON.stringify(got)} vs ${JSON.stringify(viaDirectory)}`);
      },
    },
    {
      name: 'tarSource',
      seeds: tarSeeds,
      async run(input) {
        writeFileSync(tarFile, input);
        assertReport(await validatePath(tarFile, { jobs: 1 }));
      },
    },
    ...readerTargets({ records, catalogue: catalogueBytes, itemMetadata: tree.get(ITEM_METADATA)!, fixity: tree.get('其他/固化验证信息.XML')! }),
    directoryTarget(join(tmp, 'directory'), [tree, bag], [VALID_PACKAGE, bagDir]),
  ];
  return { targets, dispose: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** What every source must agree on: the verdict, the check statuses and each issue's code, severity, path and place. */
async function essence(source: PackageSource) {
  try {
    const report = await validatePackage(source);
    return {
      valid: report.valid,
      profile: report.profile,
      checks: report.checks.map((c) => `${c.id}:${c.status}`),
      issues: report.issues.map((i) => [i.code, i.severity, i.path ?? '', i.location ? JSON.stringify(i.location) : ''].join(' ')),
    };
  } finally {
    await source.close?.();
  }
}

/** UTF-16LE bytes with a byte order mark (a catalogue in an encoding DA/T 22 does not name). */
function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

/** Two chunk sizes picked from the input itself (so a saved failing input replays the same cut): a tiny one and one up to 4 KiB. */
function chunkSizes(input: Uint8Array): number[] {
  const pick = (input[0] ?? 0) * 251 + (input[input.length >> 1] ?? 0) * 7 + input.length;
  return [1 + (pick % 17), 1 + (pick % 4096)];
}

/** The bytes as a chunk source of `size`-byte chunks (copies, as a file read gives). */
function chunkSource(input: Uint8Array, size: number): ByteChunkSource {
  let at = 0;
  return {
    size: input.length,
    read: async () => {
      if (at >= input.length) return undefined;
      const chunk = input.slice(at, at + size);
      at += size;
      return chunk;
    },
  };
}

/** Inputs for one target: arbitrary bytes, a byte-level mutation of one of its seeds, or the target's own structured mutation. */
export function fuzzInput(target: FuzzTarget): fc.Arbitrary<Uint8Array> {
  const kinds = [{ arbitrary: fc.uint8Array({ maxLength: 2048 }), weight: 1 }, { arbitrary: mutated(target.seeds), weight: 3 }];
  if (target.structured) kinds.push({ arbitrary: target.structured, weight: 3 });
  return fc.oneof(...kinds);
}

/**
 * Replays every saved failing input of test/fixtures/hostile/found/ (`<target>--<hash>.bin`) through its target.
 *
 * @param targets - The targets.
 * @param dir - The found/ folder.
 * @returns The files replayed.
 */
export async function replayFound(targets: readonly FuzzTarget[], dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.bin')).sort();
  } catch {
    return [];
  }
  for (const name of names) {
    const target = targets.find((t) => t.name === name.slice(0, name.indexOf('--')));
    if (!target) throw new Error(`found/${name} names no fuzz target`);
    await target.run(new Uint8Array(readFileSync(join(dir, name))));
  }
  return names;
}
