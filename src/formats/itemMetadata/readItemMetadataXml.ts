
import type { Issue, IssueLocation, Locale } from '../../report/issue.js';
import { XmlElementFrame, XmlFrameStack } from '../../xml/elementFrame.js';
import type { XmlLimits } from '../../xml/limits.js';
import type { LineIndex } from '../../xml/lineIndex.js';
import { localName } from '../../xml/localName.js';
import { attributeValue, decodeReferences } from '../../xml/references.js';
import { scanXml, type XmlScanContext } from '../../xml/scan.js';
import type { XmlEventHandler } from '../../xml/wellFormed.js';
import { detachText } from '../../xml/detachText.js';
import { parseFixityAlgorithm } from '../fixity/fixityRecord.js';
import type { ItemEncoding, ItemMetadataReading } from './itemMetadataModel.js';
import { ITEM_METADATA_ROOT, ItemMetadataWalker, itemMetadataValue, type ValueText } from './readItemMetadata.js';
import { defined, recordEntityView, type Dat46ItemMetadata, type ElementAt, type FileDataView, type MetadataFile, type TypedViewIssues } from './typedView.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { exportIssues } from '../../report/messages/export.js';

/** Result of {@link readItemMetadataXml}. */
export interface ReadItemMetadataResult {
  /** The metadata, absent when a required element is missing or malformed. */
  metadata?: Dat46ItemMetadata;
  issues: Issue[];
}

type Options = { path?: string; locale?: Locale };

/** A document element: its name as written and where it stood. */
export interface ItemMetadataRoot {
  /** The name, namespace prefix included. */
  name: string;
  /** Line and column of its `<`, and its XPath. */
  location: IssueLocation;
}

/** What {@link readItemMetadataDocument} gives: the reading when the document element is a 文件实体, else the other root. */
export interface ItemMetadataDocument {
  /** The 文件实体 element (any namespace prefix); absent when the XML is unreadable or has another root. */
  root?: ItemMetadataRoot;
  /** The metadata read from it, with the location of each element read (located when asked). */
  reading?: ItemMetadataReading;
  /** The document element when it is not 文件实体. */
  otherRoot?: ItemMetadataRoot;
  /** The XML issues (`xml.*`), each with its path. */
  issues: Issue[];
}

/** How {@link readItemMetadataDocument} keeps values: see `readItemMetadata`. */
export interface ItemMetadataValues {
  /** Keeps each value (default: a detached copy; a reader of many items passes a text pool). */
  keep?: (value: string) => string;
  /** `trimmed` (default) or `exact`. */
  text?: ValueText;
}

/**
 * The one reader of a per-item metadata XML's bytes (docs/architecture.md, one
 * reader per format): scans it with the hardened XML reader and checks its
 * document element is 文件实体 (DA/T 48-2009 §2.2), feeding the scan's
 * events straight to the one walker (`ItemMetadataWalker`): no element tree
 * is built, and a location is worked out only when it is asked for. The dat93
 * validator reads every item through it and so does {@link readItemMetadataXml};
 * the model and its locations are those `readItemMetadata` gives for the same
 * document's tree. Never throws.
 *
 * @param input - The file's bytes (encoding from BOM/declaration) or text.
 * @param options - Path and locale for issues, XML limits, and how values are kept.
 * @returns The root (or the other root), the reading, and the XML issues.
 * @example
 * readItemMetadataDocument(bytes, { path: 'Z109/WS/…/电子档案元数据.XML' }).reading?.metadata.archivalCode.year //=> '2024'
 */
export function readItemMetadataDocument(input: Uint8Array | string, options: Options & { limits?: Partial<XmlLimits> } & ItemMetadataValues = {}): ItemMetadataDocument {
  let events: ItemMetadataEvents | undefined;
  const scan = scanXml(input, options, (context) => (events = new ItemMetadataEvents(context, itemMetadataValue(options.keep ?? detachText, options.text ?? 'trimmed'))));
  const { issues } = scan;
  if (!scan.complete || events === undefined || events.rootFrame === undefined) return { issues };
  const lines = events.context.lines;
  const root = { name: events.rootFrame.name, location: events.rootFrame.locate(lines) };
  if (events.walker === undefined) return { otherRoot: root, issues };
  const { metadata, keys, handles } = events.walker.finish();
  return { root, reading: { metadata, locations: new FrameLocations(keys, handles, lines) }, issues };
}

type RawAttributes = readonly (readonly [string, string])[];

