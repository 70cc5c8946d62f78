import type { Issue } from '../report/issue.js';
import type { DetectedXmlEncoding } from './encoding.js';
import type { XmlElement } from './element.js';
import { scanXml, type ParseXmlOptions } from './scan.js';
import { createXmlTreeBuilder, type XmlTreeBuilder } from './treeBuilder.js';

export type { ParseXmlOptions } from './scan.js';

/** Result of {@link parseXml}. */
export interface XmlParseResult {
  /** The root element, or `undefined` when the text is not well-formed or was refused. */
  root: XmlElement | undefined;
  /** Every issue found, each with a 1-based line:column. */
  issues: Issue[];
}

/** Result of {@link readXml}: a parse result plus the encoding. */
export interface XmlReadResult extends XmlParseResult {
  /** The encoding as detected from BOM and declaration. */
  encoding?: DetectedXmlEncoding;
}

/**
 * Parses decoded XML text into a tree of {@link XmlElement}s, hardened (see
 * `docs/xml.md`): one linear well-formedness scan builds the tree as it goes,
 * a DOCTYPE that declares entities refuses the document, no entity is ever
 * expanded (only the five predefined entities and character references are
 * resolved), limits are enforced, and malformed or truncated text becomes an
 * issue with line:column and no tree. Never throws.
 *
 * @param text - The decoded XML text (a leading BOM is ignored).
 * @param options - Limits, locale, and the path to put on issues.
 * @returns The root element (or `undefined`) and the issues.
 * @example
 * const { root, issues } = parseXml('<文件目录><文件><档号>A-1</档号></文件></文件目录>');
 * root?.children[0]?.child('档号')?.location //=> { line: 1, column: 12, xpath: '/文件目录/文件/档号' }
 */
export function parseXml(text: string, options: ParseXmlOptions = {}): XmlParseResult {
  const { root, issues } = readXml(text, options);
  return { root, issues };
}

/**
 * Decodes XML bytes ({@link decodeXml}) and parses them ({@link parseXml});
 * a string is parsed as it is. Never throws.
 *
 * @param input - File bytes, or already-decoded text.
 * @param options - Limits, locale and path.
 * @returns Root element, encoding and every issue of both steps.
 * @example
 * const { root, encoding, issues } = readXml(await file.bytes());
 */
export function readXml(input: Uint8Array | string, options: ParseXmlOptions = {}): XmlReadResult {
  let builder: XmlTreeBuilder | undefined;
  const scan = scanXml(input, options, ({ text, lines }) => (builder = createXmlTreeBuilder(text, lines)));
  const encoding = scan.encoding ? { encoding: scan.encoding } : {};
  const root = scan.complete ? builder?.root() : undefined;
  return { root, issues: scan.issues, ...encoding };
}
