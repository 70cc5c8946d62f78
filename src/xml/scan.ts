import { createIssueFrom, type IssueDetails } from '../report/createIssue.js';
import type { Issue } from '../report/issue.js';
import { limitsIssues } from '../report/messages/limits.js';
import { xmlIssues } from '../report/messages/xml.js';
import { decodeXml, type XmlIssueOptions } from './decode.js';
import type { DetectedXmlEncoding } from './encoding.js';
import type { XmlIssueCode } from './lexer.js';
import { defaultXmlLimits, type XmlLimits } from './limits.js';
import { createLineIndex, createLineTable, type LineIndex } from './lineIndex.js';
import { createWellFormedScanner, findInvalidChars, invalidCharDetails, scanWellFormed, type EmitAt, type InvalidChars, type WellFormedScanner, type XmlEventHandler } from './wellFormed.js';
import { createXmlDecodeStream, type XmlDecodeStream } from './decodeStream.js';

/** Options of the XML readers: limits, locale and the path put on issues. */
export interface ParseXmlOptions extends XmlIssueOptions {
  /** Resource limits; unset ones take {@link defaultXmlLimits}. */
  limits?: Partial<XmlLimits>;
}

/** What a streaming handler gets to resolve the offsets of its events, when the text is read in chunks. */
export interface XmlStreamContext {
  /** Offset → 1-based line and column (any offset read so far). */
  lines: LineIndex;
  /**
   * The scanned text at [from, to) (BOM removed, line ends normalised to
   * `\n`): the text of an event, while the handler runs for it.
   */
  slice(from: number, to: number): string;
}

/** What a streaming handler gets to resolve the offsets of its events. */
export interface XmlScanContext extends XmlStreamContext {
  /** The scanned text (BOM removed, line ends normalised to `\n`). */
  text: string;
  /** The decoded input as it was, before the BOM was removed and line ends normalised. */
  source: string;
  /**
   * Maps an offset of `text` to the offset of the same character in the
   * decoded input as it was (BOM and `\r\n` kept), so that a reader can slice
   * the input verbatim (e.g. signed bytes). For an exclusive end, map the last
   * character: `sourceOffset(end - 1) + 1`.
   */
  sourceOffset(offset: number): number;
}

/** Result of {@link scanXml}. */
export interface XmlScanResult {
  /** True when the whole document was scanned without a fatal error. */
  complete: boolean;
  /** Every encoding and XML issue, with line:column. */
  issues: Issue[];
  /** The encoding, for byte input. */
  encoding?: DetectedXmlEncoding;
  /** The scanned text and its line index (absent when the input could not be decoded or was too large). */
  context?: XmlScanContext;
}

/**
 * Prepares decoded text for scanning (BOM removed, XML 1.0 §2.11 line ends
 * normalised to `\n`, which leaves lines and columns unchanged) and builds its
 * line index.
 */
// An issue of the XML reader: its own codes, or the reading limits' (`xml.limit-time`, `xml.limit-bytes`).
function xmlIssue(code: XmlIssueCode, details: IssueDetails): Issue {
  return Object.hasOwn(xmlIssues, code)
    ? createIssueFrom(xmlIssues, code as keyof typeof xmlIssues, details)
    : createIssueFrom(limitsIssues, code as keyof typeof limitsIssues, details);
}

function prepare(text: string): XmlScanContext {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let prepared = bom ? text.slice(1) : text;
  let removed: number[] | undefined; // offsets of the prepared text before which one input character was dropped
  if (bom) removed = [0];
  if (prepared.includes('\r')) {
    removed ??= [];
    for (let r = prepared.indexOf('\r\n'), dropped = 0; r >= 0; r = prepared.indexOf('\r\n', r + 2)) removed.push(r - dropped++);
    prepared = prepared.replace(/\r\n?/g, '\n');
  }
  return new PreparedText(prepared, text, removed === undefined ? sameOffset : sourceOffsetMap(removed));
}

/** The context of one scan (a class: one object per document, not one closure per field). */
class PreparedText implements XmlScanContext {
  readonly lines: LineIndex;

  constructor(
    readonly text: string,
    readonly source: string,
    readonly sourceOffset: (offset: number) => number,
  ) {
    this.lines = createLineIndex(text);
  }

  slice(from: number, to: number): string {
    return this.text.slice(from, to);
  }
}

const sameOffset = (offset: number): number => offset;

