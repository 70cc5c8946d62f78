import * as z from 'zod';
import { fondsCodeSchema, nonBlankTextSchema } from './text.js';

/**
 * 全宗 (fonds): the organically linked whole of records formed by one 立档单位
 * (DA/T 1-2000). Fields follow DA/T 46-2009 来源 M3–M6 and 档号 M9.
 *
 * - `fondsCode` 全宗号 (M9): assigned by the 档案馆; absent until assigned
 *   (standards-paper §5); see {@link fondsCodeSchema}.
 * - `fondsName` 全宗名称 (M5): the 立档单位's full name or standard short name
 *   (DA/T 22-2015 §5.5, catalogue cover).
 * - `creatingUnit` 立档单位名称 (M6, 必选).
 * - `archiveName` 档案馆名称 (M3), `archiveCode` 档案馆代码 (M4; its structure is
 *   not verified, so any non-blank text is accepted).
 *
 * @example
 * fondsSchema.parse({ fondsCode: 'Z109', fondsName: '某市人民政府办公室', creatingUnit: '某市人民政府办公室' })
 */
export const fondsSchema = z
  .object({
    fondsCode: fondsCodeSchema.optional(),
    fondsName: nonBlankTextSchema,
    creatingUnit: nonBlankTextSchema,
    archiveName: nonBlankTextSchema.optional(),
    archiveCode: nonBlankTextSchema.optional(),
  })
  .meta({ title: '全宗 Fonds', description: 'DA/T 1-2000 全宗; DA/T 46-2009 M3–M6, M9.' });

/** A 全宗 (fonds). See {@link fondsSchema}. */
export type Fonds = z.infer<typeof fondsSchema>;
