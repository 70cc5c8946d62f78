import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTextPool } from '../../src/xml/textPool.js';

describe('createTextPool', () => {
  it('property: gives back every text unchanged, pooled or not, however often it is asked', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 30 }), fc.constantFrom(0, 4, 16, Infinity), (texts, maxLength) => {
        const keep = createTextPool(maxLength);
        for (const text of [...texts, ...texts]) expect(keep(` ${text} `.slice(1, -1))).toBe(text);
      }),
    );
  });
});
