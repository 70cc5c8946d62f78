import type { Issue, IssueLocation, Locale } from '../../report/issue.js';
import { decodeReferences } from '../../xml/references.js';
import { createXmlScanStream, scanXml, type XmlStreamContext } from '../../xml/scan.js';
import type { XmlEventHandler } from '../../xml/wellFormed.js';
import { localName } from '../../xml/localName.js';
import { FIXITY_FIELDS } from './vocabulary.js';

/** The four fields of one 文件 entry of 固化验证信息.XML, trimmed, when present. */
export interface FixityFileEntry {
  路径?: string;
  算法?: string;
  数字摘要?: string;
  字节数?: string;
}

const FIELDS: ReadonlySet<string> = new Set(FIXITY_FIELDS);

/** A 文件 element as the scan meets it: its offset, its name as written, its fields. */
interface RawEntry {
  name: string;
  offset: number;
  position: number;
  fields: FixityFileEntry;
}

/**
 * The one reader of `其他/固化验证信息.XML` (docs/architecture.md, one reader per
 * format): the dat93 validator claims its entries and {@link readFixityManifest}
 * turns them into records.
 *
 * Reads the 文件 entries of `其他/固化验证信息.XML` in the hardened XML scan
 * itself, without building an element tree (a 100,000-item package's file is
 * about 25 MB, and its tree was the largest thing a validation held). Each
 * entry's 路径, 算法, 数字摘要 and 字节数 are the first child element of that
 * local name, its own text trimmed (references resolved, CDATA literal) — what
 * the tree gave. XML issues go to the run under `xml.readable`; entries are
 * delivered, in document order with the location of their 文件 element, only
 * when the whole file is well-formed and its root is `root`.
 *
 * @param bytes - The file's bytes, or its decoded text.
 * @param path - Its source path, for issues (none when undefined).
 * @param root - The expected root element's local name (固化验证信息).
 * @param options - Message locale and XML limits.
 * @param onIssue - Receives each XML issue (the dat93 run files them under `xml.readable`).
 * @param onEntry - Receives each entry and its location.
 * @returns The document element when the file is well-formed (entries went to `onEntry` only if it is `root`), else undefined.
 * @example
 * scanFixityFile(bytes, '其他/固化验证信息.XML', '固化验证信息', {}, (issue) => issues.push(issue), (entry, location) => claims.push({ ...entry, location }));
 */
export function scanFixityFile(
  bytes: Uint8Array | string,
  path: string | undefined,
  root: string,
  options: { locale?: Locale; limits?: NonNullable<Parameters<typeof scanXml>[1]>['limits'] },
  onIssue: (issue: Issue) => void,
  onEntry: (entry: FixityFileEntry, location: IssueLocation) => void,
): FixityFileRoot | undefined {
  const held: { entry: FixityFileEntry; location: IssueLocation }[] = [];
  const scanned = streamFixityFile(bytes, path, root, options, onIssue, (entry, location) => held.push({ entry, location }));
  if (scanned.complete) for (const { entry, location } of held) onEntry(entry, location);
  return scanned.root;
}

/** Result of {@link streamFixityFile}. */
export interface FixityFileStream {
  /** The document element, when the file is well-formed. */
  root?: FixityFileRoot;
  /** True when the file is well-formed and its root is the expected one: only then do the entries delivered stand. */
  complete: boolean;
}

/**
 * {@link scanFixityFile} delivering each entry as the scan reads it, so that a
 * caller keeps what it makes of them (claims) instead of the scan keeping raw
 * entries until the end (1,000,000 of them were about 280 MB beside the
 * claims). The entries are provisional: they stand only when the result says
 * `complete`; otherwise the caller drops what it made of them. Entries come in
 * document order with the same locations as {@link scanFixityFile}'s (a 文件
 * is delivered once the scan knows whether its name repeats, which decides its
 * XPath step). XML issues go to `onIssue` after the scan, as there.
 *
 * @param bytes - The file's bytes, or its decoded text.
 * @param path - Its source path, for issues (none when undefined).
 * @param root - The expected root element's local name (固化验证信息).
 * @param options - Message locale and XML limits.
 * @param onIssue - Receives each XML issue.
 * @param onEntry - Receives each entry and its location, provisionally.
 * @returns The root met and whether the entries stand.
 * @example
 * const claims = [];
 * const { complete } = streamFixityFile(bytes, '其他/固化验证信息.XML', '固化验证信息', {}, onIssue, (entry) => claims.push(entry));
 * if (!complete) claims.length = 0;
 */