function rawAttribute(attributes: RawAttributes, name: string): string | undefined {
  for (const [key, raw] of attributes) if (key === name) return attributeValue(raw);
  return undefined;
}

/**
 * The scan's events turned into the walker's: the open elements (a frame is
 * made only for an element the walker records, for its location later), the
 * own text of the elements the walker reads, with references resolved and
 * CDATA literal (XML 1.0 §4.6, §2.7), and `''` for an element whose only text
 * is the whitespace between its children, as the element tree has it.
 */
class ItemMetadataEvents implements XmlEventHandler {
  rootFrame: XmlElementFrame | undefined;
  walker: ItemMetadataWalker<XmlElementFrame, RawAttributes> | undefined;
  readonly frames = new XmlFrameStack();
  private readonly wanted: boolean[] = [];
  private readonly texts: string[] = [];
  private readonly parents: boolean[] = [];

  constructor(
    readonly context: XmlScanContext,
    private readonly value: (raw: string) => string,
  ) {}

  startElement(name: string, offset: number, attributes: RawAttributes): void {
    const depth = this.frames.depth;
    this.frames.start(name, offset);
    if (depth === 0) {
      this.rootFrame = this.frames.here();
      // DA/T 48-2009 §2.2: only a 文件实体 (any prefix) is read; another root is only named.
      if (localName(name) === ITEM_METADATA_ROOT) this.walker = new ItemMetadataWalker(rawAttribute, this.value);
    } else this.parents[depth - 1] = true;
    this.wanted[depth] = this.walker !== undefined && this.walker.open(name, attributes, this.frames);
    this.texts[depth] = '';
    this.parents[depth] = false;
  }

  endElement(): void {
    this.frames.end();
    const depth = this.frames.depth;
    const own = this.texts[depth] as string;
    this.texts[depth] = '';
    this.walker?.close(this.parents[depth] && own.trim() === '' ? '' : own);
  }

  text(from: number, to: number): void {
    const depth = this.frames.depth - 1;
    if (this.wanted[depth]) this.texts[depth] += decodeReferences(this.context.slice(from, to));
  }

  cdata(from: number, to: number): void {
    const depth = this.frames.depth - 1;
    if (this.wanted[depth]) this.texts[depth] += this.context.slice(from, to);
  }
}

/**
 * An item's element locations by key, as a `ReadonlyMap`: each worked out from
 * its element's frame when it is asked for (most items report nothing, and a
 * validator keeps only a few).
 */
class FrameLocations implements ReadonlyMap<string, IssueLocation> {
  constructor(
    private readonly keyList: readonly string[],
    private readonly frames: readonly XmlElementFrame[],
    private readonly lines: LineIndex,
  ) {}

  get size(): number {
    return this.keyList.length;
  }

  get(key: string): IssueLocation | undefined {
    const index = this.keyList.indexOf(key);
    return index < 0 ? undefined : (this.frames[index] as XmlElementFrame).locate(this.lines);
  }

  has(key: string): boolean {
    return this.keyList.includes(key);
  }

