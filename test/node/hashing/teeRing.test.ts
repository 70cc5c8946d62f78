// The tee ring: space taken by bytes, given back in order as runs are released.
import { describe, expect, it } from 'vitest';
import { createRingWriter, createTeeRing, releaseRun, TEE_CREDIT } from '../../../src/node/hashing/teeRing.js';

const chunk = (length: number, fill: number) => new Uint8Array(length).fill(fill);

describe('the tee ring', () => {
  it('holds TEE_CREDIT bytes of small chunks (a 256 KiB file takes 256 KiB), each where it says, without overlap', () => {
    const ring = createTeeRing(1 << 20);
    const writer = createRingWriter(ring);
    const size = 256 << 10;
    const places = Array.from({ length: TEE_CREDIT / size }, (_, i) => writer.put(chunk(size, i + 1)));
    expect(places.map((p) => p.offset)).toEqual(places.map((_, i) => i * size));
    expect(new Set(places.map((p) => p.run)).size).toBe(places.length);
    const bytes = new Uint8Array(ring.bytes);
    places.forEach((p, i) => expect(bytes.subarray(p.offset, p.offset + size).every((b) => b === i + 1)).toBe(true));
  });

  it('gives space back as the oldest runs are released, wrapping to the start for a chunk that does not fit at the end', () => {
    const ring = createTeeRing(1 << 20);
    const state = new Int32Array(ring.state);
    const writer = createRingWriter(ring);
    const mib = 1 << 20;
    const first = Array.from({ length: 15 }, (_, i) => writer.put(chunk(mib, i)));
    // 1 MiB left at the end: 1.5 MiB does not fit there; the first two runs released, it goes to the start.
    releaseRun(state, (first[1] as { run: number }).run);
    releaseRun(state, (first[0] as { run: number }).run);
    const wrapped = writer.put(chunk(mib + (mib >> 1), 99));
    expect(wrapped.offset).toBe(0);
    expect(Atomics.load(state, 1 + wrapped.run)).toBe(1);
    // Everything released: the ring starts over at offset 0.
    for (const { run } of [...first.slice(2), wrapped]) releaseRun(state, run);
    expect(writer.put(chunk(10, 1)).offset).toBe(0);
  });

  it('refuses a chunk larger than the whole ring', () => {
    const writer = createRingWriter(createTeeRing(1 << 20));
    expect(() => writer.put(chunk(TEE_CREDIT + 1, 0))).toThrow(RangeError);
  });

  it('tells a waiting worker only about the run it waits for', () => {
    const ring = createTeeRing(1 << 20);
    const state = new Int32Array(ring.state);
    Atomics.store(state, 0, 5 + 1);
    releaseRun(state, 4);
    expect(Atomics.load(state, 0)).toBe(6);
    releaseRun(state, 5);
    expect(Atomics.load(state, 0)).toBe(0);
  });
});
