import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  archivalCategories,
  builtinProfileDefinitions,
  profileDefinitionSchema,
  compileProfile,
  getProfile,
  listProfiles,
  validateComponents,
  type ArchivalCodeComponents,
  type ArchivalCodeProfile,
  type OrgCodeForm,
  type ParseArchivalCodeOptions,
} from '../../src/index.js';
import { orgCodeAcceptor } from '../../src/filing/validateComponents.js';

// The hot path of parse → validate → format is tuned (generated reader and
// writer, predicates before issues); these properties hold it to the plain
// definitions it replaces.

const alphabet = fc.constantFrom(...'ABDYZ0123456789', 'C', 'D', 'Y', '·', '-', '办', '公', 'a', ' ', '０', '\u3400', '\u9fff', '\ufa00', '\u00b7');
const text = (max: number) => fc.array(alphabet, { maxLength: max }).map((a) => a.join(''));
const value = fc.oneof(text(6), fc.constantFrom('Y', 'C', 'D', 'D0', 'D30', 'D10', 'D5', 'D*', '2011', '1899', '2027', '2028', '0000', '0001', '1', 'WS', 'QQ', 'BGS', '003', '办公室', ''));

// Compiles every built-in profile with code generation blocked, as under a
// Content-Security-Policy without 'unsafe-eval': the interpreting fallbacks.
function interpretedProfiles(): ArchivalCodeProfile[] {
  const original = globalThis.Function;
  // zod checks the definitions; it probes for eval when a schema is built (here at import, before
  // the block) and compiles each schema's parser on first use: use them now, as under a real policy
  // zod's probe fails and it never compiles.
  for (const d of builtinProfileDefinitions) profileDefinitionSchema.parse(d);
  globalThis.Function = function blocked() {
    throw new EvalError('Refused to evaluate a string as JavaScript (CSP)');
  } as unknown as FunctionConstructor;
  try {
    return [
      ...builtinProfileDefinitions.map((d) => compileProfile(d)),
      compileProfile({ id: 'read-back', template: '{fondsCode}[-{catalogueNumber}][-{volumeNumber}]-{itemNumber:3}' }),
    ];
  } finally {
    globalThis.Function = original;
  }
}

const interpreted = interpretedProfiles();
const generated = (p: ArchivalCodeProfile) =>
  getProfile(p.id) ?? compileProfile({ id: p.id, template: p.template });

describe('generated reader and writer', () => {
  // Codes made of the pieces codes are made of, so most of them match some profile.
  const codeArb = fc
    .array(fc.oneof(fc.constantFrom('Z109', 'WS', 'ZP', 'KJ', 'JC', '2011', 'Y', 'D30', 'C', 'BGS', '办公室', '001', '0001', '1'), text(3)), {
      minLength: 1,
      maxLength: 9,
    })
    .chain((parts) => fc.array(fc.constantFrom('-', '·'), { minLength: parts.length - 1, maxLength: parts.length - 1 }).map((seps) => parts.map((p, i) => (i === 0 ? p : `${seps[i - 1]}${p}`)).join('')));

  it.each(interpreted.map((p) => [p.id, p] as const))('%s: read the same components, keys in the same order', (_id, fallback) => {
    const p = generated(fallback);
    expect([p.match.name, fallback.match.name]).toEqual(['match', 'interpretedMatch']);
    fc.assert(
      fc.property(codeArb, (code) => {
        const a = p.match(code);
        const b = fallback.match(code);
        expect(a).toEqual(b);
        if (a && b) expect(Object.keys(a)).toEqual(Object.keys(b));
      }),
      { numRuns: 400 },
    );
  });

  const inputArb = fc.record(
    {
      fondsCode: fc.oneof(value, fc.integer({ min: -1, max: 20 })),
      catalogueNumber: fc.oneof(value, fc.integer({ min: 0, max: 99 })),
      categoryCode: value,
      classCode: fc.oneof(fc.array(value, { maxLength: 3 }), value),
      projectCode: value,
      year: fc.oneof(value, fc.integer({ min: 1890, max: 2030 }), fc.double()),
      retentionPeriod: value,
      orgCode: value,
      volumeNumber: fc.oneof(value, fc.integer({ min: 0, max: 9999 })),
      groupNumber: value,
      itemNumber: fc.oneof(value, fc.integer({ min: -1, max: 99999 }), fc.constant(null)),
      pageNumber: value,
    },
    { requiredKeys: [] },
  );

  it.each(interpreted.map((p) => [p.id, p] as const))('%s: write the same code, or the same problem', (_id, fallback) => {
    const p = generated(fallback);
    // A read-back profile wraps either writer in the same check, so only the others show which is which.
    if (fallback.id !== 'read-back') expect([p.write.name, fallback.write.name]).toEqual(['write', 'interpretedWrite']);
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(p.write(input as never)).toEqual(fallback.write(input as never));
      }),
      { numRuns: 600 },
    );
  });
});