  forEach(callback: (value: IssueLocation, key: string, map: ReadonlyMap<string, IssueLocation>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[string, IssueLocation]> {
    for (let i = 0; i < this.keyList.length; i++) yield [this.keyList[i] as string, (this.frames[i] as XmlElementFrame).locate(this.lines)];
  }

  keys(): MapIterator<string> {
    return this.keyList.values();
  }

  *values(): MapIterator<IssueLocation> {
    for (const frame of this.frames) yield frame.locate(this.lines);
  }

  [Symbol.iterator](): MapIterator<[string, IssueLocation]> {
    return this.entries();
  }
}

/**
 * Reads a per-item DA/T 46-2009 metadata XML (root `文件实体`) back into
 * {@link Dat46ItemMetadata}: the inverse of {@link writeItemMetadataXml}. Missing
 * required elements (题名, 责任者, 日期, 密级, 年度, 保管期限, 立档单位名称,
 * 计算机文件名, 计算机文件大小 …) and non-numeric sizes are reported with line,
 * column and XPath. The XML is read and walked by `readItemMetadataDocument`
 * (values exact), as the validator reads and walks it; the typed view is
 * derived by `recordEntityView`. Never throws.
 *
 * @param input - The file's bytes (encoding from BOM/declaration) or text.
 * @param options - Path and locale for issues.
 * @returns The metadata and the issues.
 * @example
 * const { metadata, issues } = readItemMetadataXml(bytes, { path: 'Z109/WS/…/电子档案元数据.XML' });
 */
export function readItemMetadataXml(input: Uint8Array | string, options: Options = {}): ReadItemMetadataResult {
  const { root, reading, otherRoot, issues } = readItemMetadataDocument(input, { ...options, keep: (value) => value, text: 'exact' });
  if (otherRoot) {
    const params = { expected: ITEM_METADATA_ROOT, received: otherRoot.name };
    issues.push(createIssueFrom(exportIssues, 'export.xml.root-unexpected', { ...options, location: { line: otherRoot.location.line, column: otherRoot.location.column }, expected: ITEM_METADATA_ROOT, received: otherRoot.name, params }));
  }
  if (!root || !reading) return { issues };
  const report = new ExportIssues(issues, options);
  const metadata = recordEntityView(reading, root, report, (data) => data && typeDocuments(report, data));
  return report.failed ? { issues } : { metadata, issues };
}

/** Reports what the typed view cannot type as `export.*` issues, and remembers that the metadata failed. */
class ExportIssues implements TypedViewIssues {
  failed = false;
  constructor(
    private readonly issues: Issue[],
    private readonly options: Options,
  ) {}

  missing(parent: ElementAt, element: string): void {
    this.failed = true;
    this.issues.push(createIssueFrom(exportIssues, 'export.xml.element-missing', { ...this.options, location: parent.location, params: { parent: parent.name, element } }));
  }

  integer(value: string, element: ElementAt): number | undefined {
    if (/^\s*\d+\s*$/.test(value)) return Number(value);
    this.invalid(element, value, 'integer expected');
    return undefined;
  }

  invalid(element: ElementAt, value: string, reason: string): void {
    this.failed = true;
    this.issues.push(createIssueFrom(exportIssues, 'export.value.invalid', { ...this.options, location: element.location, received: value, params: { field: element.name, value, reason } }));
  }
}

// 文件数据 of the item metadata XML: one or more 文档, each one or more 文档数据 of one or more 编码 (DA/T 48-2009 附录A).
function typeDocuments(report: ExportIssues, view: FileDataView): Dat46ItemMetadata['documents'] {
  return atLeastOne(report, view.fileData, view.written, '文档', (doc, d) => {
    const key = `documents[${d}]`;
    return defined({
      sequence: doc.sequence,
      role: doc.role,
      title: doc.title,
      data: atLeastOne(report, view.at(key, '文档'), doc.data, '文档数据', (data, n) => ({
        encodings: atLeastOne(report, view.at(`${key}/data[${n}]`, '文档数据'), data.encodings, '编码', (encoding, e) =>
          typeFile(report, view, encoding, `${key}/data[${n}]/encodings[${e}]`),
        ),
      })),
    });
  });
}

function atLeastOne<T, R>(report: ExportIssues, parent: ElementAt, found: readonly T[], name: string, type: (value: T, index: number) => R): [R, ...R[]] {
  if (found.length === 0) report.missing(parent, name);
  return found.map(type) as [R, ...R[]];
}

// One 编码 typed: its 电子属性 (M46–M50) with the first 数字摘要, and 数字化属性 (M52).
function typeFile(report: ExportIssues, view: FileDataView, encoding: ItemEncoding, key: string): MetadataFile {
  const encodingAt = view.at(key, '编码');
  const file = view.file(encoding.file);
  if (!file) report.missing(encodingAt, '电子属性');
  const e = file ? view.at(`files[${encoding.file}]`, '电子属性') : encodingAt;
  const digest = file?.digests[0];
  const algorithm = digest ? parseFixityAlgorithm(digest.algorithm) : undefined;
  if (digest && !algorithm) report.invalid(view.at(`files[${encoding.file}]/数字摘要[0]`, '数字摘要'), digest.algorithm, '算法 must be SM3, SHA256, SHA1 or MD5');
  const size = file?.fileSize;
  return defined({
    formatInformation: file?.formatInfo,
    fileName: view.text(e, file?.fileName, '计算机文件名'),
    fileSize: (size === undefined ? (report.missing(e, '计算机文件大小'), undefined) : report.integer(size, view.at(`files[${encoding.file}]/计算机文件大小`, '计算机文件大小'))) ?? 0,
    creatingApplication: file?.creatingApplication,
    digest: digest && algorithm ? { algorithm, value: digest.value } : undefined,
    digitization: view.digitization(encoding.digitization, view.at(`${key}/数字化属性`, '数字化属性')),
  });
}
