import { close as closeFd, closeSync, read as readFd, readSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { isSafePath } from '../package/layout/isSafePath.js';
import { ReadLimitError, type ContentSink, type ContentTee, type DigestOptions, type DigestRequest, type DigestResult, type PackageEntry, type PackageSource, type SourceFinding } from '../package/source.js';
import { decodeName } from '../package/decodeName.js';
import { digestFileStream } from './digestStream.js';
import { digestFiles, type FileToHash } from './hashing/digestFiles.js';
import type { FileRange } from './hashing/hashFileSync.js';
import { openChecked } from './openChecked.js';
import { crc32 } from './zip/crc32.js';
import { inspectMembers, locateZip, type CentralMember, type ZipBounds } from './zip/zipStructure.js';

interface ZipEntry extends PackageEntry {
  /** The yauzl entry, absent for folders implied by a member's path. */
  raw?: Entry;
  /** Where its data starts (relative to the zip's base), from the local header `inspectMembers` read. */
  dataOffset?: number;
}

// APPNOTE 6.3.10 §4.4.4: bit 0 = encrypted, bit 11 = names and comments are UTF-8.
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
// APPNOTE §4.6.9: Info-ZIP Unicode Path Extra Field.
const UNICODE_PATH_EXTRA = 0x7075;
// APPNOTE §4.4.2: upper byte of "version made by" = 3 for Unix, whose mode sits in the high 16 bits of the external attributes.
const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

/**
 * Opens a `.zip` file as a read-only {@link PackageSource} (yauzl, random
 * access, nothing extracted to disk). Entry names are decoded as UTF-8 when the
 * zip says so (flag bit 11 or an Info-ZIP Unicode Path field), otherwise as
 * UTF-8 when valid and GB18030 (GBK) when not, and NFC-normalised; `\`
 * separators become `/` (and the entry is flagged `renamed`). Encrypted
 * entries are listed with `encrypted: true` and never read; Unix symlinks are
 * listed as `symlink` and never followed; folders implied by member paths are
 * listed, so a zip and its unpacked directory list the same entries.
 *
 * Read as an extractor would see it (docs/security.md): every member's local
 * header is compared with the central directory before anything is read
 * (`zip.name-mismatch`, `zip.entry-overlap`, `zip.entry-local-only`,
 * `zip.directory-data`, `zip.entry-invalid`; such members are never read), and
 * every member read in full has its CRC-32 checked (`zip.crc-mismatch`).
 * Trailing garbage and a self-extracting stub are read past, as unzip does,
 * with a warning. These come back from `findings()`.
 *
 * @param file - Path of the zip file (a link to one is followed: it is the caller's argument).
 * @returns The source; call `close()` when done.
 * @throws Error when the file cannot be opened, is not a regular file, or is not a zip.
 * @example
 * const source = await openZipSource('移交信息包.zip');
 * const report = await validatePackage(source);
 * await source.close?.();
 */
export async function openZipSource(file: string): Promise<PackageSource> {
  // A plain descriptor (a FileHandle would be closed when garbage-collected), opened non-blocking and
  // checked by fstat (a FIFO or device is refused); yauzl closes it through the reader.
  const opened = openChecked(file, { follow: true });
  const fd = opened.fd;
  let zip: ZipFile;
  let bounds: ZipBounds;
  try {
    bounds = locateZip(fd, opened.size) ?? { base: 0, size: opened.size, trailing: 0 };
    zip = await yauzl.fromRandomAccessReaderPromise(new FileRangeReader(fd, bounds.base), bounds.size, { lazyEntries: true, decodeStrings: false, autoClose: false });
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  // Where the central directory starts, as yauzl read it from the end record (zip64 included).
  const centralStart = (zip as unknown as { readEntryCursor: number }).readEntryCursor;
  const entries = new Map<string, ZipEntry>();
  // Hostile input (duplicate entry names): the first is the one read; the others are listed too, so validators can report them.
  const duplicates: ZipEntry[] = [];
  const members: CentralMember[] = [];
  const listedMembers: ZipEntry[] = [];
  try {
    for await (const raw of zip.eachEntry()) {
      const entry = toPackageEntry(raw);
      if (entries.get(entry.path)?.raw === undefined) entries.set(entry.path, entry);
      else duplicates.push(entry);
      addParents(entries, entry.path);
      members.push(toCentralMember(raw, entry));
      listedMembers.push(entry);
    }
  } catch (error) {
    zip.close();
    throw error;
  }
  const inspection = inspectMembers(fd, bounds, members, centralStart);
  // Each local header is read once, there: reads and digests take the data offset from it.
  members.forEach((member, i) => {
    if (member.dataOffset !== undefined) (listedMembers[i] as ZipEntry).dataOffset = member.dataOffset;
  });
  const findings: SourceFinding[] = inspection.findings;
  const crcFailed = new Set<string>();
  const sorted = [...entries.values(), ...duplicates].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const zipPath = resolve(file);
  const zipIdentity = { id: opened.id, size: opened.size };
  let listed: readonly PackageEntry[] | undefined;
  /** Records a CRC-32 mismatch once per member and returns the error to throw or answer with. */
  const crcMismatch = (path: string, expected: number, received: number): Error => {
    if (!crcFailed.has(path)) {
      crcFailed.add(path);
      const [e, r] = [hex32(expected), hex32(received)];
      findings.push({ code: 'zip.crc-mismatch', path, expected: e, received: r, params: { entry: path, expected: e, received: r } });
    }
    return new Error(`[dangan] ${path}: CRC-32 is ${hex32(received)}, the zip says ${hex32(expected)}`);
  };
  /** The member's bytes, inflated, with its CRC-32 checked once the last byte is through. */
  async function* checkedStream(path: string, raw: Entry): AsyncGenerator<Uint8Array> {
    let crc = 0;
    for await (const chunk of await openStream(zip, raw)) {
      crc = crc32(chunk as Buffer, crc);
      yield chunk as Uint8Array;
    }
    if (crc !== raw.crc32) throw crcMismatch(path, raw.crc32, crc);
  }
  /** Inflates and hashes one member, handing its bytes to the tee's sink (if it opens one) as they come. */
  const inflateAndDigest = async (request: DigestRequest, tee: ContentTee | undefined): Promise<DigestResult> => {
    let sink: ContentSink | undefined;
    try {
      const raw = fileEntry(request.path);
      sink = tee?.open(request.path, raw.uncompressedSize);
      const result = { path: request.path, ...(await digestFileStream(sink ? teed(checkedStream(request.path, raw), sink) : checkedStream(request.path, raw), request.algorithms)) };
      sink?.end(result.error);
      return result;
    } catch (error) {
      sink?.end((error as Error).message);
      return { path: request.path, bytes: 0, digests: {}, error: (error as Error).message };
    }
  };
  const fileEntry = (path: string): Entry => {
    const entry = entries.get(path);
    if (!entry?.raw || entry.kind !== 'file') throw new Error(`[dangan] no file entry: ${path}`);
    if (entry.encrypted) throw new Error(`[dangan] encrypted entry: ${path}`);
    if (inspection.refused.has(path)) throw new Error(`[dangan] ${path}: its local header disagrees with the central directory or its bytes overlap another member; not read`);
    return entry.raw;
  };
  return {
    name: basename(file),
    mediaType: 'application/zip',
    // Made once: validatePackage and the profile validator both ask.
    async entries() {
      return (listed ??= sorted.map(({ raw: _raw, ...entry }) => entry));
    },
    async read(path, options) {
      const raw = fileEntry(path);
      const member = entries.get(path) as ZipEntry;
      if (options?.maxBytes !== undefined && raw.uncompressedSize > options.maxBytes) throw new ReadLimitError(path, raw.uncompressedSize, options.maxBytes);
      // A small stored member (item metadata) is one blocking positioned read, as a small file of a folder is.
      const range = raw.uncompressedSize <= SYNC_READ_BYTES ? storedRange(member, bounds) : undefined;
      if (range) {
        const bytes = new Uint8Array(range.length);
        if (readSync(fd, bytes, 0, range.length, range.start) === range.length) {
          const crc = crc32(bytes);
          if (crc !== raw.crc32) throw crcMismatch(path, raw.crc32, crc);
          return bytes;
        }
      }
      const chunks: Uint8Array[] = [];
      for await (const chunk of checkedStream(path, raw)) chunks.push(chunk);
      return new Uint8Array(Buffer.concat(chunks));
    },
    async *stream(path) {
      yield* checkedStream(path, fileEntry(path));
    },
    // Members stored without compression are byte ranges of the zip: the hashing workers read them in
    // place, in parallel, and scan their content on the same reads, as for a folder, and compute their
    // CRC-32 too. Compressed members are inflated and hashed here, one at a time, in request order all the same.
    async *digest(requests: readonly DigestRequest[], options?: DigestOptions): AsyncIterable<DigestResult> {
      const ranges = requests.map((request) => {
        const entry = entries.get(request.path);
        return entry?.raw && entry.kind === 'file' && !entry.encrypted && !inspection.refused.has(request.path) ? storedRange(entry, bounds) : undefined;
      });
      const stored: FileToHash[] = [];
      requests.forEach((request, i) => {
        const range = ranges[i];
        if (range) stored.push({ path: request.path, file: zipPath, follow: true, expect: zipIdentity, range, crc32: true, algorithms: request.algorithms, ...(request.scan ? { scan: request.scan } : {}) });
      });
      const hashed = digestFiles(stored, options)[Symbol.asyncIterator]();
      try {
        for (const [i, request] of requests.entries()) {
          if (ranges[i]) {
            const next = await hashed.next();
            if (!next.done) yield checkCrc(next.value, entries.get(request.path)?.raw as Entry);
          } else yield await inflateAndDigest(request, options?.tee);
        }
        await hashed.next();
      } finally {
        await hashed.return?.(undefined);
      }
    },
    findings: () => findings,
    async close() {
      zip.close();
    },
  };

  /** A stored member's digest, turned into an error when its CRC-32 is not the one the zip gives. */
  function checkCrc(result: DigestResult & { crc32?: number }, raw: Entry): DigestResult {
    const { crc32: crc, ...rest } = result;
    if (rest.error !== undefined || crc === undefined || crc === raw.crc32) return rest;
    return { path: rest.path, bytes: rest.bytes, digests: {}, error: crcMismatch(rest.path, raw.crc32, crc).message };
  }
}

const hex32 = (value: number): string => value.toString(16).padStart(8, '0');

/** `chunks`, each also written to `sink` (waiting until the sink has taken it). */
async function* teed(chunks: AsyncIterable<Uint8Array>, sink: ContentSink): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    await sink.write(chunk);
    yield chunk;
  }
}

