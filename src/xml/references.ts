// XML 1.0 §4.6 predefined entities.
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Tells whether a code point is an XML 1.0 Char (§2.2).
 *
 * @param cp - Code point.
 * @returns True when allowed in an XML document.
 * @example
 * isXmlChar(0x1) //=> false
 */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Value of an ASCII digit in base 10 or 16, or -1. */
function digit(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (!hex) return -1;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/**
 * Reads a character reference at `text[at] === '&'` (XML 1.0 §4.1 [66]): any
 * number of digits (`&#0000000065;` is `A`); the value saturates above
 * U+10FFFF so that long runs of digits cost one pass and no big numbers.
 *
 * @returns The code point (`0x110000` when too large) and the reference's length, or `undefined` when the syntax is wrong.
 */
function readCharReference(text: string, at: number): { cp: number; length: number } | undefined {
  const hex = text.charCodeAt(at + 2) === 0x78; /* x */
  const base = hex ? 16 : 10;
  let k = at + (hex ? 3 : 2);
  const first = k;
  let cp = 0;
  for (let d = digit(text.charCodeAt(k), hex); d >= 0; d = digit(text.charCodeAt(++k), hex)) {
    cp = cp > 0x10ffff ? cp : cp * base + d;
  }
  if (k === first || text.charCodeAt(k) !== 0x3b /* ; */) return undefined;
  return { cp: Math.min(cp, 0x110000), length: k + 1 - at };
}

/**
 * Reads one reference at `text[at] === '&'`: a predefined entity or a character
 * reference to an XML Char.
 *
 * @param text - The text.
 * @param at - Offset of the `&`.
 * @returns The replacement and the reference's length, or `undefined` when the reference is not one of those.
 * @example
 * readReference('a&amp;b', 1) //=> { value: '&', length: 5 }
 */
export function readReference(text: string, at: number): { value: string; length: number } | undefined {
  if (text.charCodeAt(at + 1) === 0x23 /* # */) {
    const ref = readCharReference(text, at);
    return ref !== undefined && isXmlChar(ref.cp) ? { value: String.fromCodePoint(ref.cp), length: ref.length } : undefined;
  }
  const semicolon = text.charCodeAt(at + 3) === 0x3b ? at + 3 : text.charCodeAt(at + 4) === 0x3b ? at + 4 : text.charCodeAt(at + 5) === 0x3b ? at + 5 : -1;
  if (semicolon < 0) return undefined;
  const name = text.slice(at + 1, semicolon);
  const value = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
  return value === undefined ? undefined : { value, length: semicolon + 1 - at };
}

/**
 * Tells whether `text[at] === '&'` starts a syntactically complete character
 * reference (`&#…;` or `&#x…;`), whatever its value.
 *
 * @param text - The text.
 * @param at - Offset of the `&`.
 * @returns The code point it names (`0x110000` when above U+10FFFF), or `undefined`.
 */
export function charReferenceAt(text: string, at: number): number | undefined {
  return text.charCodeAt(at + 1) === 0x23 ? readCharReference(text, at)?.cp : undefined;
}

/**
 * Replaces the predefined entities and character references in character
 * data. Anything else is kept as written (the well-formedness scan has already
 * reported it). No DTD entity is ever expanded.
 *
 * @param text - Raw character data or attribute value.
 * @returns The text with references replaced.
 * @example
 * decodeReferences('A &amp; B &#x4E2D;') //=> 'A & B 中'
 */
export function decodeReferences(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const reference = readReference(text, amp);
    if (reference === undefined) {
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    out += text.slice(from, amp) + reference.value;
    from = amp + reference.length;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

/**
 * The value of an attribute as written between its quotes: whitespace
 * characters become spaces (XML 1.0 §3.3.3 attribute-value normalisation,
 * line ends being `\n` already) and references are resolved.
 *
 * @param raw - The text between the quotes.
 * @returns The attribute's value.
 * @example
 * attributeValue('a\tb &amp; c') //=> 'a b & c'
 */
export function attributeValue(raw: string): string {
  return decodeReferences(raw.replace(/[\t\n]/g, ' '));
}
