import type { PackageSource } from './source.js';

/**
 * A view of one folder of a source as a source of its own (e.g. the `data/`
 * payload of a bag): entries below `prefix`, with `prefix` removed from their
 * paths; reads, streams and digests map back to the full paths.
 *
 * @param source - The whole source.
 * @param prefix - Folder path with a trailing `/`, e.g. `data/`.
 * @returns The folder as a source (`close` is left to the whole source).
 * @example
 * await validateTransferPackage(subSource(bagSource, 'data/'))
 */
export function subSource(source: PackageSource, prefix: string): PackageSource {
  return {
    name: `${source.name}/${prefix.slice(0, -1)}`,
    ...(source.mediaType ? { mediaType: source.mediaType } : {}),
    async entries() {
      return (await source.entries()).filter((e) => e.path.startsWith(prefix)).map((e) => ({ ...e, path: e.path.slice(prefix.length) }));
    },
    read: (path, options) => source.read(prefix + path, options),
    stream: (path) => source.stream(prefix + path),
    async *digest(requests, options) {
      for await (const result of source.digest(requests.map((r) => ({ ...r, path: prefix + r.path })), options)) {
        yield { ...result, path: result.path.slice(prefix.length) };
      }
    },
  };
}
