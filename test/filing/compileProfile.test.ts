import { afterEach, describe, expect, it } from 'vitest';
import {
  ArchivalCodeProfileError,
  builtinProfileDefinitions,
  profileDefinitionSchema,
  compileProfile,
  detectProfile,
  formatArchivalCode,
  getProfile,
  listProfiles,
  parseArchivalCode,
  parseTemplate,
  registerProfile,
  unregisterProfile,
} from '../../src/index.js';

afterEach(() => {
  unregisterProfile('city-archive');
});

describe('parseTemplate', () => {
  it.each([
    ['{fonds}-{itemNumber}', 'unknown field "fonds"', 1],
    ['{fondsCode}{itemNumber}', 'field "fondsCode" and field "itemNumber" must be separated by "-" or "·"', 0],
    ['{fondsCode}-{year}', 'every form of the code must end with a number field', 0],
    ['{fondsCode}-{itemNumber}-{itemNumber}', 'field "itemNumber" is used twice', 26],
    ['{fondsCode}-[{orgCode}-{itemNumber}', 'unclosed "["', 13],
    ['{fondsCode}-{orgCode}]-{itemNumber}', 'unmatched "]"', 22],
    ['{fondsCode}-{year:4}-{itemNumber}', 'field "year" is not a number and cannot have a width', 13],
    ['{fondsCode*}-{itemNumber}', 'only classCode may repeat', 1],
    ['{fondsCode}_{itemNumber}', 'unexpected character "_"', 12],
    ['{fondsCode}--{itemNumber}', 'two separators in a row', 0],
    ['{categoryCode=wenshu}-{itemNumber}', 'value "wenshu" does not fit field "categoryCode"', 1],
    ['{fondsCode}-{itemNumber:12}', 'width of "itemNumber" must be 1 to 9', 13],
    ['{fondsCode}-[]-{itemNumber}', 'empty optional group', 13],
  ])('%s: %s', (template, message, column) => {
    const r = parseTemplate(template);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const problem = r.problems.find((p) => p.message.includes(message));
    expect(problem, JSON.stringify(r.problems)).toBeDefined();
    expect(problem?.column).toBe(column);
  });

  it('reads fields, widths, fixed values, repeats and nested optional groups', () => {
    const r = parseTemplate('{fondsCode}-{categoryCode=KJ|ZP}[·{classCode*}[·{year}]]-{itemNumber:4}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.nodes[2]).toEqual({ type: 'field', name: 'categoryCode', repeat: false, values: ['KJ', 'ZP'] });
    expect(r.nodes[3]).toMatchObject({ type: 'optional', nodes: [{ type: 'separator', text: '·' }, { name: 'classCode', repeat: true }, { type: 'optional' }] });
    expect(r.nodes[5]).toEqual({ type: 'field', name: 'itemNumber', repeat: false, width: 4 });
  });
});

describe('compileProfile', () => {
  it('throws an error that names the field and the problem, with issues', () => {
    let error: unknown;
    try {
      compileProfile({ id: 'Bad Id', template: '{fondsCode}-{item}' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchivalCodeProfileError);
    const e = error as ArchivalCodeProfileError;
    expect(e.message).toContain('invalid archival-code profile "Bad Id"');
    expect(e.message).toContain('id: must be 1–64 characters');
    expect(e.message).toContain('template: unknown field "item"');
    expect(e.message).toContain('at column 13');
    expect(e.issues.map((i) => i.code)).toEqual(['archival-code.profile-invalid', 'archival-code.profile-invalid']);
    expect(e.issues[1]?.params).toMatchObject({ field: 'template' });
  });

  it('rejects bad value rules by name', () => {
    expect(() => compileProfile({ id: 'x', template: '{itemNumber}', retentionPeriods: ['Z'] })).toThrow(/retentionPeriods\.0: must be Y, C, D, D<n> or D\*/);
    expect(() => compileProfile({ id: 'x', template: '{itemNumber}', fondsCodeForm: '([' })).toThrow(/fondsCodeForm: must be a valid regular expression/);
  });

  it('compiles a bare template into a matcher and a writer that agree', () => {
    const p = compileProfile('{fondsCode}-{year}-{orgCode}-{retentionPeriod}-{itemNumber:4}');
    expect(p.id).toBe('custom');
    expect(p.fields).toEqual(['fondsCode', 'year', 'orgCode', 'retentionPeriod', 'itemNumber']);
    const c = p.match('J001-2020-BGS-D30-0007');
    expect(c).toEqual({ fondsCode: 'J001', year: '2020', orgCode: 'BGS', retentionPeriod: 'D30', itemNumber: '0007' });
    expect(p.write(c ?? {})).toBe('J001-2020-BGS-D30-0007');
    expect(p.match('J001-2020-BGS-D30')).toBeUndefined();
  });
});

describe('registerProfile', () => {
  const definition = {
    id: 'city-archive',
    template: '{fondsCode}-{year}-{orgCode}-{retentionPeriod}-{itemNumber:4}',
    retentionPeriods: ['Y', 'D30', 'D10'],
  };

  it('makes a profile available by id, to detection first, and removable', () => {
    registerProfile(definition);
    expect(getProfile('city-archive')?.priority).toBe(150);
    expect(listProfiles()[0]?.id).toBe('city-archive');
    expect(detectProfile('J001-2020-BGS-D30-0007')).toBe('city-archive');
    expect(parseArchivalCode('J001-2020-BGS-D50-0007', { profile: 'city-archive' }).issues[0]?.code).toBe(
      'archival-code.retention-not-allowed',
    );
    expect(formatArchivalCode({ fondsCode: 'J001', year: 2020, orgCode: 'BGS', retentionPeriod: 'Y', itemNumber: 8 }, 'city-archive')).toBe(
      'J001-2020-BGS-Y-0008',
    );
    expect(unregisterProfile('city-archive')).toBe(true);
    expect(getProfile('city-archive')).toBeUndefined();
  });

  it('refuses to overwrite without replace, and never replaces a built-in', () => {
    registerProfile(definition);
    expect(() => registerProfile(definition)).toThrow(/already registered/);
    expect(registerProfile({ ...definition, priority: 10 }, { replace: true }).priority).toBe(10);
    expect(() => registerProfile({ id: 'dat22', template: '{itemNumber}' })).toThrow(/built-in/);
    expect(unregisterProfile('dat22')).toBe(false);
  });
});

describe('without code generation (Content-Security-Policy)', () => {
  it('falls back to the interpreting reader and writer, with the same results', () => {
    const original = globalThis.Function;
    let compiled: ReturnType<typeof compileProfile>[] = [];
    // zod checks the definitions; it probes for eval when a schema is built (here at import, before
    // the block) and compiles each schema's parser on first use: use them now, as under a real policy
    // zod's probe fails and it never compiles.
    for (const d of builtinProfileDefinitions) profileDefinitionSchema.parse(d);
    globalThis.Function = function blocked() {
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP)');
    } as unknown as FunctionConstructor;
    try {
      compiled = builtinProfileDefinitions.map((d) => compileProfile(d));
    } finally {
      globalThis.Function = original;
    }
    const samples = [
      'Z109-WS·2011-Y-BGS-0001',
      'A182-ZP·2022-Y-0001',
      'Z109-WS·2011·Y·办公室-0001',
      'J019-ZY·JC·CC·2019·D30-001-001',
      'K021-ZP·2019·D30-025-005',
      'X032-KJ·JJ·02-005-054',
      'C038-001-002-003',
    ];
    for (const p of compiled) {
      const generated = getProfile(p.id);
      // The generated functions are named; the fallbacks are the interpreting closures.
      expect([generated?.match.name, generated?.write.name]).toEqual(['match', 'write']);
      expect([p.match.name, p.write.name]).not.toContain('match');
      expect(p.write.name).not.toBe('write');
      for (const code of samples) {
        const a = p.match(code);
        expect(a).toEqual(generated?.match(code));
        if (a) {
          expect(p.write(a)).toBe(code);
          expect(p.write({ ...a, itemNumber: 'X' })).toEqual(generated?.write({ ...a, itemNumber: 'X' }));
        }
      }
      expect(p.write({ fondsCode: 'Z109' })).toEqual(generated?.write({ fondsCode: 'Z109' }));
      expect(p.write({ fondsCode: 'Z109', boxNumber: 1 } as never)).toEqual(generated?.write({ fondsCode: 'Z109', boxNumber: 1 } as never));
    }
    // The fallback writer reports components the profile has no place for.
    expect(compiled[0]?.write({ fondsCode: 'Z109', volumeNumber: '1' })).toEqual({ problem: 'format-unused', field: 'volumeNumber', value: '1' });
  });
});

describe('readBack', () => {
  it('refuses a code that would read back as other components', () => {
    // Two optional numbers in a row: {volumeNumber} alone would read back as catalogueNumber.
    const p = compileProfile('{fondsCode}[-{catalogueNumber}][-{volumeNumber}]-{itemNumber}');
    expect(p.write({ fondsCode: 'F1', catalogueNumber: '1', itemNumber: '2' })).toBe('F1-1-2');
    expect(p.write({ fondsCode: 'F1', volumeNumber: '1', itemNumber: '2' })).toEqual({ problem: 'format-invalid', field: 'volumeNumber', value: '1' });
    expect(() => formatArchivalCode({ fondsCode: 'F1', volumeNumber: '1', itemNumber: '2' }, p)).toThrow(/"volumeNumber" value "1"/);
  });
});
