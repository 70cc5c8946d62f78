import { createIssueFrom, type IssueDetails } from '../report/createIssue.js';
import { xmlIssues } from '../report/messages/xml.js';
import type { Issue, IssueLocation, Locale } from '../report/issue.js';
import { decodeGb18030, findInvalidUtf8, scanGbBytes } from './byteScan.js';
import { detectXmlEncoding, type DetectedXmlEncoding } from './encoding.js';
import { isUtf8UnderGbDeclaration } from './plausibleUtf8.js';
import { createLineIndex } from './lineIndex.js';

/** Options shared by the XML readers: message locale and the file's path for issues. */
export interface XmlIssueOptions {
  /** Message locale, `zh-CN` by default. */
  locale?: Locale;
  /** Package-relative path put on every issue. */
  path?: string;
}

/** Result of {@link decodeXml}. */
export interface DecodedXml {
  /** The decoded text without the BOM (`''` when the encoding cannot be decoded at all). */
  text: string;
  /** The encoding as detected, including what was declared. */
  encoding: DetectedXmlEncoding;
  /** Encoding issues: unsupported, mismatched, invalid bytes. */
  issues: Issue[];
  /** False when no decoder exists for the encoding, so `text` is empty and parsing is pointless. */
  decodable: boolean;
}

// Decoders are made once per label and reused: without `stream`, decode() keeps no state between calls,
// and making one costs more than decoding a small file.
const decoders = new Map<string, TextDecoder | undefined>();
let fatalUtf8: TextDecoder | undefined;

function decoderFor(label: string): TextDecoder | undefined {
  if (decoders.has(label)) return decoders.get(label);
  let decoder: TextDecoder | undefined;
  try {
    decoder = new TextDecoder(label, { ignoreBOM: true });
  } catch {
    decoder = undefined; // RangeError: a label TextDecoder does not know
  }
  // Labels come from files: keep the cache to the few a decoder knows, so hostile labels cannot grow it.
  if (decoder !== undefined && decoders.size < 64) decoders.set(label, decoder);
  return decoder;
}

/** Line and column of a byte offset: decode the prefix and count lines. */
function locateByte(bytes: Uint8Array, start: number, offset: number, decoder: TextDecoder): IssueLocation {
  const prefix = decoder.decode(bytes.subarray(start, offset));
  return createLineIndex(prefix).locate(prefix.length);
}

/**
 * Decodes XML bytes per their BOM and declaration and reports every encoding
 * problem: encodings outside UTF-8/GB18030/GB2312 (电子档案移交与接收办法 2012,
 * 附件2), BOM/declaration conflicts, invalid byte sequences (with the byte
 * offset and line:column), a GB declaration over bytes that are plainly UTF-8
 * (read as UTF-8; see {@link isUtf8UnderGbDeclaration}),
 * and GBK/GB18030-only characters in a file declared GB2312. GB2312 and GBK
 * are decoded with the GB18030 decoder, their superset; the declared name is
 * what gets reported. Never throws.
 *
 * @param bytes - The file's bytes.
 * @param options - Locale and path for the issues.
 * @returns The text, the detected encoding and the issues.
 * @example
 * const { text, encoding, issues } = decodeXml(bytes);
 * encoding.name //=> 'GB18030'
 */
