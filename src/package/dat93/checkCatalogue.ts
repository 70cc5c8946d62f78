import { checkRawCatalogueChunks } from '../../formats/catalogue/validateCatalogue.js';
import type { ByteChunkSource } from '../../xml/scan.js';
import { ReadLimitError } from '../source.js';
import type { RawCatalogueEntry } from '../../formats/catalogue/entries.js';
import { rawEntryLocation } from '../../formats/catalogue/scanCatalogue.js';
import type { IssueLocation } from '../../report/issue.js';
import { createTextPool } from '../../xml/textPool.js';
import type { XmlStreamContext } from '../../xml/scan.js';
import { CROSS_CHECKED_FIELDS, type CrossCheckedField } from './checkCrossReferences.js';
import type { CheckRun } from '../checks/checkRun.js';
import { scaledTimeLimit } from '../limits.js';
import type { PackageSource } from '../source.js';

/**
 * What the package checks keep of a catalogue entry: where it is, and the
 * values the cross-checks compare with the items ({@link CROSS_CHECKED_FIELDS}:
 * the first element of each of those names, trimmed). Keeping whole entries,
 * with a location on every field, held about 250 MB for 100,000 entries
 * (docs/performance.md).
 */
export interface CatalogueEntryValues {
  /** Location of the entry element. */
  readonly location: IssueLocation;
  /** Values by element name, for the names of {@link CROSS_CHECKED_FIELDS} that the entry has. */
  readonly values: Readonly<Partial<Record<CrossCheckedField, string>>>;
}

/**
 * Reads 目录文件.XML and runs the catalogue validator on it (DA/T 70-2018
 * GD-1-12: encoding, well-formedness, required items, dates, domains,
 * duplicate 顺序号 and 档号), adding its issues to the run.
 *
 * @param source - The package source.
 * @param path - Source path of 目录文件.XML.
 * @param run - The check run.
 * @param maxBytes - Largest file read.
 * @returns The entries, or `undefined` when the file could not be read or parsed.
 * @example
 * const entries = await checkCatalogue(source, '目录文件.XML', run, 2 ** 28);
 */
export async function checkCatalogue(source: PackageSource, path: string, run: CheckRun, maxBytes: number): Promise<CatalogueEntryValues[] | undefined> {
  run.ran('xml.readable');
  run.ran('security.xml-entities');
  // Read in chunks, never whole (a 250,000-entry catalogue is about 94 MB of bytes and more as text); the size cap is judged first, as a whole read does.
  const size = (await source.entries()).find((e) => e.path === path && e.kind === 'file')?.size ?? 0;
  if (size > maxBytes) {
    run.report('content.unreadable', { path, params: { reason: new ReadLimitError(path, size, maxBytes).message } });
    return undefined;
  }
  // One pass: the entries are checked and kept as they are read.
  const entries: CatalogueEntryValues[] = [];
  const keep = createTextPool();
  let lastBase = '';
  // The XPaths of the entries differ only in their number (/文件目录/文件[n]): the rest is stored once.
  const base = (text: string) => (text === lastBase ? lastBase : (lastBase = text));
  let checked: Awaited<ReturnType<typeof checkRawCatalogueChunks>>;
  try {
    checked = await checkRawCatalogueChunks(chunksOf(source.stream(path), size), { path, locale: run.locale, limits: scaledTimeLimit(run.xmlLimits, size) }, (raw, context) =>
      entries.push(entryValues(raw, context, keep, base)),
    );
  } catch (error) {
    run.report('content.unreadable', { path, params: { reason: (error as Error).message } });
    return undefined;
  }
  const { report, complete } = checked;
  for (const issue of report.issues) run.adopt({ ...issue, path }, 'catalogue.conformance');
  if (!complete) return undefined;
  run.ran('catalogue.conformance');
  return entries;
}

function entryValues(raw: RawCatalogueEntry, context: XmlStreamContext, keep: (text: string) => string, base: (text: string) => string): CatalogueEntryValues {
  const values: Partial<Record<CrossCheckedField, string>> = {};
  for (const name of CROSS_CHECKED_FIELDS) {
    const field = raw.fields[name];
    if (field) values[name] = keep(field.value);
  }
  return new KeptCatalogueEntry(rawEntryLocation(raw, context), values, base);
}

const NUMBERED_STEP = /^(.*)\[(\d{1,9})\]$/;

/**
 * A catalogue entry as kept until the cross-checks: its location as numbers
 * and a shared XPath stem, not a location object and an XPath string each
 * (250,000 entries held about 40 MB of them; docs/performance.md).
 */
class KeptCatalogueEntry implements CatalogueEntryValues {
  private readonly line: number;
  private readonly column: number;
  private readonly xpath: string | undefined;
  private readonly step: number;

  constructor(
    location: IssueLocation,
    readonly values: Partial<Record<CrossCheckedField, string>>,
    base: (text: string) => string,
  ) {
    this.line = location.line;
    this.column = location.column;
    const numbered = location.xpath === undefined ? null : NUMBERED_STEP.exec(location.xpath);
    this.xpath = numbered ? base(numbered[1] as string) : location.xpath;
    this.step = numbered ? Number(numbered[2]) : -1;
  }

  /** Where the entry is (a fresh object). */
  get location(): IssueLocation {
    const location: IssueLocation = { line: this.line, column: this.column };
    if (this.xpath !== undefined) location.xpath = this.step < 0 ? this.xpath : `${this.xpath}[${this.step}]`;
    return location;
  }
}

/** A source's stream of a file as the chunk source the XML scan reads (closing it ends the stream). */
function chunksOf(stream: AsyncIterable<Uint8Array>, size: number): ByteChunkSource {
  const iterator = stream[Symbol.asyncIterator]();
  return {
    size,
    read: async () => {
      const next = await iterator.next();
      return next.done ? undefined : next.value;
    },
    close: async () => {
      await iterator.return?.(undefined);
    },
  };
}
