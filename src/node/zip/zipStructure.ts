import { readSync } from 'node:fs';
import type { SourceFinding } from '../../package/source.js';
import { decodeName } from '../../package/decodeName.js';

// APPNOTE 6.3.10 §4.3.16: end of central directory record, 22 bytes plus a comment of up to 65,535.
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_BYTES = 22;
const MAX_COMMENT = 0xffff;
// §4.3.15: zip64 end of central directory locator, 20 bytes right before the end record.
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
// §4.3.12: central directory file header.
const CENTRAL_SIGNATURE = 0x02014b50;
// §4.3.7: local file header and its fixed part.
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_BYTES = 30;
// §4.3.9: data descriptor, with an optional signature.
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const FLAG_DESCRIPTOR = 0x8;
// §4.5.3: zip64 extended information extra field.
const ZIP64_EXTRA = 0x0001;
/** Gaps between members are searched for hidden local headers in reads of this size. */
const GAP_READ = 1 << 20;

/** Where the zip lies in its file, as unzip finds it. */
export interface ZipBounds {
  /** Bytes before the zip whose offsets its central directory does not count (a self-extracting stub prepended by `cat`). */
  base: number;
  /** Bytes of the zip from `base` to the end of its end record and comment. */
  size: number;
  /** Bytes after the end record (and its comment): trailing garbage, ignored. */
  trailing: number;
}

/**
 * Finds the end record as unzip does — the last signature whose comment fits
 * in the file — and from it what to ignore: bytes after the record (trailing
 * garbage, which yauzl refuses as a wrong comment length) and, when the
 * central directory sits later than it says, a prefix its offsets do not
 * count (a self-extracting stub prepended without adjusting them).
 *
 * @param fd - The open zip file.
 * @param fileSize - Its size.
 * @returns The bounds, or `undefined` when no end record is found (yauzl then reports why).
 * @example
 * const { base, size, trailing } = locateZip(fd, fstatSync(fd).size) ?? { base: 0, size, trailing: 0 };
 */
export function locateZip(fd: number, fileSize: number): ZipBounds | undefined {
  const tail = Math.min(fileSize, EOCD_BYTES + MAX_COMMENT);
  const buffer = Buffer.alloc(tail);
  const tailStart = fileSize - tail;
  if (readFully(fd, buffer, tailStart) < tail) return undefined;
  for (let i = tail - EOCD_BYTES; i >= 0; i--) {
    if (buffer.readUInt32LE(i) !== EOCD_SIGNATURE) continue;
    const end = tailStart + i + EOCD_BYTES + buffer.readUInt16LE(i + 20);
    if (end > fileSize) continue;
    const at = tailStart + i;
    let base = 0;
    const zip64 = i >= 20 ? buffer.readUInt32LE(i - 20) === ZIP64_LOCATOR_SIGNATURE : false;
    if (!zip64) {
      const cdSize = buffer.readUInt32LE(i + 12);
      const cdOffset = buffer.readUInt32LE(i + 16);
      const delta = at - cdSize - cdOffset;
      if (delta > 0 && cdSize > 0 && readUInt32(fd, at - cdSize) === CENTRAL_SIGNATURE) {
        // A stub is not a zip: a file that starts with a local header and whose last end record is
        // not its own is a cut zip holding another (an OFD, a .docx), not a self-extracting one.
        if (readUInt32(fd, 0) === LOCAL_SIGNATURE) return undefined;
        base = delta;
      }
    }
    return { base, size: end - base, trailing: fileSize - end };
  }
  return undefined;
}

/** What the central directory says of one member, for {@link inspectMembers}. */
export interface CentralMember {
  /** Package path (decoded) for issues. */
  path: string;
  /** The name's bytes as the central directory stores them. */
  nameBytes: Uint8Array;
  offset: number;
  compressedSize: number;
  uncompressedSize: number;
  flags: number;
  isDirectory: boolean;
  /** Extra field ids (a zip64 member's descriptor is longer). */
  extraIds: readonly number[];
  /** Set by {@link inspectMembers} when the local header is there: where the member's data starts (relative to `bounds.base`). */
  dataOffset?: number;
}

/** What {@link inspectMembers} found. */
export interface MemberInspection {
  findings: SourceFinding[];
  /** Paths whose bytes must not be read: an extractor would see other bytes or other names. */
  refused: Set<string>;
}

interface Span {
  path: string;
  start: number;
  end: number;
}

/**
 * Reads every member's local header and compares it with the central
 * directory, the way a streaming extractor differs from a random-access one
 * (APPNOTE 6.3.10 §4.3.7, §4.3.12): a missing local header, a local name
 * other than the central one, members whose bytes overlap each other or the
 * central directory (the overlapping-member zip bomb: N entries inflating one
 * block), a folder entry carrying data, and local headers in the gaps that
 * the central directory does not list (a streaming extractor writes them).
 * Bytes before the first member (a self-extracting stub) are a warning.
 * Offsets are relative to `bounds.base`; only headers and gaps are read, never
 * member data.
 *
 * @param fd - The open zip file.
 * @param bounds - From {@link locateZip}.
 * @param members - The central directory's members, in any order.
 * @param centralStart - Offset of the central directory (relative to `bounds.base`).
 * @returns Findings and the paths not to read.
 * @example
 * const { findings, refused } = inspectMembers(fd, bounds, members, zip.centralDirectoryOffset);
 */
