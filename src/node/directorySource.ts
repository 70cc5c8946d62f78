import { closeSync, createReadStream, lstatSync, readdirSync, type Dirent } from 'node:fs';
import { basename } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ReadLimitError, type DigestOptions, type DigestRequest, type DigestResult, type PackageEntry, type PackageSource, type ProgressEvent, type SourceFinding } from '../package/source.js';
import { decodeName } from '../package/decodeName.js';
import { digestFiles, type FileToHash } from './hashing/digestFiles.js';
import { emptyFileDigest } from './hashing/emptyFileDigest.js';
import { openChecked, readExactly, statRegularOrDirectory, type FileIdentity } from './openChecked.js';

/** Files up to this size are read with one blocking call (see `read`). */
const SYNC_READ_BYTES = 64 * 1024;
/** Entries listed and stat'ed with blocking calls before the walk gives the event loop a turn (a few milliseconds). */
const WALK_SLICE = 2048;
const SLASH = Buffer.from('/');

/**
 * What the walk keeps of a package, one slot per entry (parallel arrays, not an object per
 * entry: 1,000,000 files are 1,000,000 entries). The entries themselves are the public
 * {@link PackageEntry} objects; a file's `dev:ino` when listed (what is read later must be the
 * same file) sits in two number arrays; the raw bytes of a path are kept only for an entry whose
 * name, or a folder's above it, is not plain UTF-8 (`renamed`): the others are opened by the text
 * of the root and the entry path (the same UTF-8 bytes). A Buffer and an identity string per
 * entry were about 250 bytes of its live heap.
 */
