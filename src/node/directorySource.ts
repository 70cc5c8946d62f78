import { createReadStream, readFileSync } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DigestOptions, DigestRequest, DigestResult, PackageEntry, PackageSource } from '../package/source.js';
import { decodeName } from './decodeName.js';
import { digestFiles, type FileToHash } from './hashing/digestFiles.js';

/** Files up to this size are read with one blocking call (see `read`). */
const SYNC_READ_BYTES = 64 * 1024;
/** Directory listings and stats in flight at once while walking. */
const WALK_CONCURRENCY = 32;

interface DirectoryEntry extends PackageEntry {
  /** Absolute path as raw bytes, so non-UTF-8 names stay readable. */
  raw: Buffer;
}

/**
 * Opens a directory as a read-only {@link PackageSource}. Symbolic links are
 * listed as `symlink` entries and never followed; names that are not valid
 * UTF-8 are decoded as GB18030 and flagged. Nothing is ever written.
 *
 * @param root - Path of the package directory.
 * @returns The source.
 * @throws Error when `root` is not a directory.
 * @example
 * const source = await openDirectorySource('./移交信息包');
 * (await source.entries()).length
 */
export async function openDirectorySource(root: string): Promise<PackageSource> {
  const stats = await lstat(root);
  if (!stats.isDirectory()) throw new Error(`[dangan] not a directory: ${root}`);
  const entries: DirectoryEntry[] = [];
  await walk(Buffer.from(root), '', entries);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const fileEntry = (path: string): DirectoryEntry => {
    const entry = byPath.get(path);
    if (!entry || entry.kind !== 'file') throw new Error(`[dangan] no file entry: ${path}`);
    return entry;
  };
  return {
    name: basename(root),
    async entries() {
      return entries.map(({ raw: _raw, ...entry }) => entry);
    },
    async read(path, options) {
      const entry = fileEntry(path);
      if (options?.maxBytes !== undefined && entry.size > options.maxBytes) {
        throw new Error(`[dangan] ${path} is ${entry.size} bytes, over the limit of ${options.maxBytes}`);
      }
      // A small file (item metadata) is read synchronously: four async round trips (open, stat,
      // read, close) cost ~100× the microseconds a blocking read of a few KiB takes.
      if (entry.size <= SYNC_READ_BYTES) return new Uint8Array(readFileSync(entry.raw));
      const handle = await open(entry.raw, 'r');
      try {
        return new Uint8Array(await handle.readFile());
      } finally {
        await handle.close();
      }
    },
    async *stream(path) {
      for await (const chunk of createReadStream(fileEntry(path).raw)) yield chunk as Uint8Array;
    },
    // Files go to the parallel engine; results come back in request order,
    // with requests for anything but a file answered in place.
    async *digest(requests: readonly DigestRequest[], options?: DigestOptions): AsyncIterable<DigestResult> {
      const files: FileToHash[] = [];
      for (const request of requests) {
        const entry = byPath.get(request.path);
        if (entry?.kind === 'file') files.push({ path: request.path, file: entry.raw, size: entry.size, algorithms: request.algorithms, ...(request.scan ? { scan: request.scan } : {}) });
      }
      const hashed = digestFiles(files, options)[Symbol.asyncIterator]();
      try {
        for (const request of requests) {
          if (byPath.get(request.path)?.kind !== 'file') {
            yield { path: request.path, bytes: 0, digests: {}, error: 'not a file in the package' };
            continue;
          }
          const next = await hashed.next();
          if (!next.done) yield next.value;
        }
      } finally {
        await hashed.return?.(undefined);
      }
    },
  };
}

/**
 * Appends the entries under `dir` to `out` (in place: a folder of 100,000 items would overflow a
 * spread). Listings and stats overlap, at most {@link WALK_CONCURRENCY} at once; the caller sorts.
 */
async function walk(dir: Buffer, prefix: string, out: DirectoryEntry[]): Promise<void> {
  const limit = createLimit(WALK_CONCURRENCY);
  const visit = async (folder: Buffer, folderPrefix: string): Promise<void> => {
    const children = await limit(() => readdir(folder, { withFileTypes: true, encoding: 'buffer' }));
    const pending: Promise<void>[] = [];
    for (const child of children) {
      const rawName = child.name as unknown as Buffer;
      const { name, encoding } = decodeName(rawName);
      const path = folderPrefix + name;
      const raw = Buffer.concat([folder, Buffer.from('/'), rawName]);
      const renamed = encoding !== 'utf-8' || rawName.toString('utf8') !== name;
      const base = { path, raw, ...(encoding === 'utf-8' ? {} : { nameEncoding: encoding }), ...(renamed ? { renamed } : {}) };
      if (child.isSymbolicLink()) out.push({ ...base, kind: 'symlink', size: 0 });
      else if (child.isDirectory()) {
        out.push({ ...base, kind: 'directory', size: 0 });
        pending.push(visit(raw, `${path}/`));
      } else if (child.isFile()) {
        const entry: DirectoryEntry = { ...base, kind: 'file', size: 0 };
        out.push(entry);
        pending.push(limit(() => lstat(raw)).then((stats) => void (entry.size = stats.size)));
      } else out.push({ ...base, kind: 'other', size: 0 });
    }
    await Promise.all(pending);
  };
  await visit(dir, prefix);
}

/** Runs async calls with at most `max` in flight. */
function createLimit(max: number): <T>(call: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (call) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await call();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
