/** Converts string offsets to 1-based line and column. */
export interface LineIndex {
  /**
   * The 1-based line and column of a UTF-16 offset into the text.
   *
   * @param offset - 0-based offset (clamped to the text).
   * @returns Line and column, both 1-based; columns count UTF-16 code units.
   */
  locate(offset: number): { line: number; column: number };
}

/**
 * Builds a table of line starts (a line ends at `\n`, `\r\n` or a lone `\r`,
 * XML 1.0 §2.11) and answers offset → line:column by binary search, so
 * locating every element of a large file stays cheap. The table is built
 * lazily, only as far into the text as the offsets asked for: a reader that
 * locates nothing (a clean file) pays nothing.
 *
 * @param text - The decoded text.
 * @returns A {@link LineIndex} over the text.
 * @example
 * createLineIndex('a\nbc').locate(3) //=> { line: 2, column: 2 }
 */
export function createLineIndex(text: string): LineIndex {
  // A plain array of small integers: a typed array of this size has its own backing store, allocated
  // and swept per document, which cost more than the lookups for a small file.
  const table: number[] = [0];
  let count = 1; // table[0] = 0: the first line starts at offset 0
  // Next \n and next \r at or after the scan position (-1: none left); -2: not searched yet.
  let i = -2;
  let r = -2;
  const push = (start: number) => {
    table.push(start);
    count++;
  };
  /** Records line starts until one lies beyond `offset` or the text ends. */
  const extendPast = (offset: number) => {
    if (i === -2) {
      i = text.indexOf('\n');
      r = text.indexOf('\r');
    }
    while ((i >= 0 || r >= 0) && table[count - 1]! <= offset) {
      // Take the nearer of the next \n and the next \r; \r\n counts once.
      if (r >= 0 && (i < 0 || r < i)) {
        const next = text.charCodeAt(r + 1) === 10 ? r + 2 : r + 1;
        push(next);
        if (next === r + 2) i = text.indexOf('\n', next);
        r = text.indexOf('\r', next);
      } else {
        push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    }
  };
  return {
    locate(offset: number) {
      const at = Math.max(0, Math.min(offset, text.length));
      if (table[count - 1]! <= at) extendPast(at);
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (table[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: at - table[lo]! + 1 };
    },
  };
}

/** A {@link LineIndex} over text that arrives in pieces: each piece is appended as it is read. */
export interface LineTable extends LineIndex {
  /** Records the line starts of the next piece (line ends already normalised to `\n`). */
  append(piece: string): void;
}

/**
 * Builds the line-start table of a text read in pieces (XML 1.0 §2.11 line
 * ends already normalised to `\n`), so that an issue found late (a repeated
 * 档号, an element never closed) can still name the line of an early offset.
 * Stored compactly: each line's length as a variable-length number (one byte
 * for a line under 128 characters, at most four), with the absolute start of
 * every 64th line beside it — about 1.1 bytes a line for a catalogue
 * (a `Int32Array` of starts took 4), and never more than 4.2. It grows in blocks,
 * never copying what it holds.
 *
 * @returns An empty table.
 * @example
 * const table = createLineTable(); table.append('a\nb'); table.append('c\nd');
 * table.locate(5) //=> { line: 3, column: 1 }
 */
export function createLineTable(): LineTable {
  // Line lengths, 7 bits a byte with the high bit marking "more", in blocks of 64 KiB (never copied).
  const LENGTH_BLOCK = 1 << 16;
  const lengths: Uint8Array[] = [];
  let written = 0; // bytes of `lengths` used
  // Every 64th line (0-based line 64·a): its start, and where its successor's length begins in `lengths`.
  const ANCHOR_EVERY = 64;
  const ANCHOR_BLOCK = 1 << 13;
  const anchors: Int32Array[] = []; // pairs: start, position in `lengths`
  let count = 1; // line 1 starts at 0
  let lastStart = 0;
  let length = 0;

  const writeByte = (b: number) => {
    if ((written & (LENGTH_BLOCK - 1)) === 0 && written >>> 16 === lengths.length) lengths.push(new Uint8Array(LENGTH_BLOCK));
    lengths[written >>> 16]![written & (LENGTH_BLOCK - 1)] = b;
    written++;
  };
  const readByte = (at: number) => lengths[at >>> 16]![at & (LENGTH_BLOCK - 1)]!;
  const anchor = (a: number, field: 0 | 1) => anchors[a >>> 13]![((a & (ANCHOR_BLOCK - 1)) << 1) | field]!;
  const addAnchor = (start: number) => {
    const a = count / ANCHOR_EVERY;
    if ((a & (ANCHOR_BLOCK - 1)) === 0) anchors.push(new Int32Array(ANCHOR_BLOCK * 2));
    const block = anchors[a >>> 13]!;
    block[(a & (ANCHOR_BLOCK - 1)) << 1] = start;
    block[((a & (ANCHOR_BLOCK - 1)) << 1) | 1] = written;
  };
  addAnchor(0); // line 1
  const startLine = (start: number) => {
    let delta = start - lastStart;
    while (delta >= 0x80) {
      writeByte((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    writeByte(delta);
    lastStart = start;
    if (count % ANCHOR_EVERY === 0) addAnchor(start);
    count++;
  };
  return {
    append(piece: string) {
      for (let k = piece.indexOf('\n'); k >= 0; k = piece.indexOf('\n', k + 1)) startLine(length + k + 1);
      length += piece.length;
    },
    locate(offset: number) {
      const at = Math.max(0, Math.min(offset, length));
      // The last anchor at or before the offset, then line by line from it (at most 63 lines).
      let lo = 0;
      let hi = Math.floor((count - 1) / ANCHOR_EVERY);
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (anchor(mid, 0) <= at) lo = mid;
        else hi = mid - 1;
      }
      let line = lo * ANCHOR_EVERY; // 0-based
      let start = anchor(lo, 0);
      let position = anchor(lo, 1);
      while (line + 1 < count) {
        let delta = 0;
        let shift = 0;
        let b: number;
        do {
          b = readByte(position++);
          delta += (b & 0x7f) * 2 ** shift;
          shift += 7;
        } while (b & 0x80);
        if (start + delta > at) break;
        start += delta;
        line++;
      }
      return { line: line + 1, column: at - start + 1 };
    },
  };
}
