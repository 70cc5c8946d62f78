import type { ContentFormatId } from './formats.js';
import { identifyFormat } from './identifyFormat.js';

/** A marker found in a file's bytes. */
export type ContentMarker = 'pdf-encrypt' | 'pdf-a' | 'pdf-javascript' | 'vba-project' | 'encrypted-package' | 'zip-entry-encrypted' | 'truncated';

/** What a content scan learnt about one file (structured-cloneable, so a hashing worker can return it). */
export interface ContentScan {
  /** Format from the signature, when one matched. */
  format?: ContentFormatId;
  /** True when the head (up to 64 KiB) holds no NUL byte, i.e. it may be text. */
  textHead: boolean;
  /** Markers found. */
  markers: Set<ContentMarker>;
  /** False when the file was over the scan limit and only its head was read. */
  complete: boolean;
}

/**
 * Finds `needle` in `haystack`, like `Buffer.indexOf`. A runtime with a
 * faster native search passes its own (the Node hashing workers do).
 */
export type FindBytes = (haystack: Uint8Array, needle: Uint8Array) => number;

/** An incremental content scan: feed the file's bytes in order, then finish. */
export interface ContentScanner {
  /**
   * Feeds the next bytes of the file. The chunk is not kept (a reused read buffer is fine).
   *
   * @returns False once no further bytes can change the scan.
   */
  push(chunk: Uint8Array): boolean;
  /** Ends the scan after the last chunk (or after `push` returned false). */
  finish(): ContentScan;
}

/** Bytes of the head, enough for every signature in `identifyFormat`. */
export const HEAD_BYTES = 64 * 1024;

// Byte tokens searched through the whole file, by format family.
const utf16 = (s: string) => new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0), 0]));
const bytesOf = (s: string) => new TextEncoder().encode(s);
const TOKENS: Readonly<Partial<Record<ContentFormatId, readonly (readonly [ContentMarker, Uint8Array])[]>>> = {
  // ISO 32000-1 §7.6.1: an encrypted PDF's trailer holds /Encrypt; ISO 19005 XMP: pdfaid:part.
  pdf: [['pdf-encrypt', bytesOf('/Encrypt')], ['pdf-a', bytesOf('pdfaid:part')], ['pdf-javascript', bytesOf('/JavaScript')]],
  // ISO/IEC 29500: macros live in vbaProject.bin.
  docx: [['vba-project', bytesOf('vbaProject.bin')]],
  xlsx: [['vba-project', bytesOf('vbaProject.bin')]],
  pptx: [['vba-project', bytesOf('vbaProject.bin')]],
  zip: [['vba-project', bytesOf('vbaProject.bin')]],
  // [MS-OFFCRYPTO] §2.3.4.1: an encrypted OOXML file is an OLE2 file with an EncryptedPackage stream;
  // [MS-OVBA]: VBA storage _VBA_PROJECT.
  ole2: [['encrypted-package', utf16('EncryptedPackage')], ['vba-project', utf16('_VBA_PROJECT')]],
};

// The end marker each format must carry near its end, and how far from the end it may sit.
const zipEnd = { window: 22 + 65535, token: bytesOf('PK\x05\x06'), source: 'APPNOTE 6.3.10 §4.3.16 (end of central directory; comment ≤ 65535 bytes)' };
const TRAILERS: Readonly<Partial<Record<ContentFormatId, { window: number; token: Uint8Array; source: string }>>> = {
  pdf: { window: 1024, token: bytesOf('%%EOF'), source: 'ISO 32000-1 §7.5.5 (%%EOF; readers look in the last 1024 bytes)' },
  zip: zipEnd, docx: zipEnd, xlsx: zipEnd, pptx: zipEnd, ofd: zipEnd,
};

const ZIP_FAMILY: ReadonlySet<ContentFormatId> = new Set(['zip', 'docx', 'xlsx', 'pptx', 'ofd']);

type Tokens = readonly (readonly [ContentMarker, Uint8Array])[];

