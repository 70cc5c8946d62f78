import { encodeGb18030 } from './gb18030.js';
import type { XmlOutputEncoding } from './xmlNode.js';

const utf8 = new TextEncoder();

/**
 * Encodes an XML document's text in the encoding its declaration names. In
 * GB18030, a code point the GB18030 decoder never produces (GB 18030-2022
 * remapped private-use points) is written as a character reference, which an
 * XML parser reads back as the same character.
 *
 * @param text - The document (from a writer, declaration included).
 * @param encoding - `UTF-8` (default) or `GB18030`; must match the declaration.
 * @returns The bytes.
 * @example
 * encodeXmlDocument(writeCatalogueXml(entries, { encoding: 'GB18030' }), 'GB18030')
 */
export function encodeXmlDocument(text: string, encoding: XmlOutputEncoding = 'UTF-8'): Uint8Array {
  if (encoding === 'UTF-8') return utf8.encode(text);
  return encodeGb18030(text, { onUnmappable: (codePoint) => `&#x${codePoint.toString(16).toUpperCase()};` });
}
