/**
 * Base64 (IETF RFC 2045 §6.8, the `xs:base64Binary` lexical space) over
 * Uint8Array, without `atob`, `btoa` or Buffer so it runs in every runtime and
 * reports where a text stops being Base64 instead of throwing.
 *
 * @module
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Value of each ASCII code: 0–63 for the alphabet, -1 for anything else, -2 for whitespace. */
const VALUES = buildValues();
const PAD = 61; // '='
const CHUNK = 0x3000; // bytes per String.fromCharCode call; a multiple of 3

function buildValues(): Int8Array {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i += 1) values[ALPHABET.charCodeAt(i)] = i;
  for (const ws of [9, 10, 13, 32]) values[ws] = -2; // xs:base64Binary and RFC 2045 allow line breaks
  return values;
}

/**
 * Encodes bytes as Base64 with padding and no line breaks.
 *
 * @param bytes - Any bytes.
 * @returns The Base64 text.
 * @example
 * encodeBase64(new TextEncoder().encode('档案')) //=> '5qGj5qGI'
 */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Uint16Array((CHUNK / 3) * 4);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    let o = 0;
    for (let i = start; i < end; i += 3) {
      const b0 = bytes[i]!;
      const b1 = i + 1 < end ? bytes[i + 1]! : 0;
      const b2 = i + 2 < end ? bytes[i + 2]! : 0;
      codes[o++] = ALPHABET.charCodeAt(b0 >> 2);
      codes[o++] = ALPHABET.charCodeAt(((b0 & 3) << 4) | (b1 >> 4));
      codes[o++] = i + 1 < end ? ALPHABET.charCodeAt(((b1 & 15) << 2) | (b2 >> 6)) : PAD;
      codes[o++] = i + 2 < end ? ALPHABET.charCodeAt(b2 & 63) : PAD;
    }
    parts.push(String.fromCharCode.apply(null, codes.subarray(0, o) as unknown as number[]));
  }
  return parts.join('');
}

/** Result of {@link decodeBase64}: the bytes, or where and why the text is not Base64. */
export type Base64Result =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; index: number; reason: 'character' | 'padding' | 'length' };

/**
 * Decodes Base64, ignoring whitespace (RFC 2045 line breaks). Padding must sit
 * only at the end, and the count of Base64 characters must be a multiple of 4.
 *
 * @param text - Base64 text.
 * @returns `{ ok: true, bytes }`, or `{ ok: false, index, reason }` with the
 *   index (into `text`) of the first offending character.
 * @example
 * decodeBase64('5qGj5qGI') //=> { ok: true, bytes: Uint8Array [230, 161, 163, 230, 161, 136] }
 * decodeBase64('5q!j').ok //=> false
 */
export function decodeBase64(text: string): Base64Result {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let count = 0; // Base64 characters read, padding included
  let padding = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUES[code]! : -1;
    if (value === -2) continue;
    if (code === PAD) {
      // '=' may only close the last quantum: "xx==" or "xxx=".
      if (count % 4 < 2) return { ok: false, index: i, reason: 'padding' };
      padding += 1;
      count += 1;
      continue;
    }
    if (value < 0) return { ok: false, index: i, reason: 'character' };
    if (padding > 0) return { ok: false, index: i, reason: 'padding' };
    buffer = (buffer << 6) | value;
    count += 1;
    if (count % 4 === 0) {
      out[length++] = (buffer >> 16) & 255;
      out[length++] = (buffer >> 8) & 255;
      out[length++] = buffer & 255;
      buffer = 0;
    }
  }
  if (count % 4 !== 0) return { ok: false, index: text.length, reason: 'length' };
  if (padding > 0) {
    // The last quantum was "xx==" (1 byte) or "xxx=" (2 bytes): shift in the pad bits.
    buffer <<= 6 * padding;
    out[length++] = (buffer >> 16) & 255;
    if (padding === 1) out[length++] = (buffer >> 8) & 255;
  }
  return { ok: true, bytes: out.subarray(0, length) };
}
