import { isSafePath } from '../package/layout/isSafePath.js';
import { mapLimit } from '../package/mapLimit.js';
import { ReadLimitError, type DigestOptions, type DigestRequest, type DigestResult, type PackageEntry, type PackageSource, type SourceFinding } from '../package/source.js';
import { readBlob } from './blobChunks.js';
import { decodeName } from '../package/decodeName.js';
import { digestWith } from './digestRequests.js';
import type { BlobSourceOptions } from './fileListSource.js';
import { inThreadHasher, type BlobHasher } from './hasher.js';
import { checkedBytes, CrcMismatchError, type StoredBytes } from './storedBytes.js';

// APPNOTE 6.3.10 §4.3.16: end of central directory record, 22 bytes plus a comment of up to 65,535.
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_BYTES = 22;
const MAX_COMMENT = 0xffff;
// §4.3.14, §4.3.15: zip64 end of central directory record and its 20-byte locator.
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
// §4.3.12: central directory file header, 46 bytes before name, extra and comment.
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_BYTES = 46;
// §4.3.7: local file header, 30 bytes before name and extra.
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_BYTES = 30;
// §4.3.9: data descriptor, with an optional signature.
const DESCRIPTOR_SIGNATURE = 0x08074b50;
// §4.4.4: bit 0 = encrypted, bit 3 = sizes in a data descriptor, bit 11 = UTF-8 names.
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
// §4.5.3: zip64 extended information; §4.6.9: Info-ZIP Unicode Path.
const ZIP64_EXTRA = 0x0001;
const UNICODE_PATH_EXTRA = 0x7075;
// §4.4.2: "version made by" upper byte 3 = Unix, whose mode is the high 16 bits of the external attributes.
const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

const utf8 = new TextDecoder('utf-8');
/** Header windows per read request (one message to a worker), and the bytes read past a header's name (its extra field, usually). */
const WINDOWS_PER_READ = 32;
const HEADER_SLACK = 64;
/** Local headers within this many bytes of the first of a group are read with it, in one slice. */
const MERGE_WINDOW = 64 * 1024;
/** A member of at most this many stored bytes inside a header read is kept (read ahead), up to a total per zip. */
const READ_AHEAD_MEMBER = 64 * 1024;
const READ_AHEAD_BYTES = 32 << 20;
/** Gaps between members are searched for hidden local headers in reads of this size. */
const GAP_READ = 1 << 20;

/** One member as the central directory gives it, with where its data lies once its local header is read. */
interface Member {
  entry: PackageEntry;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  offset: number;
  extraIds: number[];
  /** Start of the data, from the local header; absent when the header is missing. */
  dataStart?: number;
  /** The stored bytes, when read with the local headers (a small member between neighbours' headers). */
  readAhead?: Uint8Array;
}

/**
 * Opens a `.zip` (or `.eep` container) `Blob`/`File` as a read-only
 * {@link PackageSource}, reading lazily: the end record and central directory
 * are read from slices of the Blob, the local headers on opening (neighbours'
 * with one slice, keeping small members found between them), and member
 * data only when asked, inflated in slices by fflate's streaming `Inflate`
 * (a large member is never held whole). Names, encrypted members, Unix links
 * and implied folders are listed as `openZipSource` of `dangan/node` lists
 * them; every member read in full has its CRC-32 checked (`zip.crc-mismatch`),
 * an inflated member may not exceed its declared size, and a member whose
 * local header is missing (`zip.entry-invalid`), names another file
 * (`zip.name-mismatch`) or whose bytes overlap another member or the central
 * directory (`zip.entry-overlap`) is never read; a local header the central
 * directory does not list is reported (`zip.entry-local-only`).
 *
 * @param blob - The zip.
 * @param name - Display name; default: the File's name.
 * @param options - `hasher`: inflate and hash in Web Workers (`createWorkerHasher`) rather than on this thread.
 * @returns The source.
 * @throws Error when the Blob is not a zip (no end record, a broken central directory).
 * @example
 * const source = await openZipBlobSource(input.files[0]);
 * const report = await validatePackage(source);
 */
