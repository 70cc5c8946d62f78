import * as z from 'zod';
import { archivalDateSchema } from './archivalDateSchema.js';
import { categoryCodeSchema } from './categorySchema.js';
import { retentionPeriodTextSchema } from './retentionPeriodSchema.js';
import { securityClassificationSchema } from './securityClassificationSchema.js';
import { fondsCodeSchema, nonBlankTextSchema, orgCodeSchema, positiveIntegerSchema, titleSchema, yearSchema } from './text.js';

/**
 * 件 (item): the unit of arrangement of DA/T 22-2015 (§5.1 组件). Holds the
 * 归档章 fields (§5.4: 全宗号, 年度, 保管期限, 件号 and 页数 required,
 * 机构（问题） optional) and the descriptive fields of its catalogue row (§5.5).
 *
 * `archivalCode` (档号) is kept as written; `src/filing` parses it. Whether 年度
 * matches the year of 日期 is a rule check (a warning), not a model error.
 *
 * @example
 * itemSchema.parse({ fondsCode: 'Z109', year: 2011, retentionPeriod: 'Y', orgCode: 'BGS', itemNumber: 1, pageCount: 3, title: '关于印发工作要点的通知', author: '某市人民政府办公室', date: '20110302' })
 */
export const itemSchema = z
  .object({
    archivalCode: nonBlankTextSchema.optional(),
    fondsCode: fondsCodeSchema,
    categoryCode: categoryCodeSchema.optional(),
    year: yearSchema,
    retentionPeriod: retentionPeriodTextSchema,
    orgCode: orgCodeSchema.optional(),
    itemNumber: positiveIntegerSchema,
    pageCount: positiveIntegerSchema,
    title: titleSchema,
    author: nonBlankTextSchema,
    documentNumber: nonBlankTextSchema.optional(),
    date: archivalDateSchema,
    securityClassification: securityClassificationSchema.optional(),
    remarks: z.string().optional(),
  })
  .meta({ title: '件 Item', description: 'DA/T 22-2015 §5.1, §5.4 (归档章), §5.5.' });

/** A 件 (item). See {@link itemSchema}. */
export type Item = z.infer<typeof itemSchema>;
