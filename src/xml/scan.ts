import { createIssueFrom, type IssueDetails } from '../report/createIssue.js';
import type { Issue } from '../report/issue.js';
import { limitsIssues } from '../report/messages/limits.js';
import { xmlIssues } from '../report/messages/xml.js';
import { decodeXml, type XmlIssueOptions } from './decode.js';
import type { DetectedXmlEncoding } from './encoding.js';
import type { XmlIssueCode } from './lexer.js';
import { defaultXmlLimits, type XmlLimits } from './limits.js';
import { createLineIndex, type LineIndex } from './lineIndex.js';
import { scanWellFormed, type XmlEventHandler } from './wellFormed.js';

/** Options of the XML readers: limits, locale and the path put on issues. */
export interface ParseXmlOptions extends XmlIssueOptions {
  /** Resource limits; unset ones take {@link defaultXmlLimits}. */
  limits?: Partial<XmlLimits>;
}

/** What a streaming handler gets to resolve the offsets of its events. */
export interface XmlScanContext {
  /** The scanned text (BOM removed, line ends normalised to `\n`). */
  text: string;
  /** Offset → 1-based line and column. */
  lines: LineIndex;
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
  const removed: number[] = []; // offsets of the prepared text before which one input character was dropped
  if (bom) removed.push(0);
  if (prepared.includes('\r')) {
    for (let r = prepared.indexOf('\r\n'), dropped = 0; r >= 0; r = prepared.indexOf('\r\n', r + 2)) removed.push(r - dropped++);
    prepared = prepared.replace(/\r\n?/g, '\n');
  }
  return { text: prepared, lines: createLineIndex(prepared), source: text, sourceOffset: sourceOffsetMap(removed) };
}

/** Offset in the prepared text → offset in the input, from the sorted offsets before which a character was dropped. */
function sourceOffsetMap(removed: readonly number[]): (offset: number) => number {
  if (removed.length === 0) return (offset) => offset;
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
  // Issues per code are capped: a file of 500,000 bare "&" costs a count, not 500,000 issues.
  const perCode = new Map<string, number>();
  const emit = (code: XmlIssueCode, offset: number, details: IssueDetails = {}) => {
    const count = (perCode.get(code) ?? 0) + 1;
    perCode.set(code, count);
    if (count <= limits.maxIssuesPerCode) issues.push(xmlIssue(code, { ...base, ...details, location: context.lines.locate(offset) }));
  };
  const { fatal } = scanWellFormed(context.text, limits, emit, context.lines, createHandler?.(context));
  for (const [code, count] of perCode) {
    const leftOut = count - limits.maxIssuesPerCode;
    if (leftOut > 0) {
      issues.push(createIssueFrom(limitsIssues, 'limits.issues-truncated', { ...base, received: leftOut, expected: limits.maxIssuesPerCode, params: { code, limit: limits.maxIssuesPerCode, received: leftOut } }));
    }
  }
  return { complete: !fatal, issues, ...withEncoding, context };
}
