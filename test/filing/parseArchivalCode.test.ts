import { describe, expect, it } from 'vitest';
import { isValidArchivalCode, parseArchivalCode, type Issue } from '../../src/index.js';

const codes = (issues: readonly Issue[]) => issues.map((i) => `${i.severity}:${i.code}`);

describe('parseArchivalCode: structure', () => {
  it('names the segment that breaks the structure, with expected and received', () => {
    const r = parseArchivalCode('Z109-WS·2011-X-BGS-0001', { profile: 'dat22', locale: 'en' });
    expect(r.valid).toBe(false);
    expect(r.components).toBeUndefined();
    const [issue] = r.issues;
    expect(issue).toMatchObject({
      code: 'archival-code.malformed',
      check: 'GD-1-7',
      aspect: 'authenticity',
      severity: 'error',
      received: 'X',
      expected: '保管期限 ({retentionPeriod})',
      params: { segment: 3, text: 'X', profile: 'dat22' },
    });
    expect(issue?.message).toBe('Segment 3 "X" of the archival code does not match "保管期限 ({retentionPeriod})" of profile dat22');
  });

  it('reports a wrong number of segments with the counts the profile allows', () => {
    const r = parseArchivalCode('Z109-WS·2011', { profile: 'dat22' });
    expect(r.issues[0]).toMatchObject({ code: 'archival-code.segment-count', expected: [4, 5], received: 2 });
    expect(r.issues[0]?.message).toContain('4/5');
  });

  it('diagnoses an unknown code against the profile it comes closest to', () => {
    // Three segments: only the DA/T 13-2022 item form has three; the 件号 is bad.
    const r = parseArchivalCode('Z008-WS·2019·Y-03A');
    expect(r.profile).toBe('dat13-2022');
    expect(r.issues[0]).toMatchObject({ code: 'archival-code.malformed', params: { segment: 3, text: '03A' } });
  });

  it('reports an unknown profile id instead of throwing', () => {
    const r = parseArchivalCode('Z109-WS·2011-Y-BGS-0001', { profile: 'nope' });
    expect(codes(r.issues)).toEqual(['error:archival-code.unknown-profile']);
    expect(r.issues[0]?.params).toMatchObject({ profile: 'nope' });
  });
});

