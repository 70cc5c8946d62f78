import { createIssueFrom } from '../report/createIssue.js';
import type { Issue, IssueLocation } from '../report/issue.js';
import { xmlIssues } from '../report/messages/xml.js';
import { continueGbScan, findInvalidUtf8, GB18030_TWO_BYTE_REMAPS, scanGbBytes, type GbScan } from './byteScan.js';
import { encodingVerdict, hexBytes, type XmlIssueOptions } from './decode.js';
import { detectXmlEncoding, type DetectedXmlEncoding } from './encoding.js';
import { utf8Reading } from './plausibleUtf8.js';

/** Bytes the encoding is detected from (the BOM and the XML declaration; as `detectXmlEncoding` reads). */
const HEAD_BYTES = 512;

/**
 * `decodeXml` for bytes that arrive in chunks: the encoding is detected from
 * the first 512 bytes, then every encoding is decoded chunk by chunk (a
 * character cut by a chunk boundary is completed by the next chunk), with the
 * same text and the same issues as a whole decode — an invalid sequence is
 * reported at its byte offset and line:column, and the rest is decoded with
 * U+FFFD as a whole decode does. GB18030 and its subsets keep the glibc remaps
 * and the first invalid or out-of-subset sequence as they stream. The one
 * verdict that needs the whole file, a GB declaration over bytes that are
 * plainly UTF-8, is kept open only while the bytes still read as plausible
 * UTF-8: from the first non-ASCII byte they are held until they stop being
 * that (for a real GB file, its first Chinese character), so only a file that
 * is UTF-8 to its end is held whole.
 */
export interface XmlDecodeStream {
  /** Decodes the next chunk; returns the text it completes (possibly empty). */
  push(bytes: Uint8Array): string;
  /** The input has ended: returns the rest of the text. */
  end(): string;
  /** Encoding issues found so far (all of them after {@link XmlDecodeStream.end}). */
  readonly issues: Issue[];
  /** The encoding, once detected. */
  readonly encoding: DetectedXmlEncoding | undefined;
  /** False once the encoding is known to have no decoder: the rest of the input need not be read. */
  readonly decodable: boolean;
}

/** Line and column at the end of decoded text, advanced piece by piece (line ends as `createLineIndex` counts them). */
class TextPosition {
  private line = 1;
  private column = 1;
  private afterCr = false;

  advance(text: string): void {
    if (text.length === 0) return;
    if (!text.includes('\r')) {
      let lineStart = -1;
      for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
        if (!(k === 0 && this.afterCr)) this.line++;
        lineStart = k + 1;
      }
      this.column = lineStart < 0 ? this.column + text.length : text.length - lineStart + 1;
      this.afterCr = false;
      return;
    }
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x0a && this.afterCr) this.column = 1;
      else if (c === 0x0a || c === 0x0d) {
        this.line++;
        this.column = 1;
      } else this.column++;
      this.afterCr = c === 0x0d;
    }
  }

  at(text: string): IssueLocation {
    const copy = new TextPosition();
    copy.line = this.line;
    copy.column = this.column;
    copy.afterCr = this.afterCr;
    copy.advance(text);
    return { line: copy.line, column: copy.column };
  }
}

