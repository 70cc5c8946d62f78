import { describe, expect, it } from 'vitest';
import { capIssuesPerCode, createIssue } from '../../src/report/index.js';

describe('capIssuesPerCode', () => {
  const many = (code: 'catalogue.date-invalid' | 'catalogue.required-empty', n: number) =>
    Array.from({ length: n }, (_, i) => createIssue(code, { location: { line: i + 1, column: 1 } }));

  it('keeps the first issues of each code and summarises the rest in one info issue per code', () => {
    const issues = [...many('catalogue.date-invalid', 5), ...many('catalogue.required-empty', 2)];
    const capped = capIssuesPerCode(issues, { maxPerCode: 3, locale: 'en' });
    expect(capped.filter((i) => i.code === 'catalogue.date-invalid').map((i) => i.location?.line)).toEqual([1, 2, 3]);
    expect(capped.filter((i) => i.code === 'catalogue.required-empty')).toHaveLength(2);
    expect(capped.at(-1)).toMatchObject({ code: 'limits.issues-truncated', severity: 'info', received: 2, expected: 3, params: { code: 'catalogue.date-invalid' } });
    expect(capped.at(-1)?.message).toBe('3 issues "catalogue.date-invalid" are listed; 2 more are left out');
  });

  it('returns the list untouched when no code is over the cap', () => {
    const issues = many('catalogue.date-invalid', 3);
    expect(capIssuesPerCode(issues, { maxPerCode: 3 })).toEqual(issues);
  });
});

describe('reports cap issues per code', () => {
  it('validateCatalogue: repeated entry faults become the first few and one summary', async () => {
    const { validateCatalogue } = await import('../../src/formats/catalogue/validateCatalogue.js');
    const entry = (i: number) => `<文件><顺序号>${i}</顺序号><档号>A-${i}</档号><责任者>某单位</责任者><题名>题名</题名><日期>20150231</日期><密级></密级><备注></备注></文件>`;
    const xml = `<文件目录>${Array.from({ length: 6 }, (_, i) => entry(i + 1)).join('')}</文件目录>`;
    const report = validateCatalogue(xml, { locale: 'en', limits: { maxIssuesPerCode: 2 } });
    const codes = report.issues.map((i) => i.code);
    const faulty = codes.find((c) => c !== 'limits.issues-truncated' && codes.filter((x) => x === c).length === 2)!;
    expect(faulty).toMatch(/^catalogue\./);
    expect(report.issues.find((i) => i.code === 'limits.issues-truncated')).toMatchObject({ received: 4, params: { code: faulty } });
    expect(report.valid).toBe(false);
  });
});
