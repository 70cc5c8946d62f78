
import type { Issue, IssueLocation } from '../../report/issue.js';
import type { DetectedXmlEncoding } from '../../xml/encoding.js';
import { decodeReferences } from '../../xml/references.js';
import { scanXml, scanXmlChunks, type ByteChunkSource, type ParseXmlOptions, type XmlStreamContext, type XmlStreamResult } from '../../xml/scan.js';
import type { XmlEventHandler } from '../../xml/wellFormed.js';
import { catalogueLevels, elementSet2022Marker, type CatalogueElementSet, type CatalogueLevel } from './elementSets.js';
import type { CatalogueField, CatalogueXmlEntry, RawCatalogueEntry, RawCatalogueField } from './entries.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { catalogueIssues } from '../../report/messages/catalogue.js';

/** Options that pick the element set and level instead of detecting them, plus XML options. */
export interface ScanCatalogueOptions extends ParseXmlOptions {
  /** `auto` (default): `2022` when the first entry has 保管期限, else `2012`. */
  elementSet?: 'auto' | CatalogueElementSet;
  /** `auto` (default): from the root element name (`文件目录` → item, `案卷目录` → volume). */
  level?: 'auto' | CatalogueLevel;
}

/** Result of {@link scanCatalogue}. */
export interface CatalogueScan {
  /** True when the whole file was read without a fatal XML error. */
  complete: boolean;
  /** 件 or 卷 level; `undefined` when no root element was read. */
  level: CatalogueLevel | undefined;
  /** The element set (decided at the first entry; `2012` without entries unless chosen). */
  elementSet: CatalogueElementSet;
  /** Number of entries delivered. */
  entries: number;
  /** Location of the root element, if one was read. */
  rootLocation?: IssueLocation;
  /** The encoding, for byte input. */
  encoding?: DetectedXmlEncoding;
  /** Encoding, XML and structure issues (root, children that are not entries), in document order. */
  issues: Issue[];
}

/**
 * Reads a 目录文件.XML as a stream and hands each entry to `onEntry` as soon
 * as its end tag is read: no tree is built, so memory stays proportional to
 * one entry (plus the issues). The first entry is held until the second one
 * starts, so that its XPath can say whether it is `文件` or `文件[1]`.
 * Entries read before a fatal XML error are delivered; `complete` tells.
 * Never throws.
 *
 * @param input - The file's bytes, or its decoded text.
 * @param options - Element set, level, limits, locale, path.
 * @param onEntry - Receives each entry with the element set in force.
 * @returns Completion, level, element set, entry count and issues.
 * @example
 * scanCatalogue(bytes, {}, (entry) => console.log(entry.fields['档号']?.value));
 */
export function scanCatalogue(
  input: Uint8Array | string,
  options: ScanCatalogueOptions,
  onEntry: (entry: CatalogueXmlEntry, elementSet: CatalogueElementSet) => void,
): CatalogueScan {
  return scanRawCatalogue(input, options, (raw, elementSet, context) => onEntry(buildCatalogueEntry(raw, context), elementSet));
}

/**
 * {@link scanCatalogue} without fixing locations: each entry comes with
 * offsets and the scan context, so that line:column is computed only for the
 * issues (the validator's fast path). Internal to the catalogue readers.
 *
 * @param input - The file's bytes, or its decoded text.
 * @param options - Element set, level, limits, locale, path.
 * @param onEntry - Receives each entry (its `xpath` set), the element set in force and the scan context.
 * @returns Completion, level, element set, entry count and issues.
 * @example
 * scanRawCatalogue(bytes, {}, (raw, set, context) => context.lines.locate(raw.offset));
 */
export function scanRawCatalogue(
  input: Uint8Array | string,
  options: ScanCatalogueOptions,
  onEntry: (entry: RawCatalogueEntry, elementSet: CatalogueElementSet, context: XmlStreamContext) => void,
): CatalogueScan {
  const run = rawCatalogueRun(options, onEntry);
  return run.finish(scanXml(input, options, run.createHandler));
}

