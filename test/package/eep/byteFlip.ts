import fc from 'fast-check';

/**
 * One changed byte inside an EEP's first 编码数据, and an oracle, independent
 * of dangan's Base64 decoder, of what must catch it. Shared by the unsigned
 * (test/package/eep) and signed (test/node) flip properties.
 */

const OPEN = new TextEncoder().encode('<编码数据');
const CLOSE = 0x3c; // '<' of </编码数据>
const BASE64_ALPHABET = [...new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=')];

/** A byte position of an EEP and the byte written there. */
export interface ByteFlip {
  at: number;
  byte: number;
}

/** What must catch a flip: the XML reader, the Base64/size check, or (same-length flip) only a signature. */
export type FlipCatcher = 'xml' | 'content' | 'signature-only';

function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(Buffer.from(needle));
}

/** Byte range [start, end) of the first 编码数据's text (ASCII, so bytes and characters agree). */
export function encodedDataRange(eep: Uint8Array): { start: number; end: number } {
  const open = indexOf(eep, OPEN);
  if (open < 0) throw new Error('no 编码数据 in the EEP');
  const start = eep.indexOf(0x3e, open) + 1; // after '>'
  return { start, end: eep.indexOf(CLOSE, start) };
}

/** The EEP with one byte replaced. */
export function applyFlip(eep: Uint8Array, { at, byte }: ByteFlip): Uint8Array {
  const out = eep.slice();
  out[at] = byte;
  return out;
}

/**
 * Every flip inside 编码数据: any position, any byte other than the one there,
 * half of the draws from the Base64 alphabet (the same-length flips).
 *
 * @param eep - The EEP whose 编码数据 is flipped.
 * @returns An arbitrary of flips.
 */
export function byteFlip(eep: Uint8Array): fc.Arbitrary<ByteFlip> {
  const { start, end } = encodedDataRange(eep);
  return fc
    .record({ at: fc.integer({ min: start, max: end - 1 }), byte: fc.oneof(fc.constantFrom(...BASE64_ALPHABET), fc.integer({ min: 0, max: 255 })) })
    .filter(({ at, byte }) => eep[at] !== byte);
}

// XML 1.0 §2.2 Char excludes C0 controls but TAB, LF, CR; '<' and '&' open markup; a lone
// byte ≥ 0x80 is not UTF-8.
function breaksXml(byte: number): boolean {
  return (byte < 0x20 && ![0x09, 0x0a, 0x0d].includes(byte)) || byte === 0x3c || byte === 0x26 || byte >= 0x80;
}

// xs:base64Binary / RFC 4648 §4 with padding, after dropping XML whitespace.
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * What must catch a flip: `xml` when the byte cannot stand in XML text,
 * `content` when the 编码数据 stops being Base64 or decodes to another length
 * than before, `signature-only` when it is Base64 of the same length (only a
 * signature over 被签名对象 or a package digest can tell).
 *
 * @param eep - The EEP before the flip.
 * @param flip - The flip.
 * @returns The catcher.
 */
export function flipCatcher(eep: Uint8Array, flip: ByteFlip): FlipCatcher {
  if (breaksXml(flip.byte)) return 'xml';
  const { start, end } = encodedDataRange(eep);
  const text = (bytes: Uint8Array) => Buffer.from(bytes.subarray(start, end)).toString('latin1').replace(/[\t\n\r ]/g, '');
  const before = text(eep);
  const after = text(applyFlip(eep, flip));
  if (!STRICT_BASE64.test(after)) return 'content';
  return Buffer.from(after, 'base64').length === Buffer.from(before, 'base64').length ? 'signature-only' : 'content';
}
