// The W3C XML Conformance Test Suite, XML 1.0 5th-edition tests (see suite.ts for the selection),
// against readXml, with libxml2's xmllint as the oracle for where each error is.
// Policy refusals are listed one by one in expectations.json (linked from docs/xml.md).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadXml10Tests, ours, xmllintBatch, type LintVerdict, type OurVerdict, type SuiteTest } from './suite.js';

interface Expectations {
  policies: Record<string, { codes: string[]; en: string; 'zh-CN': string }>;
  refusals: { id: string; policy: string | string[] }[];
}

const expectations = JSON.parse(readFileSync(new URL('./expectations.json', import.meta.url), 'utf8')) as Expectations;
const refusals = new Map(expectations.refusals.map((r) => [r.id, ([] as string[]).concat(r.policy)]));
// Codes that refuse a document by policy rather than by its grammar.
const POLICY_CODES = new Set(Object.values(expectations.policies).flatMap((p) => p.codes));

let tests: SuiteTest[] = [];
const results = new Map<string, { test: SuiteTest; ours: OurVerdict; lint: LintVerdict }>();

beforeAll(async () => {
  tests = await loadXml10Tests();
  const lint = xmllintBatch(tests.map((t) => t.file));
  for (const test of tests) results.set(test.id, { test, ours: ours(test.file), lint: lint.get(test.file)! });
});

describe('W3C XML Conformance Test Suite (XML 1.0, 5th edition)', () => {
  it('selects the XML 1.0 tests: 993 not well-formed, 933 well-formed', () => {
    expect(tests.filter((t) => t.type === 'not-wf')).toHaveLength(993);
    expect(tests.filter((t) => t.type !== 'not-wf')).toHaveLength(933);
  });

  it('never throws and never takes 5 s on a test document', () => {
    const bad = [...results.values()].filter((r) => r.ours.exception !== undefined || r.ours.milliseconds > 5000);
    expect(bad.map((r) => `${r.test.id}: ${r.ours.exception ?? `${Math.round(r.ours.milliseconds)} ms`}`)).toEqual([]);
  });

  it('rejects every standalone not-well-formed document with an error', () => {
    const accepted = [...results.values()].filter((r) => r.test.type === 'not-wf' && r.test.entities === 'none' && r.ours.codes.length === 0);
    expect(accepted.map((r) => r.test.id)).toEqual([]);
  });

  it('puts an error on the line where libxml2 finds the grammar error', () => {
    const misplaced: string[] = [];
    let checked = 0;
    for (const { test, ours: verdict, lint } of results.values()) {
      if (test.type !== 'not-wf' || lint.wellFormed) continue;
      const own = verdict.lines.filter((_, i) => !POLICY_CODES.has(verdict.codes[i]!));
      if (own.length === 0) continue; // refused by policy only: no grammar error of ours to place
      checked++;
      if (!own.includes(lint.line!)) misplaced.push(`${test.id}: ours ${own.join(',')} xmllint ${lint.line} (${lint.message})`);
    }
    expect(misplaced).toEqual([]);
    expect(checked).toBeGreaterThan(850);
  });

  it('accepts every well-formed document except the listed policy refusals', () => {
    const unexpected: string[] = [];
    for (const { test, ours: verdict } of results.values()) {
      if (test.type === 'not-wf') continue;
      const listed = refusals.get(test.id);
      if (verdict.codes.length === 0) {
        if (listed) unexpected.push(`${test.id}: accepted, but listed as refused (${listed.join('+')})`);
        continue;
      }
      const codes = [...new Set(verdict.codes)];
      const allowed = new Set((listed ?? []).flatMap((policy) => expectations.policies[policy]?.codes ?? []));
      const unnamed = codes.filter((code) => !allowed.has(code));
      if (unnamed.length > 0) unexpected.push(`${test.id}: refused with ${unnamed.join(', ')}, which ${listed ? 'its listed policy does not name' : 'no policy names'}`);
    }
    expect(unexpected).toEqual([]);
  });

  it('lists only tests of the selection, and only well-formed ones', () => {
    const stray = expectations.refusals.filter((r) => results.get(r.id)?.test.type === undefined || results.get(r.id)!.test.type === 'not-wf');
    expect(stray).toEqual([]);
  });

  it('refuses an entity as declared elsewhere only where the DTD is external or uses parameter entities', () => {
    const wrong = expectations.refusals
      .filter((r) => ([] as string[]).concat(r.policy).includes('external-declarations'))
      .filter((r) => {
        const text = readFileSync(results.get(r.id)!.test.file, 'latin1');
        const end = text.indexOf(']>');
        const prolog = text.slice(text.indexOf('<!DOCTYPE'), end < 0 ? undefined : end);
        return !/SYSTEM|PUBLIC|%/.test(prolog);
      });
    expect(wrong.map((r) => r.id)).toEqual([]);
  });
});