/**
 * {@link scanRawCatalogue} over a file read in chunks (a Node file handle,
 * `Blob.slice` in a browser): only the unscanned rest of the current chunk is
 * held, so memory does not grow with the file. Entries, issues and their
 * line:column are those of {@link scanRawCatalogue} on the whole file.
 *
 * @param source - The file's bytes, chunk by chunk.
 * @param options - Element set, level, limits, locale, path.
 * @param onEntry - Receives each entry, the element set in force and the scan context.
 * @returns Completion, level, element set, entry count and issues.
 * @example
 * const scan = await scanRawCatalogueChunks(blobChunkSource(file), {}, (raw) => count++);
 */
export async function scanRawCatalogueChunks(
  source: ByteChunkSource,
  options: ScanCatalogueOptions,
  onEntry: (entry: RawCatalogueEntry, elementSet: CatalogueElementSet, context: XmlStreamContext) => void,
): Promise<CatalogueScan> {
  const run = rawCatalogueRun(options, onEntry);
  return run.finish(await scanXmlChunks(source, options, run.createHandler));
}

/** One catalogue read: the XML handler to scan with, and the result once the scan has ended. */
function rawCatalogueRun(
  options: ScanCatalogueOptions,
  onEntry: (entry: RawCatalogueEntry, elementSet: CatalogueElementSet, context: XmlStreamContext) => void,
): { createHandler(context: XmlStreamContext): XmlEventHandler; finish(scan: XmlStreamResult): CatalogueScan } {
  const issues: Issue[] = [];
  const base = { locale: options.locale, path: options.path };
  const state = {
    level: undefined as CatalogueLevel | undefined,
    elementSet: (options.elementSet && options.elementSet !== 'auto' ? options.elementSet : undefined) as CatalogueElementSet | undefined,
    entries: 0,
    rootLocation: undefined as IssueLocation | undefined,
  };
  const names = { root: '', entry: catalogueLevels.item.entry };
  let pending: RawCatalogueEntry | undefined; // the first entry, until it is known whether it is alone

  const deliver = (raw: RawCatalogueEntry, indexed: boolean, context: XmlStreamContext) => {
    const path = `/${names.root}/${names.entry}`;
    raw.xpath = indexed ? `${path}[${raw.index}]` : path;
    state.elementSet ??= raw.fields[elementSet2022Marker] ? '2022' : '2012';
    state.entries++;
    onEntry(raw, state.elementSet, context);
  };
  let flush = () => {};

  const createHandler = (context: XmlStreamContext) => {
    flush = () => {
      if (pending) deliver(pending, false, context);
      pending = undefined;
    };
    return catalogueHandler(context, {
      root(name, location) {
        names.root = name;
        state.rootLocation = location;
        const detected = levelOf(name);
        if (detected === undefined) {
          issues.push(createIssueFrom(catalogueIssues, 'catalogue.root-unexpected', { ...base, location, params: { received: name }, expected: ['文件目录', '案卷目录'], received: name }));
        }
        state.level = options.level && options.level !== 'auto' ? options.level : detected;
      },
      firstChild(name) {
        // An unexpected root: take the level from its first child (`案卷` → volume).
        state.level ??= name === catalogueLevels.volume.entry ? 'volume' : 'item';
        names.entry = catalogueLevels[state.level].entry;
        return names.entry;
      },
      unexpected(name, location) {
        const params = { root: names.root, entry: names.entry, received: name };
        issues.push(createIssueFrom(catalogueIssues, 'catalogue.entry-unexpected', { ...base, location, params, expected: names.entry, received: name }));
      },
      secondEntry() {
        if (pending) deliver(pending, true, context);
        pending = undefined;
      },
      entry(raw) {
        if (raw.index === 1) pending = raw;
        else deliver(raw, true, context);
      },
      end: () => flush(),
    });
  };
  const finish = (scan: XmlStreamResult): CatalogueScan => {
    flush(); // after a fatal error, the first entry may still be waiting
    const encoding = scan.encoding ? { encoding: scan.encoding } : {};
    const rootLocation = state.rootLocation ? { rootLocation: state.rootLocation } : {};
    return {
      complete: scan.complete,
      level: state.level,
      elementSet: state.elementSet ?? '2012',
      entries: state.entries,
      ...rootLocation,
      ...encoding,
      issues: sortByLocation([...scan.issues, ...issues]),
    };
  };
  return { createHandler, finish };
}

