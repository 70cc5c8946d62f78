/**
 * A GB 18030 encoder without dependencies. Browsers and Node decode GB 18030
 * (`TextDecoder('gb18030')`) but `TextEncoder` only writes UTF-8, so the
 * reverse table is built once, lazily, by decoding every two-byte sequence and
 * every four-byte sequence of the BMP with the platform's own decoder, then
 * applying the GB 18030-2022 mappings in which glibc differs from it
 * ({@link GB18030_TWO_BYTE_REMAPS}). What this encoder writes therefore always
 * reads back through `decodeXml` and through glibc's iconv (and libxml2).
 *
 * @module
 */

import { GB18030_TWO_BYTE_REMAPS } from './byteScan.js';

// GB 18030-2005 §6: two-byte lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE.
const LEAD_MIN = 0x81;
const LEAD_MAX = 0xfe;
const TRAILS: readonly number[] = Array.from({ length: 0xfe - 0x40 + 1 }, (_, i) => 0x40 + i).filter((b) => b !== 0x7f);
// Four-byte form [81–FE][30–39][81–FE][30–39]; pointers 0..39419 cover the BMP (0x81308130–0x8439FE39).
const BMP_FOUR_BYTE_POINTERS = 39420;
// U+FFFD is the four-byte pointer 39417 (0x8431A437); other pointers that decode to U+FFFD are errors.
const REPLACEMENT_POINTER = 39417;
// Supplementary planes: linear from 0x90308130 = U+10000 (GB 18030-2005 §6.3).
const SUPPLEMENTARY_LEAD = 0x90;

