import * as z from 'zod';
import { compareArchivalDates } from './archivalDate.js';
import { archivalDateSchema } from './archivalDateSchema.js';
import { addBilingualIssue, textMatching } from './bilingualIssue.js';
import { retentionPeriodTextSchema } from './retentionPeriodSchema.js';
import { securityClassificationSchema } from './securityClassificationSchema.js';
import { fondsCodeSchema, nonBlankTextSchema, orgCodeSchema, positiveIntegerSchema, titleSchema, yearSchema } from './text.js';

/**
 * 类别号 path: levels of uppercase letters or digits joined with `·` (U+00B7),
 * e.g. `WS·2015·D30` or `ZY·JC·CC` (DA/T 13-2022).
 *
 * @example
 * classCodeSchema.safeParse('KU·01·2017').success //=> true
 */
export const classCodeSchema = textMatching(/^[A-Z0-9]+(?:·[A-Z0-9]+)*$/, (value) => ({
  'zh-CN': `类别号“${value}”应为以“·”连接的大写字母或数字`,
  en: `class code "${value}" should be uppercase letters or digits joined with "·"`,
}))  .meta({ title: '类别号 classCode', description: 'DA/T 13-2022: levels joined with · (U+00B7).' });

/**
 * 卷 (案卷, volume): file-level arrangement (GB/T 9705-2008 cover fields;
 * DA/T 13-2022 按卷 档号 `全宗号-类别号-案卷号`, legacy `全宗号-目录号-案卷号`).
 * `startDate`/`endDate` are the 起止日期 (DA/T 46-2009 M33 for a 案卷);
 * `itemCount` is 件数 (M42), `pageCount` 页数 (M43).
 *
 * @example
 * volumeSchema.parse({ fondsCode: 'C038', catalogueNumber: '001', volumeNumber: 2, title: '某厂1985年生产计划', retentionPeriod: '长期' })
 */
export const volumeSchema = z
  .object({
    archivalCode: nonBlankTextSchema.optional(),
    fondsCode: fondsCodeSchema,
    catalogueNumber: textMatching(/^[A-Z0-9]+$/, (value) => ({
      'zh-CN': `目录号“${value}”应由大写字母和数字组成`,
      en: `catalogue number "${value}" should be uppercase letters and digits`,
    })).optional(),
    classCode: classCodeSchema.optional(),
    volumeNumber: positiveIntegerSchema,
    title: titleSchema,
    year: yearSchema.optional(),
    retentionPeriod: retentionPeriodTextSchema,
    orgCode: orgCodeSchema.optional(),
    startDate: archivalDateSchema.optional(),
    endDate: archivalDateSchema.optional(),
    itemCount: positiveIntegerSchema.optional(),
    pageCount: positiveIntegerSchema.optional(),
    securityClassification: securityClassificationSchema.optional(),
    remarks: z.string().optional(),
  })
  .superRefine((volume, ctx) => {
    if (volume.startDate === undefined || volume.endDate === undefined) return;
    if ((compareArchivalDates(volume.startDate, volume.endDate) ?? 0) <= 0) return;
    addBilingualIssue(ctx, volume.endDate, {
      'zh-CN': `止日期 ${volume.endDate} 早于起日期 ${volume.startDate}`,
      en: `end date ${volume.endDate} is before start date ${volume.startDate}`,
    }, ['endDate']);
  })
  .meta({ title: '卷 Volume', description: 'GB/T 9705-2008 案卷; DA/T 13-2022 按卷 档号; DA/T 46-2009 M33, M42, M43.' });

/** A 卷 (案卷, volume). See {@link volumeSchema}. */
export type Volume = z.infer<typeof volumeSchema>;
