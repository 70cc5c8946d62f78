/**
 * mulberry32: a tiny seeded PRNG, good enough for deterministic bench data (bench/generate*.mjs).
 *
 * @param {number} seed - Any 32-bit integer.
 * @returns {() => number} A function giving the next number in [0, 1).
 */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