/** The central directory's view of a member, for {@link inspectMembers}. */
function toCentralMember(raw: Entry, entry: ZipEntry): CentralMember {
  return {
    path: entry.path,
    nameBytes: raw.fileName as unknown as Buffer,
    offset: raw.relativeOffsetOfLocalHeader,
    compressedSize: raw.compressedSize,
    uncompressedSize: raw.uncompressedSize,
    flags: raw.generalPurposeBitFlag,
    isDirectory: entry.kind === 'directory',
    extraIds: raw.extraFields.map((f) => f.id),
  };
}

/**
 * Byte ranges of the zip file for yauzl, each read by its own stream of positioned reads over one descriptor.
 * yauzl's built-in reader queues reads of all streams behind each other and, when a stream is
 * destroyed with a read still queued (an early `break`, or a "too many bytes" error), that read
 * dereferences a cleared context: an uncaught TypeError that ends the process (hostile case
 * zip-bomb-lying-size). These streams drop a late read instead.
 */
class FileRangeReader extends yauzl.RandomAccessReader {
  /** `base`: bytes before the zip its offsets do not count (see `locateZip`). */
  constructor(
    private readonly fd: number,
    private readonly base: number,
  ) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    if (end <= start) {
      const empty = new PassThrough();
      empty.end();
      return empty;
    }
    // Not fs.createReadStream: destroying it would close the shared descriptor.
    const { fd } = this;
    let position = start + this.base;
    end += this.base;
    return new Readable({
      read(size) {
        const length = Math.min(size, end - position);
        if (length <= 0) return void this.push(null);
        const buffer = Buffer.allocUnsafe(length);
        readFd(fd, buffer, 0, length, position, (error, bytesRead) => {
          if (this.destroyed) return; // a read that finishes after its stream was dropped is discarded
          if (error) this.destroy(error);
          else if (bytesRead === 0) this.destroy(new Error('unexpected end of the zip file'));
          else {
            position += bytesRead;
            this.push(buffer.subarray(0, bytesRead));
          }
        });
      },
    });
  }

  // yauzl reads the end record, every central directory record (two reads each) and the local headers
  // through this: small reads, done blocking — an asynchronous read is a thread-pool round trip each, and
  // the 12,000 of a 6,000-member zip left the process idle for 0.4 s. The callback still comes later.
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    let error: Error | null = null;
    try {
      if (readSync(this.fd, buffer, offset, length, position + this.base) < length) error = new Error('unexpected end of the zip file');
    } catch (thrown) {
      error = thrown as Error;
    }
    process.nextTick(callback, error);
  }

  override close(callback: (err: Error | null) => void): void {
    closeFd(this.fd, (error) => callback(error ?? null));
  }
}