export function streamFixityFile(
  bytes: Uint8Array | string,
  path: string | undefined,
  root: string,
  options: { locale?: Locale; limits?: NonNullable<Parameters<typeof scanXml>[1]>['limits'] },
  onIssue: (issue: Issue) => void,
  onEntry: (entry: FixityFileEntry, location: IssueLocation) => void,
): FixityFileStream {
  const reader = fixityEntryReader(root, onEntry);
  const scan = scanXml(bytes, { ...(path !== undefined ? { path } : {}), ...options }, reader.handler);
  for (const issue of scan.issues) onIssue(path !== undefined ? { ...issue, path } : issue);
  return reader.finish(scan.complete);
}

/**
 * {@link streamFixityFile} over bytes read in chunks ({@link createXmlScanStream}):
 * the same entries, locations and issues, while only the unscanned rest of
 * the text and a line table are held, not the file's bytes and its decoded
 * text (a 1,000,000-file package's 固化验证信息.XML is about 240 MB of UTF-8,
 * about 500 MB as text; docs/performance.md). A chunk source that fails
 * rejects, after the scan is dropped.
 *
 * @param chunks - The file's bytes, chunk by chunk.
 * @param path - Its source path, for issues (none when undefined).
 * @param root - The expected root element's local name (固化验证信息).
 * @param options - Message locale and XML limits.
 * @param onIssue - Receives each XML issue.
 * @param onEntry - Receives each entry and its location, provisionally.
 * @returns The root met and whether the entries stand.
 * @example
 * const { complete } = await streamFixityFileChunks(source.stream(path), path, '固化验证信息', {}, onIssue, (entry) => claims.push(entry));
 */
export async function streamFixityFileChunks(
  chunks: AsyncIterable<Uint8Array>,
  path: string | undefined,
  root: string,
  options: { locale?: Locale; limits?: NonNullable<Parameters<typeof scanXml>[1]>['limits'] },
  onIssue: (issue: Issue) => void,
  onEntry: (entry: FixityFileEntry, location: IssueLocation) => void,
): Promise<FixityFileStream> {
  const reader = fixityEntryReader(root, onEntry);
  const stream = createXmlScanStream({ ...(path !== undefined ? { path } : {}), ...options }, reader.handler);
  for await (const chunk of chunks) if (!stream.push(chunk)) break;
  const scan = stream.end();
  for (const issue of scan.issues) onIssue(path !== undefined ? { ...issue, path } : issue);
  return reader.finish(scan.complete);
}

