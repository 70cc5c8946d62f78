/**
 * Reproducible sampling of catalogue entries for 抽检 (DA/T 31-2017
 * 数字化成果验收, inferred: a sample of at least 5 % of the entries).
 *
 * @module
 */

/** How many entries to sample: a count, or a share of the entries. */
export type SampleSize = { count: number } | { percent: number };

/**
 * Parses `5%` or `120` into a {@link SampleSize}.
 *
 * @param text - A percentage (0 < p ≤ 100) or a positive integer.
 * @returns The size, or `undefined` when the text is neither.
 * @example
 * parseSampleSize('5%') //=> { percent: 5 }
 * parseSampleSize('120') //=> { count: 120 }
 */
export function parseSampleSize(text: string): SampleSize | undefined {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (percent) {
    const value = Number(percent[1]);
    return value > 0 && value <= 100 ? { percent: value } : undefined;
  }
  return /^[1-9]\d*$/.test(text.trim()) ? { count: Number(text) } : undefined;
}

/**
 * The number of entries a sample size takes from `total` (a percentage is
 * rounded up, so 5 % of 10 entries is 1).
 *
 * @param size - Count or percentage.
 * @param total - Entries in the catalogue.
 * @returns Between 0 and `total`.
 * @example
 * sampleCount({ percent: 5 }, 30) //=> 2
 */
export function sampleCount(size: SampleSize, total: number): number {
  const wanted = 'count' in size ? size.count : Math.ceil((size.percent / 100) * total);
  return Math.max(0, Math.min(total, wanted));
}

/**
 * Mulberry32: a small seeded generator (not for cryptography). The same seed
 * gives the same sequence on every platform.
 *
 * @param seed - Any 32-bit integer.
 * @returns A function giving numbers in [0, 1).
 * @example
 * seededRandom(1)() //=> 0.6270739405881613
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks `count` of `total` indexes at random with a seed (a partial
 * Fisher–Yates shuffle), returned in ascending order: the same seed, count and
 * total always give the same sample.
 *
 * @param total - Number of entries.
 * @param count - Entries to pick.
 * @param seed - The seed.
 * @returns Sorted indexes.
 * @example
 * sampleIndexes(10, 3, 42) // three indexes in 0..9, the same on every run
 */
export function sampleIndexes(total: number, count: number, seed: number): number[] {
  const random = seededRandom(seed);
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  const take = Math.min(count, total);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (total - i));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return Array.from(order.subarray(0, take)).sort((a, b) => a - b);
}
