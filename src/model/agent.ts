import type * as z from 'zod';
import type { agentSchema } from './agentSchema.js';

/**
 * DA/T 46-2009 M76 机构人员类型 values.
 *
 * @example
 * agentTypes //=> ['单位', '内设机构', '个人']
 */
export const agentTypes = ['单位', '内设机构', '个人'] as const;

/** A DA/T 46 机构人员实体. See {@link agentSchema}. */
export type Agent = z.infer<typeof agentSchema>;
