/**
 * Characters XML 1.0 cannot carry at all, not even as character references
 * (XML 1.0 §2.2 `Char`): C0 controls other than tab, line feed and carriage
 * return, lone UTF-16 surrogates, U+FFFE and U+FFFF.
 */
const UNREPRESENTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // XML 1.0 §2.11: a parser turns a literal CR into LF; a reference keeps it.
  '\r': '&#13;',
};

/**
 * Finds the first character XML 1.0 cannot represent (§2.2): C0 controls other
 * than TAB/LF/CR, lone surrogates, U+FFFE, U+FFFF.
 *
 * @param value - Any text.
 * @returns Its index, or -1 when the whole text can be written.
 * @example
 * findUnrepresentableXmlChar('a\u0007b') //=> 1
 */
export function findUnrepresentableXmlChar(value: string): number {
  // The `u` flag makes the surrogate classes match only lone halves.
  const match = UNREPRESENTABLE.exec(value);
  return match ? match.index : -1;
}

/**
 * Escapes text for an XML element's content or a quoted attribute value so a
 * conforming parser reads back exactly the same string: `& < > " '` become
 * entity references and CR becomes `&#13;` (a literal CR would be normalised to
 * LF on reading, XML 1.0 §2.11). Tab and LF stay literal.
 *
 * @param value - The text to write.
 * @returns The escaped text.
 * @throws RangeError when the text holds a character XML 1.0 cannot carry
 *   (see {@link findUnrepresentableXmlChar}); callers check first to report it.
 * @example
 * escapeXml('A&B <1> "x"') //=> 'A&amp;B &lt;1&gt; &quot;x&quot;'
 */
export function escapeXml(value: string): string {
  const bad = findUnrepresentableXmlChar(value);
  if (bad >= 0) {
    const code = value.codePointAt(bad)?.toString(16).toUpperCase().padStart(4, '0');
    throw new RangeError(`[dangan] XML 1.0 cannot carry U+${code} (at index ${bad})`);
  }
  return value.replace(/[&<>"'\r]/g, (c) => ESCAPES[c] ?? c);
}