function levelOf(rootName: string): CatalogueLevel | undefined {
  return (Object.keys(catalogueLevels) as CatalogueLevel[]).find((level) => catalogueLevels[level].root === rootName);
}

interface CatalogueEvents {
  root(name: string, location: IssueLocation): void;
  /** Returns the entry element name in force. */
  firstChild(name: string): string;
  unexpected(name: string, location: IssueLocation): void;
  /** The second entry has started: the first one is known not to be alone. */
  secondEntry(): void;
  entry(raw: RawCatalogueEntry): void;
  end(): void;
}

// Prototype of the field records: no inherited names (an element may be called `toString`), yet fast-mode objects.
const FIELDS: object = Object.freeze(Object.create(null) as object);

/** Turns element events into catalogue events: depth 1 root, depth 2 entries, depth 3 fields. */
function catalogueHandler(context: XmlStreamContext, events: CatalogueEvents): XmlEventHandler {
  let depth = 0;
  let root = '';
  let entryName: string | undefined;
  let entry: RawCatalogueEntry | undefined;
  let field: RawCatalogueField | undefined;
  let index = 0;
  const others = new Map<string, number>();
  const namesAt: string[] = [];
  const locate = (offset: number, xpath: string): IssueLocation => locationAt(context, offset, xpath);
  return {
    startElement(name, offset) {
      depth++;
      if (depth === 1) {
        root = name;
        events.root(name, locate(offset, `/${name}`));
      } else if (depth === 2) {
        entryName ??= events.firstChild(name);
        if (name === entryName) {
          entry = { index: ++index, offset, all: [], fields: Object.create(FIELDS) as Record<string, RawCatalogueField>, repeated: [], xpath: '' };
          if (index === 2) events.secondEntry();
        }
        else {
          const n = (others.get(name) ?? 0) + 1;
          others.set(name, n);
          events.unexpected(name, locate(offset, `/${root}/${name}${n > 1 ? `[${n}]` : ''}`));
        }
      } else if (depth === 3 && entry) {
        // Entries repeat their children's names in the same order: reuse the name seen at this position,
        // so the field record is keyed by one string per name (hashed once), not a fresh slice per element.
        const position = entry.all.length;
        const previous = namesAt[position];
        if (previous !== name) namesAt[position] = name;
        field = { name: previous === name ? previous : name, position, offset, text: '', value: '' };
      }
    },
    text(from, to) {
      if (depth === 3 && field) field.text += decodeReferences(context.slice(from, to));
    },
    cdata(from, to) {
      if (depth === 3 && field) field.text += context.slice(from, to);
    },
    endElement() {
      if (depth === 3 && field && entry) {
        field.value = field.text.trim();
        entry.all.push(field);
        if (entry.fields[field.name] === undefined) entry.fields[field.name] = field;
        else entry.repeated.push(field);
        field = undefined;
      } else if (depth === 2 && entry) {
        events.entry(entry);
        entry = undefined;
      } else if (depth === 1) {
        events.end();
      }
      depth--;
    },
  };
}

/**
 * The XPath step of each child of an entry, in document order: the name, with
 * `[k]` only where several children share it. Computed once per entry.
 */