export function decodeXml(bytes: Uint8Array, options: XmlIssueOptions = {}): DecodedXml {
  const encoding = detectXmlEncoding(bytes);
  const verdict = encodingVerdict(encoding, options);
  const { issues } = verdict;
  if (verdict.decoder === undefined) return { text: '', encoding, issues, decodable: false };
  let decoder = verdict.decoder;
  const { label } = verdict;
  const base = { locale: options.locale, path: options.path };
  const add = (code: keyof typeof xmlIssues, details: IssueDetails = {}) => issues.push(createIssueFrom(xmlIssues, code, { ...base, ...details }));
  const start = encoding.bomLength;
  const declaredDecoder = decoder;
  // Where a byte-level problem is: its line:column, the encoding expected and the bytes found.
  const atByte = (offset: number, expected: string) => ({
    location: locateByte(bytes, start, offset, declaredDecoder),
    expected,
    received: hexBytes(bytes, offset),
  });
  if (label === 'utf-8') {
    // The native fatal decoder is the fast path; the byte scan only runs to locate an error.
    try {
      fatalUtf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      const text = fatalUtf8.decode(bytes.subarray(start));
      return { text, encoding, issues, decodable: true };
    } catch {
      const offset = Math.max(start, findInvalidUtf8(bytes, start));
      add('xml.invalid-utf8', { params: { offset }, ...atByte(offset, 'UTF-8') });
    }
  } else if (label === 'gb18030') {
    const subset = encoding.name === 'GB2312' || encoding.name === 'GBK' ? encoding.name : 'GB18030';
    const scan = scanGbBytes(bytes, start, subset);
    if (encoding.source === 'declaration' && scan.hasMultibyte && findInvalidUtf8(bytes, start) < 0 && isUtf8UnderGbDeclaration(bytes, start)) {
      // Declared GB, but the bytes are valid UTF-8 that reads as Chinese while the GB reading does not:
      // an editor saved UTF-8 under a GB declaration. Otherwise the declaration wins (docs/xml.md).
      add('xml.encoding-mismatch', {
        params: { declared: encoding.declared, actual: 'UTF-8' },
        expected: encoding.name,
        received: 'UTF-8',
      });
      decoder = decoderFor('utf-8')!;
    } else {
      if (scan.invalidAt >= 0) {
        add('xml.invalid-bytes', { params: { encoding: encoding.name, offset: scan.invalidAt }, ...atByte(scan.invalidAt, encoding.name) });
      } else if (scan.beyondAt >= 0) {
        add('xml.encoding-beyond-declared', { params: { declared: encoding.name, offset: scan.beyondAt }, ...atByte(scan.beyondAt, encoding.name) });
      }
      return { text: decodeGb18030(decoder, bytes, start, scan.remapped), encoding, issues, decodable: true };
    }
  }
  return { text: decoder.decode(bytes.subarray(start)), encoding, issues, decodable: true };
}

/** What the detected encoding allows: its issues, and the decoder and label to read it with (none: not decodable). */
export interface EncodingVerdict {
  /** BOM conflict, unsupported or unlisted encoding. */
  issues: Issue[];
  /** The `TextDecoder` label. */
  label: string;
  /** A decoder for the label, absent when the text cannot be decoded at all. */
  decoder?: TextDecoder;
}

/**
 * The part of {@link decodeXml} decided by the encoding alone (shared with
 * the chunked reader): a BOM that contradicts the declaration, an encoding
 * outside UTF-8/GB18030/GB2312, and the decoder to use.
 *
 * @param encoding - As detected from the first bytes.
 * @param options - Locale and path for the issues.
 * @returns The issues, the decoder label and the decoder.
 * @example
 * encodingVerdict(detectXmlEncoding(bytes)).label //=> 'utf-8'
 */
export function encodingVerdict(encoding: DetectedXmlEncoding, options: XmlIssueOptions = {}): EncodingVerdict {
  const issues: Issue[] = [];
  const base = { locale: options.locale, path: options.path };
  const add = (code: keyof typeof xmlIssues, details: IssueDetails = {}) => issues.push(createIssueFrom(xmlIssues, code, { ...base, ...details }));
  if (encoding.bomConflict !== undefined) {
    add('xml.encoding-bom-conflict', {
      params: { bom: encoding.bomConflict, declared: encoding.declared },
      expected: encoding.bomConflict,
      received: encoding.declared,
    });
  }
  const row = encoding.row;
  const label = row?.decoder ?? encoding.declared?.trim() ?? encoding.name;
  const decoder = decoderFor(label);
  if (decoder === undefined || encoding.name.startsWith('UTF-32')) {
    const code = encoding.name.startsWith('UTF-32') ? 'xml.encoding-unsupported' : 'xml.encoding-unknown';
    add(code, { params: { encoding: encoding.name }, received: encoding.name });
    return { issues, label };
  }
  if (row === undefined || row.status === 'refused') {
    add('xml.encoding-unsupported', {
      params: { encoding: encoding.name },
      expected: ['UTF-8', 'GB18030', 'GB2312'],
      received: encoding.name,
    });
  } else if (row.status === 'tolerated') {
    add('xml.encoding-not-listed', { params: { encoding: encoding.name }, received: encoding.name });
  }
  return { issues, label, decoder };
}

/**
 * Up to four bytes from an offset as hex, e.g. `C3 28`.
 *
 * @param bytes - The bytes.
 * @param offset - Where to start.
 * @returns The hex pairs.
 * @example
 * hexBytes(new Uint8Array([0xc3, 0x28]), 0) //=> 'C3 28'
 */
export function hexBytes(bytes: Uint8Array, offset: number): string {
  return Array.from(bytes.subarray(offset, offset + 4), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}
