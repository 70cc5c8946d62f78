import type { Citation } from '../model/citation.js';
import type { ComponentName } from './components.js';

/** How a component's value is compared and formatted. */
export type FieldKind = 'code' | 'number' | 'year' | 'retention' | 'levels';

/** What the template language knows about one component. */
export interface FieldSpec {
  /** The component it fills. */
  readonly name: ComponentName;
  /** Chinese term from the standards. */
  readonly zh: string;
  /** Comparison and formatting kind. */
  readonly kind: FieldKind;
  /**
   * The tolerant pattern of one value (no anchors, no capture groups). The
   * parser accepts what is plausible here and the validator reports the rest.
   */
  readonly pattern: string;
  /**
   * The same language as `pattern`, as a character test: the formatter checks
   * values with it, which is several times faster than a regular expression
   * on the hot path. A property test keeps the two equal.
   */
  readonly accepts: (value: string) => boolean;
  /** Where the form comes from. */
  readonly source: Citation;
}

// Characters of Chinese 机构 names (CJK unified ideographs, extension A, compatibility).
const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
// A 类别号 level must not read as a 4-digit 年度 or a 保管期限 code, otherwise
// `ZY·JC·CC·2019·D30` would be ambiguous (DA/T 13-2022: 类别号 levels are
// letters or digits; 年度 is 4 digits; 期限 is Y or D<n>).
const CLASS_LEVEL = '(?!(?:\\d{4}|Y|D\\d+)(?![0-9A-Z]))[A-Z0-9]+';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isHan = (c: number) => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

// The two commonest tests are written out: they run for every field of every formatted code.
function digits(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return v.length > 0;
}
function upperOrDigits(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return v.length > 0;
}
// "D" followed by digits only (none: legacy 短期), without slicing.
function dThenDigits(v: string): boolean {
  if (v.charCodeAt(0) !== 68) return false;
  for (let i = 1; i < v.length; i++) if (!isDigit(v.charCodeAt(i))) return false;
  return true;
}
const retention = (v: string) => v === 'Y' || v === 'C' || dThenDigits(v);
const category = (v: string) => v.length === 2 && isUpper(v.charCodeAt(0)) && isUpper(v.charCodeAt(1));
function org(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!(isUpper(c) || isDigit(c) || isHan(c))) return false;
  }
  return v.length > 0;
}
const classLevel = (v: string) => upperOrDigits(v) && v !== 'Y' && !(v.length === 4 && digits(v)) && !(v.length > 1 && dThenDigits(v));

const DAT13_2022: Citation = { standard: 'DA/T 13-2022', clause: '§3, §5', confidence: 'verified' };
const DAT22: Citation = { standard: 'DA/T 22-2015', clause: '§5.4', confidence: 'verified' };
const DAT13_1994: Citation = { standard: 'DA/T 13-1994', clause: '§3', confidence: 'verified' };

/**
 * The components a template may name, with their tolerant patterns. This is
 * the vocabulary of the template language (see `docs/archival-code.md`).
 *
 * @example
 * fieldSpecs.itemNumber.zh //=> '件号'
 * fieldSpecs.itemNumber.accepts('0001') //=> true
 */
export const fieldSpecs: Readonly<Record<ComponentName, FieldSpec>> = {
  fondsCode: { name: 'fondsCode', zh: '全宗号', kind: 'code', pattern: '[A-Z0-9]+', accepts: upperOrDigits, source: DAT13_2022 },
  catalogueNumber: { name: 'catalogueNumber', zh: '目录号', kind: 'number', pattern: '\\d+', accepts: digits, source: DAT13_1994 },
  categoryCode: { name: 'categoryCode', zh: '门类代码', kind: 'code', pattern: '[A-Z]{2}', accepts: category, source: DAT13_2022 },
  classCode: { name: 'classCode', zh: '类别号', kind: 'levels', pattern: CLASS_LEVEL, accepts: classLevel, source: DAT13_2022 },
  projectCode: { name: 'projectCode', zh: '项目号', kind: 'code', pattern: '[A-Z0-9]+', accepts: upperOrDigits, source: DAT13_2022 },
  year: { name: 'year', zh: '年度', kind: 'year', pattern: '\\d+', accepts: digits, source: DAT22 },
  retentionPeriod: { name: 'retentionPeriod', zh: '保管期限', kind: 'retention', pattern: 'Y|C|D\\d*', accepts: retention, source: DAT22 },
  orgCode: { name: 'orgCode', zh: '机构（问题）代码', kind: 'code', pattern: `[A-Z0-9${HAN}]+`, accepts: org, source: DAT13_2022 },
  volumeNumber: { name: 'volumeNumber', zh: '案卷号', kind: 'number', pattern: '\\d+', accepts: digits, source: DAT13_2022 },
  groupNumber: { name: 'groupNumber', zh: '组号', kind: 'number', pattern: '\\d+', accepts: digits, source: DAT13_2022 },
  itemNumber: { name: 'itemNumber', zh: '件号', kind: 'number', pattern: '\\d+', accepts: digits, source: DAT22 },
  pageNumber: { name: 'pageNumber', zh: '页号', kind: 'number', pattern: '\\d+', accepts: digits, source: DAT13_2022 },
};

/**
 * Whether a name is a component the template language knows.
 *
 * @param name - Any string.
 * @returns True for the names of {@link ArchivalCodeComponents}.
 * @example
 * isComponentName('itemNumber') //=> true
 * isComponentName('boxNumber') //=> false
 */
export function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(fieldSpecs, name);
}
