import { XMLParser } from 'fast-xml-parser';
import { createIssue } from '../report/createIssue.js';
import type { Issue } from '../report/issue.js';
import type { DetectedXmlEncoding } from './encoding.js';
import { XmlElement } from './element.js';
import { defaultXmlLimits, type XmlLimits } from './limits.js';
import type { LineIndex } from './lineIndex.js';
import { attributeValue, decodeReferences } from './references.js';
import { scanXml, type ParseXmlOptions } from './scan.js';

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

type FxpNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Parses decoded XML text into a tree of {@link XmlElement}s with hardened
 * settings. A linear well-formedness scan runs first (see `docs/xml.md`): a
 * DOCTYPE that declares entities is refused before any parser sees it, entity
 * expansion is off in fast-xml-parser and only the five predefined entities and
 * character references are resolved, limits are enforced, and malformed or
 * truncated text becomes an issue with line:column. Never throws.
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
  const scan = scanXml(input, options);
  const encoding = scan.encoding ? { encoding: scan.encoding } : {};
  if (!scan.complete || !scan.context) return { root: undefined, issues: scan.issues, ...encoding };
  const limits: XmlLimits = { ...defaultXmlLimits, ...options.limits };
  try {
    return { root: buildTree(scan.context.text, limits, scan.context.lines), issues: scan.issues, ...encoding };
  } catch (error) {
    // Unreachable for text the scan accepted; kept so a parser surprise is an issue, not a crash.
    const detail = error instanceof Error ? error.message : String(error);
    const issue = createIssue('xml.malformed', { locale: options.locale, path: options.path, params: { detail }, location: { line: 1, column: 1 } });
    return { root: undefined, issues: [...scan.issues, issue], ...encoding };
  }
}

function buildTree(source: string, limits: XmlLimits, lines: LineIndex): XmlElement | undefined {
  const parser = new XMLParser({
    preserveOrder: true,
    captureMetaData: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false, // never expand: references are resolved by decodeReferences
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: '#cdata',
    commentPropName: false,
    maxNestedTags: limits.maxDepth + 1,
    onDangerousProperty: (name: string) => name, // keys are copied into null-prototype objects below
  });
  const nodes = parser.parse(source) as FxpNode[];
  const rootNode = nodes.find((node) => elementName(node) !== undefined);
  return rootNode ? toElement(rootNode, undefined, 1, 1, lines) : undefined;
}

function elementName(node: FxpNode): string | undefined {
  for (const key in node) if (key !== ':@' && key !== '#text' && key !== '#cdata') return key;
  return undefined;
}

function toElement(node: FxpNode, parent: XmlElement | undefined, position: number, count: number, lines: LineIndex): XmlElement {
  const name = elementName(node)!;
  const raw = node[':@'];
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  if (raw) for (const key of Object.keys(raw)) attributes[key] = attributeValue(String(raw[key]));
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
  const { line, column } = lines.locate(meta?.startIndex ?? 0);
  const element = new XmlElement(name, attributes, '', line, column, parent, position, count);
  const children = (node[name] ?? []) as FxpNode[];
  const totals = new Map<string, number>();
  for (const child of children) {
    const childName = elementName(child);
    if (childName !== undefined) totals.set(childName, (totals.get(childName) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  let text = '';
  for (const child of children) {
    if ('#text' in child) text += decodeReferences(String(child['#text']));
    else if ('#cdata' in child) text += cdataText(child['#cdata']);
    else {
      const childName = elementName(child)!;
      const at = (seen.get(childName) ?? 0) + 1;
      seen.set(childName, at);
      element.children.push(toElement(child, element, at, totals.get(childName)!, lines));
    }
  }
  element.text = element.children.length > 0 && text.trim() === '' ? '' : text;
  return element;
}

function cdataText(value: unknown): string {
  const parts = Array.isArray(value) ? (value as FxpNode[]) : [];
  return parts.map((part) => String(part['#text'] ?? '')).join('');
}
