/**
 * 分类方案 (classification schemes) of DA/T 22-2015 §5.2, as data. A scheme is
 * the ordered list of facets that make a class; the last facet is the lowest
 * class, inside which items are ordered and numbered (§5.3–5.4).
 *
 * @module
 */
import type { Citation } from '../../model/index.js';

/** A facet of classification: 年度, 机构（问题） or 保管期限. */
export type ClassificationFacet = 'year' | 'organization' | 'retention';

/** One scheme. */
export interface ClassificationScheme {
  /** Id as written in Chinese, e.g. `年度-机构-保管期限`. */
  readonly id: string;
  /** Other spellings. */
  readonly aliases: readonly string[];
  /** The facets, highest class first. */
  readonly facets: readonly ClassificationFacet[];
  /** Source. */
  readonly source: Citation;
}

const DAT22: Citation = { standard: 'DA/T 22-2015', clause: '§5.2', confidence: 'verified', basis: ['S7', 'S16'] };

/**
 * The four schemes: three-level 年度-机构（问题）-保管期限 and 年度-保管期限-机构（问题）;
 * two-level 年度-保管期限; and 保管期限-年度, which practice allows (single source).
 *
 * @example
 * classificationSchemes.map((s) => s.id)
 * //=> ['年度-机构-保管期限', '年度-保管期限-机构', '年度-保管期限', '保管期限-年度']
 */
export const classificationSchemes = [
  { id: '年度-机构-保管期限', aliases: ['年度-机构（问题）-保管期限', '年度-问题-保管期限', 'year-organization-retention'], facets: ['year', 'organization', 'retention'], source: DAT22 },
  { id: '年度-保管期限-机构', aliases: ['年度-保管期限-机构（问题）', '年度-保管期限-问题', 'year-retention-organization'], facets: ['year', 'retention', 'organization'], source: DAT22 },
  { id: '年度-保管期限', aliases: ['year-retention'], facets: ['year', 'retention'], source: DAT22 },
  { id: '保管期限-年度', aliases: ['retention-year'], facets: ['retention', 'year'], source: { standard: 'DA/T 22-2015', clause: '§5.2 (practice)', confidence: 'single-source', basis: ['S16'] } },
] as const satisfies readonly ClassificationScheme[];

/**
 * Finds a scheme by id or alias; full-width brackets and dashes are accepted.
 *
 * @param name - e.g. `年度-机构（问题）-保管期限`.
 * @returns The scheme, or `undefined`.
 * @example
 * findClassificationScheme('年度-问题-保管期限')?.facets //=> ['year', 'organization', 'retention']
 */
export function findClassificationScheme(name: string): ClassificationScheme | undefined {
  const key = name.normalize('NFKC').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s/g, '');
  const norm = (s: string) => s.normalize('NFKC');
  return classificationSchemes.find((s) => norm(s.id) === key || s.aliases.some((a) => norm(a) === key));
}
