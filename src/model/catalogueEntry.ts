import * as z from 'zod';
import { archivalDateSchema } from './archivalDateSchema.js';
import { retentionPeriodTextSchema } from './retentionPeriodSchema.js';
import { securityClassificationSchema } from './securityClassificationSchema.js';
import { nonBlankTextSchema, positiveIntegerSchema, titleSchema } from './text.js';

/**
 * One row of the 归档文件目录 (DA/T 22-2015 §5.5), as written: 序号, 档号, 文号,
 * 责任者, 题名, 日期, 密级, 页数, 备注. 文号, 密级 and 备注 are left empty when
 * there is none, so `''` is accepted for them; 页数 must be > 0.
 * `retentionPeriod` (保管期限) and `electronicFileName` (电子档案名称) are the
 * extra elements of 目录文件.XML (DA/T 93-2022 and its 2012 predecessor).
 *
 * @example
 * catalogueEntrySchema.parse({ sequenceNumber: 1, archivalCode: 'Z109-WS·2011-Y-BGS-0001', documentNumber: '', author: '某市人民政府办公室', title: '[关于办公用房调整的]通知', date: '20110302', securityClassification: '', pageCount: 3, remarks: '' })
 */
export const catalogueEntrySchema = z
  .object({
    sequenceNumber: positiveIntegerSchema,
    archivalCode: nonBlankTextSchema,
    documentNumber: z.string().optional(),
    author: nonBlankTextSchema,
    title: titleSchema,
    date: archivalDateSchema,
    securityClassification: z.union([securityClassificationSchema, z.literal('')]).optional(),
    pageCount: positiveIntegerSchema,
    remarks: z.string().optional(),
    retentionPeriod: retentionPeriodTextSchema.optional(),
    electronicFileName: nonBlankTextSchema.optional(),
  })
  .meta({ title: '归档文件目录条目 CatalogueEntry', description: 'DA/T 22-2015 §5.5 columns; 目录文件.XML extras.' });

/** One 归档文件目录 row. See {@link catalogueEntrySchema}. */
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