/** The entry collection of a fixity-file scan, whole or chunked: the handler to scan with, and the outcome once the scan ends. */
function fixityEntryReader(root: string, onEntry: (entry: FixityFileEntry, location: IssueLocation) => void): { handler: (context: XmlStreamContext) => XmlEventHandler; finish(complete: boolean): FixityFileStream } {
  let rootName: string | undefined;
  let rootOffset = 0;
  let context: XmlStreamContext | undefined;
  // Entries whose XPath step is not known yet: the head waits while its name has been seen once only.
  const queue: RawEntry[] = [];
  const counts = new Map<string, number>();
  const deliver = (entry: RawEntry) => {
    const { line, column } = (context as XmlStreamContext).lines.locate(entry.offset);
    // XPath as the element tree names it: a [n] step only where the root has several 文件 of that name.
    const step = (counts.get(entry.name) ?? 0) > 1 ? `${entry.name}[${entry.position}]` : entry.name;
    onEntry(entry.fields, { line, column, xpath: `/${rootName}/${step}` });
  };
  return {
    handler(scanned) {
      context = scanned;
      return entryCollector(
        scanned,
        (name, offset) => {
          rootName ??= name;
          rootOffset = offset;
        },
        (entry) => {
          if (localName(rootName as string) !== root) return;
          counts.set(entry.name, entry.position);
          queue.push(entry);
          while (queue.length > 0 && (counts.get((queue[0] as RawEntry).name) ?? 0) > 1) deliver(queue.shift() as RawEntry);
        },
      );
    },
    finish(complete) {
      if (!complete || !context || rootName === undefined) return { complete: false };
      const found = { name: rootName, location: context.lines.locate(rootOffset) };
      if (localName(rootName) !== root) return { root: found, complete: false };
      for (const entry of queue) deliver(entry);
      return { root: found, complete: true };
    },
  };
}

/** The document element {@link scanFixityFile} met, for a reader that reports another root. */
export interface FixityFileRoot {
  /** Its name as written. */
  name: string;
  /** Where it starts. */
  location: { line: number; column: number };
}

/** Collects the root's 文件 children and their four fields' own text. */
function entryCollector(context: XmlStreamContext, onRoot: (name: string, offset: number) => void, onEntry: (entry: RawEntry) => void): XmlEventHandler {
  let depth = 0;
  let entry: RawEntry | undefined;
  // The field being read (depth 3, a wanted name seen for the first time in this entry), and its text so far.
  let field: keyof FixityFileEntry | undefined;
  const own = ownText();
  const positions = new Map<string, number>();
  return {
    startElement(name, offset) {
      depth++;
      if (depth === 1) onRoot(name, offset);
      else if (depth === 2 && localName(name) === '文件') {
        const position = (positions.get(name) ?? 0) + 1;
        positions.set(name, position);
        entry = { name, offset, position, fields: {} };
      } else if (depth === 3 && entry) {
        const local = localName(name);
        if (FIELDS.has(local) && !(local in entry.fields)) {
          field = local as keyof FixityFileEntry;
          own.reset();
        }
      }
    },
    endElement() {
      if (depth === 3 && entry && field) {
        entry.fields[field] = own.value();
        field = undefined;
      } else if (depth === 2 && entry) {
        onEntry(entry);
        entry = undefined;
      }
      depth--;
    },
    text(from, to) {
      if (depth === 3 && field) own.text(context.slice(from, to));
    },
    cdata(from, to) {
      if (depth === 3 && field) own.cdata(context.slice(from, to));
    },
  };
}

const LEADING_SPACE = /^[ \t\n\r]*/;
const TRAILING_SPACE = /[ \t\n\r]*$/;

/**
 * An element's own text with the literal whitespace at its edges trimmed
 * (indentation), references resolved and CDATA kept as written: whitespace
 * written as a reference (`&#9;`, as the writers write a value's edges) stays.
 */
function ownText(): { reset(): void; text(raw: string): void; cdata(raw: string): void; value(): string } {
  let value = '';
  let lead = 0; // literal whitespace at the start of value (all of it while value is only that)
  let trail = 0; // literal whitespace at the end of value
  return {
    reset() {
      value = '';
      lead = 0;
      trail = 0;
    },
    text(raw) {
      const decoded = decodeReferences(raw);
      const leading = (LEADING_SPACE.exec(raw) as RegExpExecArray)[0].length;
      const trailing = (TRAILING_SPACE.exec(raw) as RegExpExecArray)[0].length;
      if (lead === value.length) lead += leading;
      trail = trailing === raw.length ? trail + trailing : trailing;
      value += decoded;
    },
    cdata(raw) {
      value += raw;
      trail = 0;
    },
    value() {
      return lead >= value.length - trail ? '' : value.slice(lead, value.length - trail);
    },
  };
}
