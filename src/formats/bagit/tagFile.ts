import { splitLines, type TextLine } from './tagText.js';

/** One `Label: value` element of bag-info.txt (or another text tag file). */
export interface BagTag {
  /** The label as written, without surrounding whitespace. */
  readonly label: string;
  /** The value, continuation lines joined with one space, trimmed. */
  readonly value: string;
  /** 1-based line of the label. */
  readonly line: number;
}

/** What {@link parseBagInfo} found. */
export interface ParsedBagInfo {
  /** Elements in file order; labels may repeat (RFC 8493 §2.2.2). */
  readonly tags: readonly BagTag[];
  /** Lines that are neither `Label: value` nor a continuation. */
  readonly malformed: readonly TextLine[];
}

/**
 * Parses a text tag file such as bag-info.txt (RFC 8493 §2.2.2): `Label:
 * value` lines, values folded onto continuation lines that start with
 * whitespace, labels repeated freely, any whitespace around the colon
 * (conformance suite uncommon-metadata-separators) and blank lines ignored.
 *
 * @param text - Decoded content.
 * @returns Elements and malformed lines.
 * @example
 * parseBagInfo('A : 1\nB: x\n  y\n').tags.map((t) => [t.label, t.value]) //=> [['A', '1'], ['B', 'x y']]
 */
export function parseBagInfo(text: string): ParsedBagInfo {
  const tags: { label: string; value: string; line: number }[] = [];
  const malformed: TextLine[] = [];
  for (const line of splitLines(text)) {
    if (line.text.trim() === '') continue;
    const previous = tags[tags.length - 1];
    if (/^[ \t]/.test(line.text)) {
      if (previous) previous.value = `${previous.value} ${line.text.trim()}`.trim();
      else malformed.push(line);
      continue;
    }
    const colon = line.text.indexOf(':');
    if (colon <= 0 || line.text.slice(0, colon).trim() === '') {
      malformed.push(line);
      continue;
    }
    tags.push({ label: line.text.slice(0, colon).trim(), value: line.text.slice(colon + 1).trim(), line: line.line });
  }
  return { tags, malformed };
}

/**
 * The values of a label, compared case-insensitively (conformance suite
 * duplicate-metadata-entries lists `Contact-Name` and `contact-name`).
 *
 * @param tags - Parsed elements.
 * @param label - The label to look up.
 * @returns Every matching element, in file order.
 * @example
 * bagInfoValues(parseBagInfo('payload-oxum: 1.1').tags, 'Payload-Oxum').map((t) => t.value) //=> ['1.1']
 */
export function bagInfoValues(tags: readonly BagTag[], label: string): BagTag[] {
  const wanted = label.toLowerCase();
  return tags.filter((t) => t.label.toLowerCase() === wanted);
}

/**
 * Writes elements as a tag file, one `Label: value` line each with LF line
 * endings (RFC 8493 §2.2.2). The inverse of {@link parseBagInfo} for labels
 * without `:` or surrounding whitespace and single-line trimmed values.
 *
 * @param tags - Label/value pairs in the order to write.
 * @returns The file text.
 * @throws TypeError when a label or value cannot be written on one line.
 * @example
 * formatBagInfo([['Payload-Oxum', '3.1']]) //=> 'Payload-Oxum: 3.1\n'
 */
export function formatBagInfo(tags: readonly (readonly [string, string])[]): string {
  return tags
    .map(([label, value]) => {
      if (!/^[^:\s](?:[^:\r\n]*[^:\s])?$/.test(label)) throw new TypeError(`[dangan] bag-info label cannot be written: ${JSON.stringify(label)}`);
      if (/[\r\n]/.test(value)) throw new TypeError(`[dangan] bag-info value for ${label} has a line break`);
      return `${label}: ${value.trim()}\n`;
    })
    .join('');
}
