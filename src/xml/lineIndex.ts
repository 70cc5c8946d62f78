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
 * ends already normalised to `\n`): 4 bytes per line, so that an issue found
 * late (a repeated 档号) can still name the line of an early offset.
 *
 * @returns An empty table.
 * @example
 * const table = createLineTable(); table.append('a\nb'); table.append('c\nd');
 * table.locate(5) //=> { line: 3, column: 1 }
 */
export function createLineTable(): LineTable {
  // Blocks of 65,536 line starts: the table grows without copying (a doubling array would briefly need twice its size).
  const BLOCK = 1 << 16;
  const blocks: Int32Array[] = [new Int32Array(BLOCK)];
  let count = 1; // line 1 starts at 0
  let length = 0;
  const startOf = (line: number) => blocks[line >>> 16]![line & (BLOCK - 1)]!;
  return {
    append(piece: string) {
      for (let k = piece.indexOf('\n'); k >= 0; k = piece.indexOf('\n', k + 1)) {
        if ((count & (BLOCK - 1)) === 0 && count >>> 16 === blocks.length) blocks.push(new Int32Array(BLOCK));
        blocks[count >>> 16]![count & (BLOCK - 1)] = length + k + 1;
        count++;
      }
      length += piece.length;
    },
    locate(offset: number) {
      const at = Math.max(0, Math.min(offset, length));
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (startOf(mid) <= at) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: at - startOf(lo) + 1 };
    },
  };
}