/**
 * Starts an incremental scan of one content file: identifies its format from
 * the head and, for PDF, OOXML, zip and OLE2 files, searches the whole file
 * (up to `limit` bytes) for encryption and macro markers, with tokens that
 * span two chunks found too. A zip whose first local header has the
 * encryption flag (APPNOTE §4.4.4 bit 0) is marked, and a PDF without
 * `%%EOF` or a zip without its end record near the end (or a file shorter
 * than `size`) is marked `truncated`. Used by `scanContent` over
 * `source.stream` and by hashing workers on the reads they hash, so both give
 * the same scan.
 *
 * @param size - The entry's size.
 * @param limit - Files larger than this are only identified, not searched.
 * @param find - Byte search, one pass per token (a runtime with a fast native search passes it); by default one portable pass finds every token (see {@link findTokens}).
 * @returns The scanner.
 * @example
 * const scanner = createContentScanner(bytes.length, 2 ** 28);
 * scanner.push(bytes);
 * scanner.finish().markers.has('pdf-encrypt')
 */
export function createContentScanner(size: number, limit: number, find?: FindBytes): ContentScanner {
  const head = new Uint8Array(Math.min(HEAD_BYTES, size));
  const markers = new Set<ContentMarker>();
  const searchWhole = size <= limit;
  let filled = 0;
  let position = 0;
  let carry: Uint8Array = new Uint8Array(0);
  let decided: { format?: ContentFormatId; tokens: Tokens } | undefined;
  // The last bytes of the file, kept for formats with an end marker (whole-file scans only).
  let tail: { start: number; bytes: Uint8Array; token: Uint8Array } | undefined;
  const keepTail = (data: Uint8Array, offset: number) => {
    if (!tail) return;
    const from = Math.max(offset, tail.start);
    const to = Math.min(offset + data.byteLength, tail.start + tail.bytes.byteLength);
    if (from < to) tail.bytes.set(data.subarray(from - offset, to - offset), from - tail.start);
  };
  const searchIn = (data: Uint8Array) => {
    carry = searchChunk(data, carry, (decided as { tokens: Tokens }).tokens, markers, find);
  };
  const decide = () => {
    const format = identifyFormat(head.subarray(0, filled));
    if (format && ZIP_FAMILY.has(format) && ((head[6] ?? 0) & 1) === 1) markers.add('zip-entry-encrypted');
    decided = { ...(format ? { format } : {}), tokens: (searchWhole && format && TOKENS[format]) || [] };
    const trailer = searchWhole && format ? TRAILERS[format] : undefined;
    if (trailer) {
      const start = Math.max(0, size - trailer.window);
      tail = { start, bytes: new Uint8Array(size - start), token: trailer.token };
      keepTail(head.subarray(0, filled), 0);
    }
    if (decided.tokens.length > 0) searchIn(head.subarray(0, filled));
  };
  const wantsMore = () => !decided || decided.tokens.length > 0 || tail !== undefined;
  return {
    push(chunk) {
      if (!wantsMore() || chunk.byteLength === 0) return wantsMore();
      let rest = chunk;
      let offset = position;
      position += chunk.byteLength;
      if (!decided) {
        const take = Math.min(head.length - filled, chunk.byteLength);
        head.set(chunk.subarray(0, take), filled);
        filled += take;
        if (filled < head.length) return true;
        decide();
        rest = chunk.subarray(take);
        offset += take;
      }
      keepTail(rest, offset);
      if (rest.byteLength > 0 && (decided as { tokens: Tokens }).tokens.length > 0) searchIn(rest);
      return wantsMore();
    },
    finish() {
      // An empty file has nothing to identify or search.
      if (size === 0) return { textHead: true, markers, complete: true };
      if (!decided) decide();
      if (tail && (position < size || (find ?? indexOfBytes)(tail.bytes, tail.token) < 0)) markers.add('truncated');
      const format = decided?.format;
      return { ...(format ? { format } : {}), textHead: !head.subarray(0, filled).includes(0), markers, complete: searchWhole };
    },
  };
}

/**
 * Searches `chunk`, preceded by `carry` (the last bytes of the previous
 * chunk, so a token split between chunks is found), without copying the
 * chunk; returns the new carry.
 */
