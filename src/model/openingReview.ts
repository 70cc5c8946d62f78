import * as z from 'zod';
import { calendarDateSchema } from './archivalDateSchema.js';
import { nonBlankTextSchema } from './text.js';

/**
 * 开放审核 result: `open` 开放, or `deferred` 延期开放 (档案法 2020 第二十七条
 * "到期不宜开放", 档案法实施条例 2024 第三十一条).
 *
 * @example
 * openingReviewResultSchema.safeParse('deferred').success //=> true
 */
export const openingReviewResultSchema = z
  .enum(['open', 'deferred'])
  .meta({ title: '开放审核结论 OpeningReviewResult', description: 'open 开放 / deferred 延期开放.' });

/**
 * 开放审核 record (档案法实施条例 2024 第三十条): who reviewed, when, with which
 * 形成单位 or 移交单位, the result and its grounds. A deferral names the
 * grounds (e.g. `涉及国家安全或者重大利益`, `其他到期不宜开放`), the day of the next
 * review and the reference of the consent of the 同级档案主管部门 (第三十一条);
 * `checkOpeningReview` in `dangan/rules` reports a deferral without one.
 *
 * @example
 * openingReviewSchema.parse({ reviewer: '张三', date: '20250316', result: 'deferred', grounds: ['其他到期不宜开放'], deferredUntil: '20300316', approval: '某档发〔2025〕3号' })
 */
export const openingReviewSchema = z
  .object({
    reviewer: nonBlankTextSchema,
    date: calendarDateSchema,
    result: openingReviewResultSchema,
    grounds: z.array(nonBlankTextSchema).optional(),
    jointlyWith: nonBlankTextSchema.optional(),
    deferredUntil: calendarDateSchema.optional(),
    approval: nonBlankTextSchema.optional(),
    remarks: z.string().optional(),
  })
  .meta({ title: '开放审核 OpeningReview', description: 'Opening review record (档案法实施条例 2024 第三十条、第三十一条).' });

/** A 开放审核 record. See {@link openingReviewSchema}. */
export type OpeningReview = z.infer<typeof openingReviewSchema>;

/** A 开放审核 result. See {@link openingReviewResultSchema}. */
export type OpeningReviewResult = z.infer<typeof openingReviewResultSchema>;
