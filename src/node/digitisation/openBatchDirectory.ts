import { closeSync, fstatSync, lstatSync, openSync, opendirSync, readSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { BatchFileReader, BatchSource } from '../../digitisation/source.js';
import type { PackageEntry } from '../../package/source.js';
import { digestFiles } from '../hashing/digestFiles.js';

/** Bytes read when a file is opened: every header dangan reads starts within them. */
const HEAD_BYTES = 16 * 1024;
/** Entries listed with blocking calls before the event loop gets a turn. */
const WALK_SLICE = 4096;

/**
 * Opens a folder of images as a {@link BatchSource}, made for a million
 * files: the listing keeps one path string and size per file, and a file is
 * opened for header reading with one blocking read of its first 16 KiB;
 * further ranges (a TIFF's IFD at the end, a JPEG's EOI) are positioned reads
 * of the same descriptor. Symbolic links are listed, never followed. Nothing
 * is written. Digests (for duplicates) run on the worker pool of
 * `digestFiles`.
 *
 * @param root - The batch folder.
 * @returns The source.
 * @throws Error when `root` is not a directory.
 * @example
 * const batch = await openBatchDirectory('./批次01');
 */
export async function openBatchDirectory(root: string): Promise<BatchSource> {
  if (!(await lstat(root)).isDirectory()) throw new Error(`[dangan] not a directory: ${root}`);
  const listing: PackageEntry[] = [];
  let count = 0;
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const handle = opendirSync(dir, { bufferSize: 256 });
    const children: string[] = [];
    try {
      for (let dirent = handle.readSync(); dirent !== null; dirent = handle.readSync()) {
        const path = (prefix + dirent.name).normalize('NFC');
        if (++count % WALK_SLICE === 0) await yieldToLoop();
        if (dirent.isDirectory()) {
          listing.push({ path, kind: 'directory', size: 0 });
          children.push(dirent.name);
        } else if (dirent.isFile()) listing.push({ path, kind: 'file', size: lstatSync(join(dir, dirent.name)).size });
        else listing.push({ path, kind: dirent.isSymbolicLink() ? 'symlink' : 'other', size: 0 });
      }
    } finally {
      handle.closeSync();
    }
    for (const child of children) await walk(join(dir, child), `${prefix}${child}/`);
  };
  await walk(root, '');
  listing.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const head = Buffer.allocUnsafe(HEAD_BYTES);
  return {
    name: basename(root),
    async entries() {
      return listing;
    },
    async open(path) {
      return openFile(join(root, path), head);
    },
    async *digest(paths, options) {
      const files = paths.map((path) => ({ path, file: join(root, path), algorithms: ['sha256'] as const }));
      for await (const result of digestFiles(files, { ...(options?.jobs ? { jobs: options.jobs } : {}), ...(options?.onProgress ? { onProgress: options.onProgress } : {}) })) {
        yield result.error !== undefined || result.digests.sha256 === undefined
          ? { path: result.path, error: result.error ?? 'no digest' }
          : { path: result.path, sha256: result.digests.sha256 };
      }
    },
  };
}

/**
 * Opens one file: the first `head.length` bytes are read at once into a copy;
 * other ranges are positioned reads. Blocking on purpose: four system calls
 * of a few microseconds each cost far less than four thread-pool round trips.
 */
function openFile(file: string, head: Buffer): BatchFileReader {
  const fd = openSync(file, 'r');
  try {
    const headLength = readSync(fd, head, 0, head.length, 0);
    const cached = new Uint8Array(head.subarray(0, headLength));
    let size = headLength;
    if (headLength === head.length) size = fstatSync(fd).size;
    let open = true;
    return {
      size,
      read(offset, length) {
        const start = Math.max(0, offset);
        const end = Math.min(size, start + Math.max(0, length));
        if (end <= start) return new Uint8Array(0);
        if (end <= cached.length) return cached.subarray(start, end);
        if (!open) throw new Error('[dangan] file closed');
        const out = Buffer.allocUnsafe(end - start);
        const n = readSync(fd, out, 0, out.length, start);
        return new Uint8Array(out.buffer, out.byteOffset, n);
      },
      close() {
        if (open) closeSync(fd);
        open = false;
      },
    };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
