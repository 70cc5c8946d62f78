import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/package/mapLimit.js';

describe('mapLimit', () => {
  it('returns results in input order with at most `limit` calls in flight, whatever the completion order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(5), { maxLength: 40 }), fc.integer({ min: 1, max: 10 }), async (delays, limit) => {
        let inFlight = 0;
        let peak = 0;
        const results = await mapLimit(delays, limit, async (delay, index) => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, delay));
          inFlight--;
          return index * 2;
        });
        expect(results).toEqual(delays.map((_, i) => i * 2));
        expect(peak).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 30 },
    );
  });
});
