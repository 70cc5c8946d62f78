/**
 * Whether bytes declared GB18030/GBK/GB2312 are really UTF-8: the evidence
 * test behind `xml.encoding-mismatch` (see `docs/xml.md`, 编码判定).
 *
 * @module
 */
import { scanGbBytes } from './byteScan.js';

type Range = readonly [number, number];

// Characters a Chinese archival text plausibly holds beyond ASCII. Excluded on purpose: C1 controls
// (U+0080–009F), combining marks (U+0300–036F), other scripts, private use, specials (U+FFF0–FFFF).
const PLAUSIBLE: readonly Range[] = [
  [0x00a0, 0x00ff], // Latin-1 letters and signs (· × ° é)
  [0x0370, 0x03ff], // Greek, in GB2312 area 6
  [0x0400, 0x04ff], // Cyrillic, in GB2312 area 7
  [0x2010, 0x206f], // general punctuation (— ‘ ’ “ ” …)
  [0x2100, 0x21ff], // letterlike, number forms (Ⅻ), arrows
  [0x2460, 0x26ff], // enclosed alphanumerics (①), box drawing, shapes, symbols (★)
  [0x2e80, 0x9fff], // CJK radicals, punctuation, kana, bopomofo, enclosed, Ext A, URO
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xffef], // fullwidth and halfwidth forms
  [0x20000, 0x3134f], // CJK Ext B–G
];

// The characters that make strong evidence of UTF-8: three- or four-byte CJK text and punctuation.
const CJK: readonly Range[] = [
  [0x3000, 0x303f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xff00, 0xffef],
  [0x20000, 0x3134f],
];

function inRanges(cp: number, ranges: readonly Range[]): boolean {
  for (const [from, to] of ranges) if (cp >= from && cp <= to) return true;
  return false;
}

/**
 * True when a UTF-8 reading looks like Chinese text: every non-ASCII
 * character is in the plausible set (CJK ideographs and punctuation,
 * fullwidth forms, Latin-1, Greek, Cyrillic, common symbols; no combining
 * marks, no C1 controls) and at least one is a CJK character.
 *
 * @param text - The bytes decoded as UTF-8.
 * @returns Whether the reading is plausible.
 * @example
 * isPlausibleUtf8Text('<a>档案</a>') //=> true
 * isPlausibleUtf8Text('<a>\u0316</a>') //=> false — 號 in GB18030 (CC 96) read as UTF-8
 */
export function isPlausibleUtf8Text(text: string): boolean {
  return utf8Reading(text) === 'chinese';
}

/**
 * What a piece of a UTF-8 reading shows (the test of {@link isPlausibleUtf8Text}
 * one piece at a time): `implausible` when any non-ASCII character is outside
 * the plausible set, else `chinese` when one is a CJK character, else `plain`.
 *
 * @param text - Text decoded as UTF-8 (whole code points).
 * @returns The verdict on the piece.
 * @example
 * utf8Reading('档案') //=> 'chinese'
 */
export function utf8Reading(text: string): 'implausible' | 'plain' | 'chinese' {
  let cjk = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    if (!inRanges(cp, PLAUSIBLE)) return 'implausible';
    cjk ||= inRanges(cp, CJK);
  }
  return cjk ? 'chinese' : 'plain';
}

/**
 * Decides whether bytes declared in the GB family, which are also valid
 * multibyte UTF-8, are really UTF-8. The declaration wins unless the evidence
 * is strong: the UTF-8 reading is plausible Chinese text
 * ({@link isPlausibleUtf8Text}) while the GB reading is not — it has a
 * sequence that is not GB18030, or a character outside GB2312's common
 * characters (the rare GBK-extension characters that UTF-8 bytes read as GB
 * land in, e.g. 关于 → 鍏充簬).
 *
 * @param bytes - The file's bytes (valid UTF-8, checked by the caller).
 * @param start - Offset after any BOM.
 * @returns True to read the bytes as UTF-8 (and report the mismatch).
 * @example
 * isUtf8UnderGbDeclaration(new TextEncoder().encode('<a>关于</a>'), 0) //=> true
 * isUtf8UnderGbDeclaration(encodeGb18030('<a>號</a>'), 0) //=> false
 */
export function isUtf8UnderGbDeclaration(bytes: Uint8Array, start: number): boolean {
  const gb = scanGbBytes(bytes, start, 'GB2312');
  if (gb.invalidAt < 0 && gb.beyondAt < 0) return false;
  return isPlausibleUtf8Text(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start)));
}
