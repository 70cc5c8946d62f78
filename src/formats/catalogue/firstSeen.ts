import { detachText } from '../../xml/detachText.js';

/**
 * The first position of each key seen, kept compactly: the uniqueness tables
 * of 顺序号 and 档号 grow by one key per entry, so for 100,000 entries a
 * `Map` of strings (about 130 bytes a key in V8) would be most of the live
 * memory of a streaming catalogue check. Latin-1 keys (every 档号 of DA/T 13,
 * `·` included) are stored as bytes in one buffer with an open-addressing
 * hash table of indexes (about 45 bytes a key); numbers in typed arrays
 * (about 20 bytes); any other key in a `Map`.
 */
export interface FirstSeenTable {
  /**
   * Records the key at `position` if it is new.
   *
   * @returns `undefined` for a new key, else the position it was first seen at.
   */
  firstOrAdd(key: string | number, position: number): number | undefined;
}

/** FNV-1a over the UTF-16 units of a string. */
function hashString(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const float = new Float64Array(1);
const halves = new Uint32Array(float.buffer);
/** FNV-1a-like mix of the two halves of a number's float64 bits. */
function hashNumber(key: number): number {
  float[0] = key;
  return (Math.imul(halves[0]! ^ 0x811c9dc5, 0x01000193) ^ halves[1]!) >>> 0;
}

function isLatin1(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0xff) return false;
  return true;
}

// Per-key columns grow in blocks of 16,384 and key bytes in blocks of 64 KiB: growing never copies
// what is held (a doubling array briefly needs three times its size, and leaves the old one to the collector).
const COLUMN_BLOCK = 1 << 14;
const BYTE_BLOCK = 1 << 16;
/** Latin-1 keys longer than this go to the `Map` (a key never straddles two byte blocks). */
const LONGEST_STORED = BYTE_BLOCK / 4;

/** A column of numbers indexed by key number, in blocks. */
function column<T extends Int32Array | Float64Array>(make: (n: number) => T): { get(k: number): number; set(k: number, value: number): void } {
  const blocks: T[] = [];
  return {
    get: (k) => blocks[k >>> 14]![k & (COLUMN_BLOCK - 1)]!,
    set(k, value) {
      if (k >>> 14 === blocks.length) blocks.push(make(COLUMN_BLOCK));
      blocks[k >>> 14]![k & (COLUMN_BLOCK - 1)] = value;
    },
  };
}

/**
 * An open-addressing table of key numbers (slots hold key + 1, 0 = empty),
 * at most half full; the keys themselves live in the caller's columns.
 */
function slotTable(hashOf: (k: number) => number): { find(hash: number, same: (k: number) => boolean): number; add(k: number, hash: number): void } {
  let slots = new Int32Array(256);
  let count = 0;
  const place = (k: number, hash: number) => {
    const mask = slots.length - 1;
    let s = hash & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = k + 1;
  };
  return {
    find(hash, same) {
      const mask = slots.length - 1;
      for (let s = hash & mask; slots[s] !== 0; s = (s + 1) & mask) if (same(slots[s]! - 1)) return slots[s]! - 1;
      return -1;
    },
    add(k, hash) {
      count++;
      if (count * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2);
        for (let j = 0; j < count - 1; j++) place(j, hashOf(j));
      }
      place(k, hash);
    },
  };
}

/**
 * Creates an empty {@link FirstSeenTable}: Latin-1 strings as bytes (two bytes
 * of length, then one per character; about 35 bytes a 档号 with its slot and
 * position), numbers as float64 (about 20 bytes), any other key in a `Map`.
 *
 * @returns The table.
 * @example
 * const table = createFirstSeenTable();
 * table.firstOrAdd('Z109-WS·2000-Y-0001', 10) //=> undefined
 * table.firstOrAdd('Z109-WS·2000-Y-0001', 99) //=> 10
 */
export function createFirstSeenTable(): FirstSeenTable {
  // Latin-1 strings: where each starts in the byte blocks, and its first position.
  const bytes: Uint8Array[] = [];
  let used = 0;
  const at = column((n) => new Int32Array(n));
  const stringPositions = column((n) => new Int32Array(n));
  let stringCount = 0;
  const byteAt = (offset: number) => bytes[offset >>> 16]![offset & (BYTE_BLOCK - 1)]!;
  const storedLength = (offset: number) => byteAt(offset) | (byteAt(offset + 1) << 8);
  const hashStored = (k: number) => {
    const from = at.get(k) + 2;
    let h = 0x811c9dc5;
    for (let i = 0, n = storedLength(from - 2); i < n; i++) h = Math.imul(h ^ byteAt(from + i), 0x01000193);
    return h | 0;
  };
  const strings = slotTable(hashStored);

  // Numbers: their value and first position.
  const values = column((n) => new Float64Array(n));
  const numberPositions = column((n) => new Int32Array(n));
  let numberCount = 0;
  const numbers = slotTable((k) => hashNumber(values.get(k)) | 0);

  const others = new Map<string, number>();

  const storeString = (key: string): number => {
    const size = key.length + 2;
    if ((used & (BYTE_BLOCK - 1)) + size > BYTE_BLOCK) used = ((used >>> 16) + 1) << 16; // the rest of this block is left unused
    if (used >>> 16 === bytes.length) bytes.push(new Uint8Array(BYTE_BLOCK));
    const block = bytes[used >>> 16]!;
    let o = used & (BYTE_BLOCK - 1);
    block[o++] = key.length & 0xff;
    block[o++] = key.length >>> 8;
    for (let i = 0; i < key.length; i++) block[o++] = key.charCodeAt(i);
    const start = used;
    used += size;
    return start;
  };

  return {
    firstOrAdd(key, position) {
      if (typeof key === 'number') {
        if (key === 0) key = 0; // -0 is 0, as a Map has it
        const hash = hashNumber(key) | 0;
        const k = numbers.find(hash, (j) => Object.is(values.get(j), key));
        if (k >= 0) return numberPositions.get(k);
        values.set(numberCount, key);
        numberPositions.set(numberCount, position);
        numbers.add(numberCount++, hash);
        return undefined;
      }
      if (key.length > LONGEST_STORED || !isLatin1(key)) {
        const first = others.get(key);
        if (first === undefined) others.set(detachText(key), position);
        return first;
      }
      const hash = hashString(key) | 0;
      const k = strings.find(hash, (j) => {
        const from = at.get(j);
        if (storedLength(from) !== key.length) return false;
        for (let i = 0; i < key.length; i++) if (byteAt(from + 2 + i) !== key.charCodeAt(i)) return false;
        return true;
      });
      if (k >= 0) return stringPositions.get(k);
      at.set(stringCount, storeString(key));
      stringPositions.set(stringCount, position);
      strings.add(stringCount++, hash);
      return undefined;
    },
  };
}