export async function openZipBlobSource(blob: Blob, name?: string, options: BlobSourceOptions = {}): Promise<PackageSource> {
  const { base, trailing, centralStart, centralSize, count } = await locateCentralDirectory(blob);
  const central = await readBlob(blob, base + centralStart, centralSize);
  const members = parseCentralDirectory(central, count);
  const findings: SourceFinding[] = [];
  const refused = new Set<string>();
  await inspectLocalHeaders(blob, base, members, centralStart, findings, refused, options.hasher ?? inThreadHasher);
  // Bytes before the first member whose local header was found (a self-extracting stub).
  const first = members.reduce((min, m) => (m.dataStart === undefined ? min : Math.min(min, m.offset)), centralStart);
  if (base + first > 0) findings.push({ code: 'zip.prefix-data', received: base + first, params: { received: base + first } });
  if (trailing > 0) findings.push({ code: 'zip.trailing-data', received: trailing, params: { received: trailing } });

  const byPath = new Map<string, Member | undefined>();
  const duplicates: PackageEntry[] = [];
  for (const member of members) {
    const { path } = member.entry;
    if (byPath.get(path) === undefined) byPath.set(path, member);
    else duplicates.push(member.entry);
    if (!isSafePath(path)) continue; // reported as unsafe once; no folders invented around it
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (!byPath.has(parent)) byPath.set(parent, undefined);
    }
  }
  const listedEntries = [...byPath].map(([path, member]) => member?.entry ?? { path, kind: 'directory' as const, size: 0 });
  const sorted = [...listedEntries, ...duplicates].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const fileMember = (path: string): Member & { dataStart: number } => {
    const member = byPath.get(path);
    if (!member || member.entry.kind !== 'file') throw new Error(`[dangan] no file entry: ${path}`);
    if (member.entry.encrypted) throw new Error(`[dangan] encrypted entry: ${path}`);
    if (refused.has(path) || member.dataStart === undefined) throw new Error(`[dangan] ${path}: its local header disagrees with the central directory or its bytes overlap another member; not read`);
    return member as Member & { dataStart: number };
  };
  const storedBytes = (member: Member & { dataStart: number }): StoredBytes => ({
    path: member.entry.path,
    blob,
    start: base + member.dataStart,
    length: member.compressedSize,
    method: member.method,
    size: member.uncompressedSize,
    crc32: member.crc,
  });
  const crcFailed = new Set<string>();
  const crcMismatch = (path: string, { expected, received }: { expected: string; received: string }): void => {
    if (crcFailed.has(path)) return;
    crcFailed.add(path);
    findings.push({ code: 'zip.crc-mismatch', path, expected, received, params: { entry: path, expected, received } });
  };
  /** The member's bytes, inflated in slices, with its size and CRC-32 checked once the last byte is through. */
  async function* checkedStream(path: string): AsyncGenerator<Uint8Array> {
    try {
      const member = fileMember(path);
      yield* checkedBytes(storedBytes(member), member.readAhead ? [member.readAhead] : undefined);
    } catch (error) {
      if (error instanceof CrcMismatchError) crcMismatch(path, error);
      throw error;
    }
  }
  let listed: readonly PackageEntry[] | undefined;
  return {
    name: name ?? ((blob as File).name || 'package.zip'),
    mediaType: 'application/zip',
    async entries() {
      return (listed ??= sorted);
    },
    async read(path, options) {
      const member = fileMember(path);
      if (options?.maxBytes !== undefined && member.uncompressedSize > options.maxBytes) throw new ReadLimitError(path, member.uncompressedSize, options.maxBytes);
      // Gathered, then joined: the declared size is not trusted for an allocation.
      const chunks: Uint8Array[] = [];
      for await (const chunk of checkedStream(path)) chunks.push(chunk);
      return concat(chunks);
    },
    stream: checkedStream,
    async *digest(requests: readonly DigestRequest[], digestOptions?: DigestOptions): AsyncIterable<DigestResult> {
      const open = (path: string) => {
        const member = byPath.get(path);
        if (member?.entry.kind !== 'file') return undefined;
        try {
          return { size: member.uncompressedSize, stored: storedBytes(fileMember(path)) };
        } catch (error) {
          return { size: member.uncompressedSize, error: (error as Error).message };
        }
      };
      yield* digestWith(options.hasher ?? inThreadHasher, requests, digestOptions, open, (path, result) => result.crcMismatch && crcMismatch(path, result.crcMismatch));
    },
    findings: () => findings,
  };
}