/** Offset in the prepared text → offset in the input, from the sorted offsets before which a character was dropped. */
function sourceOffsetMap(removed: readonly number[]): (offset: number) => number {
  if (removed.length === 0) return sameOffset;
  const table = Int32Array.from(removed);
  return (offset) => {
    let lo = 0;
    let hi = table.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (table[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  };
}

/**
 * Reads XML as a stream of events without building a tree: decodes bytes
 * ({@link decodeXml}), enforces the size limit, runs the hardened
 * well-formedness scan and passes the structure to the handler the caller
 * creates. Memory stays proportional to the input. Never throws.
 *
 * @param input - File bytes, or already-decoded text.
 * @param options - Limits, locale and path.
 * @param createHandler - Makes the event handler once the text is known (omit to only check).
 * @returns Whether the scan completed, the issues, the encoding and the scanned text.
 * @example
 * let entries = 0;
 * scanXml(bytes, {}, () => ({ startElement: (name) => { if (name === '文件') entries++; } }));
 */
export function scanXml(
  input: Uint8Array | string,
  options: ParseXmlOptions = {},
  createHandler?: (context: XmlScanContext) => XmlEventHandler,
): XmlScanResult {
  const limits: XmlLimits = { ...defaultXmlLimits, ...options.limits };
  const issues: Issue[] = [];
  const base = { locale: options.locale, path: options.path };
  let text: string;
  let encoding: DetectedXmlEncoding | undefined;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeXml(input, options);
    issues.push(...decoded.issues);
    encoding = decoded.encoding;
    if (!decoded.decodable) return { complete: false, issues, encoding };
    text = decoded.text;
  }
  const withEncoding = encoding ? { encoding } : {};
  if (text.length > limits.maxLength) {
    issues.push(createIssueFrom(xmlIssues, 'xml.limit-size', { ...base, params: { received: text.length, limit: limits.maxLength }, received: text.length }));
    return { complete: false, issues, ...withEncoding };
  }
  const context = prepare(text);
  const capped = cappedEmit(issues, limits, base, context.lines);
  const { fatal } = scanWellFormed(context.text, limits, capped.emit, context.lines, createHandler?.(context));
  capped.truncations();
  return { complete: !fatal, issues, ...withEncoding, context };
}

/**
 * The issue sink of a scan: issues with line:column, capped per code (a file
 * of 500,000 bare "&" costs a count, not 500,000 issues); `truncations` adds
 * the `limits.issues-truncated` notes at the end.
 */
function cappedEmit(issues: Issue[], limits: XmlLimits, base: IssueDetails, lines: LineIndex): { emit: EmitAt; truncations(): void } {
  let perCode: Map<string, number> | undefined; // made at the first issue: most documents have none
  return {
    emit(code, offset, details = {}) {
      perCode ??= new Map();
      const count = (perCode.get(code) ?? 0) + 1;
      perCode.set(code, count);
      if (count <= limits.maxIssuesPerCode) issues.push(xmlIssue(code, { ...base, ...details, location: lines.locate(offset) }));
    },
    truncations() {
      if (perCode === undefined) return;
      for (const [code, count] of perCode) {
        const leftOut = count - limits.maxIssuesPerCode;
        if (leftOut > 0) {
          issues.push(createIssueFrom(limitsIssues, 'limits.issues-truncated', { ...base, received: leftOut, expected: limits.maxIssuesPerCode, params: { code, limit: limits.maxIssuesPerCode, received: leftOut } }));
        }
      }
    },
  };
}

/** Result of {@link createXmlScanStream}'s `end`: as {@link XmlScanResult}, without the whole text. */
export interface XmlStreamResult {
  /** True when the whole document was scanned without a fatal error. */
  complete: boolean;
  /** Every encoding and XML issue, with line:column, in the order a whole scan gives them. */
  issues: Issue[];
  /** The encoding, for byte input. */
  encoding?: DetectedXmlEncoding;
}

/** {@link scanXml} over input that arrives in chunks: push each chunk, then end. */
export interface XmlScanStream {
  /** Takes the next chunk (bytes, or decoded text). Returns false when the rest of the input need not be read. */
  push(chunk: Uint8Array | string): boolean;
  /** The input has ended: finishes the scan. */
  end(): XmlStreamResult;
}

/**
 * {@link scanXml} for input read in chunks (a file read 1 MiB at a time):
 * bytes are decoded as they arrive ({@link createXmlDecodeStream}), line ends
 * are normalised across chunk boundaries, and the resumable well-formedness
 * scan ({@link createWellFormedScanner}) passes the same events to the
 * handler, with the same offsets, and finds the same issues with the same
 * line:column as one scan of the whole input. Only the unscanned rest of the
 * text is held (and a line table of 4 bytes per line). Never throws.
 *
 * @param options - Limits, locale and path.
 * @param createHandler - Makes the event handler (omit to only check).
 * @returns The stream.
 * @example
 * const stream = createXmlScanStream({}, (context) => ({ startElement: (name) => names.push(name) }));
 * for (const chunk of chunks) stream.push(chunk);
 * const { complete, issues } = stream.end();
 */
export function createXmlScanStream(options: ParseXmlOptions & { sizeHint?: number } = {}, createHandler?: (context: XmlStreamContext) => XmlEventHandler): XmlScanStream {
  const limits: XmlLimits = { ...defaultXmlLimits, ...options.limits };
  const base = { locale: options.locale, path: options.path };
  const issues: Issue[] = [];
  const lines = createLineTable();
  const capped = cappedEmit(issues, limits, base, lines);
  let scanner: WellFormedScanner | undefined;
  const context: XmlStreamContext = { lines, slice: (from, to) => scanner!.slice(from, to) };
  scanner = createWellFormedScanner(limits, capped.emit, lines, createHandler?.(context));
  let decoder: XmlDecodeStream | undefined;
  let carry = ''; // a trailing \r or high surrogate, held until the next piece shows what follows it
  let started = false;
  let length = 0;
  let tooLong = false;
  let invalid: InvalidChars | undefined;

  const feed = (piece: string, last: boolean) => {
    if (tooLong) return;
    let text = carry + piece;
    carry = '';
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!last && text.length > 0) {
      const c = text.charCodeAt(text.length - 1);
      if (c === 0x0d || (c >= 0xd800 && c <= 0xdbff)) {
        carry = text.slice(-1);
        text = text.slice(0, -1);
      }
    }
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (length + text.length > limits.maxLength) {
      tooLong = true;
      length += text.length;
      return;
    }
    const found = findInvalidChars(text);
    if (found.first >= 0) {
      if (invalid === undefined) invalid = { ...found, first: found.first + length };
      else invalid.count += found.count;
    }
    lines.append(text);
    length += text.length;
    scanner!.push(text);
  };

  return {
    push(chunk) {
      if (typeof chunk === 'string') feed(chunk, false);
      else {
        decoder ??= createXmlDecodeStream(options);
        feed(decoder.push(chunk), false);
        if (!decoder.decodable) return false;
      }
      return !tooLong;
    },
    end() {
      if (decoder) feed(decoder.end(), true);
      else feed('', true);
      const encoding = decoder?.encoding ? { encoding: decoder.encoding } : {};
      const decodeIssues = decoder?.issues ?? [];
      if (decoder && !decoder.decodable) return { complete: false, issues: decodeIssues, ...encoding };
      if (tooLong) {
        const limit = createIssueFrom(xmlIssues, 'xml.limit-size', { ...base, params: { received: length, limit: limits.maxLength }, received: length });
        return { complete: false, issues: [...decodeIssues, limit], ...encoding };
      }
      const { fatal } = scanner!.end();
      capped.truncations();
      const invalidIssue = invalid ? [xmlIssue('xml.invalid-char', { ...base, ...invalidCharDetails(invalid), location: lines.locate(invalid.first) })] : [];
      return { complete: !fatal, issues: [...decodeIssues, ...invalidIssue, ...issues], ...encoding };
    },
  };
}

