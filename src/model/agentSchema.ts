import * as z from 'zod';
import { agentTypes } from './agent.js';
import { nonBlankTextSchema } from './text.js';

/**
 * 机构人员实体 (agent), DA/T 46-2009 M76–M79: M76 机构人员类型 (单位 /
 * 内设机构 / 个人, optional), M77 机构人员名称 (required), M78 组织机构代码
 * (optional), M79 个人职位 (optional). `agentId` is the 机构人员标识符 key that
 * DA/T 48-2009 EEP adds to link activities to agents.
 *
 * @example
 * agentSchema.parse({ agentId: 'A1', agentType: '个人', agentName: '张三', position: '科员' })
 */
export const agentSchema = z
  .object({
    agentId: nonBlankTextSchema.optional(),
    agentType: z.enum(agentTypes).optional(),
    agentName: nonBlankTextSchema,
    organizationCode: nonBlankTextSchema.optional(),
    position: nonBlankTextSchema.optional(),
  })
  .meta({ title: '机构人员实体 Agent', description: 'DA/T 46-2009 M76–M79; DA/T 48-2009 机构人员标识符.' });
