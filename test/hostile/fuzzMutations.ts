// Byte-level structured mutations of valid inputs, shared by every fuzz target.
import fc from 'fast-check';

/**
 * A structured mutation of a seed: flips, inserts, deletions, truncation, duplication, splices.
 *
 * @param seeds - Valid inputs.
 * @returns One to four edits of one seed.
 */
export function mutated(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const edit = fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ op: fc.constant('set' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.oneof(fc.uint8Array({ maxLength: 16 }), fc.constantFrom(...['<', '>', '&', '<!DOCTYPE x [<!ENTITY a "b">]>', ']]>', '</', '"', '\u0000', '\uFEFF', '：', '\r\n'].map((s) => new TextEncoder().encode(s)))) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }),
  );
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([index, edits]) => {
    let data = seeds[index]!;
    for (const e of edits) {
      const at = data.length === 0 ? 0 : e.at % (data.length + 1);
      if (e.op === 'flip') {
        if (data.length === 0) continue;
        const copy = new Uint8Array(data); // a copy even of a Buffer (whose slice is a view)
        copy[at % data.length] = copy[at % data.length]! ^ (1 << e.bit);
        data = copy;
      } else if (e.op === 'set') {
        const copy = new Uint8Array(data); // a copy even of a Buffer (whose slice is a view)
        copy.set(e.bytes.subarray(0, Math.max(0, copy.length - at)), at);
        data = copy;
      } else if (e.op === 'insert') data = join3(data.subarray(0, at), e.bytes, data.subarray(at));
      else if (e.op === 'delete') data = join3(data.subarray(0, at), new Uint8Array(0), data.subarray(at + e.length));
      else if (e.op === 'truncate') data = data.subarray(0, at);
      else data = join3(data.subarray(0, at + e.length), data.subarray(at, at + e.length), data.subarray(at + e.length));
    }
    return data;
  });
}

function join3(a: Uint8Array, b: Uint8Array, c: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length + c.length);
  out.set(a, 0);
  out.set(b, a.length);
  out.set(c, a.length + b.length);
  return out;
}