// APPNOTE 6.3.10 §4.4.5: compression method 0, stored.
const STORED = 0;
// Stored members up to this size are read with one blocking call (see directorySource).
const SYNC_READ_BYTES = 64 * 1024;

/**
 * Where a member stored without compression (method 0) keeps its bytes in the
 * zip: after its local header, whose name and extra field may differ in length
 * from the central directory's (APPNOTE §4.3.7), as `inspectMembers` read it.
 * `undefined` for a compressed member, or one whose header or bytes do not lie
 * within the file (yauzl then reports it when the member is streamed).
 */
function storedRange(member: ZipEntry, bounds: ZipBounds): FileRange | undefined {
  const entry = member.raw;
  if (!entry || entry.compressionMethod !== STORED || entry.compressedSize !== entry.uncompressedSize || entry.uncompressedSize === 0) return undefined;
  if (member.dataOffset === undefined) return undefined;
  const start = bounds.base + member.dataOffset;
  return start + entry.uncompressedSize <= bounds.base + bounds.size ? { start, length: entry.uncompressedSize } : undefined;
}

function openStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return zip.openReadStreamPromise(entry);
}

/** Decodes a member's name and classifies it (APPNOTE §4.4.4, §4.4.15). */
function toPackageEntry(raw: Entry): ZipEntry {
  const bytes = raw.fileName as unknown as Buffer;
  const { name, encoding } = decodeEntryName(raw, bytes);
  const isFolder = name.endsWith('/') || name.endsWith('\\');
  const slashed = name.replace(/\\/g, '/').replace(/\/+$/, '');
  const renamed = slashed !== name.replace(/\/+$/, '') || encoding !== 'utf-8' || bytes.toString('utf8') !== name;
  const base = {
    path: slashed,
    raw,
    ...(encoding === 'utf-8' ? {} : { nameEncoding: encoding }),
    ...(renamed ? { renamed } : {}),
  };
  const mode = raw.versionMadeBy >> 8 === UNIX ? (raw.externalFileAttributes >>> 16) & S_IFMT : 0;
  if (mode === S_IFLNK) return { ...base, kind: 'symlink', size: 0 };
  if (isFolder || mode === S_IFDIR) return { ...base, kind: 'directory', size: 0 };
  if (mode !== 0 && mode !== S_IFREG) return { ...base, kind: 'other', size: 0 };
  const encrypted = (raw.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0;
  return {
    ...base,
    kind: 'file',
    size: raw.uncompressedSize,
    compressedSize: raw.compressedSize,
    ...(encrypted ? { encrypted } : {}),
  };
}

function decodeEntryName(raw: Entry, bytes: Buffer): { name: string; encoding: 'utf-8' | 'gb18030' } {
  const unicodeExtra = raw.extraFields.some((f) => f.id === UNICODE_PATH_EXTRA);
  if ((raw.generalPurposeBitFlag & FLAG_UTF8) !== 0 || unicodeExtra) {
    const name = yauzl.getFileNameLowLevel(raw.generalPurposeBitFlag, bytes, raw.extraFields, false);
    return { name: name.normalize('NFC'), encoding: 'utf-8' };
  }
  return decodeName(bytes);
}

/** Lists the folders a member's path implies, as a directory walk would. */
function addParents(entries: Map<string, ZipEntry>, path: string): void {
  if (!isSafePath(path)) return; // reported as unsafe once; no folders invented around it
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const parent = parts.slice(0, i).join('/');
    if (entries.has(parent)) continue;
    entries.set(parent, { path: parent, kind: 'directory', size: 0 });
  }
}
