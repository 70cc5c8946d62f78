// Fuzz targets for the export readers (目录文件 XML, item metadata XML, 固化验证信息, Dublin Core,
// model JSON) and loadSchedule. Seeds are written by the matching writers; the JSON readers also
// get structured mutations of the parsed seed (a value replaced, removed or added anywhere in the
// tree), which reach the schema checks that byte edits of JSON text mostly do not.
import fc from 'fast-check';
import * as z from 'zod';
import { catalogueLevels } from '../../src/formats/catalogue/elementSets.js';
import { readCatalogueXml } from '../../src/formats/catalogue/readCatalogueXml.js';
import { writeCatalogueXml } from '../../src/formats/catalogue/writeCatalogueXml.js';
import { dublinCoreElements, dublinCoreFromMetadata } from '../../src/formats/dublinCore/dublinCore.js';
import { readDublinCoreXml, writeDublinCoreXml } from '../../src/formats/dublinCore/dublinCoreXml.js';
import { parseFixityAlgorithm } from '../../src/formats/fixity/fixityRecord.js';
import { readFixityManifest } from '../../src/formats/fixity/readFixityManifest.js';
import { writeFixityManifest } from '../../src/formats/fixity/writeFixityManifest.js';
import { readModelJson, writeModelJson } from '../../src/formats/modelJson/modelJson.js';
import { readItemMetadataXml } from '../../src/formats/itemMetadata/readItemMetadataXml.js';
import { writeItemMetadataXml } from '../../src/formats/itemMetadata/writeItemMetadataXml.js';
import { encodeXmlDocument } from '../../src/xml/encodeXmlDocument.js';
import type { CatalogueEntry } from '../../src/model/catalogueEntry.js';
import { catalogueEntrySchema } from '../../src/model/catalogueEntry.js';
import { modelSchemas } from '../../src/model/jsonSchema.js';
import { builtInSchedules } from '../../src/rules/schedules/index.js';
import { loadSchedule } from '../../src/rules/loadSchedule.js';
import { sampleMetadata } from '../export/samples.js';
import { assertExplained, assertIssues } from './fuzzAssert.js';
import type { FuzzTarget } from './fuzzTargets.js';
import { organSchedule } from '../fixtures/schedules/organSchedule.js';

const utf8 = new TextEncoder();

/** The valid files of the minimal package that the seeds also draw on. */
export interface ReaderSeedFiles {
  /** Records read from the package's 目录文件.XML. */
  records: readonly CatalogueEntry[];
  /** 目录文件.XML as shipped. */
  catalogue: Uint8Array;
  /** An item folder's 电子档案元数据.XML as shipped. */
  itemMetadata: Uint8Array;
  /** 其他/固化验证信息.XML as shipped. */
  fixity: Uint8Array;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every node of a JSON value, as the key path from the root (the root is `[]`). */
function jsonPaths(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => jsonPaths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) jsonPaths(v, [...path, k], out);
  return out;
}

// Values that mean something to the schemas: periods, dates, counting rules, edge numbers.
const telling = fc.constantFrom<Json>('', ' ', 'D30', '永久', 'Y', '定期10年', '长期', '后5年', 'event', 'formation-year-end', '2024-02-30', '20240230', 0, -1, 1.5, 2 ** 53, 1e300, [], {}, null);
const jsonEdit = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace' as const, 'remove' as const, 'add' as const),
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'rules', 'period', 'id', 'source', 'counting', 'formatVersion')),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, telling),
});

/**
 * Structured mutations of JSON seeds: up to four edits, each replacing, removing or adding a value
 * at a node picked among all of the tree's nodes; the result is serialised as UTF-8 JSON.
 *
 * @param seeds - Parsed JSON values.
 * @returns Mutated documents as bytes.
 */
export function jsonMutated(seeds: readonly Json[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(jsonEdit, { minLength: 1, maxLength: 4 })).map(([index, edits]) => {
    let root: Json = structuredClone(seeds[index] as Json);
    for (const edit of edits) {
      // A fresh copy: generated values (the `telling` constants above all) are shared between runs.
      const value = structuredClone(edit.value);
      const paths = jsonPaths(root);
      const path = paths[edit.at % paths.length]!;
      if (path.length === 0) {
        if (edit.op === 'replace') root = value;
        continue;
      }
      const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, root) as Record<string | number, Json> | Json[];
      const key = path[path.length - 1]!;
      const node = (parent as Record<string | number, Json>)[key] as Json;
      if (edit.op === 'replace') (parent as Record<string | number, Json>)[key] = value;
      else if (edit.op === 'remove') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      } else if (Array.isArray(node)) node.push(value);
      else if (node !== null && typeof node === 'object') Object.defineProperty(node, edit.key, { value, enumerable: true, writable: true, configurable: true });
    }
    return utf8.encode(JSON.stringify(root));
  });
}

const jsonOf = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

/**
 * The reader targets, seeded from the writers' output and the minimal package's files.
 *
 * @param files - The package files and records the seeds start from.
 * @returns One target per reader.
 */
