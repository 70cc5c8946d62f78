import type { Citation } from './citation.js';

/**
 * 密级: the three state-secret levels (保守国家秘密法 2024 第十四条). "No classification" is
 * `null`, never a fourth value: DA/T 22-2015 §5.5 leaves 密级 empty when none is
 * marked, and 公开/内部/限制 are not 密级 values.
 */
export type SecurityClassification = '绝密' | '机密' | '秘密';

/**
 * The 密级 values, highest first.
 *
 * @example
 * securityClassifications.includes('机密') //=> true
 */
export const securityClassifications = ['绝密', '机密', '秘密'] as const satisfies readonly SecurityClassification[];

// Written forms that mean "not classified": DA/T 22-2015 §5.5 leaves the cell empty.
const UNCLASSIFIED = new Set(['', '无', '非密']);

/**
 * Reads a 密级 cell.
 *
 * @param text - The 密级 as written; surrounding whitespace is ignored.
 * @returns The classification; `null` for an empty cell (or `无`, `非密`);
 *   `undefined` for anything else, including `公开`, `内部` and `限制`,
 *   which are not 密级 values (use {@link dat46SecurityLevelSchema} for
 *   DA/T 46 metadata).
 * @example
 * parseSecurityClassification('机密') //=> '机密'
 * parseSecurityClassification('') //=> null
 * parseSecurityClassification('公开') //=> undefined
 */
export function parseSecurityClassification(text: string): SecurityClassification | null | undefined {
  const value = text.trim();
  if (UNCLASSIFIED.has(value)) return null;
  return (securityClassifications as readonly string[]).includes(value) ? (value as SecurityClassification) : undefined;
}

/**
 * DA/T 46-2009 M38 密级 value list.
 *
 * @example
 * dat46SecurityLevels[0] //=> '公开'
 */
export const dat46SecurityLevels = ['公开', '限制', '秘密', '机密', '绝密'] as const;

/** A DA/T 46-2009 M38 密级 value: 公开, 限制, 秘密, 机密 or 绝密. */
export type Dat46SecurityLevel = (typeof dat46SecurityLevels)[number];

/**
 * 开放状态 (access status): `open` 开放, `controlled` 控制, `unreviewed` 原控
 * (not yet reviewed for opening). DA/T 46-2009 M74 控制标识.
 */
export type AccessStatus = 'open' | 'controlled' | 'unreviewed';

/**
 * Each access status with its Chinese label and source.
 *
 * @example
 * accessStatuses.find((s) => s.code === 'unreviewed')?.label //=> '原控'
 */
export const accessStatuses = [
  { code: 'open', label: '开放', source: { standard: 'DA/T 46-2009', clause: 'M74', confidence: 'verified' } },
  { code: 'controlled', label: '控制', source: { standard: 'DA/T 46-2009', clause: 'M74', confidence: 'verified' } },
  { code: 'unreviewed', label: '原控', source: { standard: 'DA/T 46-2009', clause: 'M74 [其他]', confidence: 'single-source' } },
] as const satisfies readonly { code: AccessStatus; label: string; source: Citation }[];

/**
 * Reads an access status written as its code or its Chinese label.
 *
 * @param text - `open`/`开放`, `controlled`/`控制` or `unreviewed`/`原控`.
 * @returns The status, or `undefined` when the text is none of these.
 * @example
 * parseAccessStatus('原控') //=> 'unreviewed'
 */
export function parseAccessStatus(text: string): AccessStatus | undefined {
  const value = text.trim();
  return accessStatuses.find((s) => s.code === value || s.label === value)?.code;
}

/**
 * Writes an access status's Chinese label.
 *
 * @param status - The status.
 * @returns `开放`, `控制` or `原控`.
 * @example
 * formatAccessStatus('controlled') //=> '控制'
 */
export function formatAccessStatus(status: AccessStatus): string {
  return accessStatuses.find((s) => s.code === status)?.label ?? status;
}

