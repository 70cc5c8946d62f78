import { describe, expect, it } from 'vitest';
import { archivalCategories, archivalCategorySchema, categoryCodeSchema, findArchivalCategory, type ArchivalCategory } from '../../src/index.js';

describe('archivalCategories', () => {
  it('is the DA/T 13-2022 table of 13 门类 with a source on every row', () => {
    expect(archivalCategories.map((c) => `${c.code} ${c.name}`)).toEqual([
      'WS 文书', 'KJ 科技', 'RS 人事', 'KU 会计', 'ZY 专业', 'ZP 照片', 'LY 录音',
      'LX 录像', 'SJ 业务数据', 'YJ 公务电子邮件', 'WY 网页信息', 'MT 社交媒体', 'SW 实物',
    ]);
    for (const row of archivalCategories) {
      expect(row.source.standard).toBe('DA/T 13-2022');
      expect(archivalCategorySchema.safeParse(row).success, row.code).toBe(true);
    }
  });

  it('finds by code; KU is 会计 and KJ is 科技', () => {
    expect(findArchivalCategory('KU')?.name).toBe('会计');
    expect(findArchivalCategory('KJ')?.name).toBe('科技');
    expect(findArchivalCategory('XX')).toBeUndefined();
    expect(findArchivalCategory('ws')).toBeUndefined();
    expect(categoryCodeSchema.safeParse('SW').success).toBe(true);
    expect(categoryCodeSchema.safeParse('XX').success).toBe(false);
  });

  it('takes an institution table with lower-level classes', () => {
    const rows: ArchivalCategory[] = [
      ...archivalCategories,
      { code: 'ZY·JC', name: '监察', nameEn: 'supervision', parent: 'ZY', source: { standard: '本馆分类方案', confidence: 'verified' } },
      { code: 'ZY·JC·CC', name: '查处', nameEn: 'investigation', parent: 'ZY·JC', source: { standard: '本馆分类方案', confidence: 'verified' } },
    ];
    for (const row of rows) expect(archivalCategorySchema.safeParse(row).success, row.code).toBe(true);
    expect(findArchivalCategory('ZY·JC·CC', rows)?.name).toBe('查处');
  });

  it.each([
    { code: 'ZY·JC', name: '监察', nameEn: '', parent: 'WS' }, // wrong parent
    { code: 'ZY·JC', name: '监察', nameEn: '' }, // parent missing
    { code: 'ZY', name: '专业', nameEn: '', parent: 'ZY' }, // a 门类 has no parent
    { code: 'zy', name: '专业', nameEn: '' }, // lowercase
    { code: 'ZY.JC', name: '监察', nameEn: '', parent: 'ZY' }, // full stop, not U+00B7
    { code: 'A·B·C·D·E', name: '五级', nameEn: '', parent: 'A·B·C·D' }, // more than 4 levels
    { code: 'WS', name: '', nameEn: '' }, // empty name
  ])('rejects the row %j', (row) => {
    expect(archivalCategorySchema.safeParse({ ...row, source: { standard: 'x', confidence: 'inferred' } }).success).toBe(false);
  });
});
