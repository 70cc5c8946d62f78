import type { DigestOptions, DigestRequest, DigestResult, PackageSource } from '../source.js';

/** Digests being computed ahead of the fixity check, and a source that answers from them. */
export interface DigestPrefetch {
  /**
   * The source with `digest` answered from the prefetched results where they
   * cover a request (same file, every algorithm asked for, a scan when one is
   * asked for); the rest is hashed by the wrapped source as usual.
   */
  readonly source: PackageSource;
  /** Settles when the background hashing has ended (await it before returning, so no worker outlives the call). */
  readonly settled: Promise<void>;
}

/**
 * Starts hashing files in the background, before the fixity claims are all
 * known, so hashing on worker threads overlaps the metadata parsing on the
 * calling thread. The guess (which files, which algorithms) only saves time:
 * {@link DigestPrefetch.source} answers a request from the prefetch only when
 * it covers it, and hashes anything else on demand, so results are the same
 * as without it. Never throws: a failed prefetch is dropped.
 *
 * @param source - The package source.
 * @param requests - Files and algorithms likely to be asked for.
 * @param options - Passed to `source.digest` (jobs, progress).
 * @returns The prefetch.
 * @example
 * const { source: hashed } = prefetchDigests(source, [{ path: 'a/正文.pdf', algorithms: ['sm3'] }]);
 * for await (const r of hashed.digest([{ path: 'a/正文.pdf', algorithms: ['sm3'] }])) r.digests.sm3
 */
export function prefetchDigests(source: PackageSource, requests: readonly DigestRequest[], options: DigestOptions = {}): DigestPrefetch {
  const results = new Map<string, DigestResult>();
  const done = (async () => {
    try {
      for await (const result of source.digest(requests, options)) results.set(result.path, result);
    } catch {
      results.clear();
    }
  })();
  const covers = (request: DigestRequest): DigestResult | undefined => {
    const result = results.get(request.path);
    if (!result || (request.scan && !result.scan)) return undefined;
    if (result.error === undefined && !request.algorithms.every((a) => result.digests[a] !== undefined)) return undefined;
    const { scan, digests, ...rest } = result;
    const asked: DigestResult['digests'] = {};
    for (const algorithm of request.algorithms) if (digests[algorithm] !== undefined) asked[algorithm] = digests[algorithm];
    return { ...rest, digests: asked, ...(request.scan && scan ? { scan } : {}) };
  };
  return {
    settled: done,
    source: {
      name: source.name,
      entries: () => source.entries(),
      read: (path, readOptions) => source.read(path, readOptions),
      stream: (path) => source.stream(path),
      ...(source.close ? { close: () => (source.close as () => Promise<void>)() } : {}),
      async *digest(asked: readonly DigestRequest[], askedOptions?: DigestOptions): AsyncIterable<DigestResult> {
        await done;
        const served = asked.map(covers);
        const rest = asked.filter((_, i) => served[i] === undefined);
        const hashed = rest.length > 0 ? source.digest(rest, askedOptions)[Symbol.asyncIterator]() : undefined;
        if (!hashed && askedOptions?.onProgress) {
          // Everything was hashed ahead (its progress reported then): one event says so.
          const bytes = served.reduce((n, r) => n + (r?.bytes ?? 0), 0);
          askedOptions.onProgress({ files: asked.length, totalFiles: asked.length, bytes, totalBytes: bytes });
        }
        try {
          for (const [i, request] of asked.entries()) {
            const ready = served[i];
            if (ready) {
              yield ready;
              continue;
            }
            const next = await hashed?.next();
            yield next && !next.done ? next.value : { path: request.path, bytes: 0, digests: {}, error: 'not hashed' };
          }
        } finally {
          await hashed?.return?.(undefined);
        }
      },
    },
  };
}
