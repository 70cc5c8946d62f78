import { parseRetentionPeriod } from '../model/retentionPeriod.js';
import type { ArchivalCodeComponents, ComponentName } from './components.js';
import { fieldSpecs } from './fields.js';
import type { ParseArchivalCodeOptions } from './options.js';
import { parseArchivalCode, type ArchivalCodeParseResult } from './parseArchivalCode.js';
import type { ArchivalCodeProfile } from './profile.js';
import { findProfile } from './registry.js';

// Archival order of components when two codes come from different profiles.
const CANONICAL_ORDER = Object.keys(fieldSpecs) as ComponentName[];

/**
 * Orders two 档号 in archival (catalogue) order: component by component in
 * the profile's template order, numbers numerically (`2` before `10`,
 * whatever the padding), 全宗号 and other codes naturally (`A2` before
 * `A10`), and 保管期限 from longest to shortest — 永久 `Y`, legacy 长期 `C`,
 * 定期 by years descending (`D30` before `D10`), legacy 短期 `D` — as
 * DA/T 22-2015 §5.3 orders 保管期限 classes. A missing optional component
 * sorts before a present one. Codes that do not parse sort after those that
 * do, in natural order.
 *
 * @param a - First code.
 * @param b - Second code.
 * @param options - Parse options (profile, …).
 * @returns Negative, zero or positive, for `Array.prototype.sort`.
 * @example
 * ['Z109-WS·2011-D10-BGS-0001', 'Z109-WS·2011-Y-BGS-0010', 'Z109-WS·2011-Y-BGS-0002'].sort(compareArchivalCodes)
 * //=> ['Z109-WS·2011-Y-BGS-0002', 'Z109-WS·2011-Y-BGS-0010', 'Z109-WS·2011-D10-BGS-0001']
 */
export function compareArchivalCodes(a: string, b: string, options: ParseArchivalCodeOptions = {}): number {
  return compareParsed(parseArchivalCode(a, options), parseArchivalCode(b, options), options.profiles) || naturalCompare(String(a), String(b));
}

/**
 * Sorts 档号 in archival order (see {@link compareArchivalCodes}), parsing
 * each code once. Returns a new array; the sort is stable.
 *
 * @param codes - The codes.
 * @param options - Parse options.
 * @returns The codes in archival order.
 * @example
 * sortArchivalCodes(['J019-KU·01·2017-001-010', 'J019-KU·01·2017-001-002'])
 * //=> ['J019-KU·01·2017-001-002', 'J019-KU·01·2017-001-010']
 */
export function sortArchivalCodes(codes: readonly string[], options: ParseArchivalCodeOptions = {}): string[] {
  return codes
    .map((code) => ({ code, parsed: parseArchivalCode(code, options) }))
    .sort((x, y) => compareParsed(x.parsed, y.parsed, options.profiles) || naturalCompare(String(x.code), String(y.code)))
    .map((x) => x.code);
}

/**
 * Compares two parse results in archival order.
 *
 * @param a - First result.
 * @param b - Second result.
 * @param profiles - The call's own profiles (`ParseArchivalCodeOptions.profiles`), for their field order.
 * @returns Negative, zero or positive.
 */
export function compareParsed(a: ArchivalCodeParseResult, b: ArchivalCodeParseResult, profiles?: readonly ArchivalCodeProfile[]): number {
  if (!a.components || !b.components) {
    if (a.components) return -1;
    if (b.components) return 1;
    return naturalCompare(a.normalized, b.normalized);
  }
  const order = a.profile === b.profile ? (findProfile(a.profile ?? '', profiles)?.fields ?? CANONICAL_ORDER) : CANONICAL_ORDER;
  return compareComponents(a.components, b.components, order) || naturalCompare(a.normalized, b.normalized);
}

function compareComponents(a: ArchivalCodeComponents, b: ArchivalCodeComponents, order: readonly ComponentName[]): number {
  for (const name of order) {
    const x = a[name];
    const y = b[name];
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? -1 : 1;
      continue;
    }
    const kind = fieldSpecs[name].kind;
    const diff =
      kind === 'levels'
        ? compareLevels(x as string[], y as string[])
        : kind === 'retention'
          ? compareRetention(x as string, y as string)
          : kind === 'number' || kind === 'year'
            ? compareDigits(x as string, y as string)
            : naturalCompare(x as string, y as string);
    if (diff !== 0) return diff;
  }
  return 0;
}

function compareLevels(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = naturalCompare(a[i] as string, b[i] as string);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

// Rank of a 保管期限: longer periods first (standards-paper §3.2 for 长期/短期).
function retentionRank(code: string): [number, number] {
  const period = parseRetentionPeriod(code, { legacyLetters: true });
  switch (period?.kind) {
    case 'permanent':
      return [0, 0];
    case 'legacy':
      return period.term === 'long' ? [1, 0] : [3, 0];
    case 'fixed':
      return [2, -period.years];
    case 'event':
      return [4, -period.years];
    default:
      return [5, 0];
  }
}

function compareRetention(a: string, b: string): number {
  const [ka, ya] = retentionRank(a);
  const [kb, yb] = retentionRank(b);
  return ka - kb || ya - yb;
}

/** Compares digit strings by value (any length), then shorter first. */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  if (x !== y) return x < y ? -1 : 1;
  return a.length - b.length;
}

const RUNS = /\d+|\D+/g;

/**
 * Natural order: runs of digits compare by value, other runs by code point.
 *
 * @param a - First string.
 * @param b - Second string.
 * @returns Negative, zero or positive.
 * @example
 * naturalCompare('A2', 'A10') //=> negative
 */
export function naturalCompare(a: string, b: string): number {
  const ra = a.match(RUNS) ?? [];
  const rb = b.match(RUNS) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i] as string;
    const y = rb[i] as string;
    const digits = x.charCodeAt(0) <= 57 && x.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57 && y.charCodeAt(0) >= 48;
    const diff = digits ? compareDigits(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (diff !== 0) return diff;
  }
  return ra.length - rb.length;
}