interface CentralLocation {
  base: number;
  trailing: number;
  centralStart: number;
  centralSize: number;
  count: number;
}

/**
 * Finds the end record as unzip does — the last signature whose comment fits —
 * and from it (or its zip64 record) the central directory; a self-extracting
 * stub whose offsets were not adjusted becomes `base`.
 */
async function locateCentralDirectory(blob: Blob): Promise<CentralLocation> {
  const tailLength = Math.min(blob.size, EOCD_BYTES + MAX_COMMENT);
  const tailStart = blob.size - tailLength;
  const tail = view(await readBlob(blob, tailStart, tailLength));
  for (let i = tailLength - EOCD_BYTES; i >= 0; i--) {
    if (tail.getUint32(i, true) !== EOCD_SIGNATURE) continue;
    const end = tailStart + i + EOCD_BYTES + tail.getUint16(i + 20, true);
    if (end > blob.size) continue;
    const at = tailStart + i;
    let count = tail.getUint16(i + 10, true);
    let centralSize = tail.getUint32(i + 12, true);
    let centralStart = tail.getUint32(i + 16, true);
    let base = 0;
    if (i >= 20 && tail.getUint32(i - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
      const record = view(await readBlob(blob, Number(tail.getBigUint64(i - 20 + 8, true)), 56));
      if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) throw new Error('[dangan] not a zip: broken zip64 end record');
      count = Number(record.getBigUint64(32, true));
      centralSize = Number(record.getBigUint64(40, true));
      centralStart = Number(record.getBigUint64(48, true));
    } else {
      const delta = at - centralSize - centralStart;
      if (delta > 0 && centralSize > 0 && (await uint32At(blob, at - centralSize)) === CENTRAL_SIGNATURE && (await uint32At(blob, 0)) !== LOCAL_SIGNATURE) base = delta;
    }
    if (base + centralStart + centralSize > blob.size) throw new Error('[dangan] not a zip: the central directory lies outside the file');
    return { base, trailing: blob.size - end, centralStart, centralSize, count };
  }
  throw new Error('[dangan] not a zip: no end of central directory record');
}

/** Parses `count` central directory records (§4.3.12), zip64 sizes included. */
function parseCentralDirectory(bytes: Uint8Array, count: number): Member[] {
  const data = view(bytes);
  const members: Member[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + CENTRAL_BYTES > bytes.byteLength || data.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new Error(`[dangan] not a zip: central directory record ${n} is broken`);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const next = at + CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (next > bytes.byteLength) throw new Error(`[dangan] not a zip: central directory record ${n} is cut`);
    const nameBytes = bytes.subarray(at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength);
    const extras = parseExtras(bytes.subarray(at + CENTRAL_BYTES + nameLength, at + CENTRAL_BYTES + nameLength + extraLength));
    let uncompressedSize = data.getUint32(at + 24, true);
    let compressedSize = data.getUint32(at + 20, true);
    let offset = data.getUint32(at + 42, true);
    const zip64 = extras.get(ZIP64_EXTRA);
    if (zip64) {
      // §4.5.3: only the fields whose 32-bit value is all ones are present, in this order.
      const z = view(zip64);
      let p = 0;
      const take = () => (p + 8 <= zip64.byteLength ? Number(z.getBigUint64((p += 8) - 8, true)) : undefined);
      if (uncompressedSize === 0xffffffff) uncompressedSize = take() ?? uncompressedSize;
      if (compressedSize === 0xffffffff) compressedSize = take() ?? compressedSize;
      if (offset === 0xffffffff) offset = take() ?? offset;
    }
    const flags = data.getUint16(at + 8, true);
    members.push({
      entry: toEntry(nameBytes, flags, extras, data.getUint16(at + 4, true), data.getUint32(at + 38, true), uncompressedSize, compressedSize),
      nameBytes,
      flags,
      method: data.getUint16(at + 10, true),
      crc: data.getUint32(at + 16, true),
      compressedSize,
      uncompressedSize,
      offset,
      extraIds: [...extras.keys()],
    });
    at = next;
  }
  return members;
}

