import { XMLParser } from 'fast-xml-parser';
import { createIssue } from '../../report/createIssue.js';
import type { Issue, IssueLocation, Locale } from '../../report/issue.js';
import { decodeXml } from '../../xml/decode.js';
import { createLineIndex, type LineIndex } from '../../xml/lineIndex.js';
import { parseXml } from '../../xml/parse.js';
import { skeletonize, type EepSkeleton } from './skeleton.js';

/** One element of a parsed EEP, with its place in the source text. */
export interface EepNode {
  /** Local name (prefix removed). */
  readonly name: string;
  /** Namespace URI resolved from `xmlns` / `xmlns:p` declarations in scope. */
  readonly namespace: string | undefined;
  /** Attributes by name (namespace declarations included). */
  readonly attributes: Readonly<Record<string, string>>;
  /** Child elements in document order. */
  readonly children: readonly EepNode[];
  /** The element's own text: its text nodes concatenated, entities resolved. */
  readonly text: string;
  /** Offset of `<` in the decoded text. */
  readonly start: number;
  /** Offset just past the element's end tag. */
  readonly end: number;
  /** 1-based line and column of `<`, and the element's XPath. */
  readonly location: IssueLocation;
}

/** Encodings an EEP is written in: UTF-8, or GB 18030 (which also reads GB2312 and GBK). */
export type EepEncodingName = 'UTF-8' | 'GB18030';

/** A decoded and parsed EEP document. */
export interface EepTree {
  /** The decoded document text, which offsets refer to. */
  readonly text: string;
  /** The document's encoding; signed bytes and rewritten documents use it. */
  readonly encoding: EepEncodingName;
  /** The document element. */
  readonly root: EepNode;
}

/** Result of {@link parseEepTree}. */
export type EepTreeResult = { ok: true; tree: EepTree; issues: Issue[] } | { ok: false; issues: Issue[] };

const METADATA = XMLParser.getMetaDataSymbol();
const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  captureMetaData: true,
  processEntities: true,
  htmlEntities: true, // resolves numeric character references such as &#13;
});

type RawNode = Record<string, unknown>;
interface RawMetadata {
  startIndex: number;
  endIndex: number;
}

/**
 * Decodes an EEP's bytes with `decodeXml` (UTF-8, or GB18030/GB2312 as its
 * declaration says; GB 18030-2005 is a DA/T 48-2009 normative reference),
 * runs the hardened `parseXml` checks (DOCTYPE entities refused, limits,
 * well-formedness with line:column) and builds an element tree that keeps the
 * exact source offsets (for signature verification: `parseXml` normalises
 * line ends, which would change the signed bytes) and line:column.
 *
 * @param bytes - The `.eep` file.
 * @param options - `path` for issues; `locale` for messages.
 * @returns The tree with any non-fatal encoding issues, or the issues that stop
 *   reading (`xml.*` codes: encoding, DOCTYPE, well-formedness, limits).
 * @example
 * const r = parseEepTree(bytes); if (r.ok) r.tree.root.name //=> '电子文件封装包'
 */
export function parseEepTree(bytes: Uint8Array, options: { path?: string; locale?: Locale } = {}): EepTreeResult {
  const { path, locale } = options;
  const decoded = decodeXml(bytes, options);
  const fatal = decoded.issues.filter((issue) => issue.severity === 'error');
  if (!decoded.decodable || fatal.length > 0) return { ok: false, issues: decoded.issues };
  const { text } = decoded;
  const lines = createLineIndex(text);
  // The hardened scan of src/xml (DOCTYPE entities refused, limits, line:column) runs on the
  // skeleton, whose line numbers are the document's; the tree below keeps source offsets.
  const skeleton = skeletonize(text);
  const checked = parseXml(skeleton.text, { path, locale });
  if (checked.root === undefined || checked.issues.some((issue) => issue.severity === 'error')) {
    return { ok: false, issues: [...decoded.issues, ...checked.issues] };
  }
  const raw = PARSER.parse(skeleton.text) as RawNode[];
  const rootRaw = raw.find((n) => elementName(n) !== undefined && !elementName(n)!.startsWith('?'));
  if (!rootRaw) {
    return { ok: false, issues: [createIssue('xml.malformed', { path, locale, location: { line: 1, column: 1 }, params: { detail: 'no document element' } })] };
  }
  const encoding: EepEncodingName = GB_FAMILY.has(decoded.encoding.name) ? 'GB18030' : 'UTF-8';
  const root = toNode(rootRaw, { lines, skeleton }, '', new Map());
  return { ok: true, tree: { text, encoding, root }, issues: [...decoded.issues, ...checked.issues] };
}

// GB2312 and GBK text is GB 18030 byte for byte.
const GB_FAMILY = new Set(['GB18030', 'GB2312', 'GBK']);

function elementName(node: RawNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

interface Positions {
  readonly lines: LineIndex;
  readonly skeleton: EepSkeleton;
}

function toNode(raw: RawNode, at: Positions, parentXPath: string, scope: ReadonlyMap<string, string>, index = 1): EepNode {
  const qname = elementName(raw)!;
  const attributes = (raw[':@'] ?? {}) as Record<string, string>;
  const own = new Map(scope);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'xmlns') own.set('', value);
    else if (key.startsWith('xmlns:')) own.set(key.slice(6), value);
  }
  const colon = qname.indexOf(':');
  const name = colon < 0 ? qname : qname.slice(colon + 1);
  const xpath = `${parentXPath}/${name}${index > 1 ? `[${index}]` : ''}`;
  const counts = new Map<string, number>();
  const children: EepNode[] = [];
  let text = '';
  for (const child of (raw[qname] ?? []) as RawNode[]) {
    const childName = elementName(child);
    if (childName === '#text') text += String(child['#text']);
    else if (childName !== undefined && !childName.startsWith('?') && !childName.startsWith('!')) {
      const local = childName.slice(childName.indexOf(':') + 1);
      const n = (counts.get(local) ?? 0) + 1;
      counts.set(local, n);
      children.push(toNode(child, at, xpath, own, n));
    }
  }
  const meta = (raw as Record<symbol, RawMetadata | undefined>)[METADATA as symbol] ?? { startIndex: 0, endIndex: 0 };
  const start = at.skeleton.toOriginal(meta.startIndex);
  return {
    name,
    namespace: own.get(colon < 0 ? '' : qname.slice(0, colon)),
    attributes,
    children,
    text: at.skeleton.contentAt(start) ?? text,
    start,
    end: at.skeleton.toOriginal(meta.endIndex),
    location: { ...at.lines.locate(start), xpath },
  };
}

/**
 * The first child element with a name.
 *
 * @param node - Parent element.
 * @param name - Local name.
 * @returns The child, or undefined.
 * @example
 * child(root, '版本')?.text //=> '2009'
 */
export function child(node: EepNode, name: string): EepNode | undefined {
  return node.children.find((c) => c.name === name);
}

/**
 * Every child element with a name.
 *
 * @param node - Parent element.
 * @param name - Local name.
 * @returns The children, in order.
 * @example
 * children(文件数据, '文档').length
 */
export function children(node: EepNode, name: string): EepNode[] {
  return node.children.filter((c) => c.name === name);
}
