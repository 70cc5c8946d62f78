// The one ETA of every progress display: the CLI's progress line (src/cli/progress.ts) and the page (web/).

/**
 * Estimates the time left from the rate since a phase began, and gives it
 * only once it is stable: at least 2 s and 3 % into the work, and the last
 * four predicted finishing times (taken at least 0.5 s apart) within 10 % of
 * their mean. Finishing times, not times left: at a steady rate the times left
 * shrink as the samples are taken (R − 2, R − 2.5 … s) and would agree only
 * in a long phase, while the finishing times agree at once, so a steady phase
 * shows its ETA 3.5 s in. An early burst (small files first, a cache) cannot
 * promise hours.
 *
 * @returns `sample(done, total, seconds)` → seconds left, or `undefined` while unstable.
 * @example
 * const eta = createEtaEstimator();
 * eta(1e6, 1e8, 0.1) //=> undefined
 */
export function createEtaEstimator(): (done: number, total: number, seconds: number) => number | undefined {
  const finishes: number[] = [];
  let lastSample = -Infinity;
  return (done, total, seconds) => {
    if (done >= total) return 0;
    if (seconds < 2 || done <= 0 || done / total < 0.03) return undefined;
    // Seconds from the phase's start to its predicted end, at the rate so far.
    const finish = (total * seconds) / done;
    if (seconds - lastSample >= 0.5) {
      finishes.push(finish);
      if (finishes.length > 4) finishes.shift();
      lastSample = seconds;
    }
    if (finishes.length < 4) return undefined;
    const mean = finishes.reduce((a, b) => a + b, 0) / finishes.length;
    const stable = finishes.every((f) => Math.abs(f - mean) <= 0.1 * mean);
    return stable ? Math.ceil(finish - seconds) : undefined;
  };
}
