import { describe, expect, it } from 'vitest';
import { activitySchema, agentSchema, type Activity, type Agent } from '../../src/index.js';

describe('agentSchema (机构人员实体 M76–M79)', () => {
  const agent: Agent = { agentId: 'A1', agentType: '内设机构', agentName: '办公室', organizationCode: '11100000000013127D', position: '主任' };

  it('accepts an agent; only M77 机构人员名称 is required', () => {
    expect(agentSchema.safeParse(agent).success).toBe(true);
    expect(agentSchema.safeParse({ agentName: '张三' }).success).toBe(true);
  });

  it.each([
    { ...agent, agentType: '部门' },
    { ...agent, agentName: '' },
    { agentType: '个人' },
  ])('rejects %j', (value) => {
    expect(agentSchema.safeParse(value).success).toBe(false);
  });
});

describe('activitySchema (业务实体 M80–M84)', () => {
  const activity: Activity = { activityId: 'B1', agentId: 'A1', recordId: 'F1', status: '历史行为', action: '签发', time: '2011-03-02T09:30:00+08:00', basis: '公文处理办法', description: '主任签发' };

  it('accepts an activity with or without a time zone', () => {
    expect(activitySchema.safeParse(activity).success).toBe(true);
    expect(activitySchema.safeParse({ status: '计划任务', action: '移交', time: '2031-01-01T00:00:00' }).success).toBe(true);
  });

  it.each([
    { ...activity, status: '进行中' },
    { ...activity, action: ' ' },
    { ...activity, time: '20110302' },
    { ...activity, time: '2011-02-30T09:30:00Z' },
    { status: '历史行为', action: '签发' },
  ])('rejects %j', (value) => {
    expect(activitySchema.safeParse(value).success).toBe(false);
  });
});