/** The longest 保密期限 of a 密级 "unless otherwise provided". */
export interface SecrecyCeiling {
  readonly classification: SecurityClassification;
  readonly maxYears: number;
  readonly source: Citation;
}

// 保守国家秘密法 (2024) 第二十条 supersedes 2010 第十五条; the ceilings are unchanged.
const SECRECY_SOURCE: Citation = {
  standard: '中华人民共和国保守国家秘密法（2024年修订）',
  clause: '第二十条',
  confidence: 'verified',
  basis: ['law-secrets-2024'],
  quote: '国家秘密的保密期限，除另有规定外，绝密级不超过三十年，机密级不超过二十年，秘密级不超过十年。',
};

/**
 * 保密期限 ceilings: 绝密 30 年, 机密 20 年, 秘密 10 年 (unless otherwise provided),
 * 保守国家秘密法 (2024) 第二十条.
 *
 * @example
 * secrecyCeilings.find((c) => c.classification === '机密')?.maxYears //=> 20
 */
export const secrecyCeilings = [
  { classification: '绝密', maxYears: 30, source: SECRECY_SOURCE },
  { classification: '机密', maxYears: 20, source: SECRECY_SOURCE },
  { classification: '秘密', maxYears: 10, source: SECRECY_SOURCE },
] as const satisfies readonly SecrecyCeiling[];

/**
 * A 密级 marking such as `机密★10年` or `秘密★6个月`: the classification and,
 * when marked, the 保密期限 in years (or in months for periods under a year).
 */
export interface SecrecyMarking {
  classification: SecurityClassification;
  years?: number;
  months?: number;
}

const MARKING = /^(绝密|机密|秘密)(?:\s*★\s*(?:([1-9]\d*)\s*年|([1-9]|1[01])\s*个月))?$/;

/**
 * Reads a 密级★保密期限 marking: the classification before ★, the period after it.
 *
 * @param text - e.g. `机密★10年`, `秘密★6个月`, or a bare `绝密`.
 * @returns The marking, or `undefined` when the text is not one. Periods above
 *   the ceiling are still read; check them with {@link exceedsSecrecyCeiling}.
 * @example
 * parseSecrecyMarking('机密★10年') //=> { classification: '机密', years: 10 }
 */
export function parseSecrecyMarking(text: string): SecrecyMarking | undefined {
  const match = MARKING.exec(text.trim());
  if (!match) return undefined;
  const marking: SecrecyMarking = { classification: match[1] as SecurityClassification };
  if (match[2] !== undefined) marking.years = Number(match[2]);
  if (match[3] !== undefined) marking.months = Number(match[3]);
  return marking;
}

/**
 * Writes a 密级★保密期限 marking.
 *
 * @param marking - The marking; `years` wins over `months` when both are set.
 * @returns e.g. `机密★10年`, `秘密★6个月` or `绝密`.
 * @example
 * formatSecrecyMarking({ classification: '机密', years: 10 }) //=> '机密★10年'
 */
export function formatSecrecyMarking(marking: SecrecyMarking): string {
  if (marking.years !== undefined) return `${marking.classification}★${marking.years}年`;
  if (marking.months !== undefined) return `${marking.classification}★${marking.months}个月`;
  return marking.classification;
}

/**
 * Whether a marking's period is longer than its classification's ceiling
 * (绝密 30, 机密 20, 秘密 10 years). The ceilings apply "unless otherwise
 * provided", so callers should treat this as a warning.
 *
 * @param marking - The marking.
 * @returns True when `years` exceeds the ceiling.
 * @example
 * exceedsSecrecyCeiling({ classification: '秘密', years: 15 }) //=> true
 */
export function exceedsSecrecyCeiling(marking: SecrecyMarking): boolean {
  const ceiling = secrecyCeilings.find((c) => c.classification === marking.classification);
  return ceiling !== undefined && marking.years !== undefined && marking.years > ceiling.maxYears;
}
