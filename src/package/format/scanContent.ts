import type { PackageSource } from '../source.js';
import { createContentScanner, type ContentScan } from './contentScanner.js';

/** Files up to this size are read whole with `source.read` (one blocking call for a directory) instead of streamed. */
const WHOLE_READ_BYTES = 64 * 1024;

export type { ContentMarker, ContentScan } from './contentScanner.js';

/**
 * Reads a content file once, streaming, through {@link createContentScanner}:
 * identifies its format from the head and, for PDF, OOXML, zip and OLE2
 * files, searches the whole file (up to `limit` bytes) for encryption and
 * macro markers and checks the end marker. Reading stops as soon as no
 * further byte can change the scan. This is the fallback for sources whose
 * `digest` does not scan (see `DigestRequest.scan`).
 *
 * @param source - The package source.
 * @param path - A file entry.
 * @param limit - Files larger than this are only identified, not searched.
 * @param size - The entry's size.
 * @returns The scan.
 * @throws Error when the source cannot read the entry.
 * @example
 * const scan = await scanContent(source, '0001/WS/A-1/正文.pdf', 64 * 2 ** 20, 1234);
 * scan.markers.has('pdf-encrypt')
 */
export async function scanContent(source: PackageSource, path: string, limit: number, size: number): Promise<ContentScan> {
  // Hostile input (100,000 empty files): an empty file has nothing to identify or search and is not opened.
  if (size === 0) return createContentScanner(size, limit).finish();
  // A small file in one read: a stream costs an async open, read and close and a few promises per file,
  // about a fifth of the per-item CPU of a package of small items (docs/performance.md).
  if (size <= WHOLE_READ_BYTES) {
    const bytes = await source.read(path, { maxBytes: WHOLE_READ_BYTES });
    const scanner = createContentScanner(size, limit);
    scanner.push(bytes);
    return scanner.finish();
  }
  const chunks = source.stream(path)[Symbol.asyncIterator]();
  try {
    // The first read first: a file the source refuses costs no scanner.
    let next = await chunks.next();
    const scanner = createContentScanner(size, limit);
    while (!next.done && scanner.push(next.value)) next = await chunks.next();
    return scanner.finish();
  } finally {
    await chunks.return?.(undefined);
  }
}
