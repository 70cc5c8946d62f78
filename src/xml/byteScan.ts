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

/** Result of {@link scanGbBytes}. */
export interface GbScan {
  /** Offset of the first sequence that is not GB18030 at all, or -1. */
  invalidAt: number;
  /** Offset of the first character outside the declared subset (GB2312 or GBK), or -1. */
  beyondAt: number;
  /** True when any byte is ≥ 0x80. */
  hasMultibyte: boolean;
}

/**
 * Walks bytes in the GB 18030 layout (1, 2 or 4 bytes per character) and finds
 * the first invalid sequence and the first character outside the declared
 * subset: GB2312 is EUC-CN (lead 0xA1–0xF7, trail 0xA1–0xFE); GBK has no
 * 4-byte sequences.
 *
 * @param bytes - The bytes.
 * @param start - Offset to start at.
 * @param subset - The declared charset.
 * @returns Offsets of the first invalid and first out-of-subset sequence.
 * @example
 * scanGbBytes(new Uint8Array([0x81, 0x40]), 0, 'GB2312') //=> { invalidAt: -1, beyondAt: 0, hasMultibyte: true }
 */
export function scanGbBytes(bytes: Uint8Array, start: number, subset: 'GB2312' | 'GBK' | 'GB18030'): GbScan {
  let invalidAt = -1;
  let beyondAt = -1;
  let hasMultibyte = false;
  let i = start;
  const n = bytes.length;
  const noteBeyond = (at: number) => {
    if (beyondAt < 0) beyondAt = at;
  };
  while (i < n && invalidAt < 0) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    hasMultibyte = true;
    const b2 = bytes[i + 1];
    if (b === 0x80 || b === 0xff || b2 === undefined) {
      invalidAt = i;
    } else if (b2 >= 0x30 && b2 <= 0x39) {
      // GB 18030 four-byte form: [81–FE][30–39][81–FE][30–39]
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (b3 === undefined || b4 === undefined || b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) invalidAt = i;
      else {
        if (subset !== 'GB18030') noteBeyond(i);
        i += 4;
      }
    } else if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      if (subset === 'GB2312' && !(b >= 0xa1 && b <= 0xf7 && b2 >= 0xa1 && b2 <= 0xfe)) noteBeyond(i);
      i += 2;
    } else invalidAt = i;
  }
  return { invalidAt, beyondAt, hasMultibyte };
}
