import { detectXmlEncoding } from '../../xml/encoding.js';
import type { XmlOutputEncoding } from './xmlNode.js';

const utf8 = new TextEncoder();

/**
 * Encodes an XML document's text in the encoding its declaration names.
 *
 * @param text - The document (from a writer, declaration included).
 * @param encoding - `UTF-8` (default) or `GB18030`.
 * @returns The bytes.
 * @throws RangeError for `GB18030` until the XML layer's GB18030 encoder is available.
 * @example
 * encodeXmlDocument(writeCatalogueXml(records))
 */
export function encodeXmlDocument(text: string, encoding: XmlOutputEncoding = 'UTF-8'): Uint8Array {
  if (encoding === 'UTF-8') return utf8.encode(text);
  throw new RangeError('[dangan] GB18030 output needs encodeGb18030 from the XML layer');
}

/**
 * Decodes XML bytes in the encoding their BOM or declaration names
 * (UTF-8 by default; GB2312/GBK/GB18030 read as GB18030).
 *
 * @param bytes - The file's bytes.
 * @returns The text without BOM.
 * @example
 * decodeXmlDocument(encodeXmlDocument('<?xml version="1.0" encoding="UTF-8"?><a/>'))
 */
export function decodeXmlDocument(bytes: Uint8Array): string {
  const detected = detectXmlEncoding(bytes);
  const decoder = detected.row?.decoder ?? 'utf-8';
  return new TextDecoder(decoder).decode(bytes.subarray(detected.bomLength));
}
