import type { PackageSource } from '../source.js';
import type { ContentFormatId } from './formats.js';
import { identifyFormat } from './identifyFormat.js';

/** A marker found in a file's bytes. */
export type ContentMarker = 'pdf-encrypt' | 'pdf-a' | 'pdf-javascript' | 'vba-project' | 'encrypted-package' | 'zip-entry-encrypted' | 'truncated';

/** What {@link scanContent} learnt about one file. */
export interface ContentScan {
  /** Format from the signature, when one matched. */
  format?: ContentFormatId;
  /** First bytes (up to 64 KiB). */
  head: Uint8Array;
  /** Markers found. */
  markers: Set<ContentMarker>;
  /** False when the file was over the scan limit and only its head was read. */
  complete: boolean;
}

const HEAD_BYTES = 64 * 1024;

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

/**
 * Reads a content file once, streaming: identifies its format from the head
 * and, for PDF, OOXML, zip and OLE2 files, searches the whole file (up to
 * `limit` bytes) for encryption and macro markers. A zip whose first local
 * header has the encryption flag (APPNOTE §4.4.4 bit 0) is marked too, and a
 * PDF without `%%EOF` or a zip without its end record near the end is marked
 * `truncated`.
 *
 * @param source - The package source.
 * @param path - A file entry.
 * @param limit - Files larger than this are only identified, not searched.
 * @param size - The entry's size.
 * @returns The scan.
 * @throws Error when the source cannot read the entry.
 * @example
 * const scan = await scanContent(source, '0001/WS/A-1/正文.pdf', 64 * 2 ** 20, 1234);
 * scan.markers.has('pdf-encrypt')
 */
export async function scanContent(source: PackageSource, path: string, limit: number, size: number): Promise<ContentScan> {
  const head = new Uint8Array(Math.min(HEAD_BYTES, size));
  const markers = new Set<ContentMarker>();
  const searchWhole = size <= limit;
  let filled = 0;
  let carry: Uint8Array = new Uint8Array(0);
  let decided: { format?: ContentFormatId; tokens: readonly (readonly [ContentMarker, Uint8Array])[] } | undefined;
  // The last bytes of the file, kept for formats with an end marker (whole-file scans only).
  let tail: { start: number; bytes: Uint8Array; token: Uint8Array } | undefined;
  let position = 0;
  const keepTail = (data: Uint8Array, offset: number) => {
    if (!tail) return;
    const from = Math.max(offset, tail.start);
    const to = Math.min(offset + data.byteLength, tail.start + tail.bytes.byteLength);
    if (from < to) tail.bytes.set(data.subarray(from - offset, to - offset), from - tail.start);
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
    if (decided.tokens.length > 0) carry = search(head.subarray(0, filled), carry, decided.tokens, markers);
  };
  // Hostile input (100,000 empty files): an empty file has nothing to identify or search and is not opened.
  if (size === 0) return { head, markers, complete: true };
  for await (const chunk of source.stream(path)) {
    let rest: Uint8Array = chunk;
    let offset = position;
    position += chunk.byteLength;
    if (!decided) {
      const take = Math.min(head.length - filled, chunk.byteLength);
      head.set(chunk.subarray(0, take), filled);
      filled += take;
      if (filled < head.length) continue;
      decide();
      rest = chunk.subarray(take);
      offset += take;
    }
    if (!decided || (decided.tokens.length === 0 && !tail)) break;
    keepTail(rest, offset);
    if (rest.byteLength > 0 && decided.tokens.length > 0) carry = search(rest, carry, decided.tokens, markers);
  }
  if (!decided) decide();
  if (tail && (position < size || indexOf(tail.bytes, tail.token) < 0)) markers.add('truncated');
  const format = decided?.format;
  return { ...(format ? { format } : {}), head: head.subarray(0, filled), markers, complete: searchWhole };
}

const ZIP_FAMILY: ReadonlySet<ContentFormatId> = new Set(['zip', 'docx', 'xlsx', 'pptx', 'ofd']);

/** Searches `chunk` (preceded by the tail `carry` of the previous one); returns the new tail. */
function search(
  chunk: Uint8Array,
  carry: Uint8Array,
  tokens: readonly (readonly [ContentMarker, Uint8Array])[],
  markers: Set<ContentMarker>,
): Uint8Array {
  const data = carry.byteLength === 0 ? chunk : concat(carry, chunk);
  for (const [marker, token] of tokens) if (!markers.has(marker) && indexOf(data, token) >= 0) markers.add(marker);
  const keep = Math.max(...tokens.map(([, t]) => t.byteLength)) - 1;
  return data.slice(Math.max(0, data.byteLength - keep));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first ?? 0); i >= 0 && i <= haystack.byteLength - needle.byteLength; i = haystack.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.byteLength; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
