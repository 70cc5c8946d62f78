import { describe, expect, it } from 'vitest';
import { defaultLimits, scaledTimeLimit, totalXmlMilliseconds, XML_BYTES_PER_TIME_BUDGET, XML_MILLISECONDS_PER_ITEM } from '../../src/package/limits.js';
import { defaultXmlLimits } from '../../src/xml/limits.js';

describe('time budgets that grow with the package', () => {
  it('the metadata budget left at its default grows by XML_MILLISECONDS_PER_ITEM an item; one the caller sets is used as given', () => {
    expect(totalXmlMilliseconds({}, 10)).toBe(defaultLimits.maxTotalXmlMilliseconds);
    expect(totalXmlMilliseconds({}, 250_000)).toBe(250_000 * XML_MILLISECONDS_PER_ITEM);
    expect(totalXmlMilliseconds({}, 250_000)).toBeGreaterThan(defaultLimits.maxTotalXmlMilliseconds);
    expect(totalXmlMilliseconds({ maxTotalXmlMilliseconds: 5 }, 250_000)).toBe(5);
  });

  it("a large file's XML time budget grows with its size past XML_BYTES_PER_TIME_BUDGET, a small one's is unchanged", () => {
    const limits = { maxDepth: 7 };
    expect(scaledTimeLimit(limits, 1024)).toBe(limits);
    expect(scaledTimeLimit({}, XML_BYTES_PER_TIME_BUDGET)).toEqual({});
    expect(scaledTimeLimit(limits, 8 * XML_BYTES_PER_TIME_BUDGET)).toEqual({ maxDepth: 7, maxMilliseconds: 8 * defaultXmlLimits.maxMilliseconds });
    expect(scaledTimeLimit({ maxMilliseconds: 10 }, 2 * XML_BYTES_PER_TIME_BUDGET).maxMilliseconds).toBe(20);
  });
});
