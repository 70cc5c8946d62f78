// Structure-aware zip mutations for the fuzz campaign (issue 23): a valid zip is parsed into its
// records (APPNOTE 6.3.10 §4.3.7 local headers, §4.3.12 central directory, §4.3.16 end record),
// fields of those records are mutated — sizes, offsets, names, CRC-32, flags, methods, extra
// fields, counts — records are dropped, duplicated or pointed at each other (local-only members,
// overlapping members), garbage is put before or after, and the zip is written back. Offsets are
// recomputed unless a mutation set them, so each case is one deliberate lie in an otherwise sound zip.
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';

interface Member {
  /** Local header fields. */
  local: { version: number; flags: number; method: number; crc: number; compressed: number; size: number; name: Buffer; extra: Buffer };
  /** Central directory fields. */
  central: { madeBy: number; version: number; flags: number; method: number; crc: number; compressed: number; size: number; name: Buffer; extra: Buffer; external: number; offset?: number };
  body: Buffer;
  /** Written as a local header only (no central record). */
  localOnly?: boolean;
}

interface ZipModel {
  prefix: Buffer;
  members: Member[];
  trailing: Buffer;
  comment: Buffer;
  /** Overrides of the end record's fields. */
  end: { count?: number; cdSize?: number; cdOffset?: number; commentLength?: number };
  /** Prefix bytes not counted by the central directory's offsets (a stub prepended by cat). */
  unadjusted?: boolean;
}

/** Parses a zip written by a plain writer (no zip64, no descriptors). */
export function parseZip(bytes: Uint8Array): ZipModel {
  const buf = Buffer.from(bytes);
  const eocd = buf.length - 22;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const members: Member[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    const central = {
      madeBy: buf.readUInt16LE(at + 4),
      version: buf.readUInt16LE(at + 6),
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      name: Buffer.from(buf.subarray(at + 46, at + 46 + nameLength)),
      extra: Buffer.from(buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength)),
      external: buf.readUInt32LE(at + 38),
    };
    const ln = buf.readUInt16LE(offset + 26);
    const le = buf.readUInt16LE(offset + 28);
    const local = {
      version: buf.readUInt16LE(offset + 4),
      flags: buf.readUInt16LE(offset + 6),
      method: buf.readUInt16LE(offset + 8),
      crc: buf.readUInt32LE(offset + 14),
      compressed: buf.readUInt32LE(offset + 18),
      size: buf.readUInt32LE(offset + 22),
      name: Buffer.from(buf.subarray(offset + 30, offset + 30 + ln)),
      extra: Buffer.from(buf.subarray(offset + 30 + ln, offset + 30 + ln + le)),
    };
    const start = offset + 30 + ln + le;
    members.push({ local, central, body: Buffer.from(buf.subarray(start, start + local.compressed)) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { prefix: Buffer.alloc(0), members, trailing: Buffer.alloc(0), comment: Buffer.alloc(0), end: {} };
}

/** Writes the model back; offsets are where the members land unless a central record sets its own. */
export function writeZip(model: ZipModel): Uint8Array {
  const parts: Buffer[] = [model.prefix];
  const centrals: Buffer[] = [];
  let offset = model.unadjusted ? 0 : model.prefix.length;
  let listed = 0;
  for (const m of model.members) {
    const l = m.local;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(l.version & 0xffff, 4);
    header.writeUInt16LE(l.flags & 0xffff, 6);
    header.writeUInt16LE(l.method & 0xffff, 8);
    header.writeUInt16LE(0x5821, 12);
    header.writeUInt32LE(l.crc >>> 0, 14);
    header.writeUInt32LE(l.compressed >>> 0, 18);
    header.writeUInt32LE(l.size >>> 0, 22);
    header.writeUInt16LE(Math.min(l.name.length, 0xffff), 26);
    header.writeUInt16LE(Math.min(l.extra.length, 0xffff), 28);
    parts.push(header, l.name, l.extra, m.body);
    const here = offset;
    offset += 30 + l.name.length + l.extra.length + m.body.length;
    if (m.localOnly) continue;
    listed++;
    const c = m.central;
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(c.madeBy & 0xffff, 4);
    record.writeUInt16LE(c.version & 0xffff, 6);
    record.writeUInt16LE(c.flags & 0xffff, 8);
    record.writeUInt16LE(c.method & 0xffff, 10);
    record.writeUInt16LE(0x5821, 14);
    record.writeUInt32LE(c.crc >>> 0, 16);
    record.writeUInt32LE(c.compressed >>> 0, 20);
    record.writeUInt32LE(c.size >>> 0, 24);
    record.writeUInt16LE(Math.min(c.name.length, 0xffff), 28);
    record.writeUInt16LE(Math.min(c.extra.length, 0xffff), 30);
    record.writeUInt32LE(c.external >>> 0, 38);
    record.writeUInt32LE((c.offset ?? here) >>> 0, 42);
    centrals.push(record, c.name, c.extra);
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE((model.end.count ?? listed) & 0xffff, 8);
  end.writeUInt16LE((model.end.count ?? listed) & 0xffff, 10);
  end.writeUInt32LE((model.end.cdSize ?? cd.length) >>> 0, 12);
  end.writeUInt32LE((model.end.cdOffset ?? offset) >>> 0, 16);
  end.writeUInt16LE((model.end.commentLength ?? model.comment.length) & 0xffff, 20);
  return new Uint8Array(Buffer.concat([...parts, cd, end, model.comment, model.trailing]));
}

const u32 = fc.oneof(fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff, 0xfffffffe), fc.nat({ max: 0xffffffff }));
const hostileName = fc.oneof(
  fc.constantFrom('../evil.sh', '/etc/passwd', 'a\\b.txt', 'CON', 'x\u0000y', 'dir/', '正文.pdf', 'Z109/WS/Z109-WS·2024-Y-BGS-0001/payload.exe', ' ', '', 'a'.repeat(300)),
  fc.string({ maxLength: 40 }),
).map((s) => Buffer.from(s, 'utf8'));
const extraField = fc.oneof(
  // zip64 extended information (§4.5.3), Info-ZIP Unicode Path (§4.6.9), unknown, and malformed lengths.
  fc.tuple(fc.constantFrom(0x0001, 0x7075, 0x5455, 0x000a, 0xcafe), fc.uint8Array({ maxLength: 40 })).map(([id, data]) => {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(id, 0);
    head.writeUInt16LE(data.length, 2);
    return Buffer.concat([head, data]);
  }),
  fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b)),
);

