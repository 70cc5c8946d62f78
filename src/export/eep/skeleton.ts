/**
 * A copy of an EEP's text with the Base64 of every 编码数据 taken out, so the
 * XML parser never walks megabytes of content character by character
 * (measured: 7–10 s for a 40 MB package with fast-xml-parser, under 1 s for
 * its skeleton). Line breaks inside the content are kept, so line numbers of
 * the skeleton are those of the document; offsets map back exactly.
 *
 * @module
 */

/** The skeleton text, its offset map and the content taken out. */
export interface EepSkeleton {
  /** The text with 编码数据 contents reduced to their line breaks. */
  readonly text: string;
  /** Maps an offset of the skeleton (outside removed content) to the document's. */
  toOriginal(offset: number): number;
  /** The content of the 编码数据 element that starts at a document offset. */
  contentAt(elementStart: number): string | undefined;
}

// A 编码数据 start tag (any prefix). Only content made of the Base64 alphabet and
// whitespace is taken out: it holds no markup and no entity, so removing it cannot change the parse.
const START_TAG = /<((?:[^\s<>/:]+:)?编码数据)(?:\s[^<>]*)?>/g;
const MIN_LENGTH = 256;
const BASE64_OR_SPACE = /^[A-Za-z0-9+/=\s]*$/;

/**
 * Builds the skeleton of a document.
 *
 * @param text - The decoded document.
 * @returns The skeleton; the document itself when there is nothing large to take out.
 * @example
 * const s = skeletonize(text); parse(s.text); s.contentAt(s.toOriginal(start))
 */
export function skeletonize(text: string): EepSkeleton {
  const parts: string[] = [];
  const positions: number[] = []; // skeleton offsets after which the shift grows
  const shifts: number[] = []; // cumulative characters removed up to each position
  const contents = new Map<number, string>();
  let last = 0;
  let skeletonLength = 0;
  let removed = 0;
  for (const match of text.matchAll(START_TAG)) {
    const contentStart = match.index + match[0].length;
    const contentEnd = text.indexOf('<', contentStart);
    if (contentEnd < 0 || contentEnd - contentStart < MIN_LENGTH || !text.startsWith(`</${match[1]!}`, contentEnd)) continue;
    const content = text.slice(contentStart, contentEnd);
    if (!BASE64_OR_SPACE.test(content)) continue;
    const kept = content.match(/[\r\n]/g)?.join('') ?? '';
    parts.push(text.slice(last, contentStart), kept);
    skeletonLength += contentStart - last + kept.length;
    removed += content.length - kept.length;
    positions.push(skeletonLength);
    shifts.push(removed);
    contents.set(match.index, content);
    last = contentStart + content.length;
  }
  parts.push(text.slice(last));
  return {
    text: positions.length === 0 ? text : parts.join(''),
    toOriginal(offset) {
      let lo = 0;
      let hi = positions.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (positions[mid]! <= offset) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? offset : offset + shifts[lo - 1]!;
    },
    contentAt: (elementStart) => contents.get(elementStart),
  };
}