function fieldSteps(raw: RawCatalogueEntry): string[] {
  if (raw.repeated.length === 0) return raw.all.map((f) => f.name);
  const totals: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const f of raw.all) totals[f.name] = (totals[f.name] ?? 0) + 1;
  const seen: Record<string, number> = Object.create(null) as Record<string, number>;
  return raw.all.map((f) => {
    const k = (seen[f.name] = (seen[f.name] ?? 0) + 1);
    return totals[f.name]! > 1 ? `${f.name}[${k}]` : f.name;
  });
}

const stepsCache = new WeakMap<RawCatalogueEntry, string[]>();

/**
 * The location of a raw entry's child element (line:column resolved now).
 *
 * @param raw - A delivered entry (its `xpath` set).
 * @param field - One of its fields.
 * @param context - The scan context.
 * @returns Line, column and XPath of the element.
 * @example
 * rawFieldLocation(raw, raw.fields['日期']!, context) //=> { line: 9, column: 5, xpath: '/文件目录/文件[1]/日期' }
 */
export function rawFieldLocation(raw: RawCatalogueEntry, field: RawCatalogueField, context: XmlStreamContext): IssueLocation {
  let steps = stepsCache.get(raw);
  if (steps === undefined) stepsCache.set(raw, (steps = fieldSteps(raw)));
  return locationAt(context, field.offset, `${raw.xpath}/${steps[field.position]!}`);
}

/**
 * The location of a raw entry's element (line:column resolved now).
 *
 * @param raw - A delivered entry (its `xpath` set).
 * @param context - The scan context.
 * @returns Line, column and XPath of the entry.
 * @example
 * rawEntryLocation(raw, context) //=> { line: 3, column: 3, xpath: '/文件目录/文件[1]' }
 */
export function rawEntryLocation(raw: RawCatalogueEntry, context: XmlStreamContext): IssueLocation {
  return locationAt(context, raw.offset, raw.xpath);
}

/**
 * Fixes a raw entry's locations: the public, tree-like form that
 * {@link scanCatalogue} and {@link readCatalogue} deliver.
 *
 * @param raw - A delivered raw entry (its `xpath` set).
 * @param context - The scan context.
 * @returns The entry with line, column and XPath on it and on every field.
 * @example
 * scanRawCatalogue(bytes, {}, (raw, set, context) => entries.push(buildCatalogueEntry(raw, context)));
 */
export function buildCatalogueEntry(raw: RawCatalogueEntry, context: XmlStreamContext): CatalogueXmlEntry {
  const steps = fieldSteps(raw);
  const fields: Record<string, CatalogueField> = Object.create(null) as Record<string, CatalogueField>;
  const repeated: (CatalogueField & { name: string })[] = [];
  for (const f of raw.all) {
    const location = locationAt(context, f.offset, `${raw.xpath}/${steps[f.position]!}`);
    if (raw.fields[f.name] === f) fields[f.name] = { value: f.value, text: f.text, location };
    else repeated.push({ name: f.name, value: f.value, text: f.text, location });
  }
  return { index: raw.index, location: locationAt(context, raw.offset, raw.xpath), fields, repeated };
}

/** An issue location; built field by field, as object spread is several times slower on this hot path. */
function locationAt(context: XmlStreamContext, offset: number, xpath: string): IssueLocation {
  const { line, column } = context.lines.locate(offset);
  return { line, column, xpath };
}

/**
 * Puts issues in document order (by line, then column); issues without a
 * location (about the file as a whole) come first. The sort is stable.
 *
 * @param issues - Issues from several passes.
 * @returns A new array in document order.
 * @example
 * sortByLocation([issueAtLine9, encodingIssue]) //=> [encodingIssue, issueAtLine9]
 */
export function sortByLocation(issues: readonly Issue[]): Issue[] {
  const key = (i: Issue) => (i.location ? i.location.line * 2 ** 24 + i.location.column : -1);
  return [...issues].sort((x, y) => key(x) - key(y));
}
