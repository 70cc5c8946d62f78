import { describe, expect, it } from 'vitest';
import {
  buildReport,
  createIssue,
  formatJson,
  formatMessage,
  formatText,
  issueCatalogue,
  localizeReport,
} from '../../src/index.js';
import { issueCatalogueEn } from '../../src/report/messages/en/index.js';

describe('createIssue', () => {
  it('fills aspect, severity and the zh-CN message from the catalogue', () => {
    const issue = createIssue('input.unreadable', { params: { reason: 'ENOENT' }, path: 'a/b.xml' });
    expect(issue).toEqual({
      code: 'input.unreadable',
      aspect: 'usability',
      severity: 'error',
      message: '无法读取输入：ENOENT',
      path: 'a/b.xml',
      params: { reason: 'ENOENT' },
    });
  });

  it('honours severity overrides and the en locale', () => {
    const issue = createIssue('input.unreadable', { severity: 'warning', locale: 'en', params: { reason: 'x' } });
    expect(issue.severity).toBe('warning');
    expect(issue.message).toBe('The input cannot be read: x');
  });
});

describe('catalogue', () => {
  it('has a non-empty message in both locales for every code', () => {
    const en: Readonly<Record<string, string>> = issueCatalogueEn;
    for (const [code, def] of Object.entries(issueCatalogue)) {
      expect(code).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(def['zh-CN'].length, code).toBeGreaterThan(0);
      expect(en[code]?.length, code).toBeGreaterThan(0);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(def['zh-CN']), `${code} placeholders`).toEqual(names(en[code]!));
    }
    // and no English message for a code that is not catalogued
    expect(Object.keys(en).filter((code) => !Object.hasOwn(issueCatalogue, code))).toEqual([]);
  });
});

describe('formatMessage', () => {
  it('keeps unknown placeholders visible and joins arrays', () => {
    expect(formatMessage('{a} {b}', { a: [1, 2] })).toBe('1, 2 {b}');
  });
});

describe('buildReport', () => {
  it('is valid with only warnings and counts by severity', () => {
    const warning = createIssue('input.unreadable', { severity: 'warning', params: { reason: 'r' } });
    const info = createIssue('input.unreadable', { severity: 'info', params: { reason: 'r' } });
    const report = buildReport({ profile: 'test', issues: [warning, info], files: 2, bytes: 10 });
    expect(report.valid).toBe(true);
    expect(report.summary).toEqual({ errors: 0, warnings: 1, infos: 1, files: 2, bytes: 10 });
  });

  it('is invalid with an error, and re-localises messages', () => {
    const report = buildReport({ profile: 'test', issues: [createIssue('input.unreadable', { params: { reason: 'r' } })] });
    expect(report.valid).toBe(false);
    expect(localizeReport(report, 'en').issues[0]?.message).toBe('The input cannot be read: r');
    expect(JSON.parse(formatJson(report))).toEqual(report);
  });
});

describe('formatText', () => {
  it('groups by aspect, shows location and expected/received, no colour by default', () => {
    const issue = createIssue('model.invalid', {
      path: '目录文件.XML',
      location: { line: 3, column: 5 },
      params: { field: 'date', fieldName: { 'zh-CN': '日期', en: 'date' }, reason: { 'zh-CN': '不对', en: 'bad' } },
      expected: 'YYYYMMDD',
      received: '2015-13',
    });
    const text = formatText(buildReport({ profile: 'catalogue', issues: [issue] }));
    expect(text).toContain('真实性 (1)');
    expect(text).toContain('目录文件.XML:3:5');
    expect(text).toContain('（期望 YYYYMMDD，实际 2015-13）');
    expect(formatText(buildReport({ profile: 'x', issues: [issue] }), { locale: 'en' })).toContain('(expected YYYYMMDD, received 2015-13)');
    expect(text).toContain('不通过');
    expect(text).not.toContain('\u001b[');
    expect(formatText(buildReport({ profile: 'x', issues: [issue] }), { color: true, locale: 'en' })).toContain('\u001b[31m');
    const onlyReceived = createIssue('model.invalid', { params: { field: 'f', fieldName: 'f', reason: 'r' }, received: 42 });
    const line = formatText(buildReport({ profile: 'x', issues: [onlyReceived] }));
    expect(line).toContain('（实际 42）');
    expect(line).not.toContain('期望');
  });
});
