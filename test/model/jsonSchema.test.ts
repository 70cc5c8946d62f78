import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  archivalDateSchema,
  calendarDateSchema,
  formatArchivalDate,
  modelJsonSchemaFiles,
  modelSchemas,
  parseArchivalDate,
  parseRetentionPeriod,
  retentionPeriodTextSchema,
} from '../../src/index.js';

const dir = new URL('../../schemas/json/', import.meta.url);
const files = modelJsonSchemaFiles();

describe('schemas/json', () => {
  it('holds exactly one JSON Schema per model, and none extra', () => {
    const committed = readdirSync(dir).filter((n) => n.endsWith('.schema.json')).sort();
    expect(committed).toEqual(Object.keys(modelSchemas).map((n) => `${n}.schema.json`).sort());
  });

  it.each(Object.keys(files))('%s is up to date (run `npm run build` to regenerate)', (name) => {
    expect(readFileSync(new URL(name, dir), 'utf8')).toBe(files[name]);
  });

  it('carries the §5.5 required columns and 页数 > 0 into the catalogue-entry schema', () => {
    const schema = JSON.parse(files['catalogue-entry.schema.json'] ?? '{}');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['sequenceNumber', 'archivalCode', 'author', 'title', 'date', 'pageCount']);
    expect(schema.properties.pageCount).toMatchObject({ type: 'integer', exclusiveMinimum: 0 });
    expect(schema.properties.securityClassification.anyOf[0].enum).toEqual(['绝密', '机密', '秘密']);
  });
});

/** The pattern a JSON Schema document gives a string schema. */
function patternOf(schema: unknown): RegExp {
  const name = Object.entries(modelSchemas).find(([, s]) => s === schema)?.[0];
  return new RegExp(JSON.parse(files[`${name}.schema.json`] ?? '{}').pattern);
}

describe('JSON Schema patterns agree with the parsers', () => {
  const dateLike = fc.oneof(
    fc.stringMatching(/^\[?\d{4}-?\d{2}-?\d{2}\]?$/),
    fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', '[', ']', ' ', '［', '］'), maxLength: 14 }),
  );

  it('every date the parser accepts matches the archival-date pattern, and vice versa up to the calendar', () => {
    const pattern = patternOf(archivalDateSchema);
    fc.assert(
      fc.property(dateLike, (text) => {
        const result = parseArchivalDate(text);
        expect(pattern.test(text), text).toBe(result.ok || result.reason === 'calendar');
      }),
      { numRuns: 2000 },
    );
  });

  it('the calendar-date pattern accepts every complete date', () => {
    const pattern = new RegExp(JSON.parse(files['access-record.schema.json'] ?? '{}').properties.date.pattern);
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), fc.boolean(), (d, extended) => {
        const text = formatArchivalDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), researched: false }, extended ? 'extended' : 'basic');
        expect(pattern.test(text)).toBe(true);
        expect(calendarDateSchema.safeParse(text).success).toBe(true);
      }),
    );
    expect(pattern.test('20240100')).toBe(false);
    expect(pattern.test('[20240101]')).toBe(false);
  });

  it('every retention text the parser accepts matches the retention-period-text pattern, and only those', () => {
    const pattern = patternOf(retentionPeriodTextSchema);
    const text = fc.oneof(
      fc.constantFrom('Y', 'D10', 'D30', '永久', '长期', '短期', '定期30年', '30年', '报废后5年', 'C', 'D', 'D0', '定期', '年', '后5年', '  后5年', ' 保后 5年'),
      fc.string({ unit: fc.constantFrom('Y', 'D', '1', '0', '定', '期', '年', '后', '保', '管', '永', '久', ' '), maxLength: 8 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(pattern.test(t), t).toBe(parseRetentionPeriod(t) !== undefined);
      }),
      { numRuns: 2000 },
    );
  });
});
