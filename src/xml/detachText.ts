/**
 * Returns a string equal to `text` that holds its own characters. A value cut
 * from a parsed document with `slice` or `trim` may share the whole document's
 * memory in V8 (a "sliced string"), so keeping one short value per item would
 * keep every item's document alive: 2 KB per item, 200 MB for 100,000 items
 * (docs/performance.md). The copy goes through a one-character concatenation,
 * which the engine flattens when it is sliced again. In other engines it is
 * merely a copy.
 *
 * @param text - A value to keep after the document is dropped.
 * @returns The same characters, not tied to the document.
 * @example
 * const title = detachText(element.text.trim());
 */
export function detachText(text: string): string {
  return (` ${text}`).slice(1);
}
