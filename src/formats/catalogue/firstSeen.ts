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

/** FNV-1a over the UTF-16 units of a string, or over the two halves of a number's float64 bits. */
function hashString(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const float = new Float64Array(1);
const halves = new Uint32Array(float.buffer);
function hashNumber(key: number): number {
  float[0] = key;
  return (Math.imul(halves[0]! ^ 0x811c9dc5, 0x01000193) ^ halves[1]!) >>> 0;
}

function isLatin1(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0xff) return false;
  return true;
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const grown = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Creates an empty {@link FirstSeenTable}.
 *
 * @returns The table.
 * @example
 * const table = createFirstSeenTable();
 * table.firstOrAdd('Z109-WS·2000-Y-0001', 10) //=> undefined
 * table.firstOrAdd('Z109-WS·2000-Y-0001', 99) //=> 10
 */
export function createFirstSeenTable(): FirstSeenTable {
  let bytes = new Uint8Array(1024); // the Latin-1 keys, one after another
  let used = 0;
  let starts = new Int32Array(64); // entry k: bytes [starts[k], starts[k + 1]); numbers: their value in `numbers`
  let numbers = new Float64Array(64);
  let kinds = new Uint8Array(64); // 0 string, 1 number
  let positions = new Int32Array(64);
  let hashes = new Int32Array(64);
  let count = 0;
  let slots = new Int32Array(256); // entry index + 1, 0 = empty
  const others = new Map<string, number>();

  const same = (k: number, key: string | number): boolean => {
    if (typeof key === 'number') return kinds[k] === 1 && numbers[k] === key;
    if (kinds[k] !== 0) return false;
    const from = starts[k]!;
    if (starts[k + 1]! - from !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (bytes[from + i] !== key.charCodeAt(i)) return false;
    return true;
  };
  const place = (k: number) => {
    const mask = slots.length - 1;
    let s = hashes[k]! & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = k + 1;
  };
  return {
    firstOrAdd(key, position) {
      if (typeof key === 'string' && !isLatin1(key)) {
        const first = others.get(key);
        if (first === undefined) others.set(detachText(key), position);
        return first;
      }
      const hash = (typeof key === 'number' ? hashNumber(key) : hashString(key)) | 0;
      const mask = slots.length - 1;
      for (let s = hash & mask; slots[s] !== 0; s = (s + 1) & mask) {
        const k = slots[s]! - 1;
        if (hashes[k] === hash && same(k, key)) return positions[k];
      }
      const k = count++;
      starts = grow(starts, count + 1);
      numbers = grow(numbers, count);
      kinds = grow(kinds, count);
      positions = grow(positions, count);
      hashes = grow(hashes, count);
      if (typeof key === 'number') {
        kinds[k] = 1;
        numbers[k] = key;
      } else {
        bytes = grow(bytes, used + key.length);
        for (let i = 0; i < key.length; i++) bytes[used + i] = key.charCodeAt(i);
        used += key.length;
      }
      starts[k] = typeof key === 'number' ? used : used - key.length;
      starts[k + 1] = used;
      positions[k] = position;
      hashes[k] = hash;
      if (count * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2);
        for (let j = 0; j < count; j++) place(j);
      } else place(k);
      return undefined;
    },
  };
}
