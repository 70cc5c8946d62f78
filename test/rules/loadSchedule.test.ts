import { describe, expect, it } from 'vitest';
import { documentary2006, extendSchedule, findRetentionRule, loadSchedule, type RetentionRule } from '../../src/rules/index.js';
import { organSchedule } from '../fixtures/schedules/organSchedule.js';

const good = organSchedule;

describe('loadSchedule', () => {
  it('reads a user schedule, with text periods and plain-string sources', () => {
    const result = loadSchedule(JSON.stringify(good));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.schedule.rules.map((r) => r.period)).toEqual([
      { kind: 'permanent' },
      { kind: 'fixed', years: 10 },
      { kind: 'event', years: 2, event: '车辆报废' },
    ]);
    expect(result.schedule.rules[1]).toMatchObject({ code: 'x-2', aliases: [], minimum: false, source: { standard: '某局保管期限表 2.3', confidence: 'verified' } });
    expect(result.schedule.counting.rule).toBe('formation-year-end');
    expect(findRetentionRule(result.schedule, '局务会纪要')).toMatchObject({ status: 'found', rule: { id: 'x-1' } });
  });

  it('names the bad row (1-based) and field, in our words, not zod\'s', () => {
    const bad = { ...good, rules: [good.rules[0], { ...good.rules[1], period: 'D三十' }, { id: 'x-3', period: 'Y', source: 's' }] };
    const result = loadSchedule(bad, { path: 'organ.json' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.params?.row, i.params?.rule, i.params?.field])).toEqual([
      ['schedule.row-invalid', 2, 'x-2', 'period'],
      ['schedule.row-invalid', 3, 'x-3', 'name'],
    ]);
    expect(result.issues[0]!.message).toBe('保管期限表第2行（x-2）字段“period”不符合要求：“D三十”不是有效的保管期限（Y、D<n>、永久、定期<n>年、长期、短期、<事件>后<n>年）');
    expect(result.issues[1]!.message).toContain('缺少必填项');
    expect(result.issues[0]!.path).toBe('organ.json');
    expect(result.issues[0]!.received).toBe('D三十');
    const en = loadSchedule(bad, { locale: 'en' });
    expect(!en.ok && en.issues[1]!.message).toBe('Retention schedule row 3 (x-3): field "name" is invalid: required');
  });

  it('reports top-level fields, bad JSON and duplicate ids', () => {
    const noVersion = loadSchedule({ ...good, formatVersion: 2 });
    expect(!noVersion.ok && noVersion.issues[0]).toMatchObject({ code: 'schedule.invalid', params: { field: 'formatVersion' } });
    const json = loadSchedule('{"formatVersion": 1,');
    expect(!json.ok && json.issues[0]).toMatchObject({ code: 'schedule.invalid', params: { field: '(root)' } });
    const dup = loadSchedule({ ...good, rules: [good.rules[0], good.rules[0]] });
    expect(!dup.ok && dup.issues[0]).toMatchObject({ code: 'schedule.duplicate-rule', params: { row: 2, rule: 'x-1', first: 1 } });
  });
});

describe('extendSchedule', () => {
  const own: RetentionRule[] = [
    { id: 'o-84', code: '8.4', name: '本机关一般性事务管理文件材料', aliases: [], period: { kind: 'fixed', years: 10 }, minimum: false, source: { standard: '本机关保管期限表', clause: '4', confidence: 'verified' } },
    { id: 'o-new', code: 'O1', name: '值班记录', aliases: [], period: { kind: 'fixed', years: 10 }, minimum: false, source: { standard: '本机关保管期限表', clause: '9', confidence: 'verified' } },
  ];
  it('replaces rows with the same code in place and appends new ones, leaving the base intact', () => {
    const mine = extendSchedule(documentary2006, { id: 'organ-x', rules: own });
    expect(mine.id).toBe('organ-x');
    expect(mine.rules.length).toBe(documentary2006.rules.length + 1);
    expect(mine.rules.find((r) => r.code === '8.4')!.period).toEqual({ kind: 'fixed', years: 10 });
    expect(mine.rules.at(-1)!.id).toBe('o-new');
    expect(documentary2006.rules.find((r) => r.code === '8.4')!.period).toEqual({ kind: 'fixed', years: 30 });
  });
});