/** Length of the incomplete UTF-8 sequence at the end of valid bytes (0–3): the bytes a streaming decoder holds back. */
function incompleteTail(tail: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, tail.length); back++) {
    const b = tail[tail.length - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** A decoder for the text after the head: takes pieces, returns their text. */
interface PieceDecoder {
  push(bytes: Uint8Array, last: boolean): string;
}

/** Any encoding with no byte-level checks (UTF-16, and the refused or unlisted ones still read): a streaming `TextDecoder`. */
function plainDecoder(label: string): PieceDecoder {
  const decoder = new TextDecoder(label, { ignoreBOM: true });
  return { push: (bytes, last) => decoder.decode(bytes, { stream: !last }) };
}

/** A byte-level finding of {@link gbDecoder}: where, and up to four bytes from there (the issue quotes them). */
interface GbFinding {
  kind: 'invalid' | 'beyond';
  offset: number;
  location: IssueLocation;
  bytes: number[];
}

/**
 * GB18030 (and GB2312, GBK read as it) as `decodeXml` reads it, piece by
 * piece: the platform decoder with the glibc remaps put in, and the first
 * invalid sequence and the first character outside the declared subset, each
 * at its byte offset and at the line:column of the declared decoder's text.
 */
function gbDecoder(subset: 'GB2312' | 'GBK' | 'GB18030', base: number): PieceDecoder & { readonly findings: readonly GbFinding[] } {
  const decoder = new TextDecoder('gb18030', { ignoreBOM: true });
  const scan: GbScan = { invalidAt: -1, beyondAt: -1, hasMultibyte: false, remapped: [] };
  const position = new TextPosition();
  const findings: GbFinding[] = [];
  let carry: Uint8Array = new Uint8Array(0); // a sequence cut by the end of the last piece
  let offset = base; // of the first byte of the next piece
  let remapsDone = 0;
  // Every call decodes whole sequences from the decoder's initial state to it again (no `stream`): Node's
  // streaming GB18030 decoder throws, or reads differently, when an invalid sequence spans two calls.
  const decode = (bytes: Uint8Array) => {
    const text = decoder.decode(bytes);
    position.advance(text);
    return text;
  };
  /** Gives each finding the bytes of [its offset, +4) that lie in this piece (which starts at `from`). */
  const quote = (bytes: Uint8Array, from: number) => {
    for (const f of findings) {
      for (let at = Math.max(f.offset + f.bytes.length, from); f.bytes.length < 4 && at < from + bytes.length; at++) f.bytes.push(bytes[at - from]!);
    }
  };
  const note = (kind: GbFinding['kind'], at: number) => findings.push({ kind, offset: at, location: position.at(''), bytes: [] });
  return {
    findings,
    push(piece, last) {
      const bytes = carry.length === 0 ? piece : concat(carry, piece);
      const from = offset - carry.length;
      // The scan stops for good at the first invalid sequence (as a whole scan does); after it, text is only decoded.
      const scanning = scan.invalidAt < 0;
      const hadBeyond = scan.beyondAt >= 0;
      const end = scanning ? continueGbScan(scan, bytes, 0, subset, from, last) : 0;
      let limit: number;
      if (last) limit = bytes.length;
      else if (scan.invalidAt < 0) limit = end;
      else {
        const clean = scanning ? scan.invalidAt - from : 0; // before the invalid sequence, every sequence is whole
        limit = clean + gbWholeSequences(bytes.subarray(clean));
      }
      // Where the text must be cut, in byte order: the first out-of-subset and invalid sequences (located
      // before the character), and each remapped code (put in for the platform's character).
      const marks: [number, 'beyond' | 'invalid' | 'remap'][] = [];
      if (scanning) {
        if (!hadBeyond && scan.beyondAt >= 0) marks.push([scan.beyondAt, 'beyond']);
        if (scan.invalidAt >= 0) marks.push([scan.invalidAt, 'invalid']);
        for (; remapsDone < scan.remapped.length; remapsDone++) marks.push([scan.remapped[remapsDone]!, 'remap']);
        marks.sort((x, y) => x[0] - y[0] || (x[1] === 'remap' ? 1 : 0) - (y[1] === 'remap' ? 1 : 0));
      }
      let text = '';
      let at = 0;
      for (const [mark, kind] of marks) {
        text += decode(bytes.subarray(at, mark - from));
        at = mark - from;
        if (kind !== 'remap') note(kind, mark);
        else {
          text += String.fromCodePoint(GB18030_TWO_BYTE_REMAPS.get((bytes[at]! << 8) | bytes[at + 1]!)!);
          position.advance('\uE000'); // the declared decoder reads one unit here, never a line end
          at += 2;
        }
      }
      text += decode(bytes.subarray(at, limit));
      quote(bytes.subarray(0, limit), from);
      carry = bytes.slice(limit);
      offset = from + bytes.length;
      return text;
    },
  };
}

/**
 * How many leading bytes the WHATWG GB18030 decoder (Encoding §10.2.1) reads
 * back to its initial state: a cut there leaves no sequence, and no byte it
 * would put back, between two calls. Bytes an error puts back are read again.
 */
function gbWholeSequences(bytes: Uint8Array): number {
  let first = 0;
  let second = 0;
  let third = 0;
  let whole = 0;
  for (let i = 0; i < bytes.length; ) {
    if (first === 0) whole = i;
    const b = bytes[i]!;
    if (third !== 0) {
      i = b >= 0x30 && b <= 0x39 ? i + 1 : i - 2; // an error puts back the second, third and this byte
      first = second = third = 0;
    } else if (second !== 0) {
      if (b >= 0x81 && b <= 0xfe) {
        third = b;
        i++;
      } else {
        first = second = 0;
        i--; // an error puts back the second and this byte
      }
    } else if (first !== 0) {
      if (b >= 0x30 && b <= 0x39) {
        second = b;
        i++;
      } else {
        first = 0;
        if (b >= 0x80 || (b >= 0x40 && b <= 0x7e)) i++; // a two-byte code, or an error that takes the byte; else it is put back
      }
    } else {
      if (b >= 0x81 && b <= 0xfe) first = b;
      i++;
    }
  }
  return first === 0 ? bytes.length : whole;
}

/** The bytes of several pieces as one. */
function joinAll(pieces: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const all = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    all.set(piece, at);
    at += piece.length;
  }
  return all;
}

/**
 * Creates an {@link XmlDecodeStream}.
 *
 * @param options - Locale and path for the issues.
 * @returns The stream.
 * @example
 * const stream = createXmlDecodeStream();
 * const text = stream.push(chunk1) + stream.push(chunk2) + stream.end();
 */
export function createXmlDecodeStream(options: XmlIssueOptions = {}): XmlDecodeStream {
  let mode: 'head' | 'utf8' | 'other' | 'none' = 'head';
  let head: Uint8Array[] = [];
  let headLength = 0;
  let encoding: DetectedXmlEncoding | undefined;
  let decodable = true;
  let issues: Issue[] = [];
  let fatal: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let lenient: TextDecoder | undefined;
  let other: PieceDecoder | undefined;
  const position = new TextPosition();
  let consumed = 0; // bytes given to the UTF-8 decoder, BOM included
  let tail: Uint8Array = new Uint8Array(0); // the last (up to 3) bytes given to the fatal decoder

  // The first invalid sequence: where, and up to four bytes from it (the issue quotes them; they may run into the next chunk).
  let invalid: { offset: number; location: IssueLocation; bytes: number[] } | undefined;
  const takeInvalidBytes = (bytes: Uint8Array) => {
    if (invalid === undefined) return;
    for (let k = 0; k < bytes.length && invalid.bytes.length < 4; k++) invalid.bytes.push(bytes[k]!);
  };
  const reportInvalid = () => {
    if (invalid === undefined) return;
    const { offset, location } = invalid;
    issues.push(
      createIssueFrom(xmlIssues, 'xml.invalid-utf8', {
        locale: options.locale,
        path: options.path,
        params: { offset },
        location,
        expected: 'UTF-8',
        received: hexBytes(Uint8Array.from(invalid.bytes), 0),
      }),
    );
    invalid = undefined;
  };

  /** A UTF-8 chunk: the fast fatal decoder until the first invalid sequence, then U+FFFD as `decodeXml` does. */
  const utf8 = (bytes: Uint8Array, last: boolean): string => {
    if (fatal === undefined) {
      takeInvalidBytes(bytes);
      return lenient!.decode(bytes, { stream: !last });
    }
    try {
      const text = fatal.decode(bytes, { stream: !last });
      position.advance(text);
      consumed += bytes.length;
      tail = bytes.length >= 3 ? bytes.slice(bytes.length - 3) : concat(tail, bytes).slice(-3);
      if (last) fatal = undefined;
      return text;
    } catch {
      // The decoder held back the incomplete tail of the bytes before: the invalid sequence is in it or after it.
      const carry = tail.subarray(tail.length - incompleteTail(tail));
      const joined = concat(carry, bytes);
      const found = findInvalidUtf8(joined, 0);
      const at = found < 0 ? joined.length : found;
      const offset = consumed - carry.length + at;
      lenient = new TextDecoder('utf-8', { ignoreBOM: true });
      const before = lenient.decode(joined.subarray(0, at), { stream: true });
      invalid = { offset, location: position.at(before), bytes: [] };
      takeInvalidBytes(joined.subarray(at));
      fatal = undefined;
      return before + lenient.decode(joined.subarray(at), { stream: !last });
    }
  };

  /**
   * GB bytes under a GB declaration, as `decodeXml` decides between the declaration and UTF-8:
   * from the first non-ASCII byte, held while they read as plausible UTF-8; once they do not,
   * read as GB from then on. Held to the end, the whole-file test decides.
   */
  const gbOrUtf8 = (encodingName: string, gb: PieceDecoder): PieceDecoder => {
    let held: Uint8Array[] | undefined;
    let reading: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let chinese = false;
    const stillUtf8 = (bytes: Uint8Array, last: boolean): boolean => {
      try {
        const verdict = utf8Reading(reading!.decode(bytes, { stream: !last }));
        chinese ||= verdict === 'chinese';
        return verdict !== 'implausible';
      } catch {
        return false;
      }
    };
    return {
      push(bytes, last) {
        if (reading === undefined) return gb.push(bytes, last);
        let text = '';
        if (held === undefined) {
          let k = 0;
          while (k < bytes.length && bytes[k]! < 0x80) k++;
          if (k === bytes.length) return gb.push(bytes, last); // ASCII reads the same either way
          text = gb.push(bytes.subarray(0, k), false);
          held = [];
          bytes = bytes.subarray(k);
        }
        held.push(bytes.slice()); // a copy: the caller may reuse its buffer
        if (stillUtf8(bytes, last)) {
          if (!last) return text;
          const all = joinAll(held);
          const gb2312 = scanGbBytes(all, 0, 'GB2312');
          if (chinese && (gb2312.invalidAt >= 0 || gb2312.beyondAt >= 0)) {
            // Declared GB, but the bytes are valid UTF-8 that reads as Chinese while the GB reading does not.
            issues.push(
              createIssueFrom(xmlIssues, 'xml.encoding-mismatch', {
                locale: options.locale,
                path: options.path,
                params: { declared: encoding!.declared, actual: 'UTF-8' },
                expected: encodingName,
                received: 'UTF-8',
              }),
            );
            reading = undefined;
            return text + new TextDecoder('utf-8', { ignoreBOM: true }).decode(all);
          }
        }
        reading = undefined;
        const all = joinAll(held);
        held = undefined;
        return text + gb.push(all, last);
      },
    };
  };

  /** Enough of the head has arrived (or all of it): detect the encoding and choose how to go on. */
  const start = (last: boolean): string => {
    const bytes = joinAll(head);
    head = [];
    encoding = detectXmlEncoding(bytes);
    const verdict = encodingVerdict(encoding, options);
    issues = verdict.issues;
    if (verdict.decoder === undefined) {
      mode = 'none';
      decodable = false;
      return '';
    }
    const body = bytes.subarray(encoding.bomLength);
    if (verdict.label === 'utf-8') {
      mode = 'utf8';
      consumed = encoding.bomLength;
      const text = utf8(body, last);
      if (last) reportInvalid();
      return text;
    }
    mode = 'other';
    if (verdict.label === 'gb18030') {
      const name = encoding.name;
      const gb = gbDecoder(name === 'GB2312' || name === 'GBK' ? name : 'GB18030', encoding.bomLength);
      const reported: PieceDecoder = {
        push(piece, lastPiece) {
          const text = gb.push(piece, lastPiece);
          // As decodeXml: the first invalid sequence, else the first character beyond the declared subset.
          const found = lastPiece ? (gb.findings.find((f) => f.kind === 'invalid') ?? gb.findings[0]) : undefined;
          if (found) {
            const details = { locale: options.locale, path: options.path, location: found.location, expected: name, received: hexBytes(Uint8Array.from(found.bytes), 0) };
            issues.push(
              found.kind === 'invalid'
                ? createIssueFrom(xmlIssues, 'xml.invalid-bytes', { ...details, params: { encoding: name, offset: found.offset } })
                : createIssueFrom(xmlIssues, 'xml.encoding-beyond-declared', { ...details, params: { declared: name, offset: found.offset } }),
            );
          }
          return text;
        },
      };
      other = encoding.source === 'declaration' ? gbOrUtf8(name, reported) : reported;
    } else other = plainDecoder(verdict.label);
    return other.push(body, last);
  };

  return {
    push(bytes) {
      if (mode === 'utf8') return utf8(bytes, false);
      if (mode === 'other') return other!.push(bytes, false);
      if (mode === 'none') return '';
      head.push(bytes.slice()); // a copy: the caller may reuse its buffer
      headLength += bytes.length;
      return headLength >= HEAD_BYTES ? start(false) : '';
    },
    end() {
      if (mode === 'head') {
        mode = 'none';
        return start(true);
      }
      if (mode === 'other') {
        mode = 'none';
        return other!.push(new Uint8Array(0), true);
      }
      if (mode === 'utf8') {
        mode = 'none';
        const text = utf8(new Uint8Array(0), true);
        reportInvalid();
        return text;
      }
      return '';
    },
    get issues() {
      return issues;
    },
    get encoding() {
      return encoding;
    },
    get decodable() {
      return decodable;
    },
  };
}