function fourBytes(pointer: number, lead: number): number {
  const b1 = lead + Math.floor(pointer / 12600);
  const b2 = 0x30 + (Math.floor(pointer / 1260) % 10);
  const b3 = 0x81 + (Math.floor(pointer / 10) % 126);
  const b4 = 0x30 + (pointer % 10);
  return ((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0;
}

let table: Uint32Array | undefined;

/** Code unit → encoded bytes (`0xAABB` two-byte, `0xAABBCCDD` four-byte), 0 = unmappable. */
function reverseTable(): Uint32Array {
  if (table) return table;
  const decoder = new TextDecoder('gb18030', { ignoreBOM: true });
  const result = new Uint32Array(0x10000);
  // Two-byte sequences first: they are the canonical encoding wherever a code point has two.
  const pairs: number[] = [];
  for (let lead = LEAD_MIN; lead <= LEAD_MAX; lead++) for (const trail of TRAILS) pairs.push((lead << 8) | trail);
  const twoBytes = new Uint8Array(pairs.length * 2);
  pairs.forEach((pair, i) => {
    twoBytes[2 * i] = pair >> 8;
    twoBytes[2 * i + 1] = pair & 0xff;
  });
  const decodedPairs = decodeAligned(decoder, twoBytes, 2);
  pairs.forEach((pair, i) => {
    const unit = decodedPairs[i];
    if (unit !== undefined && unit !== 0xfffd && result[unit] === 0) result[unit] = pair;
  });
  const quads = new Uint8Array(BMP_FOUR_BYTE_POINTERS * 4);
  for (let p = 0; p < BMP_FOUR_BYTE_POINTERS; p++) {
    const v = fourBytes(p, LEAD_MIN);
    quads[4 * p] = v >>> 24;
    quads[4 * p + 1] = (v >>> 16) & 0xff;
    quads[4 * p + 2] = (v >>> 8) & 0xff;
    quads[4 * p + 3] = v & 0xff;
  }
  const decodedQuads = decodeAligned(decoder, quads, 4);
  for (let p = 0; p < BMP_FOUR_BYTE_POINTERS; p++) {
    const unit = decodedQuads[p];
    if (unit === undefined || (unit === 0xfffd && p !== REPLACEMENT_POINTER)) continue;
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    if (result[unit] === 0) result[unit] = fourBytes(p, LEAD_MIN);
  }
  // GB 18030-2022 as glibc reads it: A3A0 is U+E5E5, and the private-use code points the platform
  // decoder gives FE51 etc. are never produced (those characters are written with their plane-2 codes).
  GB18030_TWO_BYTE_REMAPS.forEach((codePoint, pair) => {
    const platformUnit = decodedPairs[pairs.indexOf(pair)]!;
    if (result[platformUnit] === pair) result[platformUnit] = 0;
    if (codePoint <= 0xffff) result[codePoint] = pair;
  });
  table = result;
  return result;
}

/**
 * Decodes fixed-width sequences in one call when the output stays aligned (one
 * UTF-16 unit per sequence), else one by one. Returns one code unit per sequence.
 */
function decodeAligned(decoder: TextDecoder, bytes: Uint8Array, width: number): Uint16Array {
  const count = bytes.length / width;
  const batch = decoder.decode(bytes);
  const units = new Uint16Array(count);
  if (batch.length === count) {
    for (let i = 0; i < count; i++) units[i] = batch.charCodeAt(i);
    return units;
  }
  for (let i = 0; i < count; i++) {
    const one = decoder.decode(bytes.subarray(i * width, (i + 1) * width));
    units[i] = one.length === 1 ? one.charCodeAt(0) : 0xfffd;
  }
  return units;
}

/** Options of {@link encodeGb18030}. */
export interface EncodeGb18030Options {
  /**
   * Called for a code point GB 18030 decoding never produces (a lone
   * surrogate, or one of the private-use code points GB 18030-2022 remapped);
   * returns replacement text, e.g. an XML character reference. Without it such a
   * code point throws.
   */
  onUnmappable?: (codePoint: number, index: number) => string;
}

/**
 * Encodes text as GB 18030 bytes.
 *
 * @param text - The text.
 * @param options - What to do with unmappable code points.
 * @returns The bytes; `decodeXml` (and glibc's iconv) read `text` back from them.
 * @throws RangeError when `text` holds an unmappable code point and no `onUnmappable` is given.
 * @example
 * encodeGb18030('中文') //=> Uint8Array [0xD6, 0xD0, 0xCE, 0xC4]
 * encodeGb18030('\uE816', { onUnmappable: (cp) => `&#x${cp.toString(16)};` }) // bytes of '&#xe816;'
 */
export function encodeGb18030(text: string, options: EncodeGb18030Options = {}): Uint8Array {
  const map = reverseTable();
  let out = new Uint8Array(text.length * 2 + 16);
  let n = 0;
  const ensure = (extra: number) => {
    if (n + extra <= out.length) return;
    const bigger = new Uint8Array(Math.max(out.length * 2, n + extra));
    bigger.set(out.subarray(0, n));
    out = bigger;
  };
  const put = (value: number, width: 2 | 4) => {
    ensure(width);
    if (width === 4) {
      out[n++] = value >>> 24;
      out[n++] = (value >>> 16) & 0xff;
    }
    out[n++] = (value >>> 8) & 0xff;
    out[n++] = value & 0xff;
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      ensure(1);
      out[n++] = unit;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      const codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      put(fourBytes(codePoint - 0x10000, SUPPLEMENTARY_LEAD), 4);
      i++;
      continue;
    }
    const mapped = map[unit] ?? 0;
    if (mapped > 0xffff) put(mapped, 4);
    else if (mapped !== 0) put(mapped, 2);
    else {
      if (!options.onUnmappable) {
        throw new RangeError(`U+${unit.toString(16).toUpperCase().padStart(4, '0')} at index ${i} cannot be encoded in GB 18030`);
      }
      const replacement = encodeGb18030(options.onUnmappable(unit, i));
      ensure(replacement.length);
      out.set(replacement, n);
      n += replacement.length;
    }
  }
  return out.slice(0, n);
}

/**
 * Tells whether every code point of a text can be encoded by {@link encodeGb18030}.
 *
 * @param text - The text.
 * @returns The index of the first unmappable UTF-16 unit, or -1.
 * @example
 * findUnmappableGb18030('档案') //=> -1
 */
export function findUnmappableGb18030(text: string): number {
  const map = reverseTable();
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    if ((map[unit] ?? 0) === 0) return i;
  }
  return -1;
}