type Mutation = (model: ZipModel) => void;
const pick = (model: ZipModel, i: number): Member | undefined => model.members[i % Math.max(1, model.members.length)];

/** One structural lie. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom('compressed', 'size', 'crc' as const), fc.boolean(), u32).map(([i, field, central, value]): Mutation => (m) => {
    const member = pick(m, i);
    if (member) (central ? member.central : member.local)[field] = value;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -3, max: 3 })).map(([i, delta]): Mutation => (m) => {
    const member = pick(m, i);
    if (member) member.central.crc = (member.central.crc + delta) >>> 0;
  }),
  fc.tuple(fc.nat(), fc.constantFrom(0x1, 0x8, 0x800, 0x40, 0xffff), fc.boolean()).map(([i, bit, central]): Mutation => (m) => {
    const member = pick(m, i);
    if (member) (central ? member.central : member.local).flags ^= bit;
  }),
  fc.tuple(fc.nat(), fc.constantFrom(0, 8, 9, 12, 14, 99), fc.boolean()).map(([i, method, both]): Mutation => (m) => {
    const member = pick(m, i);
    if (!member) return;
    member.central.method = method;
    if (both) member.local.method = method;
  }),
  fc.tuple(fc.nat(), hostileName, fc.constantFrom('local', 'central', 'both')).map(([i, name, where]): Mutation => (m) => {
    const member = pick(m, i);
    if (!member) return;
    if (where !== 'central') member.local.name = name;
    if (where !== 'local') member.central.name = name;
  }),
  fc.tuple(fc.nat(), extraField, fc.boolean()).map(([i, extra, central]): Mutation => (m) => {
    const member = pick(m, i);
    if (member) (central ? member.central : member.local).extra = extra;
  }),
  fc.tuple(fc.nat(), fc.constantFrom(0o120777, 0o040755, 0o010644, 0o100644, 0o140000)).map(([i, mode]): Mutation => (m) => {
    const member = pick(m, i);
    if (!member) return;
    member.central.madeBy = (3 << 8) | 20;
    member.central.external = (mode << 16) >>> 0;
  }),
  // Offsets: at another member's header (overlap), at 0, into the central directory, past the end, off by a few bytes.
  fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.constant(undefined), u32, fc.integer({ min: -40, max: 40 }))).map(([i, j, value]): Mutation => (m) => {
    const member = pick(m, i);
    if (!member) return;
    if (value === undefined) {
      const other = pick(m, j);
      if (!other) return;
      let at = m.unadjusted ? 0 : m.prefix.length;
      for (const x of m.members) {
        if (x === other) break;
        at += 30 + x.local.name.length + x.local.extra.length + x.body.length;
      }
      member.central.offset = at;
    } else if (value >= -40 && value <= 40) {
      let at = m.unadjusted ? 0 : m.prefix.length;
      for (const x of m.members) {
        if (x === member) break;
        at += 30 + x.local.name.length + x.local.extra.length + x.body.length;
      }
      member.central.offset = Math.max(0, at + value);
    } else member.central.offset = value;
  }),
  fc.nat().map((i): Mutation => (m) => {
    const member = pick(m, i);
    if (member) member.localOnly = true;
  }),
  fc.nat().map((i): Mutation => (m) => {
    const member = pick(m, i);
    if (member) m.members.push({ ...member, local: { ...member.local }, central: { ...member.central } });
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 64 }), fc.boolean()).map(([i, data, deflate]): Mutation => (m) => {
    const member = pick(m, i);
    if (!member) return;
    member.body = deflate ? deflateRawSync(Buffer.from(data)) : Buffer.from(data);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, cut]): Mutation => (m) => {
    const member = pick(m, i);
    if (member) member.body = member.body.subarray(0, cut % (member.body.length + 1));
  }),
  // A directory entry carrying data.
  fc.nat().map((i): Mutation => (m) => {
    const member = pick(m, i);
    if (!member) return;
    const name = Buffer.concat([member.central.name, Buffer.from('/')]);
    member.central.name = name;
    member.local.name = name;
  }),
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.boolean()).map(([bytes, unadjusted]): Mutation => (m) => {
    m.prefix = Buffer.concat([Buffer.from('MZ'), Buffer.from(bytes)]);
    m.unadjusted = unadjusted;
  }),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes): Mutation => (m) => {
    m.trailing = Buffer.from(bytes);
  }),
  fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.oneof(fc.constant(undefined), fc.nat({ max: 0xffff }))).map(([comment, length]): Mutation => (m) => {
    m.comment = Buffer.from(comment);
    if (length !== undefined) m.end.commentLength = length;
  }),
  fc.record({ count: fc.option(fc.nat({ max: 0xffff }), { nil: undefined }), cdSize: fc.option(u32, { nil: undefined }), cdOffset: fc.option(u32, { nil: undefined }) }).map((end): Mutation => (m) => {
    m.end = { ...m.end, ...Object.fromEntries(Object.entries(end).filter(([, v]) => v !== undefined)) };
  }),
  // A local header hidden in a gap: an extra member the central directory skips.
  fc.tuple(hostileName, fc.uint8Array({ maxLength: 32 })).map(([name, data]): Mutation => (m) => {
    const body = Buffer.from(data);
    m.members.unshift({
      local: { version: 20, flags: 0, method: 0, crc: 0, compressed: body.length, size: body.length, name, extra: Buffer.alloc(0) },
      central: { madeBy: 20, version: 20, flags: 0, method: 0, crc: 0, compressed: body.length, size: body.length, name, extra: Buffer.alloc(0), external: 0 },
      body,
      localOnly: true,
    });
  }),
);

/**
 * Structure-aware zip inputs: one of `seeds` parsed, one to four structural mutations, written back.
 *
 * @param seeds - Valid zips (stored or deflated, no zip64).
 * @returns The arbitrary.
 */
export function mutatedZip(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([index, mutations]) => {
    const model = parseZip(seeds[index] as Uint8Array);
    for (const mutate of mutations) mutate(model);
    return writeZip(model);
  });
}