describe('value rules', () => {
  const FORMS: Record<OrgCodeForm, RegExp> = {
    letters3: /^[A-Z]{3}$/,
    digits3: /^\d{3}$/,
    letters: /^[A-Z]+$/,
    digits: /^\d+$/,
    chinese: /^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+$/,
  };

  it('orgCodeAcceptor accepts exactly the codes of one of its forms (DA/T 22-2015 §5.4, DA/T 13-2022 §5)', () => {
    const forms = fc.subarray(Object.keys(FORMS) as OrgCodeForm[], { minLength: 1 });
    fc.assert(
      fc.property(forms, fc.oneof(text(5), fc.constantFrom('BGS', '003', '办公室', 'BG', 'BGSX', '00', '办1')), (list, v) => {
        expect(orgCodeAcceptor(list)(v)).toBe(list.some((f) => FORMS[f].test(v)));
      }),
      { numRuns: 1000 },
    );
  });

  // The rules of validateComponents written out plainly, in its order.
  function expectedCodes(p: ArchivalCodeProfile, c: ArchivalCodeComponents, o: ParseArchivalCodeOptions): string[] {
    const out: string[] = [];
    const known = (o.categories ?? archivalCategories).map((row) => row.code);
    if (c.categoryCode !== undefined && !p.fixedValues.categoryCode && !known.includes(c.categoryCode as never)) out.push('unknown-category');
    if (c.year !== undefined) {
      const max = (o.currentYear ?? new Date().getFullYear()) + 1;
      if (!/^\d{4}$/.test(c.year)) out.push('year-format');
      else if (Number(c.year) < (o.minYear ?? 1900) || Number(c.year) > max) out.push('year-implausible');
    }
    const r = c.retentionPeriod;
    if (r !== undefined && !p.retentionPeriods.includes(r) && !(p.retentionPeriods.includes('D*') && /^D[1-9]\d*$/.test(r))) {
      out.push(r === 'C' || r === 'D' ? 'retention-legacy' : 'retention-not-allowed');
    }
    if (c.orgCode !== undefined && !p.orgCodeForms.some((f) => FORMS[f].test(c.orgCode as string))) out.push('org-code-form');
    for (const name of ['catalogueNumber', 'volumeNumber', 'groupNumber', 'itemNumber', 'pageNumber'] as const) {
      const v = c[name];
      if (v === undefined) continue;
      if (/^0+$/.test(v)) out.push('number-zero');
      const width = p.widths[name];
      if (width !== undefined && v.length !== width) out.push('number-width');
    }
    if (p.fondsCodeForm && c.fondsCode !== undefined && !p.fondsCodeForm.test(c.fondsCode)) out.push('fonds-code-form');
    return out.map((code) => `archival-code.${code}`);
  }

  const componentsArb = fc.record(
    {
      fondsCode: value,
      catalogueNumber: value,
      categoryCode: value,
      year: value,
      retentionPeriod: value,
      orgCode: value,
      volumeNumber: value,
      groupNumber: value,
      itemNumber: value,
      pageNumber: value,
    },
    { requiredKeys: [] },
  );
  const optionsArb = fc.record(
    {
      strict: fc.boolean(),
      currentYear: fc.integer({ min: 1990, max: 2030 }),
      minYear: fc.integer({ min: -10, max: 2000 }),
      categories: fc.constant([{ code: 'QQ', name: '其他', nameEn: 'other', source: { standard: '本馆', confidence: 'verified' as const } }]),
    },
    { requiredKeys: [] },
  );

  it('reports components of the wrong type as issues, without throwing', () => {
    const p = getProfile('dat13-2022') as ArchivalCodeProfile; // allows any D<n>
    const c = { retentionPeriod: 30, year: 2011, orgCode: 3, itemNumber: 7 } as unknown as ArchivalCodeComponents;
    expect(validateComponents(p, c).map((i) => i.code)).toEqual([
      'archival-code.year-format',
      'archival-code.retention-not-allowed',
      'archival-code.org-code-form',
    ]);
  });

  it.each(listProfiles().map((p) => [p.id, p] as const))('%s: validateComponents reports exactly the broken rules', (_id, p) => {
    fc.assert(
      fc.property(componentsArb, optionsArb, (c, o) => {
        const issues = validateComponents(p, c, o);
        expect(issues.map((i) => i.code)).toEqual(expectedCodes(p, c, o));
        if (issues.length === 0) expect(Object.isFrozen(issues)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
