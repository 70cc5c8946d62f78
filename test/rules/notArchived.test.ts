import { describe, expect, it } from 'vitest';
import { flagNotArchived, notArchived2006 } from '../../src/rules/index.js';

describe('flagNotArchived (8号令 第四条)', () => {
  it('flags by title keyword and by explicit marking, as warnings with the clause', () => {
    const issues = flagNotArchived([
      { title: '关于印发考勤办法的通知' },
      { title: '关于印发考勤办法的通知（征求意见稿）' },
      { title: '某文件', notArchivedKinds: ['own-duplicates'] },
      { title: '某县2019年工作简报（供参阅）' },
    ]);
    expect(issues.map((i) => [i.params?.index, i.params?.ruleId, i.severity])).toEqual([
      [2, 'own-drafts', 'warning'],
      [3, 'own-duplicates', 'warning'],
      [4, 'lower-for-reference', 'warning'],
    ]);
    expect(issues[0]!.message).toBe('第2项“关于印发考勤办法的通知（征求意见稿）”可能属于不归档范围：一般性文件的历次修改稿、各次校对稿（国家档案局令第8号 第四条第（2）项）');
  });

  it('covers all four sources of papers in 第四条', () => {
    expect(new Set(notArchived2006.map((r) => r.source.clause))).toEqual(new Set([1, 2, 3, 4].map((n) => `第四条第（${n}）项`)));
  });

  it('accepts a caller\'s own rules', () => {
    const own = [{ id: 'menus', description: '食堂菜单', keywords: ['菜单'], source: { standard: '本机关', confidence: 'verified' as const } }];
    expect(flagNotArchived([{ title: '本周菜单' }], own)[0]!.params?.ruleId).toBe('menus');
  });
});