interface Listing {
  entries: PackageEntry[];
  devices: number[];
  inodes: number[];
  /** Raw absolute paths of the entries that need them, by index. */
  raws: Map<number, Buffer>;
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
  const listing: Listing = { entries: [], devices: [], inodes: [], raws: new Map() };
  const findings: SourceFinding[] = [];
  await walk(root, listing, findings);
  const { entries, devices, inodes, raws } = sortListing(listing);
  const byPath = new Map<string, number>();
  entries.forEach((entry, index) => byPath.set(entry.path, index));
  const fileEntry = (path: string): number => {
    const index = byPath.get(path);
    if (index === undefined || (entries[index] as PackageEntry).kind !== 'file') throw new Error(`[dangan] no file entry: ${path}`);
    return index;
  };
  // An entry listed by text is opened by text (the same UTF-8 bytes, without a Buffer per open).
  const rawOf = (index: number): string | Buffer => raws.get(index) ?? `${root}/${(entries[index] as PackageEntry).path}`;
  /** The identity a listed file must still have when opened. */
  const identity = (index: number): FileIdentity => ({ id: `${devices[index]}:${inodes[index]}`, size: (entries[index] as PackageEntry).size });
  /** Opens a listed file the one safe way (see above); the error names the path. */
  const openListed = (path: string, index: number) => {
    try {
      return openChecked(rawOf(index), { follow: false, expect: identity(index) });
    } catch (error) {
      throw new Error(`[dangan] ${path}: ${(error as Error).message}`);
    }
  };
  return {
    name: basename(root),
    // The listing itself, never copied: validatePackage and the profile validator both ask (100,000 items: 300,000 entries).
    async entries() {
      return entries;
    },
    async read(path, options) {
      const index = fileEntry(path);
      const entry = entries[index] as PackageEntry;
      if (options?.maxBytes !== undefined && entry.size > options.maxBytes) throw new ReadLimitError(path, entry.size, options.maxBytes);
      // Read with blocking calls: four async round trips (open, stat, read, close) cost ~100× the
      // microseconds a blocking read of a few KiB (item metadata) takes; a large file is read in slices.
      const { fd } = openListed(path, index);
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
      const index = fileEntry(path);
      const entry = entries[index] as PackageEntry;
      const { fd } = openListed(path, index);
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
        const index = byPath.get(request.path);
        const entry = index === undefined ? undefined : entries[index];
        if (index === undefined || entry?.kind !== 'file') continue;
        if (entry.size === 0) empty++;
        else files.push({ path: request.path, file: rawOf(index), size: entry.size, follow: false, expect: identity(index), algorithms: request.algorithms, ...(request.scan ? { scan: request.scan } : {}) });
      }
      const onProgress = options?.onProgress;
      const hashed = digestFiles(files, {
        ...options,
        ...(onProgress && empty > 0 ? { onProgress: (event: ProgressEvent) => onProgress({ ...event, files: event.files + empty, totalFiles: event.totalFiles + empty }) } : {}),
      })[Symbol.asyncIterator]();
      try {
        for (const request of requests) {
          const index = byPath.get(request.path);
          const entry = index === undefined ? undefined : entries[index];
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

/** A folder waiting to be listed: by its text path while every name above it is plain UTF-8 (`raw` absent), else by its bytes. */
interface Folder {
  path: string;
  raw: Buffer | undefined;
  prefix: string;
}

/**
 * Appends the entries under `root` to `out` (in place: a folder of 100,000 items would overflow a
 * spread); the caller sorts. Folders are listed one at a time from a queue read by index (breadth
 * first), each with one blocking `readdirSync` (names and types from the listing itself: no `lstat`
 * for a folder or a link, one for a file, for its size and identity); the listing's names are text,
 * so no Buffer is made per name. A folder whose listing holds U+FFFD (a name that is not UTF-8, or
 * that contains U+FFFD) is listed again by bytes, so a GBK name is decoded, not mangled; below a
 * renamed folder (not UTF-8, not NFC) everything is listed and opened by bytes. Opens, reads and
 * stats are blocking calls, {@link WALK_SLICE} entries between turns of the event loop: an async
 * `lstat` per file cost about four times the CPU (a promise, a thread-pool round trip and a closure
 * each: 1.3 s against 0.3 s for 100,000 files), and `opendirSync` with a `readSync` per name cost
 * half as much again as one `readdirSync` (a call into the binding per name and one more
 * `getdents64` per folder: docs/performance.md).
 */
async function walk(root: string, out: Listing, findings: SourceFinding[]): Promise<void> {
  const folders: (Folder | undefined)[] = [{ path: root, raw: undefined, prefix: '' }];
  let walked = 0;
  for (let next = 0; next < folders.length; next++) {
    const folder = folders[next] as Folder;
    folders[next] = undefined;
    let names: Dirent[] | undefined;
    try {
      names = listFolder(folder);
    } catch (error) {
      // The package root itself cannot be listed: the input is unusable. A subfolder: say which, and go on.
      if (folder.prefix === '') throw error;
      const entry = folder.prefix.slice(0, -1);
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      findings.push({ code: 'package.folder-unreadable', path: entry, received: reason, params: { entry, reason } });
      continue;
    }
    for (let k = 0; k < names.length; k++) {
      const child = names[k] as Dirent;
      names[k] = undefined as unknown as Dirent; // the listing's names go as they are used
      const index = out.entries.length;
      const { entry, raw } = toEntry(folder, child, out, index);
      if (raw !== undefined) out.raws.set(index, raw);
      if (entry.kind === 'directory') folders.push({ path: `${folder.path}/${child.name}`, raw, prefix: `${entry.path}/` });
      if (++walked % WALK_SLICE === 0) await yieldToLoop();
    }
  }
}

/** A folder's listing: names as text when they are all plain UTF-8, else (or below a renamed folder) as bytes. */
function listFolder(folder: Folder): Dirent[] {
  if (folder.raw === undefined) {
    const names = readdirSync(folder.path, { withFileTypes: true });
    if (!names.some((child) => child.name.includes('\uFFFD'))) return names;
  }
  // Names as bytes (`'buffer'`, which the typings omit), so a GBK name is decoded here, not mangled.
  return readdirSync(folder.raw ?? Buffer.from(folder.path), { withFileTypes: true, encoding: 'buffer' as BufferEncoding });
}

/**
 * Appends the entry for one name of a listing to `out` (a file is stat'ed for its size and
 * identity, a link never followed) and returns it, with its raw absolute path when it must be
 * opened by bytes (`raw`: its name, or a folder's above it, is not plain UTF-8; the others are
 * opened by the text of the root and the entry path).
 * Built as one literal and then the rare flags, so all entries share a few hidden classes:
 * spreading optional parts made one per entry (19 MB of shapes for 100,000 entries).
 */
function toEntry(folder: Folder, child: Dirent, out: Listing, index: number): { entry: PackageEntry; raw: Buffer | undefined } {
  let text: string;
  let name: string;
  let encoding: 'utf-8' | 'gb18030' = 'utf-8';
  let raw: Buffer | undefined;
  if (typeof child.name === 'string') {
    text = child.name;
    name = text.normalize('NFC');
  } else {
    const rawName = child.name as unknown as Buffer;
    // Valid UTF-8 decodes without U+FFFD (one decode, not a fatal TextDecoder and a second decode to compare).
    text = rawName.toString('utf8');
    ({ name, encoding } = text.includes('\uFFFD') ? decodeName(rawName) : { name: text.normalize('NFC'), encoding: 'utf-8' as const });
    raw = Buffer.concat([folder.raw ?? Buffer.from(folder.path), SLASH, rawName]);
  }
  const renamed = encoding !== 'utf-8' || text !== name;
  // By bytes below a renamed folder, or when this name is renamed: its path's text is not its name on disk.
  if (raw === undefined && renamed) raw = Buffer.from(`${folder.path}/${text}`);
  const listed = child.isSymbolicLink() ? 'symlink' : child.isDirectory() ? 'directory' : child.isFile() ? 'file' : 'other';
  // A file removed between the listing and its stat is listed as 'other' (never read), not an abort.
  const stats = listed === 'file' ? lstatSync(raw ?? `${folder.path}/${text}`, { throwIfNoEntry: false }) : undefined;
  const kind = listed === 'file' && !stats?.isFile() ? 'other' : listed;
  // A size that fits a small integer is stored as one (`| 0`): the double fstat gives would be a 16-byte heap number per entry.
  const size = kind === 'file' ? (stats?.size ?? 0) : 0;
  const entry: PackageEntry = { path: folder.prefix + name, kind, size: size <= 0x3fffffff ? size | 0 : size };
  if (encoding !== 'utf-8') entry.nameEncoding = encoding;
  if (renamed) entry.renamed = true;
  out.entries[index] = entry;
  out.devices[index] = kind === 'file' && stats ? stats.dev : 0;
  out.inodes[index] = kind === 'file' && stats ? stats.ino : 0;
  return { entry, raw };
}

/** The listing in path order (the core reports in it), its parallel arrays permuted alike. */
function sortListing(listing: Listing): Listing {
  const { entries, devices, inodes, raws } = listing;
  const order = Array.from(entries.keys()).sort((a, b) => {
    const x = (entries[a] as PackageEntry).path;
    const y = (entries[b] as PackageEntry).path;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const sorted: Listing = { entries: [], devices: [], inodes: [], raws: new Map() };
  order.forEach((from, to) => {
    sorted.entries.push(entries[from] as PackageEntry);
    sorted.devices.push(devices[from] as number);
    sorted.inodes.push(inodes[from] as number);
    const raw = raws.get(from);
    if (raw) sorted.raws.set(to, raw);
  });
  return sorted;
}
