import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFirstSeenTable } from '../../../src/formats/catalogue/firstSeen.js';
import { createLineIndex, createLineTable } from '../../../src/xml/lineIndex.js';

describe('createFirstSeenTable', () => {
  it('property: answers as a Map of first positions (Latin-1 and other strings, numbers, growth past many rehashes)', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('Z109-WS·2000-Y-0001', 'Z109-WS·2000-Y-0002', '档号-1', '1', ''), fc.integer({ min: -5, max: 3000 }), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (keys) => {
        const table = createFirstSeenTable();
        const map = new Map<string | number, number>();
        keys.forEach((k, position) => {
          const expected = map.get(k);
          if (expected === undefined) map.set(k, position);
          expect(table.firstOrAdd(k, position)).toBe(expected);
        });
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it('keeps 200,000 distinct 档号 apart and finds each again', () => {
    const table = createFirstSeenTable();
    let fresh = 0;
    for (let i = 0; i < 200_000; i++) if (table.firstOrAdd(`Z109-WS·2000-Y-BGS-${i}`, i) === undefined) fresh++;
    expect(fresh).toBe(200_000);
    for (let i = 0; i < 200_000; i += 997) expect(table.firstOrAdd(`Z109-WS·2000-Y-BGS-${i}`, -1)).toBe(i);
  });

  it('keeps keys of every length apart across byte blocks (0 to 20,000 characters), and -0, 0 and NaN as a Map does', () => {
    const table = createFirstSeenTable();
    const keys = Array.from({ length: 3000 }, (_, i) => 'k'.repeat((i * 7919) % 20_001) + String(i));
    keys.forEach((key, i) => expect(table.firstOrAdd(key, i)).toBeUndefined());
    keys.forEach((key, i) => expect(table.firstOrAdd(key, -1)).toBe(i));
    expect(table.firstOrAdd(-0, 1)).toBeUndefined();
    expect(table.firstOrAdd(0, 2)).toBe(1);
    expect(table.firstOrAdd(Number.NaN, 3)).toBeUndefined();
    expect(table.firstOrAdd(Number.NaN, 4)).toBe(3);
  });
});

describe('createLineTable', () => {
  it('property: a text appended piece by piece locates every offset as createLineIndex does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '中', 'bc\n\n'), { maxLength: 200 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const text = parts.join('');
        const table = createLineTable();
        let from = 0;
        for (const cut of [...cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b), text.length]) {
          table.append(text.slice(from, Math.max(from, cut)));
          from = Math.max(from, cut);
        }
        const index = createLineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) expect(table.locate(offset)).toEqual(index.locate(offset));
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('property: lines of every length class (1 to 4 bytes of stored length) and past many anchors (every 64th line)', () => {
    const long = ['x'.repeat(127), 'x'.repeat(128), 'y'.repeat(16_384), 'z'.repeat(300_000)];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('\n', 'a\n', '\n\n\n\n'), fc.constantFrom(...long)), { maxLength: 400 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const text = parts.join('');
        const table = createLineTable();
        let from = 0;
        for (const cut of [...cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b), text.length]) {
          table.append(text.slice(from, Math.max(from, cut)));
          from = Math.max(from, cut);
        }
        const index = createLineIndex(text);
        // Every line start, the character before it, and a spread of offsets in between.
        const offsets = new Set<number>([0, text.length]);
        for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) offsets.add(k).add(k + 1);
        for (let o = 0; o < text.length; o += 4099) offsets.add(o);
        for (const offset of offsets) expect(table.locate(offset)).toEqual(index.locate(offset));
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
