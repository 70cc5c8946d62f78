import { escapeXml } from './escapeXml.js';

/**
 * A small XML tree for the writers: an element with attributes and either
 * text or child elements. Writers build it; {@link serializeXml} prints it.
 */
export interface XmlNode {
  /** Element name, exactly as the standard spells it. */
  readonly name: string;
  /** Attribute values by name, written in insertion order. */
  readonly attributes?: Readonly<Record<string, string>>;
  /**
   * Text content (escaped on output). With `children` too, the element is
   * mixed content (e.g. DA/T 48-2009 `档号`): the text is written right after
   * the start tag, before the indented children.
   */
  readonly text?: string;
  /** Child elements. */
  readonly children?: readonly XmlNode[];
}

/** Text encodings the XML writers can declare. */
export type XmlOutputEncoding = 'UTF-8' | 'GB18030';

/**
 * Builds an element node; `undefined` children are dropped, so optional
 * elements can be written inline as `value === undefined ? undefined : node`.
 *
 * @param name - Element name.
 * @param content - Text, or child nodes (`undefined` entries skipped).
 * @param attributes - Optional attributes.
 * @returns The node.
 * @example
 * xmlElement('文件', [xmlElement('题名', '关于…的通知'), undefined])
 */
export function xmlElement(
  name: string,
  content: string | readonly (XmlNode | undefined)[] = '',
  attributes?: Readonly<Record<string, string>>,
): XmlNode {
  const base = attributes ? { name, attributes } : { name };
  if (typeof content === 'string') return { ...base, text: content };
  return { ...base, children: content.filter((c): c is XmlNode => c !== undefined) };
}

/**
 * Builds a simple element for an optional value: `undefined` when the value is
 * absent, so {@link xmlElement} drops it.
 *
 * @param name - Element name.
 * @param value - The value; numbers are written in decimal.
 * @returns The node, or `undefined`.
 * @example
 * optionalXmlElement('页数', 3) //=> { name: '页数', text: '3' }
 */
export function optionalXmlElement(name: string, value: string | number | undefined): XmlNode | undefined {
  return value === undefined ? undefined : xmlElement(name, String(value));
}

/**
 * Prints an XML document: declaration naming the encoding, then the tree with
 * two-space indentation. Text is escaped with {@link escapeXml}, so every
 * string reads back unchanged; indentation only sits between elements.
 *
 * @param root - Document element.
 * @param encoding - Encoding to declare (the caller encodes the bytes to match).
 * @returns The document text, ending with a newline.
 * @throws RangeError when a text or attribute holds a character XML 1.0 cannot carry.
 * @example
 * serializeXml(xmlElement('文件目录', []), 'UTF-8')
 * //=> '<?xml version="1.0" encoding="UTF-8"?>\n<文件目录/>\n'
 */
export function serializeXml(root: XmlNode, encoding: XmlOutputEncoding = 'UTF-8'): string {
  const lines = [`<?xml version="1.0" encoding="${encoding}"?>`];
  writeNode(root, 0, lines);
  return `${lines.join('\n')}\n`;
}

/**
 * Prints one element (no declaration), e.g. to embed it in a larger document.
 *
 * @param node - The element.
 * @param depth - Indentation level of the element itself.
 * @returns The element's text, lines joined with `\n`, no trailing newline.
 * @throws RangeError as {@link serializeXml}.
 * @example
 * serializeXmlElement(xmlElement('题名', 'A&B')) //=> '<题名>A&amp;B</题名>'
 */
export function serializeXmlElement(node: XmlNode, depth = 0): string {
  const lines: string[] = [];
  writeNode(node, depth, lines);
  return lines.join('\n');
}

function writeNode(node: XmlNode, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes ?? {})
    // XML 1.0 §3.3.3: a parser turns a literal tab or LF in an attribute into a space.
    .map(([key, value]) => ` ${key}="${escapeXml(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')}"`)
    .join('');
  const open = `${indent}<${node.name}${attributes}`;
  if (node.children) {
    if (node.children.length === 0) {
      lines.push(`${open}/>`);
      return;
    }
    lines.push(`${open}>${node.text === undefined ? '' : escapeXml(node.text)}`);
    for (const child of node.children) writeNode(child, depth + 1, lines);
    lines.push(`${indent}</${node.name}>`);
    return;
  }
  const text = node.text ?? '';
  lines.push(text === '' ? `${open}/>` : `${open}>${escapeEdges(escapeXml(text))}</${node.name}>`);
}

/**
 * Writes whitespace at the edges of an element's text as character references:
 * readers trim the literal whitespace that indentation leaves around a value
 * (`<路径>\n  a.pdf\n</路径>`), never a reference, so a value such as a file
 * name ending in a tab still reads back unchanged.
 */
function escapeEdges(escaped: string): string {
  return escaped.replace(/^[ \t\n]+|[ \t\n]+$/g, (ws) => [...ws].map((c) => `&#${c.charCodeAt(0)};`).join(''));
}
