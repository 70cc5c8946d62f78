import type { PackageSource } from '../source.js';
import { createContentScanner, type ContentScan } from './contentScanner.js';

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
