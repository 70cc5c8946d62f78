import * as z from 'zod';
import { textMatching } from './bilingualIssue.js';
import { archivalCategories, type CategoryCode } from './category.js';
import { nonBlankTextSchema } from './text.js';

/**
 * A first-level 门类 code.
 *
 * @example
 * categoryCodeSchema.safeParse('KU').success //=> true
 */
export const categoryCodeSchema = z
  .enum(archivalCategories.map((c) => c.code) as [CategoryCode, ...CategoryCode[]])
  .meta({ title: '门类代码 CategoryCode', description: 'DA/T 13-2022 档案门类代码.' });

/**
 * One row of a category table, for institutions that add 2nd- to 4th-level
 * classes: the path must have 1–4 levels of uppercase letters or digits, and
 * `parent`, when present, must be the path one level up.
 *
 * @example
 * archivalCategorySchema.safeParse({ code: 'ZY·JC', name: '监察', nameEn: 'supervision', parent: 'ZY', source: { standard: '本馆分类方案', confidence: 'verified' } }).success //=> true
 */
export const archivalCategorySchema = z
  .object({
    code: textMatching(/^[A-Z0-9]+(?:·[A-Z0-9]+){0,3}$/, (value) => ({
      'zh-CN': `类别号“${value}”应为 1 至 4 级、以“·”连接的大写字母或数字`,
      en: `category code "${value}" should be 1–4 levels of uppercase letters or digits joined with "·"`,
    })),
    name: nonBlankTextSchema,
    nameEn: z.string(),
    parent: z.string().optional(),
    source: z.object({
      standard: nonBlankTextSchema,
      clause: z.string().optional(),
      confidence: z.enum(['verified', 'single-source', 'inferred']),
    }),
  })
  .refine((row) => (row.parent ?? '') === parentPath(row.code), {
    message: 'parent must be the code path one level up',
    params: { 'zh-CN': '上级类别号应为类别号去掉最后一级', en: 'parent must be the code path one level up' },
  })
  .meta({ title: '门类/类别 ArchivalCategory', description: 'DA/T 13-2022 类别号 row: 门类 and 2nd–4th-level classes.' });

function parentPath(code: string): string {
  const cut = code.lastIndexOf('·');
  return cut < 0 ? '' : code.slice(0, cut);
}
