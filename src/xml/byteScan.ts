/**
 * Byte-level scans that locate the first bad sequence, so an issue can name the
 * byte offset (TextDecoder's `fatal` mode only says "somewhere").
 *
 * @module
 */

/**
 * Finds the first byte offset where `bytes` stop being well-formed UTF-8
 * (RFC 3629 §4: no overlongs, no surrogates, nothing above U+10FFFF).
 *
 * @param bytes - The bytes to check.
 * @param start - Offset to start at (e.g. after a BOM).
 * @returns The offset of the first bad sequence, or -1 when all are valid.
 * @example
 * findInvalidUtf8(new Uint8Array([0x61, 0xc3])) //=> 1
 */
export function findInvalidUtf8(bytes: Uint8Array, start = 0): number {
  let i = start;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlongs
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // ≤ U+10FFFF
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

// GB 18030 four-byte pointers (((b1−0x81)·10 + b2−0x30)·126 + b3−0x81)·10 + b4−0x30: the BMP block ends at
// 0x8431A439 (39419); the supplementary planes run linearly from 0x90308130 (189000) to 0xE3329A35 (1237575).
const BMP_POINTER_MAX = 39419;
const SUPPLEMENTARY_POINTER_MIN = 189_000;
const SUPPLEMENTARY_POINTER_MAX = 1_237_575;
// The 18 four-byte codes GB 18030-2005 gave to characters that GB 18030-2022 moved to two-byte codes
// (U+9FB4–9FBB: 0x82359037–0x82359134; U+FE10–FE19: 0x84318236–0x84318335). glibc's GB18030 (and so libxml2)
// maps them to nothing; the WHATWG decoder still reads them. They are errors here, as in glibc.
const RETIRED_FOUR_BYTE_POINTERS: ReadonlySet<number> = new Set([
  ...Array.from({ length: 8 }, (_, i) => 19_057 + i),
  ...Array.from({ length: 10 }, (_, i) => 39_076 + i),
]);

/**
 * Two-byte codes whose GB 18030-2022 mapping in glibc (and libxml2, which
 * uses it) differs from the WHATWG decoder of browsers and Node: six
 * characters the decoder leaves in the private use area although their
 * standard code points are in plane 2, and A3A0, which the decoder reads as
 * U+3000 (a second ideographic space) and glibc as U+E5E5.
 */
export const GB18030_TWO_BYTE_REMAPS: ReadonlyMap<number, number> = new Map([
  [0xfe51, 0x20087],
  [0xfe52, 0x20089],
  [0xfe53, 0x200cc],
  [0xfe6c, 0x215d7],
  [0xfe76, 0x2298f],
  [0xfe91, 0x241fe],
  [0xa3a0, 0xe5e5],
]);

/** Whether a four-byte GB 18030 sequence maps to a character (in glibc's table). */
function fourByteMaps(b1: number, b2: number, b3: number, b4: number): boolean {
  const pointer = (((b1 - 0x81) * 10 + (b2 - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30);
  if (pointer <= BMP_POINTER_MAX) return !RETIRED_FOUR_BYTE_POINTERS.has(pointer);
  return pointer >= SUPPLEMENTARY_POINTER_MIN && pointer <= SUPPLEMENTARY_POINTER_MAX;
}

/** Result of {@link scanGbBytes}. */
export interface GbScan {
  /** Offset of the first sequence that is not GB18030 or maps to no character, or -1. */
  invalidAt: number;
  /** Offset of the first character outside the declared subset (GB2312 or GBK), or -1. */
  beyondAt: number;
  /** True when any byte is ≥ 0x80. */
  hasMultibyte: boolean;
  /** Offsets of the two-byte sequences in {@link GB18030_TWO_BYTE_REMAPS}, in order. */
  remapped: number[];
}

/**
 * Walks bytes in the GB 18030 layout (1, 2 or 4 bytes per character) and finds
 * the first invalid sequence — bytes outside the layout, or a four-byte
 * sequence that maps to no character (beyond 0x8431A439 in the BMP block,
 * outside 0x90308130–0xE3329A35, or one of the 18 retired codes) — the first
 * character outside the declared subset (GB2312 is EUC-CN: lead 0xA1–0xF7,
 * trail 0xA1–0xFE; GBK has no 4-byte sequences), and the two-byte codes the
 * platform decoder maps differently from glibc.
 *
 * @param bytes - The bytes.
 * @param start - Offset to start at.
 * @param subset - The declared charset.
 * @returns Offsets of the first invalid and first out-of-subset sequence.
 * @example
 * scanGbBytes(new Uint8Array([0x81, 0x40]), 0, 'GB2312') //=> { invalidAt: -1, beyondAt: 0, hasMultibyte: true, remapped: [] }
 */
export function scanGbBytes(bytes: Uint8Array, start: number, subset: 'GB2312' | 'GBK' | 'GB18030'): GbScan {
  const scan: GbScan = { invalidAt: -1, beyondAt: -1, hasMultibyte: false, remapped: [] };
  continueGbScan(scan, bytes, start, subset, 0, true);
  return scan;
}

/**
 * {@link scanGbBytes} over bytes that arrive in chunks: walks one more piece,
 * adding what it finds to `scan` (offsets counted from the start of the
 * whole input), and stops at a sequence the piece ends inside of, unless the
 * piece is the last. Stops for good at the first invalid sequence, as a whole
 * scan does.
 *
 * @param scan - What was found so far (updated).
 * @param bytes - The piece.
 * @param start - Offset in the piece to start at.
 * @param subset - The declared charset.
 * @param base - Offset of `bytes[0]` in the whole input.
 * @param last - True for the final piece: a sequence cut by its end is invalid.
 * @returns Where the unfinished sequence at the end of the piece begins (`bytes.length` when none); the caller
 *   passes those bytes again at the head of the next piece.
 * @example
 * const scan = { invalidAt: -1, beyondAt: -1, hasMultibyte: false, remapped: [] };
 * continueGbScan(scan, new Uint8Array([0x61, 0xd6]), 0, 'GB18030', 0, false) //=> 1
 */
export function continueGbScan(scan: GbScan, bytes: Uint8Array, start: number, subset: 'GB2312' | 'GBK' | 'GB18030', base: number, last: boolean): number {
  let i = start;
  const n = bytes.length;
  const noteBeyond = (at: number) => {
    if (scan.beyondAt < 0) scan.beyondAt = base + at;
  };
  while (i < n && scan.invalidAt < 0) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    scan.hasMultibyte = true;
    const b2 = bytes[i + 1];
    if (b === 0x80 || b === 0xff) {
      scan.invalidAt = base + i;
    } else if (b2 === undefined) {
      if (!last) return i;
      scan.invalidAt = base + i;
    } else if (b2 >= 0x30 && b2 <= 0x39) {
      // GB 18030 four-byte form: [81–FE][30–39][81–FE][30–39]
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (b3 !== undefined && (b3 < 0x81 || b3 > 0xfe)) scan.invalidAt = base + i;
      else if (b4 === undefined) {
        if (!last) return i;
        scan.invalidAt = base + i;
      } else if (b4 < 0x30 || b4 > 0x39 || !fourByteMaps(b, b2, b3!, b4)) scan.invalidAt = base + i;
      else {
        if (subset !== 'GB18030') noteBeyond(i);
        i += 4;
      }
    } else if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      if (subset === 'GB2312' && !(b >= 0xa1 && b <= 0xf7 && b2 >= 0xa1 && b2 <= 0xfe)) noteBeyond(i);
      if ((b === 0xfe || b === 0xa3) && GB18030_TWO_BYTE_REMAPS.has((b << 8) | b2)) scan.remapped.push(base + i);
      i += 2;
    } else scan.invalidAt = base + i;
  }
  return n;
}

/**
 * Decodes GB 18030 bytes as glibc does: the platform decoder, with the
 * two-byte codes of {@link GB18030_TWO_BYTE_REMAPS} put right at the offsets
 * {@link scanGbBytes} found.
 *
 * @param decoder - A `TextDecoder('gb18030')`.
 * @param bytes - The bytes.
 * @param start - Offset to start at (after a BOM).
 * @param remapped - Offsets of the remapped two-byte codes, ascending.
 * @returns The text.
 * @example
 * decodeGb18030(new TextDecoder('gb18030'), new Uint8Array([0xfe, 0x51]), 0, [0]) //=> '\u{20087}'
 */
export function decodeGb18030(decoder: TextDecoder, bytes: Uint8Array, start: number, remapped: readonly number[]): string {
  if (remapped.length === 0) return decoder.decode(bytes.subarray(start));
  let text = '';
  let from = start;
  for (const at of remapped) {
    text += decoder.decode(bytes.subarray(from, at)) + String.fromCodePoint(GB18030_TWO_BYTE_REMAPS.get((bytes[at]! << 8) | bytes[at + 1]!)!);
    from = at + 2;
  }
  return text + decoder.decode(bytes.subarray(from));
}
