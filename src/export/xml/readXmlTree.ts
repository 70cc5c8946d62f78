import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element read back from XML, with the 1-based line where it starts. */
export interface ReadXmlElement {
  /** Element name as written (namespace prefix removed). */
  name: string;
  /** Attribute values by name (namespace prefix removed). */
  attributes: Record<string, string>;
  /** Concatenated text of the element's own text nodes (entities resolved). */
  text: string;
  /** Child elements in document order. */
  children: ReadXmlElement[];
  /** 1-based line of the start tag. */
  line: number;
  /** 1-based column of the start tag. */
  column: number;
}

/** Result of {@link readXmlTree}: the document element, or why there is none. */
export type ReadXmlTreeResult =
  | { ok: true; root: ReadXmlElement }
  | { ok: false; reason: string; line: number; column: number };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
  captureMetaData: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Reads decoded XML text into an element tree for the export readers. A
 * DOCTYPE is refused (no entity expansion, XXE); malformed XML gives the
 * parser's reason with line and column. Never throws.
 *
 * @param text - The document as text (already decoded).
 * @returns The document element with locations, or the failure.
 * @example
 * const r = readXmlTree('<a><b>x&amp;y</b></a>');
 * r.ok && r.root.children[0]?.text //=> 'x&y'
 */
export function readXmlTree(text: string): ReadXmlTreeResult {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) return { ok: false, reason: 'DOCTYPE is not allowed', ...position(text, doctype.index) };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, reason: valid.err.msg, line: valid.err.line, column: valid.err.col };
  const nodes = parser.parse(text) as unknown[];
  const root = nodes.map((n) => toElement(n, text)).find((e) => e !== undefined);
  if (!root) return { ok: false, reason: 'no document element', line: 1, column: 1 };
  return { ok: true, root };
}

function toElement(node: unknown, source: string): ReadXmlElement | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  const name = Object.keys(record).find((k) => k !== ':@' && k !== '#text' && k !== '#comment');
  if (name === undefined) return undefined;
  const content = Array.isArray(record[name]) ? (record[name] as unknown[]) : [];
  const attributes = Object.fromEntries(
    Object.entries((record[':@'] as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, String(v)]),
  );
  const children: ReadXmlElement[] = [];
  let text = '';
  for (const child of content) {
    const item = child as Record<string, unknown>;
    if ('#text' in item) text += String(item['#text']);
    else {
      const element = toElement(child, source);
      if (element) children.push(element);
    }
  }
  const start = (record as Record<symbol, { startIndex?: number } | undefined>)[META]?.startIndex ?? 0;
  return { name, attributes, text, children, ...position(source, start) };
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
