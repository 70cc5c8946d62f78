
import type { Issue, IssueLocation, Locale } from '../../report/issue.js';
import { defaultXmlLimits, type XmlLimits } from '../../xml/limits.js';
import { attributeValue, decodeReferences } from '../../xml/references.js';
import { scanXml, type XmlScanContext } from '../../xml/scan.js';
import type { XmlEventHandler } from '../../xml/wellFormed.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { limitsIssues } from '../../report/messages/limits.js';

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
  /** Offset of `<` in the decoded text (line ends as written). */
  readonly start: number;
  /** Offset just past the element's end tag, in the decoded text. */
  readonly end: number;
  /** 1-based line and column of `<`, and the element's XPath. */
  readonly location: IssueLocation;
}

/** Encodings an EEP is written in: UTF-8, or GB 18030 (which also reads GB2312 and GBK). */
export type EepEncodingName = 'UTF-8' | 'GB18030';

/** A decoded and parsed EEP document. */
export interface EepTree {
  /** The decoded document text as written (line ends kept), which offsets refer to. */
  readonly text: string;
  /** The document's encoding; signed bytes and rewritten documents use it. */
  readonly encoding: EepEncodingName;
  /** The document element. */
  readonly root: EepNode;
}

/** Result of {@link parseEepTree}. */
export type EepTreeResult = { ok: true; tree: EepTree; issues: Issue[] } | { ok: false; issues: Issue[] };

// 编码数据 holds a whole file in Base64: one text run may be as long as the document.
const EEP_LIMITS = { maxTextLength: defaultXmlLimits.maxLength };

// Largest EEP decoded (defaultLimits.maxXmlBytes): 256 MiB of UTF-8 or GB 18030 is at most 256 Mi characters,
// half of V8's longest string, so a larger input is refused before it becomes one (docs/security.md, bounded readers).
const EEP_MAX_BYTES = 256 * 1024 * 1024;

// GB2312 and GBK text is GB 18030 byte for byte.
const GB_FAMILY = new Set(['GB18030', 'GB2312', 'GBK']);

/**
 * Decodes an EEP's bytes (UTF-8, or GB18030/GB2312 as its declaration says;
 * GB 18030-2005 is a DA/T 48-2009 normative reference) and reads it with the
 * hardened streaming scan of `src/xml` (DOCTYPE entities refused, limits,
 * well-formedness with line:column), building an element tree whose offsets
 * point into the text as written: the scan normalises line ends, but signed
 * bytes must be sliced verbatim, so offsets are mapped back with
 * {@link XmlScanContext.sourceOffset}. Any error-severity issue (e.g. an
 * encoding mismatch) stops reading.
 *
 * @param bytes - The `.eep` file.
 * @param options - `path` for issues; `locale` for messages; `limits`, the
 *   caller's XML limits, each set one taking the place of the EEP's own;
 *   `limits.maxXmlBytes` (default 256 MiB): larger input is not decoded (`xml.limit-bytes`).
 * @returns The tree with any non-fatal issues, or the issues that stop
 *   reading (`xml.*` codes: encoding, DOCTYPE, well-formedness, limits).
 * @example
 * const r = parseEepTree(bytes); if (r.ok) r.tree.root.name //=> '电子文件封装包'
 * parseEepTree(bytes, { limits: { maxDepth: 5 } }).issues // xml.limit-depth when nested deeper
 */
export function parseEepTree(bytes: Uint8Array, options: { path?: string; locale?: Locale; limits?: Partial<XmlLimits> & { maxXmlBytes?: number } } = {}): EepTreeResult {
  const maxBytes = options.limits?.maxXmlBytes ?? EEP_MAX_BYTES;
  if (bytes.length > maxBytes) {
    const params = { entry: options.path ?? '', received: bytes.length, limit: maxBytes };
    return { ok: false, issues: [createIssueFrom(limitsIssues, 'xml.limit-bytes', { path: options.path, locale: options.locale, received: bytes.length, expected: maxBytes, params })] };
  }
  let root: EepNode | undefined;
  const set = Object.entries(options.limits ?? {}).filter(([, value]) => value !== undefined);
  const limits: Partial<XmlLimits> = { ...EEP_LIMITS, ...Object.fromEntries(set) };
  const scan = scanXml(bytes, { ...options, limits }, (context) => treeBuilder(context, (node) => (root = node)));
  if (!scan.complete || !scan.context || !root || scan.issues.some((issue) => issue.severity === 'error')) {
    return { ok: false, issues: scan.issues };
  }
  const encoding: EepEncodingName = scan.encoding && GB_FAMILY.has(scan.encoding.name) ? 'GB18030' : 'UTF-8';
  return { ok: true, tree: { text: scan.context.source, encoding, root }, issues: scan.issues };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An element being read, with what its children need. */
interface Frame {
  readonly node: Mutable<EepNode> & { readonly children: EepNode[] };
  /** Namespace bindings in scope, by prefix (`''` for the default namespace). */
  readonly scope: ReadonlyMap<string, string>;
  /** How many children of each local name were seen, for XPath steps. */
  readonly counts: Map<string, number>;
}

/** Builds {@link EepNode}s from scan events; `onRoot` receives the document element once it closes. */
function treeBuilder(context: XmlScanContext, onRoot: (root: EepNode) => void): XmlEventHandler {
  const { text, lines, sourceOffset } = context;
  const stack: Frame[] = [];
  return {
    startElement(qname, offset, rawAttributes) {
      const parent = stack.at(-1);
      const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
      let scope = parent?.scope ?? new Map<string, string>();
      for (const [key, raw] of rawAttributes) {
        const value = attributeValue(raw);
        attributes[key] = value;
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          if (scope === parent?.scope) scope = new Map(scope);
          (scope as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), value);
        }
      }
      const colon = qname.indexOf(':');
      const name = colon < 0 ? qname : qname.slice(colon + 1);
      const index = parent ? (parent.counts.get(name) ?? 0) + 1 : 1;
      parent?.counts.set(name, index);
      const xpath = `${parent?.node.location.xpath ?? ''}/${name}${index > 1 ? `[${index}]` : ''}`;
      const node = {
        name,
        namespace: scope.get(colon < 0 ? '' : qname.slice(0, colon)),
        attributes,
        children: [],
        text: '',
        start: sourceOffset(offset),
        end: 0,
        location: { ...lines.locate(offset), xpath },
      };
      parent?.node.children.push(node);
      stack.push({ node, scope, counts: new Map() });
    },
    text(from, to) {
      const frame = stack.at(-1);
      if (frame) frame.node.text += decodeReferences(text.slice(from, to));
    },
    cdata(from, to) {
      const frame = stack.at(-1);
      if (frame) frame.node.text += text.slice(from, to);
    },
    endElement(_name, _offset, end) {
      const frame = stack.pop();
      if (!frame) return;
      frame.node.end = sourceOffset(end - 1) + 1;
      if (stack.length === 0) onRoot(frame.node);
    },
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
