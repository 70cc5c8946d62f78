import { closeSync, readSync } from 'node:fs';
import type { ByteChunkSource } from '../xml/scan.js';
import { identityOf, openChecked, statRegularOrDirectory } from './openChecked.js';

/**
 * Bytes per chunk of {@link openFileChunkSource}: 16 KiB. A chunk's text lives
 * while it is scanned; at 64 KiB it usually outlived two young-generation
 * collections and was promoted, so the old generation filled with dead chunks
 * (peak RSS of the 100,000-entry catalogue check 76 MB at 64 KiB, 67 MB at
 * 16 KiB, no slower; docs/performance.md, catalogue).
 */
export const FILE_CHUNK_BYTES = 1 << 14;

/**
 * Opens a file the caller named (a catalogue) for reading in chunks, bounded
 * as `readBoundedFile` is (docs/security.md, bounded readers): only a regular
 * file (a link to one is followed; a FIFO or device is refused before it is
 * opened), checked by its handle, and not opened for reading at all when it
 * is over `maxBytes`. The chunks are read with blocking reads of the open
 * handle; a file that grows or shrinks while it is read is an error, and no
 * more than the size first seen is ever read.
 *
 * @param path - The file.
 * @param maxBytes - Largest file read.
 * @param chunkSize - Bytes per chunk.
 * @returns The size and the chunk source, or `{ size }` alone when the file is over `maxBytes`.
 * @throws Error when the path is missing or not a regular file.
 * @example
 * const opened = openFileChunkSource('目录文件.XML', 256 * 2 ** 20);
 * if ('source' in opened) await validateCatalogueChunks(opened.source);
 */
export function openFileChunkSource(path: string, maxBytes: number, chunkSize = FILE_CHUNK_BYTES): { size: number; source?: ByteChunkSource } {
  const stats = statRegularOrDirectory(path, true);
  if (!stats.isFile()) throw new Error(`${path} is a directory, not a file`);
  if (stats.size > maxBytes) return { size: stats.size };
  const { fd, size } = openChecked(path, { follow: true, expect: { id: identityOf(stats), size: stats.size } });
  let position = 0;
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  const source: ByteChunkSource = {
    size,
    async read() {
      if (position >= size) {
        if (readSync(fd, new Uint8Array(1), 0, 1, size) !== 0) throw new Error(`changed while read (more than ${size} bytes)`);
        return undefined;
      }
      const chunk = new Uint8Array(Math.min(chunkSize, size - position));
      let done = 0;
      while (done < chunk.length) {
        const n = readSync(fd, chunk, done, chunk.length - done, position + done);
        if (n === 0) throw new Error(`changed while read (ended after ${position + done} of ${size} bytes)`);
        done += n;
      }
      position += done;
      return chunk;
    },
    close,
  };
  return { size, source };
}
