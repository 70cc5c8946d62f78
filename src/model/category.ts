import type { Citation } from './citation.js';

/** The first-level 档案门类代码 of DA/T 13-2022. */
export type CategoryCode = 'WS' | 'KJ' | 'RS' | 'KU' | 'ZY' | 'ZP' | 'LY' | 'LX' | 'SJ' | 'YJ' | 'WY' | 'MT' | 'SW';

/**
 * One 门类 (archival category) or a lower class below it. `code` is the full
 * 类别号 path joined with `·` (U+00B7), e.g. `ZY` or `ZY·JC·CC`; `parent` is
 * the path one level up. DA/T 13-2022 allows 2nd- to 4th-level 类别号 of
 * letters or digits, assigned by each archive.
 */
export interface ArchivalCategory {
  /** Full 类别号 path, levels joined with `·`. */
  readonly code: string;
  /** Chinese name, e.g. `文书`. */
  readonly name: string;
  /** English name. */
  readonly nameEn: string;
  /** Parent path for 2nd- to 4th-level classes; absent for a 门类. */
  readonly parent?: string;
  /** Where the row comes from. */
  readonly source: Citation;
}

const DAT13: Citation = { standard: 'DA/T 13-2022', clause: '档案门类代码', confidence: 'verified' };

/**
 * The DA/T 13-2022 档案门类代码 table (机关). Note `KU` is 会计 and `KJ` is 科技.
 *
 * @example
 * archivalCategories.map((c) => c.code) //=> ['WS', 'KJ', 'RS', …]
 */
export const archivalCategories = [
  { code: 'WS', name: '文书', nameEn: 'administrative records', source: DAT13 },
  { code: 'KJ', name: '科技', nameEn: 'science and technology records', source: DAT13 },
  { code: 'RS', name: '人事', nameEn: 'personnel records', source: DAT13 },
  { code: 'KU', name: '会计', nameEn: 'accounting records', source: DAT13 },
  { code: 'ZY', name: '专业', nameEn: 'specialised records', source: DAT13 },
  { code: 'ZP', name: '照片', nameEn: 'photographs', source: DAT13 },
  { code: 'LY', name: '录音', nameEn: 'audio recordings', source: DAT13 },
  { code: 'LX', name: '录像', nameEn: 'video recordings', source: DAT13 },
  { code: 'SJ', name: '业务数据', nameEn: 'business data', source: DAT13 },
  { code: 'YJ', name: '公务电子邮件', nameEn: 'official e-mail', source: DAT13 },
  { code: 'WY', name: '网页信息', nameEn: 'web pages', source: DAT13 },
  { code: 'MT', name: '社交媒体', nameEn: 'social media', source: DAT13 },
  { code: 'SW', name: '实物', nameEn: 'artefacts', source: DAT13 },
] as const satisfies readonly (ArchivalCategory & { code: CategoryCode })[];

/**
 * Finds a category by its full 类别号 path.
 *
 * @param code - e.g. `WS`, or `ZY·JC` when the table has that class.
 * @param categories - The table to search; DA/T 13-2022's by default.
 *   Pass your own rows (checked with {@link archivalCategorySchema}) to add lower levels.
 * @returns The row, or `undefined`.
 * @example
 * findArchivalCategory('KU')?.name //=> '会计'
 */
export function findArchivalCategory(
  code: string,
  categories: readonly ArchivalCategory[] = archivalCategories,
): ArchivalCategory | undefined {
  return categories.find((c) => c.code === code);
}
