// The one ETA of every progress display: the CLI's progress line (src/cli/progress.ts) and the page (web/).

/**
 * Estimates the time left from the rate since a phase began, and gives it
 * only once it is stable: at least 2 s and 3 % into the work, and the last
 * four estimates (taken at least 0.5 s apart) within 25 % of each other.
 * An early burst (small files first, a cache) cannot promise hours.
 *
 * @returns `sample(done, total, seconds)` → seconds left, or `undefined` while unstable.
 * @example
 * const eta = createEtaEstimator();
 * eta(1e6, 1e8, 0.1) //=> undefined
 */
export function createEtaEstimator(): (done: number, total: number, seconds: number) => number | undefined {
  const estimates: number[] = [];
  let lastSample = -Infinity;
  let last: number | undefined;
  return (done, total, seconds) => {
    if (done >= total) return 0;
    if (seconds < 2 || done <= 0 || done / total < 0.03) return undefined;
    const estimate = ((total - done) * seconds) / done;
    if (seconds - lastSample >= 0.5) {
      estimates.push(estimate);
      if (estimates.length > 4) estimates.shift();
      lastSample = seconds;
    }
    if (estimates.length < 4) return undefined;
    const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    const stable = estimates.every((e) => Math.abs(e - mean) <= 0.25 * mean);
    if (stable) last = Math.ceil(estimate);
    return stable ? last : undefined;
  };
}
