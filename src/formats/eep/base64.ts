/**
 * Base64 (IETF RFC 2045 §6.8, the `xs:base64Binary` lexical space) over
 * Uint8Array, without `atob`, `btoa` or Buffer so it runs in every runtime and
 * reports where a text stops being Base64 instead of throwing.
 *
 * @module
 */

const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 61; // '='
const WHITESPACE = -2;
const PADDING = -3;
/** Value of each byte: 0–63 for the alphabet, -1 for anything else, -2 whitespace, -3 `=`. */
const VALUES = buildValues();

function buildValues(): Int8Array {
  const values = new Int8Array(256).fill(-1);
  ALPHABET.forEach((code, i) => {
    values[code] = i;
  });
  for (const ws of [9, 10, 13, 32]) values[ws] = WHITESPACE; // xs:base64Binary and RFC 2045 allow line breaks
  values[PAD] = PADDING;
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
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o] = ALPHABET[n >> 18]!;
    out[o + 1] = ALPHABET[(n >> 12) & 63]!;
    out[o + 2] = ALPHABET[(n >> 6) & 63]!;
    out[o + 3] = ALPHABET[n & 63]!;
    o += 4;
  }
  if (whole < bytes.length) {
    const b0 = bytes[whole]!;
    const b1 = whole + 1 < bytes.length ? bytes[whole + 1]! : 0;
    out[o] = ALPHABET[b0 >> 2]!;
    out[o + 1] = ALPHABET[((b0 & 3) << 4) | (b1 >> 4)]!;
    out[o + 2] = whole + 1 < bytes.length ? ALPHABET[(b1 & 15) << 2]! : PAD;
    out[o + 3] = PAD;
  }
  // ASCII is valid UTF-8; one native decode call builds the string.
  return ASCII.decode(out);
}

const ASCII = new TextDecoder('utf-8');

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
  // Work on bytes: one native encode, then a table-driven loop. Non-ASCII
  // characters become bytes ≥ 0x80, which are not Base64 either.
  const input = new TextEncoder().encode(text);
  const out = new Uint8Array(Math.floor((input.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let quantum = 0; // characters in the current group of 4
  let padding = 0;
  for (let i = 0; i < input.length; i += 1) {
    const value = VALUES[input[i]!]!;
    if (value >= 0) {
      if (padding > 0) return failure(input, i, 'padding');
      buffer = (buffer << 6) | value;
      if (++quantum === 4) {
        out[length] = buffer >> 16;
        out[length + 1] = (buffer >> 8) & 255;
        out[length + 2] = buffer & 255;
        length += 3;
        buffer = 0;
        quantum = 0;
      }
    } else if (value === PADDING) {
      // '=' may only close the last quantum: "xx==" or "xxx=".
      if (quantum + padding < 2 || quantum + padding >= 4) return failure(input, i, 'padding');
      padding += 1;
    } else if (value !== WHITESPACE) {
      return failure(input, i, 'character');
    }
  }
  if (padding > 0) {
    if (quantum + padding !== 4) return failure(input, input.length, 'length');
    buffer <<= 6 * padding; // "xx==" carries 1 byte, "xxx=" 2
    out[length++] = buffer >> 16;
    if (padding === 1) out[length++] = (buffer >> 8) & 255;
  } else if (quantum !== 0) {
    return failure(input, input.length, 'length');
  }
  return { ok: true, bytes: out.subarray(0, length) };
}

// Reports the character index (UTF-16) of a byte offset of the encoded input.
function failure(input: Uint8Array, byteIndex: number, reason: 'character' | 'padding' | 'length'): Base64Result {
  return { ok: false, index: new TextDecoder().decode(input.subarray(0, byteIndex)).length, reason };
}
