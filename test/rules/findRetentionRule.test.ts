import { describe, expect, it } from 'vitest';
import { accounting2015Enterprise, documentary2006, findRetentionRule, legacy1987, normalizeName } from '../../src/rules/index.js';

describe('findRetentionRule', () => {
  it('finds by code first', () => {
    expect(findRetentionRule(documentary2006, 'D10')).toMatchObject({ status: 'found', by: 'code', rule: { id: 'ws-d10' } });
    expect(findRetentionRule(accounting2015Enterprise, '6')).toMatchObject({ status: 'found', by: 'code', rule: { name: '固定资产卡片' } });
  });

  it('then by exact name, ignoring punctuation and width', () => {
    expect(findRetentionRule(accounting2015Enterprise, '记账凭证')).toMatchObject({ status: 'found', by: 'name', score: 1, rule: { code: '2' } });
    expect(findRetentionRule(accounting2015Enterprise, '月度 季度 半年度财务会计报告')).toMatchObject({ status: 'found', by: 'name', rule: { code: '8' } });
  });

  it('then by alias', () => {
    expect(findRetentionRule(accounting2015Enterprise, '现金日记账')).toMatchObject({ status: 'found', by: 'alias', rule: { code: '5' } });
    expect(findRetentionRule(legacy1987, '长期保管')).toMatchObject({ status: 'found', by: 'alias', rule: { code: 'C' } });
  });

  it('then by keyword, with a score', () => {
    const result = findRetentionRule(accounting2015Enterprise, '2019年度纳税申报表');
    expect(result).toMatchObject({ status: 'found', by: 'keyword', rule: { code: '12' } });
    expect(result.status === 'found' && result.score).toBeGreaterThan(0.5);
    expect(result.status === 'found' && result.score).toBeLessThan(1);
  });

  it('returns the candidates instead of guessing when several rows fit equally', () => {
    const result = findRetentionRule(accounting2015Enterprise, '凭证');
    expect(result.status).toBe('ambiguous');
    expect(result.status === 'ambiguous' && result.candidates.map((c) => c.rule.code).sort()).toEqual(['1', '2']);
  });

  it('reports not-found for unrelated text', () => {
    expect(findRetentionRule(accounting2015Enterprise, '卫星遥感影像').status).toBe('not-found');
  });

  it('normalizeName drops punctuation and whitespace and applies NFKC', () => {
    expect(normalizeName('税收年报（决算）')).toBe('税收年报决算');
    expect(normalizeName('ＡＢＣ　１')).toBe('ABC1');
  });
});
