import fc from 'fast-check';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { readModelJson, writeModelJson } from '../../src/formats/modelJson/modelJson.js';
import { catalogueEntrySchema } from '../../src/model/catalogueEntry.js';
import { fondsSchema } from '../../src/model/fonds.js';
import { itemSchema } from '../../src/model/item.js';
import { modelSchemas, type ModelName } from '../../src/model/jsonSchema.js';
import { catalogueEntry } from './arbitraries.js';
import { modelArbitraries } from './modelArbitraries.js';

describe('model JSON', () => {
  it('round-trips catalogue entries: read(write(x)) equals x', () => {
    fc.assert(
      fc.property(fc.array(catalogueEntry({ retention: true, electronicName: true }), { maxLength: 5 }), (entries) => {
        const result = readModelJson(z.array(catalogueEntrySchema), new TextEncoder().encode(writeModelJson(entries)));
        expect(result.issues).toEqual([]);
        expect(result.value).toEqual(entries);
      }),
    );
  });

  it('has a round-trip arbitrary for every model of modelSchemas', () => {
    expect(Object.keys(modelArbitraries).sort()).toEqual(Object.keys(modelSchemas).sort());
  });

  for (const name of Object.keys(modelSchemas) as ModelName[]) {
    it(`round-trips ${name}, alone and in arrays, losing nothing: read(write(x)) equals x`, () => {
      const schema = modelSchemas[name];
      fc.assert(
        fc.property(modelArbitraries[name], fc.array(modelArbitraries[name], { maxLength: 3 }), (value, values) => {
          // The arbitrary gives values the schema accepts as they are.
          expect(schema.safeParse(value)).toStrictEqual({ success: true, data: value });
          const text = writeModelJson(value);
          const read = readModelJson(schema, text);
          expect(read.issues).toEqual([]);
          expect(read.value).toStrictEqual(value);
          // The text alone holds the whole value (no schema needed), and UTF-8 bytes with a BOM read the same.
          expect(JSON.parse(text)).toStrictEqual(value);
          const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
          expect(readModelJson(schema, bytes).value).toStrictEqual(value);
          expect(readModelJson(z.array(schema), writeModelJson(values)).value).toStrictEqual(values);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('keeps a 件 with a bracketed title and every optional field absent', () => {
    const item = { fondsCode: 'Z109', year: 2011, retentionPeriod: 'Y', orgCode: 'BGS', itemNumber: 1, pageCount: 3, title: '[关于]通知', author: '某局', date: '20110302' };
    expect(readModelJson(itemSchema, writeModelJson(item)).value).toStrictEqual(item);
  });

  it('reports a syntax error and a schema mismatch as issues, naming the field', () => {
    expect(readModelJson(fondsSchema, '{"fondsName": ').issues[0]?.code).toBe('export.json.syntax');
    const bad = readModelJson(fondsSchema, '{"fondsName":"x"}', { locale: 'en' });
    expect(bad.value).toBeUndefined();
    expect(bad.issues[0]).toMatchObject({ code: 'model.invalid', params: { field: 'creatingUnit' } });
  });
});
