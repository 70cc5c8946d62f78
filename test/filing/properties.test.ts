import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  archivalCategories,
  checkSequence,
  compareArchivalCodes,
  detectProfile,
  fieldSpecs,
  formatArchivalCode,
  isValidArchivalCode,
  listProfiles,
  normalizeArchivalCode,
  parseArchivalCode,
  parseTemplate,
  type ArchivalCodeComponents,
  type ArchivalCodeProfile,
  type ComponentName,
  type TemplateNode,
} from '../../src/index.js';

const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const digit = fc.constantFrom(...'0123456789');
const str = (chars: fc.Arbitrary<string>, min: number, max: number) =>
  fc.array(chars, { minLength: min, maxLength: max }).map((a) => a.join(''));
const han = fc.constantFrom(...'办公室人事处财务科技档案馆党委宣传部');

// A 类别号 level must not read as a 年度 or a 保管期限 (see fields.ts).
const classLevel = fc
  .oneof(str(upper, 1, 4), str(digit, 1, 3), fc.tuple(upper, str(digit, 1, 2)).map(([a, b]) => a + b))
  .filter((l) => !/^(?:\d{4}|Y|D\d+)$/.test(l));

function numberArb(width: number | undefined): fc.Arbitrary<string> {
  const w = width ?? 3;
  return fc.integer({ min: 1, max: 10 ** w - 1 }).map((n) => String(n).padStart(w, '0'));
}

function retentionArb(profile: ArchivalCodeProfile): fc.Arbitrary<string> {
  const options = profile.retentionPeriods.map((r) => (r === 'D*' ? fc.integer({ min: 1, max: 100 }).map((n) => `D${n}`) : fc.constant(r)));
  return fc.oneof(...options);
}

function orgArb(profile: ArchivalCodeProfile): fc.Arbitrary<string> {
  const forms = {
    letters3: str(upper, 3, 3),
    digits3: str(digit, 3, 3),
    letters: str(upper, 1, 5),
    digits: str(digit, 1, 4),
    chinese: str(han, 2, 5),
  };
  return fc.oneof(...profile.orgCodeForms.map((f) => forms[f]));
}

function fieldArb(profile: ArchivalCodeProfile, name: ComponentName): fc.Arbitrary<string | string[]> {
  const fixed = profile.fixedValues[name];
  if (fixed) return fc.constantFrom(...fixed);
  switch (name) {
    case 'fondsCode':
      return fc.oneof(fc.tuple(upper, str(digit, 3, 3)).map(([a, b]) => a + b), str(fc.oneof(upper, digit), 1, 6));
    case 'categoryCode':
      return fc.constantFrom(...archivalCategories.map((c) => c.code));
    case 'classCode':
      return fc.array(classLevel, { minLength: 1, maxLength: 3 });
    case 'projectCode':
      return str(fc.oneof(upper, digit), 1, 4);
    case 'year':
      return fc.integer({ min: 1950, max: 2025 }).map(String);
    case 'retentionPeriod':
      return retentionArb(profile);
    case 'orgCode':
      return orgArb(profile);
    default:
      return numberArb(profile.widths[name]);
  }
}

function optionalFields(nodes: readonly TemplateNode[], inside = false, out = new Set<ComponentName>()): Set<ComponentName> {
  for (const n of nodes) {
    if (n.type === 'field' && inside) out.add(n.name);
    if (n.type === 'optional') optionalFields(n.nodes, true, out);
  }
  return out;
}

/** Components that conform to a profile (optional parts present or not). */
function componentsArb(profile: ArchivalCodeProfile): fc.Arbitrary<ArchivalCodeComponents> {
  const parsed = parseTemplate(profile.template);
  if (!parsed.ok) throw new Error('built-in template does not parse');
  const optional = optionalFields(parsed.nodes);
  const entries = profile.fields.map((name) => {
    const value = fieldArb(profile, name);
    return optional.has(name) ? fc.option(value, { nil: undefined }) : value;
  });
  return fc.tuple(...entries).map((values) => {
    const c: Record<string, unknown> = {};
    profile.fields.forEach((name, i) => {
      if (values[i] !== undefined) c[name] = values[i];
    });
    return c as ArchivalCodeComponents;
  });
}

function tryFormat(c: ArchivalCodeComponents, profile: string): string | undefined {
  try {
    return formatArchivalCode(c, profile);
  } catch {
    return undefined; // e.g. 机构 without 保管期限 where the template nests it
  }
}

