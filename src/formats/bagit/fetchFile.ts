import { splitLines, type TextLine } from './tagText.js';

/** One line of fetch.txt (RFC 8493 §2.2.3). */
export interface BagFetchLine {
  readonly url: string;
  /** Octets, or undefined for `-` (unknown). */
  readonly length: number | undefined;
  /** The path as written, not yet percent-decoded. */
  readonly written: string;
  readonly line: number;
}

/**
 * Parses fetch.txt: `URL LENGTH FILENAME` per line, LENGTH a number or `-`,
 * FILENAME the rest of the line. Nothing is ever fetched.
 *
 * @param text - Decoded content.
 * @returns Lines, malformed lines and blank (or whitespace-only) lines.
 * @example
 * parseFetchFile('http://x/a - data/a b\r\n').lines[0]?.written //=> 'data/a b'
 */
export function parseFetchFile(text: string): { lines: BagFetchLine[]; malformed: TextLine[]; blank: TextLine[] } {
  const lines: BagFetchLine[] = [];
  const malformed: TextLine[] = [];
  const blank: TextLine[] = [];
  for (const line of splitLines(text)) {
    // RFC 8493 §2.2.3: every line is `URL LENGTH FILENAME`; a blank line is none.
    if (line.text.trim() === '') {
      blank.push(line);
      continue;
    }
    const match = /^(\S+)[ \t]+(\d+|-)[ \t]+(.+)$/.exec(line.text);
    if (!match) {
      malformed.push(line);
      continue;
    }
    const [, url = '', length = '-', written = ''] = match;
    lines.push({ url, length: length === '-' ? undefined : Number(length), written, line: line.line });
  }
  return { lines, malformed, blank };
}

/**
 * True when a fetch URL is absolute with a scheme and a host (bagit-python's
 * rule), or a `file:` URL.
 *
 * @param url - The URL as written.
 * @returns Whether the URL is acceptable.
 * @example
 * isFetchUrl('https://example.org/a') //=> true
 * isFetchUrl('data/a') //=> false
 */
export function isFetchUrl(url: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s]+/.test(url) || /^file:/i.test(url);
}