export function readerTargets(files: ReaderSeedFiles): FuzzTarget[] {
  const records = [...files.records];
  const with2012 = records.map((r) => ({ ...r, electronicFileName: `${r.archivalCode}.pdf` }));
  const catalogueSeeds = [
    files.catalogue,
    utf8.encode(writeCatalogueXml(records)),
    encodeXmlDocument(writeCatalogueXml(with2012, { edition: '2012', level: 'volume', encoding: 'GB18030' }), 'GB18030'),
  ];
  const metadataSeeds = [files.itemMetadata, utf8.encode(writeItemMetadataXml(sampleMetadata)), encodeXmlDocument(writeItemMetadataXml(sampleMetadata, 'GB18030'), 'GB18030')];
  const fixityRecords = [
    { path: 'Z109/WS/Z109-WS·2024-Y-BGS-0001/正文.pdf', algorithm: 'sm3' as const, digest: 'ab'.repeat(32), bytes: 142 },
    { path: '目录文件.XML', algorithm: 'md5' as const, digest: 'cd'.repeat(16), bytes: 0 },
  ];
  const fixitySeeds = [files.fixity, utf8.encode(writeFixityManifest(fixityRecords)), encodeXmlDocument(writeFixityManifest(fixityRecords, 'GB18030'), 'GB18030')];
  const dublinCore = dublinCoreFromMetadata(sampleMetadata);
  const dublinCoreSeeds = [utf8.encode(writeDublinCoreXml(dublinCore)), encodeXmlDocument(writeDublinCoreXml({ ...dublinCore, rights: ['开放 & <受控>'] }, 'GB18030'), 'GB18030')];
  const modelValues = [jsonOf(records), jsonOf(records[0]), jsonOf({ fondsCode: 'Z109', fondsName: '某市人民政府办公室', creatingUnit: '某市人民政府办公室' }), jsonOf({ kind: 'fixed', years: 30 })];
  // Small built-in schedules, and one in the user conveniences (text periods, plain-string sources).
  const scheduleValues = [
    jsonOf(builtInSchedules['subsistence-2008']),
    jsonOf(builtInSchedules['legacy-1987']),
    jsonOf(organSchedule),
  ];
  const schemas = [...Object.values(modelSchemas), z.array(catalogueEntrySchema)] as z.ZodType[];

  return [
    {
      name: 'readCatalogueXml',
      seeds: catalogueSeeds,
      async run(input) {
        const read = readCatalogueXml(input);
        assertIssues(read.issues);
        if (!Array.isArray(read.records) || !(read.level in catalogueLevels) || !['2012', '2022'].includes(read.edition)) throw new Error('not a catalogue result');
        // Entries that break the model are reported and left out (readCatalogueXml's contract).
        for (const record of read.records) if (!catalogueEntrySchema.safeParse(record).success) throw new Error(`record breaks the model: ${JSON.stringify(record)}`);
      },
    },
    {
      name: 'readItemMetadataXml',
      seeds: metadataSeeds,
      async run(input) {
        const { metadata, issues } = readItemMetadataXml(input);
        assertIssues(issues);
        assertExplained(metadata, issues, 'readItemMetadataXml');
        if (metadata && (metadata.documents.length === 0 || metadata.documents.some((d) => d.data.some((x) => x.encodings.some((e) => !Number.isInteger(e.fileSize) || e.fileSize < 0))))) {
          throw new Error('metadata without a document or with a bad 计算机文件大小');
        }
      },
    },
    {
      name: 'readFixityManifest',
      seeds: fixitySeeds,
      async run(input) {
        const { records: read, issues } = readFixityManifest(input);
        assertIssues(issues);
        if (!Array.isArray(read)) throw new Error('not a fixity result');
        for (const r of read) {
          if (parseFixityAlgorithm(r.algorithm) !== r.algorithm || !Number.isInteger(r.bytes) || r.bytes < 0 || typeof r.path !== 'string') throw new Error(`bad record ${JSON.stringify(r)}`);
        }
      },
    },
    {
      name: 'readDublinCoreXml',
      seeds: dublinCoreSeeds,
      async run(input) {
        const { record, issues } = readDublinCoreXml(input);
        assertIssues(issues);
        assertExplained(record, issues, 'readDublinCoreXml');
        for (const [name, values] of Object.entries(record ?? {})) {
          if (!(dublinCoreElements as readonly string[]).includes(name) || !values.every((v) => typeof v === 'string')) throw new Error(`bad element ${name}`);
        }
      },
    },
    {
      name: 'readModelJson',
      seeds: modelValues.map((v) => utf8.encode(writeModelJson(v))),
      structured: jsonMutated(modelValues),
      async run(input) {
        for (const schema of schemas) {
          const { value, issues } = readModelJson(schema, input);
          assertIssues(issues);
          // A value, or the issues that say why not — never both, never neither.
          if ((value === undefined) === (issues.length === 0)) throw new Error('readModelJson: value and issues disagree');
        }
      },
    },
    {
      name: 'loadSchedule',
      seeds: scheduleValues.map((v) => utf8.encode(JSON.stringify(v, null, 2))),
      structured: jsonMutated(scheduleValues),
      async run(input) {
        const text = new TextDecoder().decode(input);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text; // not JSON: fed as text only
        }
        // The JSON text and the already-parsed value: both documented inputs.
        for (const result of [loadSchedule(text), loadSchedule(parsed)]) {
          if (result.ok) {
            if (!Array.isArray(result.schedule.rules) || result.schedule.rules.length === 0) throw new Error('schedule without rules');
          } else {
            assertIssues(result.issues);
            if (result.issues.length === 0 || !result.issues.every((i) => i.code.startsWith('schedule.'))) throw new Error(`loadSchedule: ${JSON.stringify(result.issues)}`);
          }
        }
      },
    },
  ];
}
