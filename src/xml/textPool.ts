import { detachText } from './detachText.js';

/**
 * Makes a pool that keeps one copy of each short text: a reader that keeps
 * values of many documents (a package's 100,000 items share their 责任者,
 * 年度, 保管期限, file names and XPaths) stores each repeated value once. Every
 * copy is detached from its document ({@link detachText}); texts longer than
 * `maxLength` are only detached, not pooled: a value that never repeats (a
 * 题名, a 档号) would cost a pool entry and save nothing. The pool lives as
 * long as the function it returns.
 *
 * @param maxLength - Longest text pooled (default 16 characters; `Infinity` for texts known to repeat, like XPaths).
 * @returns A function giving the pooled (or detached) copy of a text.
 * @example
 * const keep = createTextPool();
 * keep(a.text.trim()) === keep(b.text.trim()) // one string object when the texts are equal
 */
export function createTextPool(maxLength = 16): (text: string) => string {
  const pool = new Map<string, string>();
  return (text) => {
    if (text.length > maxLength) return detachText(text);
    let kept = pool.get(text);
    if (kept === undefined) pool.set(text, (kept = detachText(text)));
    return kept;
  };
}
