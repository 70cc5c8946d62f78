import * as z from 'zod';
import { activityStatuses } from './activity.js';
import { nonBlankTextSchema } from './text.js';

/**
 * 业务实体 (activity), DA/T 46-2009 M80–M84: M80 业务状态 (required), M81 业务行为
 * (required, free text such as 登记, 拟稿, 审核, 签发, 归档, 移交, 保存), M82 行为时间
 * (required, an ISO 8601 date-time such as `2011-03-02T09:30:00+08:00`; the zone may be omitted),
 * M83 行为依据 and M84 行为描述 (optional). `activityId`, `agentId` and
 * `recordId` are the 业务标识符, 机构人员标识符 and 文件标识符 keys of DA/T 48-2009 EEP.
 *
 * @example
 * activitySchema.parse({ status: '历史行为', action: '签发', time: '2011-03-02T09:30:00+08:00', agentId: 'A1' })
 */
export const activitySchema = z
  .object({
    activityId: nonBlankTextSchema.optional(),
    agentId: nonBlankTextSchema.optional(),
    recordId: nonBlankTextSchema.optional(),
    status: z.enum(activityStatuses),
    action: nonBlankTextSchema,
    time: z.iso.datetime({ local: true, offset: true }),
    basis: nonBlankTextSchema.optional(),
    description: nonBlankTextSchema.optional(),
  })
  .meta({ title: '业务实体 Activity', description: 'DA/T 46-2009 M80–M84; DA/T 48-2009 业务标识符.' });
