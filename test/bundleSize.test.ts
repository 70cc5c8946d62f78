import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script of bench/, without types
import { CASES, measure } from '../bench/bundle-size.mjs';
import { requireBuiltDist } from './builtDist.js';

/**
 * Issue 17: a browser bundle of one function carries that function's area
 * only — its own messages in zh-CN, no English unless registered, no zod
 * unless it validates — within the budgets of bench/bundle-size.mjs (gzip
 * bytes, from the built package as an app's bundler resolves `dangan`).
 */
interface Measured {
  name: string;
  gzip: number;
  modules: [string, number][];
}
interface Case {
  name: string;
  code: string;
  budget?: number;
}

const DIST = requireBuiltDist('browser bundle sizes');
const byName = new Map((CASES as Case[]).map((c) => [c.name, c]));

describe.skipIf(!DIST.fresh)(`browser bundles of single functions${DIST.reason}`, () => {
  it.each(['parseArchivalCode', 'retentionDates'])('%s is within its budget, with no zod, no English and no other area', async (name) => {
    const c = byName.get(name)!;
    const r = (await measure(c)) as Measured;
    expect(r.gzip).toBeLessThanOrEqual(c.budget!);
    const modules = r.modules.map(([m]) => m);
    expect(modules.filter((m) => m.includes('node_modules/zod/'))).toEqual([]);
    expect(modules.filter((m) => m.includes('/messages/en/'))).toEqual([]);
    const area = name === 'parseArchivalCode' ? 'filing' : 'rules';
    expect(modules.filter((m) => m.includes('/messages/')).map((m) => m.replace(/^.*\/messages\//, ''))).toEqual([`${area}.js`]);
  });

  it('English comes with the locale table an app registers, and zod with a validating function', async () => {
    const entry = JSON.stringify('dangan');
    const english = (await measure({ name: 'en', code: `import { registerMessages, parseArchivalCode } from ${entry}; import { filingIssuesEn } from 'dangan/locales/en'; registerMessages('en', filingIssuesEn); globalThis.out = parseArchivalCode;` })) as Measured;
    // the one area's English table registered, not the others'
    expect(english.modules.map(([m]) => m).filter((m) => m.includes('/messages/en/'))).toEqual(['dist/modules/report/messages/en/filing.js']);
    const validating = (await measure({ name: 'catalogue', code: `import { validateModel, itemSchema } from ${entry}; globalThis.out = [validateModel, itemSchema];` })) as Measured;
    expect(validating.modules.some(([m]) => m.includes('node_modules/zod/'))).toBe(true);
  });
});