// Messy variants a user or a GB 2312 table produces from a clean code.
const DOTS = ['・', '‧', '･', '•', '∙', '⋅', '．', '.'];
const DASHES = ['‐', '‑', '‒', '–', '—', '―', '−', '－'];
function messArb(code: string): fc.Arbitrary<string> {
  return fc.array(fc.nat(), { minLength: code.length, maxLength: code.length }).map((rolls) =>
    [...code]
      .map((ch, i) => {
        const r = rolls[i] as number;
        if (ch === '·' && r % 2 === 0) return DOTS[r % DOTS.length];
        if (ch === '-' && r % 2 === 0) return DASHES[r % DASHES.length];
        if (/[A-Z0-9]/.test(ch) && r % 5 === 0) return String.fromCharCode(ch.charCodeAt(0) + 0xfee0); // full-width
        if (/[A-Z]/.test(ch) && r % 7 === 0) return ch.toLowerCase();
        if (r % 11 === 0) return ` ${ch}`;
        return ch;
      })
      .join(''),
  );
}

const profiles = listProfiles().map((p) => [p.id, p] as const);

describe.each(profiles)('profile %s', (id, profile) => {
  it('parse(format(c)) equals c', () => {
    fc.assert(
      fc.property(componentsArb(profile), (c) => {
        const code = tryFormat(c, id);
        fc.pre(code !== undefined);
        const r = parseArchivalCode(code as string, { profile: id, currentYear: 2026 });
        expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(r.components).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('format(parse(s)) equals the normalised s, however messy s is', () => {
    const messy = componentsArb(profile)
      .map((c) => tryFormat(c, id))
      .filter((s): s is string => s !== undefined)
      .chain((clean) => messArb(clean).map((s) => ({ clean, s })));
    fc.assert(
      fc.property(messy, ({ clean, s }) => {
        const r = parseArchivalCode(s, { profile: id, currentYear: 2026 });
        expect(r.normalized).toBe(normalizeArchivalCode(s).code);
        expect(r.normalized).toBe(clean);
        expect(formatArchivalCode(r.components ?? {}, id)).toBe(r.normalized);
      }),
      { numRuns: 300 },
    );
  });
});

describe('junk never throws', () => {
  const junk = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.array(fc.constantFrom('🙂', '👨‍👩‍👧', '\u0000', '\u0007', '\u001b[31m', '\uFEFF', '\uD800', '·', '-', 'Z109', 'WS', '2011', 'Y', 'D30', '0001', '办公室'), {
      maxLength: 12,
    }).map((a) => a.join('')),
    fc.constant(''),
    fc.constant('9'.repeat(10_000)),
    fc.constant('Z109-'.repeat(2_000)),
  );

  it('parse, validate, detect, normalise, compare and sequence-check give issues, never an exception', () => {
    fc.assert(
      fc.property(junk, junk, (a, b) => {
        const r = parseArchivalCode(a);
        expect(Array.isArray(r.issues)).toBe(true);
        if (!r.valid) expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
        expect(typeof isValidArchivalCode(a, { strict: true })).toBe('boolean');
        detectProfile(a);
        normalizeArchivalCode(a);
        expect(Number.isFinite(compareArchivalCodes(a, b))).toBe(true);
        expect(checkSequence([a, b]).summary).toBeDefined();
      }),
      { numRuns: 400 },
    );
  });

  it('a valid code without warnings is exactly what format writes back', () => {
    const tokens = fc.array(fc.constantFrom('Z109', 'A1', 'WS', 'KJ', 'ZP', '2011', 'Y', 'D30', 'C', 'BGS', '办公室', '001', '0001', '1', '-', '·'), {
      minLength: 1,
      maxLength: 14,
    });
    fc.assert(
      fc.property(tokens, (t) => {
        const s = t.join('');
        const r = parseArchivalCode(s, { currentYear: 2026 });
        if (r.valid && r.issues.length === 0) expect(formatArchivalCode(r.components ?? {}, r.profile)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('field character tests', () => {
  // The formatter checks values with `accepts`, the parser with `pattern`: they must agree.
  const alphabet = fc.constantFrom(...'ABCDYZ0123456789', 'D', 'Y', '·', '-', '办', 'a', ' ', '０', '\u3400', '\u9fff', '\ufa00');
  it.each(Object.values(fieldSpecs).map((spec) => [spec.name, spec] as const))('%s: accepts equals its pattern', (_name, spec) => {
    const regex = new RegExp(`^(?:${spec.pattern})$`);
    fc.assert(
      fc.property(fc.oneof(str(alphabet, 0, 6), fc.constantFrom('Y', 'C', 'D', 'D0', 'D30', '2011', '20111', 'WS', 'W', '')), (v) => {
        expect(spec.accepts(v)).toBe(regex.test(v));
      }),
      { numRuns: 500 },
    );
  });
});