function searchChunk(chunk: Uint8Array, carry: Uint8Array, tokens: Tokens, markers: Set<ContentMarker>, find: FindBytes | undefined): Uint8Array {
  const keep = Math.max(...tokens.map(([, t]) => t.byteLength)) - 1;
  const seam = carry.byteLength === 0 ? undefined : concat(carry, chunk.subarray(0, keep));
  if (!find) {
    if (seam !== undefined) findTokens(seam, tokens, markers);
    findTokens(chunk, tokens, markers);
  } else {
    for (const [marker, token] of tokens) {
      if (markers.has(marker)) continue;
      if ((seam !== undefined && find(seam, token) >= 0) || find(chunk, token) >= 0) markers.add(marker);
    }
  }
  if (chunk.byteLength >= keep) return chunk.slice(chunk.byteLength - keep);
  const joined = concat(carry, chunk);
  return joined.slice(Math.max(0, joined.byteLength - keep));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

/** The skip table of a token set for {@link findTokens}: per byte, how far the window may move, and the tokens whose m-th byte it is. */
interface TokenTable {
  m: number;
  shift: Uint8Array;
  ending: (Tokens[number][] | undefined)[];
}

const tables = new WeakMap<Tokens, TokenTable>();

function tokenTable(tokens: Tokens): TokenTable {
  let table = tables.get(tokens);
  if (table) return table;
  // The shortest token's length, at most 255 so a shift fits a byte.
  const m = Math.min(255, ...tokens.map(([, t]) => t.byteLength));
  const shift = new Uint8Array(256).fill(m);
  const ending: TokenTable['ending'] = new Array(256);
  for (const entry of tokens) {
    const token = entry[1];
    for (let j = 0; j < m - 1; j++) shift[token[j] as number] = Math.min(shift[token[j] as number] as number, m - 1 - j);
    (ending[token[m - 1] as number] ??= []).push(entry);
  }
  table = { m, shift, ending };
  tables.set(tokens, table);
  return table;
}

/**
 * Finds every token of a set in one pass over `haystack` (Horspool's
 * algorithm over a set of patterns: the window of the shortest token's
 * length moves by the skip of its last byte, and only tokens ending in that
 * byte are compared), adding the marker of each token found. Gives what one
 * {@link indexOfBytes} per token gives, reading each byte at most once for
 * all tokens and most bytes not at all.
 *
 * @param haystack - Bytes to search.
 * @param tokens - Markers and their (non-empty) tokens.
 * @param markers - Gets the marker of each token found; a marker already in it is not searched for again.
 * @example
 * const found = new Set(); findTokens(bytes, [['pdf-encrypt', enc('/Encrypt')]], found);
 */
export function findTokens(haystack: Uint8Array, tokens: Tokens, markers: Set<ContentMarker>): void {
  const { m, shift, ending } = tokenTable(tokens);
  let left = tokens.filter(([marker]) => !markers.has(marker)).length;
  const n = haystack.byteLength;
  for (let i = 0; left > 0 && i + m <= n; ) {
    const last = haystack[i + m - 1] as number;
    const candidates = ending[last];
    if (candidates !== undefined) {
      outer: for (const [marker, token] of candidates) {
        if (markers.has(marker) || i + token.byteLength > n) continue;
        for (let j = 0; j < token.byteLength; j++) if (haystack[i + j] !== token[j]) continue outer;
        markers.add(marker);
        left--;
      }
    }
    i += shift[last] as number;
  }
}

/**
 * Portable byte search: native `indexOf` for the first byte, then a compare.
 *
 * @param haystack - Bytes to search.
 * @param needle - Bytes to find (not empty).
 * @returns The first offset, or -1.
 * @example
 * indexOfBytes(new Uint8Array([1, 2, 3]), new Uint8Array([2, 3])) //=> 1
 */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0] ?? 0;
  outer: for (let i = haystack.indexOf(first); i >= 0 && i <= haystack.byteLength - needle.byteLength; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.byteLength; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
