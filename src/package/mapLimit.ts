/**
 * Maps items through an async function with at most `limit` calls in flight,
 * resolving to the results in input order. Validators use it to overlap the
 * I/O of many small reads while reporting in a deterministic order.
 *
 * @param items - Inputs.
 * @param limit - Most calls at once (at least 1).
 * @param fn - The async function; it should not throw (validators catch inside).
 * @returns Results in input order.
 * @throws Whatever `fn` throws, after the calls in flight settle.
 * @example
 * await mapLimit(paths, 16, (path) => source.read(path)) // contents in path order
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
