import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseByteCount } from '../../../src/formats/fixity/parseByteCount.js';

describe('parseByteCount', () => {
  it('property: every safe whole number formats and parses back, leading zeros too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.nat({ max: 3 }), (count, zeros) => {
        expect(parseByteCount('0'.repeat(zeros) + String(count))).toBe(count);
      }),
    );
  });

  it('property: a count beyond 2^53 − 1 is refused, never rounded to a neighbour', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(Number.MAX_SAFE_INTEGER) + 1n, max: 10n ** 30n }), (count) => {
        expect(parseByteCount(count.toString())).toBeUndefined();
      }),
    );
    // 2^53 + 1 would become 2^53 through Number().
    expect(parseByteCount('9007199254740993')).toBeUndefined();
    expect(parseByteCount('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('takes digits only', () => {
    for (const text of ['', ' 1', '1 ', '+1', '-1', '1.0', '1e3', '0x10', '１２']) expect(parseByteCount(text), text).toBeUndefined();
  });
});
