import { describe, expect, it } from 'vitest';
import { normalizationRules, normalizeArchivalCode } from '../../src/index.js';

describe('normalizeArchivalCode', () => {
  it.each([
    ['\u30FB'], ['\u2027'], ['\uFF65'], ['\u2022'], ['\u2219'], ['\u22C5'], ['\uFF0E'], ['\u0387'], ['.'],
  ])('maps middle-dot look-alike %s to U+00B7', (dot) => {
    const r = normalizeArchivalCode(`Z109-WS${dot}2011-Y-0001`);
    expect(r.code).toBe('Z109-WS·2011-Y-0001');
    expect(r.changes).toEqual([{ rule: 'middle-dot', found: dot, count: 1 }]);
  });

  it.each([['\u2010'], ['\u2011'], ['\u2012'], ['\u2013'], ['\u2014'], ['\u2015'], ['\u2212'], ['\uFF0D']])(
    'maps dash look-alike %s to U+002D',
    (dash) => {
      const r = normalizeArchivalCode(`Z109${dash}WS·2011${dash}Y-0001`);
      expect(r.code).toBe('Z109-WS·2011-Y-0001');
      expect(r.changes).toEqual([{ rule: 'dash', found: dash, count: 2 }]);
    },
  );

  it('maps full-width letters and digits, uppercases, removes every kind of space', () => {
    const r = normalizeArchivalCode('\u3000ｚ１０９-ws·2011 -\tY-\u00A0BGS-\u200B0001\uFEFF');
    expect(r.code).toBe('Z109-WS·2011-Y-BGS-0001');
    expect(r.changes.map((c) => c.rule)).toEqual(['full-width', 'case', 'whitespace']);
    expect(r.changes[0]).toEqual({ rule: 'full-width', found: 'ｚ１０９', count: 4 });
    expect(r.changes[1]).toEqual({ rule: 'case', found: 'zws', count: 3 });
    expect(r.changes[2]?.count).toBe(6);
  });

  it('leaves canonical codes, Chinese 机构 names and unknown characters alone', () => {
    expect(normalizeArchivalCode('Z109-WS·2011·Y·办公室-0001')).toEqual({ code: 'Z109-WS·2011·Y·办公室-0001', changes: [] });
    expect(normalizeArchivalCode('Z109_🙂').code).toBe('Z109_🙂');
  });

  it('is idempotent', () => {
    const once = normalizeArchivalCode(' ｚ１０９－ws・2011 ').code;
    expect(normalizeArchivalCode(once)).toEqual({ code: once, changes: [] });
  });

  it('documents every rule with a source', () => {
    expect(normalizationRules.map((r) => r.rule)).toEqual(['middle-dot', 'dash', 'full-width', 'case', 'whitespace']);
    for (const r of normalizationRules) expect(r.source.standard).toMatch(/^DA\/T/);
  });
});
