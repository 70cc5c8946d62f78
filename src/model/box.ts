import * as z from 'zod';
import { calendarDateSchema } from './archivalDateSchema.js';
import { addBilingualIssue } from './bilingualIssue.js';
import { retentionPeriodTextSchema } from './retentionPeriodSchema.js';
import { fondsCodeSchema, nonBlankTextSchema, orgCodeSchema, positiveIntegerSchema, yearSchema } from './text.js';

/**
 * 起止件号: the first and last 件号 in a box (DA/T 22-2015 §6.4; first in the
 * upper cell, last in the lower). `first` must not exceed `last`.
 *
 * @example
 * itemRangeSchema.safeParse({ first: 1, last: 26 }).success //=> true
 */
export const itemRangeSchema = z
  .object({ first: positiveIntegerSchema, last: positiveIntegerSchema })
  .superRefine((range, ctx) => {
    if (range.first <= range.last) return;
    addBilingualIssue(ctx, range, {
      'zh-CN': `起件号 ${range.first} 大于止件号 ${range.last}`,
      en: `first item number ${range.first} is greater than last ${range.last}`,
    }, ['last']);
  })
  .meta({ title: '起止件号 itemRange', description: 'DA/T 22-2015 §6.4.' });

/**
 * 备考表 (box record sheet), DA/T 22-2015 §6.4: placed after the files; 盒内文件
 * 情况说明 (loss, damage, changes, additions, removals, destruction), 整理人,
 * 整理日期, 检查人, 检查日期.
 *
 * @example
 * recordSheetSchema.parse({ arrangedBy: '张三', arrangedDate: '20240110', checkedBy: '李四', checkedDate: '20240112' })
 */
export const recordSheetSchema = z
  .object({
    description: z.string().optional(),
    arrangedBy: nonBlankTextSchema,
    arrangedDate: calendarDateSchema,
    checkedBy: nonBlankTextSchema,
    checkedDate: calendarDateSchema,
  })
  .meta({ title: '备考表 recordSheet', description: 'DA/T 22-2015 §6.4.' });

/**
 * 盒 (box), DA/T 22-2015 §6.4: the spine carries 全宗号, 年度, 保管期限, 起止件号
 * and 盒号 (required) and 机构（问题） (optional); the cover carries 全宗名称.
 * One box never mixes 年度, 机构（问题） or 保管期限, which is why each is a
 * single value here.
 *
 * @example
 * boxSchema.parse({ fondsCode: 'Z109', year: 2011, retentionPeriod: 'Y', orgCode: 'BGS', boxNumber: 1, itemRange: { first: 1, last: 26 } })
 */
export const boxSchema = z
  .object({
    fondsCode: fondsCodeSchema,
    fondsName: nonBlankTextSchema.optional(),
    year: yearSchema,
    retentionPeriod: retentionPeriodTextSchema,
    orgCode: orgCodeSchema.optional(),
    boxNumber: positiveIntegerSchema,
    itemRange: itemRangeSchema,
    recordSheet: recordSheetSchema.optional(),
  })
  .meta({ title: '盒 Box', description: 'DA/T 22-2015 §6.4 装盒: spine fields and 备考表.' });

/** A 盒 (box). See {@link boxSchema}. */
export type Box = z.infer<typeof boxSchema>;
/** 起止件号. See {@link itemRangeSchema}. */
export type ItemRange = z.infer<typeof itemRangeSchema>;
/** A 备考表. See {@link recordSheetSchema}. */
export type RecordSheet = z.infer<typeof recordSheetSchema>;
