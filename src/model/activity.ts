import type * as z from 'zod';
import type { activitySchema } from './activitySchema.js';

/**
 * DA/T 46-2009 M80 业务状态 values: 历史行为 (done) and 计划任务 (planned).
 *
 * @example
 * activityStatuses //=> ['历史行为', '计划任务']
 */
export const activityStatuses = ['历史行为', '计划任务'] as const;

/** A DA/T 46 业务实体. See {@link activitySchema}. */
export type Activity = z.infer<typeof activitySchema>;
