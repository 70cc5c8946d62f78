// XML 1.0 §4.6 predefined entities.
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const PATTERN = '&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,10})|#x([0-9a-fA-F]{1,8}));';
const REFERENCE = new RegExp(PATTERN, 'g');
const REFERENCE_AT = new RegExp(PATTERN, 'y');

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
  REFERENCE_AT.lastIndex = at;
  const m = REFERENCE_AT.exec(text);
  if (!m) return undefined;
  const [whole, named, dec, hex] = m;
  if (named !== undefined) return { value: PREDEFINED[named]!, length: whole.length };
  const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
  return isXmlChar(cp) ? { value: String.fromCodePoint(cp), length: whole.length } : undefined;
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
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named !== undefined) return PREDEFINED[named] ?? whole;
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return isXmlChar(cp) ? String.fromCodePoint(cp) : whole;
  });
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
