import fc from 'fast-check';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { readModelJson, writeModelJson } from '../../src/export/json/modelJson.js';
import { catalogueEntrySchema } from '../../src/model/catalogueEntry.js';
import { fondsSchema } from '../../src/model/fonds.js';
import { itemSchema } from '../../src/model/item.js';
import { catalogueEntry, someText } from './arbitraries.js';

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

  it('round-trips fonds and items', () => {
    const fonds = fc.record(
      { fondsCode: fc.stringMatching(/^[A-Z][0-9]{3}$/), fondsName: someText, creatingUnit: someText, archiveName: someText, archiveCode: someText },
      { requiredKeys: ['fondsName', 'creatingUnit'] },
    );
    fc.assert(
      fc.property(fonds, (value) => {
        expect(readModelJson(fondsSchema, writeModelJson(value)).value).toEqual(value);
      }),
    );
    const item = { fondsCode: 'Z109', year: 2011, retentionPeriod: 'Y', orgCode: 'BGS', itemNumber: 1, pageCount: 3, title: '[关于]通知', author: '某局', date: '20110302' };
    expect(readModelJson(itemSchema, writeModelJson(item)).value).toEqual(item);
  });

  it('reports a syntax error and a schema mismatch as issues, naming the field', () => {
    expect(readModelJson(fondsSchema, '{"fondsName": ').issues[0]?.code).toBe('export.json.syntax');
    const bad = readModelJson(fondsSchema, '{"fondsName":"x"}', { locale: 'en' });
    expect(bad.value).toBeUndefined();
    expect(bad.issues[0]).toMatchObject({ code: 'model.invalid', params: { field: 'creatingUnit' } });
  });
});
