import type { Citation } from '../model/citation.js';

/** The kinds of change {@link normalizeArchivalCode} makes. */
export type NormalizationRule = 'middle-dot' | 'dash' | 'full-width' | 'case' | 'whitespace';

/** One kind of change made to a code, with the characters found. */
export interface NormalizationChange {
  /** Which rule applied. */
  readonly rule: NormalizationRule;
  /** The distinct characters that were replaced or removed, in order of appearance. */
  readonly found: string;
  /** How many characters it changed. */
  readonly count: number;
}

/** A normalised code and what normalisation changed (empty when nothing). */
export interface NormalizedArchivalCode {
  /** The code with U+00B7 dots, ASCII dashes, ASCII uppercase letters and digits, no spaces. */
  readonly code: string;
  /** One entry per rule that changed something. */
  readonly changes: readonly NormalizationChange[];
}

/** One normalisation rule: which characters it maps, to what, and why. */
export interface NormalizationRuleRow {
  readonly rule: NormalizationRule;
  /** Human-readable list of the characters, for the docs table. */
  readonly from: string;
  /** Replacement (empty for removal). */
  readonly to: string;
  readonly source: Citation;
}

/**
 * The normalisation table, applied before any profile is matched. `·` in
 * data is U+00B7 (GB 18030 0xA1A4) and `-` is U+002D (DA/T 22-2015 §5.4);
 * the look-alikes come from GB 2312/Big5 mapping tables and input methods.
 */
export const normalizationRules: readonly NormalizationRuleRow[] = [
  {
    rule: 'middle-dot',
    from: 'U+30FB ・, U+2027 ‧, U+FF65 ･, U+2022 •, U+2219 ∙, U+22C5 ⋅, U+FF0E ．, U+0387 ·, U+002E .',
    to: '·',
    source: { standard: 'DA/T 22-2015', clause: '§5.4 (间隔号); look-alikes: standards-paper §1.8', confidence: 'verified' },
  },
  {
    rule: 'dash',
    from: 'U+2010–U+2015 ‐‑‒–—―, U+2212 −, U+FF0D －',
    to: '-',
    source: { standard: 'DA/T 22-2015', clause: '§5.4 (连接号); look-alikes: standards-paper §1.8', confidence: 'verified' },
  },
  {
    rule: 'full-width',
    from: 'U+FF10–U+FF19 ０–９, U+FF21–U+FF3A Ａ–Ｚ, U+FF41–U+FF5A ａ–ｚ',
    to: '0–9, A–Z',
    source: { standard: 'DA/T 13-2022', clause: '§5 (代码用阿拉伯数字和大写拼音字母)', confidence: 'inferred' },
  },
  {
    rule: 'case',
    from: 'a–z',
    to: 'A–Z',
    source: { standard: 'DA/T 13-2022', clause: '§5 (大写拼音字母)', confidence: 'verified' },
  },
  {
    rule: 'whitespace',
    from: 'spaces, tabs, U+3000, U+00A0, zero-width U+200B–U+200D, U+FEFF',
    to: '',
    source: { standard: 'DA/T 22-2015', clause: '§5.4 (档号不含空格)', confidence: 'inferred' },
  },
];

// Fast path: a code made only of canonical characters (A–Z, 0–9, "-", "·",
// Chinese) needs no work. A character loop beats a regular expression here.
function isCanonical(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 0xb7) continue;
    if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) continue;
    return false;
  }
  return true;
}
const MIDDLE_DOTS = new Set(['\u30FB', '\u2027', '\uFF65', '\u2022', '\u2219', '\u22C5', '\uFF0E', '\u0387', '.']);
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFF0D']);
const SPACE = /[\s\u200B-\u200D\uFEFF]/;
const NO_CHANGES: readonly NormalizationChange[] = Object.freeze([]);

/**
 * Normalises a 档号 before matching: middle-dot look-alikes to U+00B7,
 * dash look-alikes to `-`, full-width letters and digits to ASCII, lowercase
 * to uppercase, and whitespace removed. Chinese characters (机构 names) and
 * anything else are left as they are, for the parser to report.
 *
 * @param code - A code as typed or read from a file.
 * @returns The normalised code and the changes made.
 * @example
 * normalizeArchivalCode('Z109－WS・2011－Y－BGS－0001').code //=> 'Z109-WS·2011-Y-BGS-0001'
 * normalizeArchivalCode('Z109-WS·2011-Y-BGS-0001').changes //=> []
 */
export function normalizeArchivalCode(code: string): NormalizedArchivalCode {
  if (isCanonical(code)) return { code, changes: NO_CHANGES };
  const found: Partial<Record<NormalizationRule, { found: string; count: number }>> = {};
  const note = (rule: NormalizationRule, ch: string) => {
    const entry = (found[rule] ??= { found: '', count: 0 });
    entry.count++;
    if (!entry.found.includes(ch)) entry.found += ch;
  };
  let out = '';
  for (const ch of code) {
    if (MIDDLE_DOTS.has(ch)) {
      note('middle-dot', ch);
      out += '·';
    } else if (DASHES.has(ch)) {
      note('dash', ch);
      out += '-';
    } else if (SPACE.test(ch)) {
      note('whitespace', ch);
    } else {
      let c = ch;
      const point = ch.codePointAt(0) as number;
      if ((point >= 0xff10 && point <= 0xff19) || (point >= 0xff21 && point <= 0xff3a) || (point >= 0xff41 && point <= 0xff5a)) {
        note('full-width', ch);
        c = String.fromCharCode(point - 0xfee0);
      }
      if (c >= 'a' && c <= 'z') {
        note('case', c);
        c = c.toUpperCase();
      }
      out += c;
    }
  }
  const order: readonly NormalizationRule[] = ['middle-dot', 'dash', 'full-width', 'case', 'whitespace'];
  const changes = order.flatMap((rule) => {
    const entry = found[rule];
    return entry ? [{ rule, found: entry.found, count: entry.count }] : [];
  });
  return { code: out, changes };
}
