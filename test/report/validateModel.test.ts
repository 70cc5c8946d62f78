import { describe, expect, it } from 'vitest';
import { textMatching } from '../../src/model/bilingualIssue.js';
import { catalogueEntrySchema, fondsSchema, validateModel } from '../../src/index.js';

const row = {
  sequenceNumber: 1,
  archivalCode: 'Z109-WS·2011-Y-BGS-0001',
  author: '某市人民政府办公室',
  title: '通知',
  date: '20110302',
  pageCount: 3,
};

describe('validateModel', () => {
  it('returns the parsed value when valid', () => {
    expect(validateModel(catalogueEntrySchema, row)).toEqual({ ok: true, value: row });
  });

  it('reports one model.invalid issue per problem, naming the field, with the received value', () => {
    const result = validateModel(catalogueEntrySchema, { ...row, pageCount: 0, date: '20110231' }, { path: '目录文件.XML', prefix: '文件.3' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(2);
    const [date, pages] = [...result.issues].sort((a, b) => String(a.params?.field).localeCompare(String(b.params?.field)));
    expect(date).toMatchObject({
      code: 'model.invalid',
      severity: 'error',
      path: '目录文件.XML',
      received: '20110231',
      message: '字段“文件第4项的日期”不符合要求：“20110231”不是有效的日历日期',
    });
    expect(pages).toMatchObject({ code: 'model.invalid', received: 0, params: { field: '文件.3.pageCount' } });
    expect(pages?.message).toBe('字段“文件第4项的页数”不符合要求：数值过小：期望 数字 >0');
  });

  it('speaks English when asked, for our refinements and zod built-ins alike', () => {
    const result = validateModel(catalogueEntrySchema, { ...row, pageCount: 0, date: '20110231' }, { locale: 'en' });
    if (result.ok) throw new Error('expected issues');
    const messages = result.issues.map((i) => i.message).sort();
    expect(messages[0]).toBe('Field "date" is invalid: "20110231" is not a calendar date');
    expect(messages[1]).toMatch(/^Field "pageCount" is invalid: Too small/);
  });

  it('reports pattern fields and blank text in words, not as regular expressions', () => {
    const en = validateModel(fondsSchema, { fondsCode: 'z109', fondsName: ' ', creatingUnit: '某局' }, { locale: 'en' });
    expect(en.ok ? [] : en.issues.map((i) => i.message)).toEqual([
      'Field "fondsCode" is invalid: fonds code "z109" should be uppercase letters and digits',
      'Field "fondsName" is invalid: must not be blank',
    ]);
    const zh = validateModel(fondsSchema, { fondsCode: 'z109', fondsName: ' ', creatingUnit: '某局' });
    expect(zh.ok ? [] : zh.issues.map((i) => i.message)).toEqual([
      '字段“全宗号”不符合要求：全宗号“z109”应由大写字母和数字组成',
      '字段“全宗名称”不符合要求：不能为空',
    ]);
  });

  it('never throws, whatever the input', () => {
    for (const value of [undefined, null, 42, 'x', [], { fondsName: {} }]) {
      const result = validateModel(fondsSchema, value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.every((i) => i.code === 'model.invalid')).toBe(true);
    }
  });

  it('names the root when the value itself is wrong', () => {
    const result = validateModel(fondsSchema, null, { locale: 'en' });
    expect(result.ok ? [] : result.issues.map((i) => i.params?.field)).toEqual(['(root)']);
  });
});

describe('textMatching', () => {
  it('refuses a pattern with flags, which JSON Schema could not carry', () => {
    expect(() => textMatching(/x/i, () => ({ 'zh-CN': 'x', en: 'x' }))).toThrow(/no flags/);
  });
});