describe('parseArchivalCode: value rules', () => {
  const dat22 = { profile: 'dat22', currentYear: 2026 } as const;

  it('accepts every 文书 retention code and rejects others', () => {
    for (const ret of ['Y', 'D30', 'D10']) expect(isValidArchivalCode(`Z109-WS·2011-${ret}-BGS-0001`, dat22)).toBe(true);
    const r = parseArchivalCode('Z109-WS·2011-D50-BGS-0001', dat22);
    expect(codes(r.issues)).toEqual(['error:archival-code.retention-not-allowed']);
    expect(r.issues[0]?.expected).toEqual(['Y', 'D30', 'D10']);
    // DA/T 13-2022 allows any D<n>.
    expect(isValidArchivalCode('A439-WS·2015·D50·003-005', { profile: 'dat13-2022' })).toBe(true);
  });

  it('tolerates legacy C/D retention letters with a warning, an error when strict', () => {
    expect(codes(parseArchivalCode('Z109-WS·2003-C-BGS-0001', dat22).issues)).toEqual(['warning:archival-code.retention-legacy']);
    expect(codes(parseArchivalCode('Z109-WS·2003-D-BGS-0001', { ...dat22, strict: true }).issues)).toEqual([
      'error:archival-code.retention-legacy',
    ]);
  });

  it('checks the year is 4 digits and plausible', () => {
    expect(codes(parseArchivalCode('Z109-WS·11-Y-BGS-0001', dat22).issues)).toEqual(['error:archival-code.year-format']);
    expect(codes(parseArchivalCode('Z109-WS·1899-Y-BGS-0001', dat22).issues)).toEqual(['warning:archival-code.year-implausible']);
    expect(codes(parseArchivalCode('Z109-WS·2027-Y-BGS-0001', dat22).issues)).toEqual([]);
    const late = parseArchivalCode('Z109-WS·2028-Y-BGS-0001', dat22);
    expect(late.issues[0]).toMatchObject({ code: 'archival-code.year-implausible', expected: '1900–2027', received: '2028' });
    expect(late.valid).toBe(true);
  });

  it('warns on unpadded and over-wide 件号, errors when strict, and rejects 0000', () => {
    const unpadded = parseArchivalCode('Z109-WS·2011-Y-BGS-1', dat22);
    expect(unpadded.valid).toBe(true);
    expect(unpadded.issues[0]).toMatchObject({ code: 'archival-code.number-width', severity: 'warning', expected: 4, received: '1' });
    expect(isValidArchivalCode('Z109-WS·2011-Y-BGS-1', { ...dat22, strict: true })).toBe(false);
    expect(codes(parseArchivalCode('Z109-WS·2011-Y-BGS-10000', dat22).issues)).toEqual(['warning:archival-code.number-width']);
    expect(codes(parseArchivalCode('Z109-WS·2011-Y-BGS-0000', dat22).issues)).toEqual(['error:archival-code.number-zero']);
  });

  it('checks the 机构 code form per profile', () => {
    expect(codes(parseArchivalCode('Z109-WS·2011-Y-003-0001', dat22).issues)).toEqual([]);
    expect(codes(parseArchivalCode('Z109-WS·2011-Y-办公室-0001', dat22).issues)).toEqual(['warning:archival-code.org-code-form']);
    expect(codes(parseArchivalCode('Z109-WS·2011-Y-B2S-0001', { ...dat22, strict: true }).issues)).toEqual([
      'error:archival-code.org-code-form',
    ]);
    // Chinese 机构 names are a form of DA/T 13-2022.
    expect(codes(parseArchivalCode('Z109-WS·2011·Y·办公室-0001', { profile: 'dat13-2022' }).issues)).toEqual([]);
  });

  it('warns on a 门类 code outside DA/T 13-2022, errors when strict, and takes a custom table', () => {
    expect(codes(parseArchivalCode('Z109-QQ·2011-Y-BGS-0001', dat22).issues)).toEqual(['warning:archival-code.unknown-category']);
    expect(isValidArchivalCode('Z109-QQ·2011-Y-BGS-0001', { ...dat22, strict: true })).toBe(false);
    const categories = [{ code: 'QQ', name: '其他', nameEn: 'other', source: { standard: '本馆', confidence: 'verified' as const } }];
    expect(parseArchivalCode('Z109-QQ·2011-Y-BGS-0001', { ...dat22, categories }).issues).toEqual([]);
  });

  it('gives the inferred 全宗号 form as info only, a warning when strict, never an error', () => {
    const r = parseArchivalCode('ZZ109-WS·2011·Y-0001', { profile: 'dat13-2022' });
    expect(codes(r.issues)).toEqual(['info:archival-code.fonds-code-form']);
    expect(r.valid).toBe(true);
    const strict = parseArchivalCode('ZZ109-WS·2011·Y-0001', { profile: 'dat13-2022', strict: true });
    expect(codes(strict.issues)).toEqual(['warning:archival-code.fonds-code-form']);
    expect(strict.valid).toBe(true);
  });

  it('resolves messages in both locales from the same params', () => {
    const zh = parseArchivalCode('Z109-WS·2011-D50-BGS-0001', dat22).issues[0];
    const en = parseArchivalCode('Z109-WS·2011-D50-BGS-0001', { ...dat22, locale: 'en' }).issues[0];
    expect(zh?.message).toBe('保管期限“D50”不是dat22规则允许的代码（Y, D30, D10）');
    expect(en?.message).toBe('Retention code "D50" is not allowed by profile dat22 (Y, D30, D10)');
  });
});

describe('parseArchivalCode: normalisation', () => {
  it('normalises look-alikes first and reports each kind as a warning', () => {
    const r = parseArchivalCode(' ｚ１０９－ws・2011—Y‐BGS－0001 ', { currentYear: 2026 });
    expect(r.valid).toBe(true);
    expect(r.normalized).toBe('Z109-WS·2011-Y-BGS-0001');
    expect(codes(r.issues)).toEqual([
      'warning:archival-code.normalized.middle-dot',
      'warning:archival-code.normalized.dash',
      'warning:archival-code.normalized.full-width',
      'warning:archival-code.normalized.case',
      'warning:archival-code.normalized.whitespace',
    ]);
    expect(r.issues[1]).toMatchObject({ received: '－—‐', params: { count: 4 } });
  });

  it('makes normalisation an error when strict', () => {
    expect(isValidArchivalCode('Z109-WS・2011-Y-BGS-0001', { strict: true })).toBe(false);
    expect(isValidArchivalCode('Z109-WS・2011-Y-BGS-0001')).toBe(true);
  });
});

describe('parseArchivalCode: junk', () => {
  it.each([
    ['', 'archival-code.empty'],
    ['   ', 'archival-code.empty'],
    ['x'.repeat(10_000), 'archival-code.too-long'],
    ['🙂🙂', 'archival-code.segment-count'],
    ['Z109-WS·2011-Y-BGS-\u00000001', 'archival-code.malformed'],
  ])('%j gives %s', (input, code) => {
    const r = parseArchivalCode(input);
    expect(r.valid).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain(code);
  });

  it('reports non-text input instead of throwing', () => {
    const r = parseArchivalCode(42 as unknown as string);
    expect(r.issues[0]).toMatchObject({ code: 'archival-code.not-text', params: { type: 'number' } });
    expect(isValidArchivalCode(null as unknown as string)).toBe(false);
  });
});
