import type { ContentScan } from '../format/contentScanner.js';
import type { DigestOptions, DigestRequest, DigestResult, PackageSource } from '../source.js';
import { DigestStore } from './digestStore.js';

/** Digests being computed ahead of the fixity check, and a source that answers from them. */
export interface DigestPrefetch {
  /**
   * The source with `digest` answered from the prefetched results: what a
   * request asks for beyond them (other files, other algorithms, a scan) is
   * hashed by the wrapped source and merged in, so no digest is computed twice.
   */
  readonly source: PackageSource;
  /** The content scan the prefetch made of `path`, once {@link DigestPrefetch.settled}. */
  scanOf(path: string): ContentScan | undefined;
  /** Settles when the background hashing has ended (await it before returning, so no worker outlives the call). */
  readonly settled: Promise<void>;
}

/** A prefetch that is given its files as they become known (see {@link startDigestPrefetch}). */
export interface GrowingDigestPrefetch extends DigestPrefetch {
  /** Queues more files (a file already queued is not queued again). */
  add(requests: readonly DigestRequest[]): void;
  /** No more files: once the queue is hashed, {@link DigestPrefetch.settled} settles and `source.digest` answers. */
  close(): void;
}

/**
 * Starts hashing files in the background, before the fixity claims are all
 * known, so hashing on worker threads overlaps the metadata parsing on the
 * calling thread. The guess (which files, which algorithms) only saves time:
 * {@link DigestPrefetch.source} hashes on demand whatever the prefetch lacks
 * (only the missing algorithms of a file it has), so results are the same as
 * without it. What is hashed on demand is kept as well, so the source can be
 * shared by two checks of one package (a bag and its payload) with each file
 * read once; `requests` may be empty for that. Never throws: a failed
 * prefetch is dropped.
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
  const prefetch = startDigestPrefetch(source, options);
  prefetch.add(requests);
  prefetch.close();
  return prefetch;
}

/**
 * Starts a {@link prefetchDigests} whose files are added as they become known
 * — a 移交信息包's content files item by item, as their metadata is read — so
 * that only files a check will ask for are hashed (an unlisted file is never
 * inflated or read: docs/security.md), while hashing still overlaps the
 * metadata parsing. Files are hashed in batches of what was queued while the
 * previous batch ran; progress adds up over the batches. Call `close()` when
 * every file is added.
 *
 * @param source - The package source.
 * @param options - Passed to `source.digest` (jobs, progress).
 * @returns The prefetch, empty and open.
 * @example
 * const prefetch = startDigestPrefetch(source);
 * prefetch.add([{ path: 'a/正文.pdf', algorithms: ['sm3'] }]);
 * prefetch.close();
 */
export function startDigestPrefetch(source: PackageSource, options: DigestOptions = {}): GrowingDigestPrefetch {
  // Kept compactly until asked for: a million files' results are the largest thing a run holds otherwise.
  const results = new DigestStore();
  let queue: DigestRequest[] = [];
  let closed = false;
  let wake: (() => void) | undefined;
  const progressBase = { files: 0, totalFiles: 0, bytes: 0, totalBytes: 0 };
  const onProgress = options.onProgress;
  const done = (async () => {
    for (;;) {
      if (queue.length === 0) {
        if (closed) return;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const batch = queue;
      queue = [];
      let last = { files: 0, totalFiles: 0, bytes: 0, totalBytes: 0 };
      const batchOptions: DigestOptions = {
        ...options,
        ...(onProgress
          ? {
              onProgress: (event) => {
                last = event;
                onProgress({ files: progressBase.files + event.files, totalFiles: progressBase.totalFiles + event.totalFiles, bytes: progressBase.bytes + event.bytes, totalBytes: progressBase.totalBytes + event.totalBytes });
              },
            }
          : {}),
      };
      try {
        for await (const result of source.digest(batch, batchOptions)) results.set(result);
      } catch {
        // Dropped, mark and all: asked for later, the file is hashed then.
        for (const request of batch) results.delete(request.path);
      }
      for (const key of Object.keys(progressBase) as (keyof typeof progressBase)[]) progressBase[key] += last[key];
    }
  })();
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  /** What the prefetch already has for `request`: a result when it has one without a read error. */
  const usable = (path: string): DigestResult | undefined => {
    const have = results.get(path);
    return have && have.error === undefined ? have : undefined;
  };
  /** The result for `request` from what the prefetch has and what was hashed now. */
  const answer = (request: DigestRequest, have: DigestResult | undefined, now: DigestResult | undefined): DigestResult => {
    if (now?.error !== undefined || !have) return now ?? { path: request.path, bytes: 0, digests: {}, error: 'not hashed' };
    const digests: DigestResult['digests'] = {};
    for (const algorithm of request.algorithms) {
      const value = have.digests[algorithm] ?? now?.digests[algorithm];
      if (value !== undefined) digests[algorithm] = value;
    }
    const scan = request.scan ? (have.scan ?? now?.scan) : undefined;
    return { path: request.path, bytes: now?.bytes ?? have.bytes, digests, ...(scan ? { scan } : {}) };
  };
  /** Keeps what was hashed on demand too, so a later request for it (another check's) is answered. */
  const remember = (result: DigestResult, have: DigestResult | undefined): void => {
    const scan = result.scan ?? have?.scan;
    results.set({ ...result, digests: { ...have?.digests, ...result.digests }, ...(scan ? { scan } : {}) });
  };
  return {
    add(requests) {
      if (closed) return;
      // Each file once: the store marks what was queued (no set of paths beside it).
      for (const request of requests) if (results.mark(request.path)) queue.push(request);
      signal();
    },
    close() {
      closed = true;
      signal();
    },
    settled: done,
    scanOf: (path) => results.scanOf(path),
    source: {
      name: source.name,
      ...(source.mediaType ? { mediaType: source.mediaType } : {}),
      entries: () => source.entries(),
      read: (path, readOptions) => source.read(path, readOptions),
      stream: (path) => source.stream(path),
      ...(source.close ? { close: () => (source.close as () => Promise<void>)() } : {}),
      async *digest(asked: readonly DigestRequest[], askedOptions?: DigestOptions): AsyncIterable<DigestResult> {
        await done;
        // What is still to hash, decided for every request before any is answered; the results kept are
        // rebuilt one at a time as they are answered (a million of them at once would be about 250 MB).
        const missing = asked.map((request) => results.lacks(request));
        const rest = missing.filter((request): request is DigestRequest => request !== undefined);
        const hashed = rest.length > 0 ? source.digest(rest, askedOptions)[Symbol.asyncIterator]() : undefined;
        if (!hashed && askedOptions?.onProgress) {
          // Everything was hashed ahead (its progress reported then): one event says so.
          const bytes = asked.reduce((n, request) => n + results.bytesOf(request.path), 0);
          askedOptions.onProgress({ files: asked.length, totalFiles: asked.length, bytes, totalBytes: bytes });
        }
        try {
          for (const [i, request] of asked.entries()) {
            const have = usable(request.path);
            let now: DigestResult | undefined;
            if (missing[i]) {
              const next = await hashed?.next();
              now = next && !next.done ? next.value : undefined;
            }
            const result = answer(request, have, now);
            if (now && result.error === undefined) remember(result, have);
            yield result;
          }
        } finally {
          await hashed?.return?.(undefined);
        }
      },
    },
  };
}
