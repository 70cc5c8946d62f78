import zlib from 'node:zlib';

let table: Int32Array | undefined;

/** The CRC-32 table of APPNOTE §4.4.7 (polynomial 0xEDB88320), for Node versions before `zlib.crc32` (20.15). */
function crcTable(): Int32Array {
  if (table) return table;
  table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}

/**
 * Continues a CRC-32 (APPNOTE 6.3.10 §4.4.7, as zip stores it) over `bytes`:
 * `zlib.crc32` where Node has it, a table otherwise. A checksum, not
 * cryptography: it catches damage, not tampering.
 *
 * @param bytes - The next bytes.
 * @param previous - The CRC so far (0 to start).
 * @returns The CRC including `bytes`, as an unsigned 32-bit number.
 * @example
 * crc32(Buffer.from('hello')) //=> 0x3610a686
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (native) return native(bytes, previous);
  const t = crcTable();
  let crc = ~previous;
  for (let i = 0; i < bytes.length; i++) crc = (t[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}
