import type { DigestOptions, DigestRequest, DigestResult, PackageSource } from './source.js';

/**
 * The source, stopped by a signal: once it is aborted every read, stream,
 * listing and digest throws the signal's reason — a digest at once, even while
 * a large file is being hashed (the signal is also handed to the source's
 * `digest`, which may stop its workers). `validatePackage` wraps its source
 * in it when given `signal`, so a cancelled validation ends promptly.
 *
 * @param source - The package.
 * @param signal - Cancels.
 * @returns The same source, cancellable.
 * @example
 * const controller = new AbortController();
 * const source = abortableSource(await openZipBlobSource(file), controller.signal);
 */
export function abortableSource(source: PackageSource, signal: AbortSignal): PackageSource {
  return {
    name: source.name,
    ...(source.mediaType ? { mediaType: source.mediaType } : {}),
    entries: async () => (signal.throwIfAborted(), source.entries()),
    read: async (path, options) => {
      signal.throwIfAborted();
      const bytes = await source.read(path, options);
      signal.throwIfAborted();
      return bytes;
    },
    stream: (path) => untilAborted(source.stream(path), signal),
    digest: (requests: readonly DigestRequest[], options?: DigestOptions): AsyncIterable<DigestResult> => untilAborted(source.digest(requests, { ...options, signal }), signal),
    ...(source.findings ? { findings: () => source.findings?.() ?? [] } : {}),
    ...(source.close ? { close: () => source.close?.() ?? Promise.resolve() } : {}),
  };
}

/** The items of `items` until the signal is aborted, then its reason, without waiting for the next item. */
async function* untilAborted<T>(items: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  signal.throwIfAborted();
  const iterator = items[Symbol.asyncIterator]();
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  let done = false;
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Broken off (aborted, or the caller stopped): let the source release what it holds, without waiting for it.
    if (!done) void iterator.return?.()?.catch?.(() => undefined);
  }
}
