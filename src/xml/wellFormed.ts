import type { IssueCode } from '../report/messages/index.js';
import type { IssueDetails } from '../report/createIssue.js';
import type { XmlLimits } from './limits.js';
import type { LineIndex } from './lineIndex.js';
import { isReservedName, isXmlName } from './names.js';
import { readReference } from './references.js';

/** Reports an issue at a string offset; supplied by the caller, who knows the line index. */
export type EmitAt = (code: IssueCode, offset: number, details?: IssueDetails) => void;

/** Thrown inside the scan to stop at the first fatal error; never escapes {@link scanWellFormed}. */
class Fatal {}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

// Characters that end a name inside markup.
function endsName(c: number): boolean {
  return isSpace(c) || c === SLASH || c === GT || c === EQUALS || c === LT || c === 0x22 || c === 0x27 || Number.isNaN(c);
}

const ENTITY_DECLARATION = /<!ENTITY\s+(?:%\s+)?([^\s>]+)/g;
const NAMED_REFERENCE = /&([^\s&;<>"']{1,64});/y;
// XML 1.0 §2.2: characters outside Char, plus surrogates (checked for pairing below).
const CHAR_CANDIDATE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g;

/**
 * Receives the document's structure while {@link scanWellFormed} checks it (a
 * SAX-style push interface): element starts and ends, and character data as
 * offset ranges of the scanned text (references not yet resolved, see
 * `decodeReferences`). Events stop at the first fatal error.
 */
export interface XmlEventHandler {
  /** A start tag (also for `<a/>`, followed at once by {@link endElement}); `attributes` are raw name/value pairs. */
  startElement?(name: string, offset: number, attributes: readonly (readonly [string, string])[]): void;
  /** An end tag, or the end of an empty-element tag; `end` is the offset just past its `>`. */
  endElement?(name: string, offset: number, end: number): void;
  /** Character data inside the root element, `text.slice(from, to)`, references unresolved. */
  text?(from: number, to: number): void;
  /** The content of a CDATA section, `text.slice(from, to)`, taken literally. */
  cdata?(from: number, to: number): void;
}

/** Result of {@link scanWellFormed}. */
export interface WellFormedScan {
  /** True when the document is not well-formed (or is refused): no tree should be built. */
  fatal: boolean;
}

/**
 * Checks that a decoded XML text is well-formed (XML 1.0) and safe to build a
 * tree from, in one linear pass and without building anything: tags nest and
 * match, one root, attributes are quoted and unique, references are the
 * predefined entities or character references, no DOCTYPE declares entities
 * (XXE and billion laughs are refused before any parser sees them), and the
 * limits hold. Structural errors stop the scan (the first is reported, like
 * xmllint); bad references and characters are reported and the scan goes on.
 *
 * @param text - Decoded text, line ends already normalised to `\n`.
 * @param limits - Resource limits.
 * @param emit - Receives each issue with the offset it concerns.
 * @param lines - Line index of `text`, to name the line where an unclosed element opened.
 * @param handler - Optional receiver of the structure, for streaming readers that build no tree.
 * @returns Whether a fatal error was found.
 * @example
 * const text = '<a><b></a>';
 * scanWellFormed(text, defaultXmlLimits, (code) => console.log(code), createLineIndex(text)) // logs 'xml.mismatched-tag'
 */
export function scanWellFormed(
  text: string,
  limits: XmlLimits,
  emit: EmitAt,
  lines: LineIndex,
  handler: XmlEventHandler = {},
): WellFormedScan {
  reportInvalidChars(text, emit);
  try {
    new Scanner(text, limits, emit, lines, handler).run();
    return { fatal: false };
  } catch (error) {
    if (error instanceof Fatal) return { fatal: true };
    throw error;
  }
}

function reportInvalidChars(text: string, emit: EmitAt): void {
  let first = -1;
  let count = 0;
  CHAR_CANDIDATE.lastIndex = 0;
  for (let m = CHAR_CANDIDATE.exec(text); m; m = CHAR_CANDIDATE.exec(text)) {
    const unit = text.charCodeAt(m.index);
    const next = text.charCodeAt(m.index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      CHAR_CANDIDATE.lastIndex = m.index + 2; // a well-formed surrogate pair
      continue;
    }
    if (first < 0) first = m.index;
    count++;
  }
  if (first < 0) return;
  const codePoint = `U+${text.charCodeAt(first).toString(16).toUpperCase().padStart(4, '0')}`;
  emit('xml.invalid-char', first, { params: { codePoint, count }, received: codePoint });
}

// W3C XInclude 1.0 and the 2003 draft namespace libxml2 still honours (XINCLUDE_OLD_NS).
const XINCLUDE_NAMESPACES = ['http://www.w3.org/2001/XInclude', 'http://www.w3.org/2003/XInclude'];

const NO_ATTRIBUTES: readonly (readonly [string, string])[] = Object.freeze([]);

interface OpenElement {
  name: string;
  offset: number;
}

class Scanner {
  private i = 0;
  private readonly n: number;
  private readonly stack: OpenElement[] = [];
  private rootSeen = false;
  private rootClosed = false;
  private nextAmp = -1;
  /** True when the text names an XInclude namespace at all: only then is an `include` element looked at. */
  private readonly xinclude: boolean;

  constructor(
    private readonly text: string,
    private readonly limits: XmlLimits,
    private readonly emit: EmitAt,
    private readonly lines: LineIndex,
    private readonly handler: XmlEventHandler,
  ) {
    this.n = text.length;
    this.nextAmp = text.indexOf('&');
    this.xinclude = XINCLUDE_NAMESPACES.some((ns) => text.includes(ns));
  }

  run(): void {
    const { text, n } = this;
    const deadline = Date.now() + this.limits.maxMilliseconds;
    let markup = 0;
    while (this.i < n) {
      // Hostile input (test/fixtures/hostile): a time budget per XML, checked every 256 tags.
      if ((++markup & 0xff) === 0 && Date.now() > deadline) this.fail('xml.limit-time', this.i, { params: { limit: this.limits.maxMilliseconds } });
      const lt = text.indexOf('<', this.i);
      const end = lt < 0 ? n : lt;
      if (end > this.i) this.characterData(this.i, end);
      if (lt < 0) break;
      this.i = lt;
      const c = text.charCodeAt(lt + 1);
      if (c === QUESTION) this.processingInstruction();
      else if (c === BANG) this.markupDeclaration();
      else if (c === SLASH) this.endTag();
      else this.startTag();
    }
    const open = this.stack.at(-1);
    if (open) this.truncated();
    if (!this.rootSeen) this.fail('xml.no-root', n);
  }

  private fail(code: IssueCode, offset: number, details?: IssueDetails): never {
    this.emit(code, offset, details);
    throw new Fatal();
  }

  private malformed(offset: number, detail: string): never {
    this.fail('xml.malformed', offset, { params: { detail } });
  }

  /** The input ended inside markup or with elements open. */
  private truncated(what?: string): never {
    const open = this.stack.at(-1);
    if (open) {
      const { line } = this.lines.locate(open.offset);
      this.fail('xml.unexpected-end', this.n, { params: { name: open.name, openLine: line } });
    }
    this.malformed(this.n, `unexpected end of file${what ? ` inside ${what}` : ''}`);
  }

  private characterData(from: number, to: number): void {
    const { text } = this;
    if (this.stack.length === 0) {
      for (let k = from; k < to; k++) {
        if (!isSpace(text.charCodeAt(k))) this.fail('xml.content-outside-root', k);
      }
      return;
    }
    if (to - from > this.limits.maxTextLength) {
      this.fail('xml.limit-text', from, { params: { received: to - from, limit: this.limits.maxTextLength }, received: to - from });
    }
    this.checkReferences(from, to);
    this.handler.text?.(from, to);
  }

  /** Reports every `&` in [from, to) that is not a predefined entity or a valid character reference. */
  private checkReferences(from: number, to: number): void {
    const { text } = this;
    if (this.nextAmp >= 0 && this.nextAmp < from) this.nextAmp = text.indexOf('&', from);
    while (this.nextAmp >= 0 && this.nextAmp < to) {
      const at = this.nextAmp;
      const reference = readReference(text, at);
      if (!reference) {
        NAMED_REFERENCE.lastIndex = at;
        const named = NAMED_REFERENCE.exec(text);
        if (named && !named[1]!.startsWith('#') && named.index + named[0].length <= to) {
          this.emit('xml.entity-undefined', at, { params: { name: named[1] }, received: named[0] });
        } else {
          const snippet = text.slice(at, Math.min(to, at + 12));
          this.emit('xml.reference-invalid', at, { params: { text: snippet }, received: snippet });
        }
      }
      this.nextAmp = text.indexOf('&', at + 1);
    }
  }

  private processingInstruction(): void {
    const { text } = this;
    const start = this.i;
    const end = text.indexOf('?>', start + 2);
    if (end < 0) this.truncated('a processing instruction');
    const target = this.readName(start + 2);
    if (target.toLowerCase() === 'xml' && start !== 0) {
      this.malformed(start, 'the XML declaration is allowed only at the very start of the file');
    }
    this.i = end + 2;
  }

  private markupDeclaration(): void {
    const { text } = this;
    const start = this.i;
    if (text.startsWith('<!--', start)) {
      const end = text.indexOf('-->', start + 4);
      if (end < 0) this.truncated('a comment');
      this.i = end + 3;
    } else if (text.startsWith('<![CDATA[', start)) {
      if (this.stack.length === 0) this.malformed(start, 'CDATA section outside the root element');
      const end = text.indexOf(']]>', start + 9);
      if (end < 0) this.truncated('a CDATA section');
      if (end - start - 9 > this.limits.maxTextLength) {
        const received = end - start - 9;
        this.fail('xml.limit-text', start, { params: { received, limit: this.limits.maxTextLength }, received });
      }
      this.handler.cdata?.(start + 9, end);
      this.i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', start)) {
      if (this.rootSeen) this.malformed(start, 'DOCTYPE after the root element has started');
      this.doctype(start);
    } else {
      this.malformed(start, `unexpected "${text.slice(start, start + 9)}"`);
    }
  }

  /** XML 1.0 §2.8: DOCTYPE with optional external id and internal subset. Entities refuse the document. */
  private doctype(start: number): void {
    const { text, n } = this;
    let k = start + 9;
    let quote = 0;
    let subset = false;
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (subset && text.startsWith('<!--', k)) {
        const close = text.indexOf('-->', k + 4);
        if (close < 0) break;
        k = close + 2;
      } else if (c === 0x5b /* [ */) subset = true;
      else if (c === 0x5d /* ] */) subset = false;
      else if (c === GT && !subset) break;
    }
    if (k >= n) this.truncated('the DOCTYPE');
    const declaration = text.slice(start, k + 1).replace(/<!--[\s\S]*?-->/g, '');
    const entities = [...declaration.matchAll(ENTITY_DECLARATION)].map((m) => m[1]!);
    if (entities.length > 0) {
      this.fail('xml.doctype-forbidden', start, {
        params: { entities: entities.slice(0, 5).join(', ') + (entities.length > 5 ? ', …' : '') },
        received: entities.length,
      });
    }
    this.emit('xml.doctype-ignored', start);
    this.i = k + 1;
  }

  private endTag(): void {
    const { text } = this;
    const start = this.i;
    const name = this.endTagName(start + 2);
    let p = start + 2 + name.length;
    p = this.skipSpace(p);
    if (p >= this.n) this.truncated('an end tag');
    // The open element's name was checked at its start tag.
    if (text.charCodeAt(p) !== GT || (name !== this.stack.at(-1)?.name && !isXmlName(name))) this.malformed(start, `bad end tag "${text.slice(start, p + 1)}"`);
    const open = this.stack.pop();
    if (!open) this.malformed(start, `end tag </${name}> has no start tag`);
    if (open.name !== name) {
      this.fail('xml.mismatched-tag', start, {
        params: { expected: open.name, received: name, openLine: this.lines.locate(open.offset).line },
        expected: open.name,
        received: name,
      });
    }
    if (this.stack.length === 0) this.rootClosed = true;
    this.handler.endElement?.(name, start, p + 1);
    this.i = p + 1;
  }

  private startTag(): void {
    const { text, limits } = this;
    const start = this.i;
    if (start + 1 >= this.n) this.truncated('a start tag');
    const name = this.readName(start + 1);
    if (name.length === 0 || !isXmlName(name)) {
      if (start + 1 + name.length >= this.n) this.truncated('a start tag');
      this.malformed(start, `"<" is not followed by an element name`);
    }
    if (isReservedName(name)) this.fail('xml.name-reserved', start, { params: { name }, received: name });
    if (this.rootClosed) this.fail('xml.multiple-roots', start, { params: { name } });
    let p = start + 1 + name.length;
    // Allocated at the first attribute: most elements of a large file have none.
    let seen: string[] | undefined;
    let attributes: (readonly [string, string])[] | undefined;
    let selfClosing = false;
    for (;;) {
      const before = p;
      p = this.skipSpace(p);
      if (p >= this.n) this.truncated('a start tag');
      const c = text.charCodeAt(p);
      if (c === GT) break;
      if (c === SLASH) {
        if (p + 1 >= this.n) this.truncated('a start tag');
        if (text.charCodeAt(p + 1) !== GT) this.malformed(p, `"/" must be followed by ">" in <${name}>`);
        selfClosing = true;
        p++;
        break;
      }
      if (p === before) this.malformed(p, `whitespace is required before an attribute in <${name}>`);
      seen ??= [];
      attributes ??= [];
      p = this.attribute(name, p, seen, attributes);
      if (seen.length > limits.maxAttributes) {
        this.fail('xml.limit-attributes', start, { params: { name, limit: limits.maxAttributes }, received: seen.length });
      }
    }
    if (this.xinclude && (name === 'include' || name.endsWith(':include'))) this.reportXInclude(name, start, p);
    this.rootSeen = true;
    const depth = this.stack.length + 1;
    if (depth > limits.maxDepth) this.fail('xml.limit-depth', start, { params: { limit: limits.maxDepth }, received: depth });
    this.handler.startElement?.(name, start, attributes ?? NO_ATTRIBUTES);
    if (selfClosing) {
      if (this.stack.length === 0) this.rootClosed = true;
      this.handler.endElement?.(name, start, p + 1);
    } else this.stack.push({ name, offset: start });
    this.i = p + 1;
  }

  /**
   * XInclude (W3C XInclude 1.0): we never process it, but a downstream
   * libxml2 with XInclude on (`xmllint --xinclude`, XML_PARSE_XINCLUDE) would
   * inline `href` — `file:///etc/passwd`, or another file of the package — into
   * what it believes is this document. No DA/T package needs it: reported
   * (`xml.xinclude`, security) and never followed.
   */
  private reportXInclude(name: string, start: number, end: number): void {
    const tag = this.text.slice(start, end + 1);
    const href = /\bhref\s*=\s*(["'])([^"']*)\1/.exec(tag)?.[2] ?? '';
    this.emit('xml.xinclude', start, { params: { name, href }, received: href });
  }

  /** Reads `name = "value"` at p; returns the offset after the closing quote. */
  private attribute(element: string, p: number, seen: string[], attributes: (readonly [string, string])[]): number {
    const { text } = this;
    const name = this.readName(p);
    if (name.length === 0 || !isXmlName(name)) this.malformed(p, `bad attribute name in <${element}>`);
    if (isReservedName(name)) this.fail('xml.name-reserved', p, { params: { name }, received: name });
    if (seen.includes(name)) {
      this.fail('xml.duplicate-attribute', p, { params: { name: element, attribute: name }, received: name });
    }
    seen.push(name);
    let k = this.skipSpace(p + name.length);
    if (k >= this.n) this.truncated('a start tag');
    if (text.charCodeAt(k) !== EQUALS) this.malformed(k, `attribute "${name}" of <${element}> has no value`);
    k = this.skipSpace(k + 1);
    const quote = text[k];
    if (k >= this.n) this.truncated('a start tag');
    if (quote !== '"' && quote !== "'") this.malformed(k, `the value of attribute "${name}" must be quoted`);
    const close = text.indexOf(quote, k + 1);
    if (close < 0) this.truncated('an attribute value');
    const lt = text.indexOf('<', k + 1);
    if (lt >= 0 && lt < close) this.malformed(lt, `"<" is not allowed in the value of attribute "${name}"`);
    this.checkReferences(k + 1, close);
    if (this.handler.startElement) attributes.push([name, text.slice(k + 1, close)]);
    return close + 1;
  }

  /**
   * The name of an end tag: the open element's name (already checked) when the
   * tag repeats it, without slicing a new string; else the name as read.
   */
  private endTagName(from: number): string {
    const open = this.stack.at(-1);
    if (open !== undefined && this.text.startsWith(open.name, from) && endsName(this.text.charCodeAt(from + open.name.length))) return open.name;
    return this.readName(from);
  }

  private readName(from: number): string {
    let k = from;
    while (k < this.n && !endsName(this.text.charCodeAt(k))) k++;
    return this.text.slice(from, k);
  }

  private skipSpace(from: number): number {
    let k = from;
    while (k < this.n && isSpace(this.text.charCodeAt(k))) k++;
    return k;
  }
}
