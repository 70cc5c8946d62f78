import { closeSync, createReadStream, lstatSync, opendirSync, type Dirent } from 'node:fs';
import { basename } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ReadLimitError, type DigestOptions, type DigestRequest, type DigestResult, type PackageEntry, type PackageSource, type ProgressEvent, type SourceFinding } from '../package/source.js';
import { decodeName } from '../package/decodeName.js';
import { digestFiles, type FileToHash } from './hashing/digestFiles.js';
import { emptyFileDigest } from './hashing/emptyFileDigest.js';
import { identityOf, openChecked, readExactly, statRegularOrDirectory, type FileIdentity } from './openChecked.js';

/** Files up to this size are read with one blocking call (see `read`). */
const SYNC_READ_BYTES = 64 * 1024;
/** Names read from a folder listing per system call. */
const LISTING_BATCH = 256;
/** Entries listed and stat'ed with blocking calls before the walk gives the event loop a turn (a few milliseconds). */
const WALK_SLICE = 2048;
const SLASH = Buffer.from('/');

interface DirectoryEntry extends PackageEntry {
  /** Absolute path as raw bytes, so non-UTF-8 names stay readable. */
  raw: Buffer;
  /** A file's `dev:ino` when listed: what is read later must be the same file. */
  id: string | undefined;
}

/**
 * Opens a directory as a read-only {@link PackageSource}. Symbolic links are
 * listed as `symlink` entries and never followed; names that are not valid
 * UTF-8 are decoded as GB18030 and flagged. Nothing is ever written. The
 * listing made here is the package: a file listed as 0 bytes hashes as empty
 * input without being opened.
 *
 * Hostile input (docs/security.md): every file is opened once, non-blocking
 * and without following a link (`O_NOFOLLOW`), and checked through the handle
 * it is read by (`fstat`: a regular file, the device, inode and size listed),
 * so a file swapped after listing — for a link, a FIFO, another file — is an
 * error, never a read of something else. A subfolder that cannot be listed is
 * a finding (`package.folder-unreadable`) naming it; the walk goes on. `root`
 * itself may be a symbolic link to a folder: it is the caller's argument and
 * is followed; links inside the package never are.
 *
 * @param root - Path of the package directory (or a link to one).
 * @returns The source.
 * @throws Error when `root` is not a directory or cannot be listed.
 * @example
 * const source = await openDirectorySource('./移交信息包');
 * (await source.entries()).length
 */
export async function openDirectorySource(root: string): Promise<PackageSource> {
  if (!statRegularOrDirectory(root, true).isDirectory()) throw new Error(`[dangan] not a directory: ${root}`);
  const entries: DirectoryEntry[] = [];
  const findings: SourceFinding[] = [];
  await walk(Buffer.from(root), entries, findings);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byPath = new Map(entries.map((e) => [e.path, e]));
  let listed: readonly PackageEntry[] | undefined;
  const fileEntry = (path: string): DirectoryEntry => {
    const entry = byPath.get(path);
    if (!entry || entry.kind !== 'file') throw new Error(`[dangan] no file entry: ${path}`);
    return entry;
  };
  /** Opens a listed file the one safe way (see above); the error names the path. */
  const openListed = (path: string, entry: DirectoryEntry) => {
    try {
      return openChecked(entry.raw, { follow: false, expect: identity(entry) });
    } catch (error) {
      throw new Error(`[dangan] ${path}: ${(error as Error).message}`);
    }
  };
  return {
    name: basename(root),
    // Made once: validatePackage and the profile validator both ask (100,000 items: 300,000 entries).
    async entries() {
      return (listed ??= entries.map(publicEntry));
    },
    async read(path, options) {
      const entry = fileEntry(path);
      if (options?.maxBytes !== undefined && entry.size > options.maxBytes) throw new ReadLimitError(path, entry.size, options.maxBytes);
      // Read with blocking calls: four async round trips (open, stat, read, close) cost ~100× the
      // microseconds a blocking read of a few KiB (item metadata) takes; a large file is read in slices.
      const { fd } = openListed(path, entry);
      try {
        if (entry.size > SYNC_READ_BYTES) await yieldToLoop();
        return readExactly(fd, entry.size);
      } catch (error) {
        throw new Error(`[dangan] ${path}: ${(error as Error).message}`);
      } finally {
        closeSync(fd);
      }
    },
    async *stream(path) {
      const entry = fileEntry(path);
      const { fd } = openListed(path, entry);
      if (entry.size === 0) return void closeSync(fd);
      // The listed size bounds the read: a file that grew since is not read past it.
      for await (const chunk of createReadStream('', { fd, start: 0, end: entry.size - 1 })) yield chunk as Uint8Array;
    },
    findings: () => findings,
    // Files go to the parallel engine; results come back in request order, with requests for
    // anything but a file answered in place, and so are files listed as 0 bytes: their digests
    // are those of empty input, with no open (see `emptyFileDigest`), and count in the progress as done.
    async *digest(requests: readonly DigestRequest[], options?: DigestOptions): AsyncIterable<DigestResult> {
      const files: FileToHash[] = [];
      let empty = 0;
      for (const request of requests) {
        const entry = byPath.get(request.path);
        if (entry?.kind !== 'file') continue;
        if (entry.size === 0) empty++;
        else files.push({ path: request.path, file: entry.raw, size: entry.size, follow: false, expect: identity(entry), algorithms: request.algorithms, ...(request.scan ? { scan: request.scan } : {}) });
      }
      const onProgress = options?.onProgress;
      const hashed = digestFiles(files, {
        ...options,
        ...(onProgress && empty > 0 ? { onProgress: (event: ProgressEvent) => onProgress({ ...event, files: event.files + empty, totalFiles: event.totalFiles + empty }) } : {}),
      })[Symbol.asyncIterator]();
      try {
        for (const request of requests) {
          const entry = byPath.get(request.path);
          if (entry?.kind !== 'file') yield { path: request.path, bytes: 0, digests: {}, error: 'not a file in the package' };
          else if (entry.size === 0) yield { path: request.path, ...emptyFileDigest(request.algorithms, request.scan) };
          else {
            const next = await hashed.next();
            if (!next.done) yield next.value;
          }
        }
        // Run the engine to its end, so its last progress event (every file done) is sent.
        await hashed.next();
      } finally {
        await hashed.return?.(undefined);
      }
    },
  };
}