export function inspectMembers(fd: number, bounds: ZipBounds, members: readonly CentralMember[], centralStart: number): MemberInspection {
  const findings: SourceFinding[] = [];
  const refused = new Set<string>();
  const spans: Span[] = [];
  const header = Buffer.alloc(LOCAL_BYTES);
  for (const member of members) {
    const at = bounds.base + member.offset;
    if (member.offset + LOCAL_BYTES > bounds.size || readFully(fd, header, at) < LOCAL_BYTES || header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
      findings.push({ code: 'zip.entry-invalid', path: member.path, params: { entry: member.path, reason: `no local header at offset ${member.offset}` } });
      refused.add(member.path);
      continue;
    }
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const localName = Buffer.alloc(nameLength);
    readFully(fd, localName, at + LOCAL_BYTES);
    if (!localName.equals(member.nameBytes)) {
      const local = decodeName(localName).name;
      findings.push({ code: 'zip.name-mismatch', path: member.path, expected: member.path, received: local, params: { entry: member.path, local } });
      refused.add(member.path);
    }
    if (member.isDirectory && (member.uncompressedSize > 0 || member.compressedSize > 2)) {
      findings.push({ code: 'zip.directory-data', path: member.path, received: member.uncompressedSize, params: { entry: member.path, received: member.uncompressedSize } });
    }
    member.dataOffset = member.offset + LOCAL_BYTES + nameLength + extraLength;
    const dataEnd = member.dataOffset + member.compressedSize;
    spans.push({ path: member.path, start: member.offset, end: dataEnd + descriptorLength(fd, bounds, member, dataEnd) });
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const overlapping = new Set<string>();
  const overlap = (span: Span, other: string) => {
    if (overlapping.has(span.path)) return;
    overlapping.add(span.path);
    refused.add(span.path);
    findings.push({ code: 'zip.entry-overlap', path: span.path, params: { entry: span.path, other } });
  };
  let reach: Span | undefined;
  let cursor = 0;
  for (const span of spans) {
    if (reach && span.start < reach.end) {
      overlap(reach, span.path);
      overlap(span, reach.path);
    } else findHiddenHeaders(fd, bounds, cursor, span.start, findings);
    if (span.end > centralStart) overlap(span, 'central directory');
    if (!reach || span.end > reach.end) reach = span;
    cursor = Math.max(cursor, span.end);
  }
  findHiddenHeaders(fd, bounds, cursor, centralStart, findings);
  const first = spans[0]?.start ?? centralStart;
  const prefix = bounds.base + first;
  if (prefix > 0) findings.push({ code: 'zip.prefix-data', received: prefix, params: { received: prefix } });
  if (bounds.trailing > 0) findings.push({ code: 'zip.trailing-data', received: bounds.trailing, params: { received: bounds.trailing } });
  return { findings, refused };
}

/** Bytes of the data descriptor after a member that has one (§4.3.9): with or without its signature, 32- or 64-bit sizes. */
function descriptorLength(fd: number, bounds: ZipBounds, member: CentralMember, dataEnd: number): number {
  if ((member.flags & FLAG_DESCRIPTOR) === 0) return 0;
  const sizes = member.extraIds.includes(ZIP64_EXTRA) ? 16 : 8;
  const signed = dataEnd + 4 <= bounds.size && readUInt32(fd, bounds.base + dataEnd) === DESCRIPTOR_SIGNATURE;
  return (signed ? 4 : 0) + 4 + sizes;
}

/**
 * Searches the bytes between two members (or before the first, or before the
 * central directory) for a plausible local header: a signature, a name that
 * fits, and data that fits when its size is given. Each is a member a
 * streaming extractor writes and the central directory hides.
 */
function findHiddenHeaders(fd: number, bounds: ZipBounds, from: number, to: number, findings: SourceFinding[]): void {
  if (to - from < LOCAL_BYTES) return;
  const chunk = Buffer.alloc(Math.min(GAP_READ, to - from) + 3);
  for (let position = from; position < to - 3; position += chunk.length - 3) {
    const length = readFully(fd, chunk, bounds.base + position, Math.min(chunk.length, to - position));
    const view = chunk.subarray(0, length);
    for (let i = view.indexOf('PK\x03\x04', 0, 'latin1'); i !== -1 && i + 4 <= length; i = view.indexOf('PK\x03\x04', i + 1, 'latin1')) {
      const at = position + i;
      const header = Buffer.alloc(LOCAL_BYTES);
      if (at + LOCAL_BYTES > to || readFully(fd, header, bounds.base + at) < LOCAL_BYTES) continue;
      const nameLength = header.readUInt16LE(26);
      const dataStart = at + LOCAL_BYTES + nameLength + header.readUInt16LE(28);
      const described = (header.readUInt16LE(6) & FLAG_DESCRIPTOR) !== 0;
      if (nameLength === 0 || dataStart > to || (!described && dataStart + header.readUInt32LE(18) > to)) continue;
      const name = Buffer.alloc(nameLength);
      readFully(fd, name, bounds.base + at + LOCAL_BYTES);
      const local = decodeName(name).name;
      findings.push({ code: 'zip.entry-local-only', path: local, received: at, params: { local, offset: at } });
    }
    if (length < chunk.length) break;
  }
}

function readUInt32(fd: number, position: number): number | undefined {
  const buffer = Buffer.alloc(4);
  return readFully(fd, buffer, position) === 4 ? buffer.readUInt32LE(0) : undefined;
}

/** Reads up to `length` bytes at `position`; returns how many were read (fewer at the end of the file). */
function readFully(fd: number, buffer: Buffer, position: number, length = buffer.length): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}
