import { createIssueFrom } from '../report/createIssue.js';
import type { Issue, IssueLocation } from '../report/issue.js';
import { xmlIssues } from '../report/messages/xml.js';
import { findInvalidUtf8 } from './byteScan.js';
import { decodeXml, encodingVerdict, hexBytes, type XmlIssueOptions } from './decode.js';
import { detectXmlEncoding, type DetectedXmlEncoding } from './encoding.js';

/** Bytes the encoding is detected from (the BOM and the XML declaration; as `detectXmlEncoding` reads). */
const HEAD_BYTES = 512;

/**
 * {@link decodeXml} for bytes that arrive in chunks: the encoding is detected
 * from the first 512 bytes, then UTF-8 is decoded chunk by chunk (a character
 * cut by a chunk boundary is completed by the next chunk), with the same text
 * and the same issues — an invalid sequence is reported at its byte offset and
 * line:column, and the rest is decoded with U+FFFD as a whole decode does.
 * Other encodings (GB18030 and its subsets, UTF-16) are gathered and decoded
 * whole at the end: their checks (the glibc remaps, the UTF-8-under-a-GB-
 * declaration evidence) look at the whole file.
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

/**
 * Creates an {@link XmlDecodeStream}.
 *
 * @param options - Locale and path for the issues; `sizeHint`, the input's size when known, lets a
 *   file that must be decoded whole be gathered into one buffer (no second copy).
 * @returns The stream.
 * @example
 * const stream = createXmlDecodeStream();
 * const text = stream.push(chunk1) + stream.push(chunk2) + stream.end();
 */
export function createXmlDecodeStream(options: XmlIssueOptions & { sizeHint?: number } = {}): XmlDecodeStream {
  let mode: 'head' | 'utf8' | 'whole' | 'none' = 'head';
  // The head, or every chunk of a non-UTF-8 file: in one buffer of the announced size when there is one.
  let held: Uint8Array[] = [];
  let heldLength = 0;
  let gathered: Uint8Array | undefined;
  let encoding: DetectedXmlEncoding | undefined;
  let decodable = true;
  let issues: Issue[] = [];
  let fatal: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let lenient: TextDecoder | undefined;
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

  const hold = (bytes: Uint8Array) => {
    if (gathered && heldLength + bytes.length <= gathered.length) gathered.set(bytes, heldLength);
    else {
      if (gathered) held = [gathered.subarray(0, heldLength)];
      gathered = undefined;
      held.push(bytes.slice()); // a copy: the caller may reuse its buffer
    }
    heldLength += bytes.length;
  };
  const joinHeld = (): Uint8Array => {
    if (gathered) {
      const all = gathered.subarray(0, heldLength);
      gathered = undefined;
      heldLength = 0;
      return all;
    }
    const all = new Uint8Array(heldLength);
    let at = 0;
    for (const chunk of held) {
      all.set(chunk, at);
      at += chunk.length;
    }
    held = [];
    heldLength = 0;
    return all;
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
      tail = bytes.length >= 3 ? bytes.subarray(bytes.length - 3) : concat(tail, bytes).slice(-3);
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

  /** Enough of the head has arrived (or all of it): detect the encoding and choose how to go on. */
  const start = (last: boolean): string => {
    const head = joinHeld();
    encoding = detectXmlEncoding(head);
    const verdict = encodingVerdict(encoding, options);
    issues = verdict.issues;
    if (verdict.decoder === undefined) {
      mode = 'none';
      decodable = false;
      return '';
    }
    if (verdict.label !== 'utf-8') {
      mode = 'whole';
      const size = options.sizeHint ?? 0;
      gathered = size >= head.length ? new Uint8Array(size) : undefined;
      hold(head);
      return last ? finishWhole() : '';
    }
    mode = 'utf8';
    consumed = encoding.bomLength;
    const text = utf8(head.subarray(encoding.bomLength), last);
    if (last) reportInvalid();
    return text;
  };

  const finishWhole = (): string => {
    const decoded = decodeXml(joinHeld(), options);
    issues = decoded.issues;
    return decoded.text;
  };

  return {
    push(bytes) {
      if (mode === 'utf8') return utf8(bytes, false);
      if (mode === 'none') return '';
      hold(bytes);
      return mode === 'head' && heldLength >= HEAD_BYTES ? start(false) : '';
    },
    end() {
      if (mode === 'head') return start(true);
      if (mode === 'whole') {
        mode = 'none';
        return finishWhole();
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
