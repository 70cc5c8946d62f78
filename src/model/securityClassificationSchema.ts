import * as z from 'zod';
import { dat46SecurityLevels, securityClassifications, type AccessStatus } from './securityClassification.js';

/**
 * A 密级 value as a schema.
 *
 * @example
 * securityClassificationSchema.safeParse('机密').success //=> true
 */
export const securityClassificationSchema = z
  .enum(securityClassifications)
  .meta({ title: '密级 SecurityClassification', description: '绝密 / 机密 / 秘密 (保守国家秘密法).' });

/**
 * DA/T 46-2009 M38 密级, whose value list adds 公开 and 限制 to the three
 * secret levels. Kept apart from {@link securityClassificationSchema}.
 *
 * @example
 * dat46SecurityLevelSchema.safeParse('公开').success //=> true
 */
export const dat46SecurityLevelSchema = z
  .enum(dat46SecurityLevels)
  .meta({ title: '密级 (DA/T 46-2009 M38)', description: '公开 / 限制 / 秘密 / 机密 / 绝密.' });

/**
 * An access status code.
 *
 * @example
 * accessStatusSchema.parse('open')
 */
export const accessStatusSchema = z
  .enum(['open', 'controlled', 'unreviewed'] as const satisfies readonly AccessStatus[])
  .meta({ title: '开放状态 AccessStatus', description: 'open 开放 / controlled 控制 / unreviewed 原控 (DA/T 46-2009 M74).' });

/**
 * A structured {@link SecrecyMarking}.
 *
 * @example
 * secrecyMarkingSchema.safeParse({ classification: '机密', years: 10 }).success //=> true
 */
export const secrecyMarkingSchema = z
  .object({
    classification: securityClassificationSchema,
    years: z.number().int().positive().max(9999).optional(),
    months: z.number().int().min(1).max(11).optional(),
  })
  .refine((m) => m.years === undefined || m.months === undefined, {
    message: 'years and months are exclusive',
    params: { 'zh-CN': '保密期限不能同时以年和月表示', en: 'years and months are exclusive' },
  })
  .meta({ title: '密级标志 SecrecyMarking', description: '密级★保密期限, e.g. 机密★10年.' });