/** The extra fields of a record by id (§4.5.1); a cut field ends the list. */
function parseExtras(bytes: Uint8Array): Map<number, Uint8Array> {
  const data = view(bytes);
  const extras = new Map<number, Uint8Array>();
  for (let at = 0; at + 4 <= bytes.byteLength; ) {
    const id = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    if (at + 4 + length > bytes.byteLength) break;
    if (!extras.has(id)) extras.set(id, bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return extras;
}

/** Decodes a member's name and classifies it (§4.4.4, §4.4.15), as `dangan/node` does. */
function toEntry(nameBytes: Uint8Array, flags: number, extras: Map<number, Uint8Array>, madeBy: number, external: number, size: number, compressedSize: number): PackageEntry {
  const unicode = extras.get(UNICODE_PATH_EXTRA);
  let name: string;
  let encoding: 'utf-8' | 'gb18030' = 'utf-8';
  // §4.6.9: version 1, CRC-32 of the stored name, then the UTF-8 name.
  if (unicode && unicode.byteLength >= 5 && unicode[0] === 1) name = utf8.decode(unicode.subarray(5)).normalize('NFC');
  else if ((flags & FLAG_UTF8) !== 0) name = utf8.decode(nameBytes).normalize('NFC');
  else ({ name, encoding } = decodeName(nameBytes));
  const isFolder = name.endsWith('/') || name.endsWith('\\');
  const path = name.replace(/\\/g, '/').replace(/\/+$/, '');
  const renamed = path !== name.replace(/\/+$/, '') || encoding !== 'utf-8' || utf8.decode(nameBytes) !== name;
  const entry: PackageEntry = { path, kind: 'file', size: 0 };
  if (encoding !== 'utf-8') entry.nameEncoding = encoding;
  if (renamed) entry.renamed = true;
  const mode = madeBy >> 8 === UNIX ? (external >>> 16) & S_IFMT : 0;
  if (mode === S_IFLNK) entry.kind = 'symlink';
  else if (isFolder || mode === S_IFDIR) entry.kind = 'directory';
  else if (mode !== 0 && mode !== S_IFREG) entry.kind = 'other';
  else {
    entry.size = size;
    entry.compressedSize = compressedSize;
    if ((flags & FLAG_ENCRYPTED) !== 0) entry.encrypted = true;
  }
  return entry;
}

/**
 * Reads every member's local header and compares it with the central
 * directory (§4.3.7): a missing header (`zip.entry-invalid`), another name
 * (`zip.name-mismatch`), a folder carrying data (`zip.directory-data`), and
 * members whose bytes overlap each other or the central directory
 * (`zip.entry-overlap`, the overlapping-member bomb). Such members are refused.
 */
async function inspectLocalHeaders(blob: Blob, base: number, members: Member[], centralStart: number, findings: SourceFinding[], refused: Set<string>, hasher: BlobHasher): Promise<void> {
  const spans: { path: string; start: number; end: number }[] = [];
  // Neighbouring headers read together, in one window per group; the windows read in batches on the hasher's
  // workers (each slice of a File is a synchronous round trip to the browser); judged in order.
  const groups = headerGroups(members);
  const batches: number[][][] = [];
  for (let g = 0; g < groups.length; g += WINDOWS_PER_READ) batches.push(groups.slice(g, g + WINDOWS_PER_READ));
  const budget = { bytes: READ_AHEAD_BYTES };
  const locals: (LocalHeader | undefined)[] = new Array(members.length);
  await mapLimit(batches, Math.max(2, hasher.jobs), async (batch) => {
    const windows = await hasher.read(blob, batch.map((group) => windowRange(base, members, group)));
    for (const [g, group] of batch.entries()) {
      const window = { start: (members[group[0] as number] as Member).offset, bytes: windows[g] as Uint8Array };
      const headers = await parseGroup(blob, base, members, group, window, budget);
      for (const [k, i] of group.entries()) locals[i] = headers[k];
    }
  });
  for (const [i, member] of members.entries()) {
    const path = member.entry.path;
    const local = locals[i];
    if (!local) {
      findings.push({ code: 'zip.entry-invalid', path, params: { entry: path, reason: `no local header at offset ${member.offset}` } });
      refused.add(path);
      continue;
    }
    if (!sameBytes(local.name, member.nameBytes)) {
      const name = decodeName(local.name).name;
      findings.push({ code: 'zip.name-mismatch', path, expected: path, received: name, params: { entry: path, local: name } });
      refused.add(path);
    }
    if (member.entry.kind === 'directory' && (member.uncompressedSize > 0 || member.compressedSize > 2)) {
      findings.push({ code: 'zip.directory-data', path, received: member.uncompressedSize, params: { entry: path, received: member.uncompressedSize } });
    }
    member.dataStart = local.dataStart;
    spans.push({ path, start: member.offset, end: local.dataStart + member.compressedSize + local.descriptor });
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const overlapping = new Set<string>();
  const overlap = (span: { path: string }, other: string) => {
    if (overlapping.has(span.path)) return;
    overlapping.add(span.path);
    refused.add(span.path);
    findings.push({ code: 'zip.entry-overlap', path: span.path, params: { entry: span.path, other } });
  };
  let reach: (typeof spans)[number] | undefined;
  let cursor = 0;
  for (const span of spans) {
    if (reach && span.start < reach.end) {
      overlap(reach, span.path);
      overlap(span, reach.path);
    } else await findHiddenHeaders(blob, base, cursor, span.start, findings);
    if (span.end > centralStart) overlap(span, 'central directory');
    if (!reach || span.end > reach.end) reach = span;
    cursor = Math.max(cursor, span.end);
  }
  await findHiddenHeaders(blob, base, cursor, centralStart, findings);
}

/**
 * Searches the bytes between members (or before the central directory) for a
 * plausible local header — a signature, a name and data that fit — which a
 * streaming extractor would write and the central directory hides
 * (`zip.entry-local-only`). Read in slices; never member data.
 */
async function findHiddenHeaders(blob: Blob, base: number, from: number, to: number, findings: SourceFinding[]): Promise<void> {
  if (to - from < LOCAL_BYTES) return;
  for (let position = from; position < to - 3; position += GAP_READ) {
    // Three bytes more, so a signature across two reads is seen.
    const bytes = await readBlob(blob, base + position, Math.min(GAP_READ + 3, to - position));
    const data = view(bytes);
    for (let i = 0; i + 4 <= bytes.byteLength; i++) {
      if (bytes[i] !== 0x50 || data.getUint32(i, true) !== LOCAL_SIGNATURE) continue;
      const at = position + i;
      const header = await readBlob(blob, base + at, LOCAL_BYTES);
      if (at + LOCAL_BYTES > to || header.byteLength < LOCAL_BYTES) continue;
      const fields = view(header);
      const nameLength = fields.getUint16(26, true);
      const dataStart = at + LOCAL_BYTES + nameLength + fields.getUint16(28, true);
      const described = (fields.getUint16(6, true) & FLAG_DESCRIPTOR) !== 0;
      if (nameLength === 0 || dataStart > to || (!described && dataStart + fields.getUint32(18, true) > to)) continue;
      const local = decodeName(await readBlob(blob, base + at + LOCAL_BYTES, nameLength)).name;
      findings.push({ code: 'zip.entry-local-only', path: local, received: at, params: { local, offset: at } });
    }
  }
}

/** A member's local header (§4.3.7): its name, where its data starts, and the length of its data descriptor. */
interface LocalHeader {
  name: Uint8Array;
  dataStart: number;
  descriptor: number;
}

/** A window of the zip read once: the bytes from `start`. */
interface Window {
  start: number;
  bytes: Uint8Array;
}

/**
 * The members (indices) in groups whose local headers lie close together
 * (within {@link MERGE_WINDOW} bytes, in offset order), so each group's
 * headers — and small members' data between them — come with one read.
 */
function headerGroups(members: readonly Member[]): number[][] {
  const order = members.map((_, i) => i).sort((a, b) => (members[a] as Member).offset - (members[b] as Member).offset);
  const groups: number[][] = [];
  let groupStart = 0;
  for (const i of order) {
    const member = members[i] as Member;
    const group = groups.at(-1);
    if (group && member.offset + headerReach(member) - groupStart <= MERGE_WINDOW) group.push(i);
    else {
      groups.push([i]);
      groupStart = member.offset;
    }
  }
  return groups;
}

/** Bytes read for a member's local header: fixed part, name, and room for its extra field. */
const headerReach = (member: Member): number => LOCAL_BYTES + member.nameBytes.byteLength + HEADER_SLACK;

/** The `[start, length]` in the Blob of a group's window: from its first local header to past its last one's name. */
function windowRange(base: number, members: readonly Member[], group: readonly number[]): [number, number] {
  const first = members[group[0] as number] as Member;
  const last = members[group.at(-1) as number] as Member;
  return [base + first.offset, last.offset + headerReach(last) - first.offset];
}

/**
 * Parses each member's local header of a group from its window (reading
 * apart only what the window lacks: a long extra field, a data descriptor
 * past it); a small file member wholly inside the window keeps its stored
 * bytes (a read-ahead: the metadata phase reads it from memory) while
 * `budget` lasts.
 */
async function parseGroup(blob: Blob, base: number, members: readonly Member[], group: readonly number[], window: Window, budget: { bytes: number }): Promise<(LocalHeader | undefined)[]> {
  const headers: (LocalHeader | undefined)[] = [];
  for (const i of group) {
    const member = members[i] as Member;
    const local = await readLocalHeader(blob, base, member, window);
    headers.push(local);
    const inWindow = local && local.dataStart - window.start + member.compressedSize <= window.bytes.byteLength;
    if (local && inWindow && member.entry.kind === 'file' && member.compressedSize <= READ_AHEAD_MEMBER && budget.bytes >= member.compressedSize) {
      budget.bytes -= member.compressedSize;
      // Copied: the window itself is let go.
      member.readAhead = window.bytes.slice(local.dataStart - window.start, local.dataStart - window.start + member.compressedSize);
    }
  }
  return headers;
}

/**
 * A member's local header, from the window when it holds it (else read with
 * one slice); `undefined` when there is no local header at its offset.
 */
async function readLocalHeader(blob: Blob, base: number, member: Member, window: Window): Promise<LocalHeader | undefined> {
  const inWindow = (at: number, length: number) => (at >= window.start && at + length <= window.start + window.bytes.byteLength ? window.bytes.subarray(at - window.start, at - window.start + length) : undefined);
  const at = base + member.offset;
  const head = inWindow(member.offset, LOCAL_BYTES) ?? (await readBlob(blob, at, LOCAL_BYTES));
  if (head.byteLength < LOCAL_BYTES || view(head).getUint32(0, true) !== LOCAL_SIGNATURE) return undefined;
  const nameLength = view(head).getUint16(26, true);
  const extraLength = view(head).getUint16(28, true);
  const name = inWindow(member.offset + LOCAL_BYTES, nameLength) ?? (await readBlob(blob, at + LOCAL_BYTES, nameLength));
  const dataStart = member.offset + LOCAL_BYTES + nameLength + extraLength;
  return { name, dataStart, descriptor: await descriptorLength(blob, base, member, dataStart + member.compressedSize, inWindow) };
}

/** Bytes of the data descriptor after a member that has one (§4.3.9); its signature read from the window when there. */
async function descriptorLength(blob: Blob, base: number, member: Member, dataEnd: number, inWindow: (at: number, length: number) => Uint8Array | undefined): Promise<number> {
  if ((member.flags & FLAG_DESCRIPTOR) === 0) return 0;
  const sizes = member.extraIds.includes(ZIP64_EXTRA) ? 16 : 8;
  const near = inWindow(dataEnd, 4);
  const signature = near ? view(near).getUint32(0, true) : await uint32At(blob, base + dataEnd);
  return (signature === DESCRIPTOR_SIGNATURE ? 4 : 0) + 4 + sizes;
}

async function uint32At(blob: Blob, at: number): Promise<number | undefined> {
  const bytes = await readBlob(blob, at, 4);
  return bytes.byteLength === 4 ? view(bytes).getUint32(0, true) : undefined;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