/**
 * Appends the entries under `dir` to `out` (in place: a folder of 100,000 items would overflow a
 * spread); the caller sorts. Folders are listed one at a time from a queue read by index (breadth
 * first), each listing read in batches of {@link LISTING_BATCH} names as it goes, so no folder's
 * whole listing is held at once. Opens, reads and stats are blocking calls, {@link WALK_SLICE}
 * entries between turns of the event loop (an async open per folder cost a thread-pool round trip
 * each: about 0.3 s of waiting for a 2,000-item package); an async `lstat` per file costs about four times the CPU (a
 * promise, a thread-pool round trip and a closure each: 1.3 s against 0.3 s for 100,000 files),
 * and 100,000 of them queued behind a concurrency limit cost more again (the hostile case
 * `dir-100k-empty-files`).
 */
async function walk(dir: Buffer, out: DirectoryEntry[], findings: SourceFinding[]): Promise<void> {
  const folders: ({ raw: Buffer; prefix: string } | undefined)[] = [{ raw: dir, prefix: '' }];
  let walked = 0;
  for (let next = 0; next < folders.length; next++) {
    const { raw: folder, prefix } = folders[next] as { raw: Buffer; prefix: string };
    folders[next] = undefined;
    let listing;
    try {
      // Names as bytes (`'buffer'`, which the typings omit), so a GBK name is decoded here, not mangled.
      listing = opendirSync(folder, { encoding: 'buffer' as BufferEncoding, bufferSize: LISTING_BATCH });
    } catch (error) {
      // The package root itself cannot be listed: the input is unusable. A subfolder: say which, and go on.
      if (prefix === '') throw error;
      const entry = prefix.slice(0, -1);
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      findings.push({ code: 'package.folder-unreadable', path: entry, received: reason, params: { entry, reason } });
      continue;
    }
    try {
      for (let child = listing.readSync(); child !== null; child = listing.readSync()) {
        const entry = toEntry(folder, prefix, child);
        out.push(entry);
        if (entry.kind === 'directory') folders.push({ raw: entry.raw, prefix: `${entry.path}/` });
        if (++walked % WALK_SLICE === 0) await yieldToLoop();
      }
    } finally {
      listing.closeSync();
    }
  }
}

/**
 * The entry for one name of a listing (a file is stat'ed for its size, a link never followed).
 * Built as one literal and then the rare flags, so all entries share a few hidden classes:
 * spreading optional parts made one per entry (19 MB of shapes for 100,000 entries).
 */
function toEntry(folder: Buffer, prefix: string, child: Dirent): DirectoryEntry {
  const rawName = child.name as unknown as Buffer;
  const { name, encoding } = decodeName(rawName);
  const raw = Buffer.concat([folder, SLASH, rawName]);
  const listed = child.isSymbolicLink() ? 'symlink' : child.isDirectory() ? 'directory' : child.isFile() ? 'file' : 'other';
  // A file removed between the listing and its stat is listed as 'other' (never read), not an abort.
  const stats = listed === 'file' ? lstatSync(raw, { throwIfNoEntry: false }) : undefined;
  const kind = listed === 'file' && !stats?.isFile() ? 'other' : listed;
  const entry: DirectoryEntry = { path: prefix + name, kind, size: kind === 'file' ? (stats?.size ?? 0) : 0, raw, id: kind === 'file' && stats ? identityOf(stats) : undefined };
  if (encoding !== 'utf-8') entry.nameEncoding = encoding;
  if (encoding !== 'utf-8' || rawName.toString('utf8') !== name) entry.renamed = true;
  return entry;
}

/** The identity a listed file must still have when opened. */
function identity(entry: DirectoryEntry): FileIdentity {
  return { id: entry.id ?? '', size: entry.size };
}

/** A copy of `entry` without its raw path, shaped like {@link toEntry} builds it. */
function publicEntry(entry: DirectoryEntry): PackageEntry {
  const copy: PackageEntry = { path: entry.path, kind: entry.kind, size: entry.size };
  if (entry.nameEncoding !== undefined) copy.nameEncoding = entry.nameEncoding;
  if (entry.renamed) copy.renamed = true;
  return copy;
}