/** A source of bytes read in chunks: a file handle in Node, `Blob.slice` in a browser. */
export interface ByteChunkSource {
  /** The next chunk, or `undefined` at the end. */
  read(): Promise<Uint8Array | undefined>;
  /** The total size in bytes, when known (a file that must be decoded whole is then gathered without a second copy). */
  readonly size?: number;
  /** Releases the source (closes the file); called once, at the end or on an error. */
  close?(): Promise<void> | void;
}

/**
 * Scans XML read chunk by chunk from a source ({@link createXmlScanStream}),
 * closing the source at the end. Rejects only when the source does.
 *
 * @param source - The chunks.
 * @param options - Limits, locale and path.
 * @param createHandler - Makes the event handler (omit to only check).
 * @returns Completion, issues and encoding.
 * @example
 * const { complete } = await scanXmlChunks(blobChunkSource(file), {});
 */
export async function scanXmlChunks(source: ByteChunkSource, options: ParseXmlOptions = {}, createHandler?: (context: XmlStreamContext) => XmlEventHandler): Promise<XmlStreamResult> {
  const stream = createXmlScanStream(source.size === undefined ? options : { ...options, sizeHint: source.size }, createHandler);
  try {
    for (let chunk = await source.read(); chunk !== undefined; chunk = await source.read()) {
      if (!stream.push(chunk)) break;
    }
  } finally {
    await source.close?.();
  }
  return stream.end();
}

/**
 * A {@link ByteChunkSource} over a `Blob` or `File` (browsers, Node ≥ 20):
 * `slice(…).arrayBuffer()` per chunk, so the file is never held whole.
 *
 * @param blob - The file.
 * @param chunkSize - Bytes per chunk (1 MiB by default).
 * @returns The source.
 * @example
 * const { complete } = await scanXmlChunks(blobChunkSource(input.files[0]), {});
 */
export function blobChunkSource(blob: Blob, chunkSize = 1 << 20): ByteChunkSource {
  let at = 0;
  return {
    size: blob.size,
    async read() {
      if (at >= blob.size) return undefined;
      const end = Math.min(blob.size, at + chunkSize);
      const chunk = new Uint8Array(await blob.slice(at, end).arrayBuffer());
      at = end;
      return chunk;
    },
  };
}
