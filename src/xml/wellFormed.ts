import type { IssueDetails } from '../report/createIssue.js';
import { scanDoctype } from './doctype.js';
import { Fatal, isSpace, Lexer, NeedMore, type EmitAt } from './lexer.js';
import type { XmlLimits } from './limits.js';
import type { LineIndex } from './lineIndex.js';
import { isReservedName, isXmlName } from './names.js';
import { charReferenceAt, isXmlChar, readReference } from './references.js';
import { detachText } from './detachText.js';

export type { EmitAt } from './lexer.js';

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;

// XML 1.0 §2.2: characters outside Char, plus surrogates (checked for pairing below).
const CHAR_CANDIDATE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g;
// XML 1.0 §2.8 [26] VersionNum, §4.3.3 [81] EncName.
const VERSION_NUM = /^1\.[0-9]+$/;
const ENC_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;

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
 * Checks that a decoded XML text is well-formed (XML 1.0, 5th edition) and
 * safe to build a tree from, in one linear pass and without building
 * anything: the XML declaration, the DOCTYPE and its internal subset
 * (tokenised declaration by declaration, never loaded or expanded), comments,
 * processing instructions, tags that nest and match, one root, attributes
 * quoted and unique, references that are the predefined entities or
 * character references, and the limits. A DOCTYPE that declares entities
 * refuses the document (XXE and billion laughs never reach a parser); the rest
 * is still checked so that grammar errors are reported where they are, but no
 * event is passed on. Structural errors stop the scan (the first is reported,
 * like xmllint); bad references and characters are reported and the scan goes on.
 *
 * @param text - Decoded text, line ends already normalised to `\n`.
 * @param limits - Resource limits.
 * @param emit - Receives each issue with the offset it concerns.
 * @param lines - Line index of `text`, to name the line where an unclosed element opened.
 * @param handler - Optional receiver of the structure, for streaming readers that build no tree.
 * @returns Whether a fatal error was found (or the document was refused).
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
  const scanner = createWellFormedScanner(limits, emit, lines, handler, text);
  return scanner.end();
}

/**
 * The well-formedness scan of {@link scanWellFormed} over text that arrives
 * in pieces (a file read in chunks): {@link WellFormedScanner.push} each
 * piece, then {@link WellFormedScanner.end}. A token cut by the end of a
 * piece (a tag, a comment, `]]>`, a name, a reference) waits for the next
 * piece, and the events, issues and offsets are exactly those of one scan of
 * the whole text. Offsets are offsets of the whole text.
 */
export interface WellFormedScanner {
  /** Scans the next piece (line ends already normalised; see `scanXml`). Returns false once the scan has stopped. */
  push(text: string): boolean;
  /** The text has ended: finishes the scan. */
  end(): WellFormedScan;
  /** Whether a fatal error has stopped the scan (later pieces are ignored). */
  readonly stopped: boolean;
  /**
   * The whole-document text at document offsets [from, to), while the event
   * handler runs for the event that reported them.
   */
  slice(from: number, to: number): string;
}

/**
 * Creates a resumable {@link WellFormedScanner}. It does not report invalid
 * characters (U+0000 and the like): the caller scans each piece for them,
 * as {@link scanWellFormed} does for a whole text.
 *
 * @param limits - Resource limits (the time budget runs from now).
 * @param emit - Receives each issue with its document offset.
 * @param lines - Line index of the whole text (as far as it has arrived).
 * @param handler - Optional receiver of the structure.
 * @param whole - The whole text, when it is known at once (then `end` scans it).
 * @returns The scanner.
 * @example
 * const scanner = createWellFormedScanner(defaultXmlLimits, emit, lines, handler);
 * scanner.push('<a>te'); scanner.push('xt</a>'); scanner.end() //=> { fatal: false }
 */
export function createWellFormedScanner(limits: XmlLimits, emit: EmitAt, lines: LineIndex, handler: XmlEventHandler = {}, whole?: string): WellFormedScanner {
  const scanner = new Scanner(whole ?? '', limits, emit, lines, handler, whole !== undefined);
  return {
    push: (text) => scanner.push(text),
    end: () => scanner.finish(),
    get stopped() {
      return scanner.stopped;
    },
    slice: (from, to) => scanner.slice(from, to),
  };
}

/** The first character outside XML 1.0 §2.2 Char in a text (its offset and code unit), and how many there are. */
export interface InvalidChars {
  /** Offset of the first, or -1. */
  first: number;
  /** Its UTF-16 code unit. */
  unit: number;
  /** How many. */
  count: number;
}

/**
 * Finds the characters outside Char (XML 1.0 §2.2) in a text: controls,
 * U+FFFE/U+FFFF and unpaired surrogates. A text read in pieces is scanned
 * piece by piece, with no surrogate pair cut between two pieces.
 *
 * @param text - Decoded text.
 * @returns The first such character and the count.
 * @example
 * findInvalidChars('a\u0001b\u0002') //=> { first: 1, unit: 1, count: 2 }
 */
export function findInvalidChars(text: string): InvalidChars {
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
  return { first, unit: first < 0 ? 0 : text.charCodeAt(first), count };
}

/**
 * The `xml.invalid-char` issue's details: the first invalid character's code point and the count.
 *
 * @param found - From {@link findInvalidChars}, with `first` ≥ 0.
 * @returns Params and `received` of the issue.
 * @example
 * invalidCharDetails({ first: 1, unit: 1, count: 2 }).received //=> 'U+0001'
 */
export function invalidCharDetails(found: InvalidChars): IssueDetails {
  const codePoint = `U+${found.unit.toString(16).toUpperCase().padStart(4, '0')}`;
  return { params: { codePoint, count: found.count }, received: codePoint };
}

function reportInvalidChars(text: string, emit: EmitAt): void {
  const found = findInvalidChars(text);
  if (found.first >= 0) emit('xml.invalid-char', found.first, invalidCharDetails(found));
}

// W3C XInclude 1.0 and the 2003 draft namespace libxml2 still honours (XINCLUDE_OLD_NS).
const XINCLUDE_NAMESPACES = ['http://www.w3.org/2001/XInclude', 'http://www.w3.org/2003/XInclude'];

const NO_ATTRIBUTES: readonly (readonly [string, string])[] = Object.freeze([]);
const NO_HANDLER: XmlEventHandler = Object.freeze({});

interface OpenElement {
  name: string;
  offset: number;
}

/** An XInclude element seen before any mention of the XInclude namespace: reported if one comes later. */
interface XIncludeCandidate {
  name: string;
  offset: number;
  href: string;
}

class Scanner extends Lexer {
  private i = 0;
  private readonly stack: OpenElement[] = [];
  private started = false;
  private rootSeen = false;
  private rootClosed = false;
  private doctypeSeen = false;
  private standalone = false;
  // Offsets of the next `&`, `<` and `]]>` at or after the last search (-1: none in `text`; -2: not searched).
  private nextAmp = -2;
  private nextLt = -2;
  private nextSectionEnd = -2;
  /** True when the DOCTYPE declares entities: the document is refused and no event is passed on. */
  refused = false;
  /** True once a fatal error has stopped the scan, or the scan has ended. */
  stopped = false;
  private fatal = false;
  /** General entities declared in the internal subset: references to them are not reported again. */
  private declared: ReadonlySet<string> = new Set();
  /** True when the text names an XInclude namespace at all: only then is an `include` element looked at. */
  private xinclude = false;
  private readonly xincludeCandidates: XIncludeCandidate[] = [];
  /** Character data already over `maxTextLength` that has not ended yet: only its length is still counted. */
  private overlong: { from: number; length: number } | undefined;
  /** Pieces that have arrived but are not yet scanned. */
  private queue: string[] = [];
  private queued = 0;
  /** Unscanned length to wait for before a token that needed more text is read again (doubling: linear in total). */
  private retryAt = 0;

  constructor(
    text: string,
    limits: XmlLimits,
    emit: EmitAt,
    lines: LineIndex,
    private handler: XmlEventHandler,
    whole: boolean,
  ) {
    super(text, limits, emit, lines, whole);
    this.noteNamespaces(text);
  }

  private noteNamespaces(text: string): void {
    if (!this.xinclude) this.xinclude = XINCLUDE_NAMESPACES.some((ns) => text.includes(ns));
  }

  /** The document's text at document offsets [from, to), while it is still held. */
  slice(from: number, to: number): string {
    return this.text.slice(from - this.base, to - this.base);
  }

  /** Takes the next piece; scans once enough has arrived. */
  push(piece: string): boolean {
    if (this.stopped) {
      this.noteNamespaces(piece); // an XInclude namespace after a fatal error still counts, as in a whole scan
      return false;
    }
    if (piece.length === 0) return true;
    if (this.overlong) {
      const lt = piece.indexOf('<');
      this.overlong.length += lt < 0 ? piece.length : lt;
      if (lt >= 0) this.failOverlong();
      return !this.stopped;
    }
    this.queue.push(piece);
    this.queued += piece.length;
    if (this.n - this.i + this.queued >= this.retryAt) this.scan();
    return !this.stopped;
  }

  /** No more text: scans what is left to the end. */
  finish(): WellFormedScan {
    if (this.overlong) this.failOverlong();
    if (!this.stopped) {
      this.final = true;
      this.scan();
    }
    this.stopped = true;
    this.reportLateXIncludes();
    return { fatal: this.fatal || this.refused };
  }

  /** Joins the unscanned rest with the queued pieces and runs the scan until it ends, stops or needs more. */
  private scan(): void {
    if (this.queued > 0) {
      const rest = this.i < this.n ? this.text.slice(this.i) : '';
      this.base += this.i;
      this.text = this.queue.length === 1 && rest === '' ? this.queue[0]! : rest + this.queue.join('');
      this.n = this.text.length;
      this.i = 0;
      this.queue = [];
      this.queued = 0;
      this.noteNamespaces(this.text);
      this.forgetSearches();
    }
    try {
      this.run();
      this.retryAt = 0;
    } catch (error) {
      if (error instanceof NeedMore) {
        this.dropIssues();
        this.forgetSearches(); // the token is read again from its start
        this.retryAt = 2 * (this.n - this.i);
        return;
      }
      if (!(error instanceof Fatal)) throw error;
      this.commitIssues();
      this.fatal = true;
      this.stopped = true;
    }
  }

  private forgetSearches(): void {
    this.nextAmp = -2;
    this.nextLt = -2;
    this.nextSectionEnd = -2;
  }

  private run(): void {
    if (!this.started) {
      if (!this.final && this.n < 6) this.needMore();
      // XML 1.0 §2.8 [23] XMLDecl: only at the very start.
      if (this.text.startsWith('<?xml') && (isSpace(this.text.charCodeAt(5)) || this.text.charCodeAt(5) === QUESTION)) this.i = this.xmlDeclaration();
      this.started = true;
      this.commitIssues();
    }
    while (this.i < this.n) {
      const { text, n } = this;
      this.tick(this.i);
      const lt = text.indexOf('<', this.i);
      if (lt < 0 && !this.final) {
        this.textBeforeMore();
        return;
      }
      const end = lt < 0 ? n : lt;
      if (end > this.i) this.characterData(this.i, end);
      this.i = end;
      this.commitIssues();
      if (lt < 0) break;
      const c = text.charCodeAt(lt + 1);
      if (c === QUESTION) this.i = this.processingInstruction(lt);
      else if (c === BANG) this.markupDeclaration();
      else if (c === SLASH) this.endTag();
      else this.startTag();
      this.commitIssues();
    }
    if (!this.final) return;
    if (this.stack.length > 0) this.truncated();
    if (!this.rootSeen) this.fail('xml.no-root', this.n);
  }

  /**
   * Character data that runs to the end of the text that has arrived: white
   * space outside the root is consumed; text inside it waits for its end,
   * unless it is already over the limit.
   */
  private textBeforeMore(): void {
    const { text, n } = this;
    const from = this.i;
    if (this.stack.length === 0) {
      for (let k = from; k < n; k++) {
        if (!isSpace(text.charCodeAt(k))) this.fail('xml.content-outside-root', k);
      }
      this.i = n;
      this.commitIssues();
      return;
    }
    if (n - from > this.limits.maxTextLength) {
      // Over the limit whatever follows: keep only its length until it ends, for the issue.
      this.overlong = { from: from + this.base, length: n - from };
      this.i = n;
      return;
    }
    this.needMore();
  }

  /** The over-long character data has ended (or the text has): the fatal `xml.limit-text`. */
  private failOverlong(): void {
    const { from, length } = this.overlong!;
    this.overlong = undefined;
    this.emit('xml.limit-text', from - this.base, { params: { received: length, limit: this.limits.maxTextLength }, received: length });
    this.commitIssues();
    this.fatal = true;
    this.stopped = true;
  }

  /** XInclude elements read before the namespace was named, now that it has been. */
  private reportLateXIncludes(): void {
    if (!this.xinclude) return;
    for (const { name, offset, href } of this.xincludeCandidates) this.emit('xml.xinclude', offset - this.base, { params: { name, href }, received: href });
    this.xincludeCandidates.length = 0;
    this.commitIssues();
  }

  /** The input ended inside markup: with elements open, that is a truncated file (`xml.unexpected-end`). */
  override endedInside(what: string): never {
    if (!this.final) this.needMore();
    if (this.stack.length > 0) this.truncated();
    super.endedInside(what);
  }

  /** The input ended with elements open. */
  private truncated(): never {
    const open = this.stack.at(-1)!;
    const { line } = this.lines.locate(open.offset);
    this.fail('xml.unexpected-end', this.n, { params: { name: open.name, openLine: line } });
  }

  /** §2.8 [23]-[26], §4.3.3 [80]-[81], §2.9 [32]: version, then encoding, then standalone. */
  private xmlDeclaration(): number {
    const { text } = this;
    const what = 'the XML declaration';
    const order = ['version', 'encoding', 'standalone'];
    let next = 0;
    let p = 5;
    for (;;) {
      const q = this.skipSpace(p);
      if (this.at('?>', q)) {
        if (next === 0) this.malformed(q, 'the XML declaration must give the version');
        return q + 2;
      }
      if (q >= this.n) this.endedInside(what);
      if (q === p) this.malformed(q, `white space is required between the pseudo-attributes of ${what}`);
      const name = this.readName(q);
      const index = order.indexOf(name);
      if (index < next) this.malformed(q, `unexpected "${name || text.slice(q, q + 8)}" in ${what}`);
      if (next === 0 && index !== 0) this.malformed(q, 'the XML declaration must give the version first');
      next = index + 1;
      let k = this.skipSpace(q + name.length);
      k = this.skipSpace(this.expect('=', k, what));
      const literal = this.quoted(k, `the ${name} in ${what}`, 'quote');
      const value = text.slice(literal.from, literal.to);
      const ok = index === 0 ? VERSION_NUM.test(value) : index === 1 ? ENC_NAME.test(value) : value === 'yes' || value === 'no';
      if (!ok) this.malformed(literal.from, `${what}: "${value.slice(0, 40)}" is not a valid ${name}`);
      if (index === 2) this.standalone = value === 'yes';
      p = literal.end;
    }
  }

  private characterData(from: number, to: number): void {
    const { text } = this;
    if (this.stack.length === 0) {
      for (let k = from; k < to; k++) {
        if (!isSpace(text.charCodeAt(k))) this.fail('xml.content-outside-root', k);
        if ((k & 0xffff) === 0) this.checkTime(k);
      }
      return;
    }
    if (to - from > this.limits.maxTextLength) {
      this.fail('xml.limit-text', from, { params: { received: to - from, limit: this.limits.maxTextLength }, received: to - from });
    }
    // §2.4 [14] CharData may not contain "]]>".
    if (this.nextSectionEnd !== -1 && this.nextSectionEnd < from) this.nextSectionEnd = text.indexOf(']]>', from);
    if (this.nextSectionEnd >= 0 && this.nextSectionEnd < to) this.malformed(this.nextSectionEnd, '"]]>" is not allowed in character data');
    this.checkReferences(from, to);
    this.handler.text?.(from + this.base, to + this.base);
  }

  /** Reports every `&` in [from, to) that is not a predefined entity or a valid character reference. */
  private checkReferences(from: number, to: number): void {
    const { text } = this;
    if (this.nextAmp !== -1 && this.nextAmp < from) this.nextAmp = text.indexOf('&', from);
    while (this.nextAmp >= 0 && this.nextAmp < to) {
      const at = this.nextAmp;
      this.tick(at);
      if (!readReference(text, at)) this.badReference(at, to);
      this.nextAmp = text.indexOf('&', at + 1);
    }
  }

  /** An `&` that is not a predefined entity or a character reference to an XML Char. */
  private badReference(at: number, to: number): void {
    const { text } = this;
    const snippet = () => text.slice(at, Math.min(to, at + 12));
    const cp = charReferenceAt(text, at);
    if (cp !== undefined || text.charCodeAt(at + 1) === 0x23) {
      const details: IssueDetails = { params: { text: snippet() }, received: snippet() };
      this.emit('xml.reference-invalid', at, cp !== undefined && !isXmlChar(cp) ? { ...details, expected: 'XML Char (XML 1.0 §2.2)' } : details);
      return;
    }
    const name = this.readName(at + 1);
    const end = at + 1 + name.length;
    if (name.length > 0 && isXmlName(name) && end < to && text.charCodeAt(end) === 0x3b) {
      if (!this.declared.has(name)) this.emit('xml.entity-undefined', at, { params: { name }, received: `&${name};` });
    } else this.emit('xml.reference-invalid', at, { params: { text: snippet() }, received: snippet() });
  }

  private markupDeclaration(): void {
    const { text } = this;
    const start = this.i;
    if (text.startsWith('<!--', start)) this.i = this.comment(start);
    else if (text.startsWith('<![CDATA[', start)) {
      if (this.stack.length === 0) this.malformed(start, 'CDATA section outside the root element');
      const end = text.indexOf(']]>', start + 9);
      if (end < 0) this.endedInside('a CDATA section');
      if (end - start - 9 > this.limits.maxTextLength) {
        const received = end - start - 9;
        this.fail('xml.limit-text', start, { params: { received, limit: this.limits.maxTextLength }, received });
      }
      this.handler.cdata?.(start + 9 + this.base, end + this.base);
      this.i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', start)) {
      if (this.rootSeen) this.malformed(start, 'DOCTYPE after the root element has started');
      if (this.doctypeSeen) this.malformed(start, 'a second DOCTYPE');
      this.doctype(start);
      this.doctypeSeen = true; // once it is complete: a DOCTYPE cut by the end of a piece is read again
    } else {
      if (start + 2 >= this.n) this.endedInside('markup');
      this.malformed(start, `unexpected "${text.slice(start, start + 9)}"`);
    }
  }

  /** XML 1.0 §2.8: DOCTYPE with optional external id and internal subset. Entities refuse the document. */
  private doctype(start: number): void {
    const scan = scanDoctype(this, start, this.standalone);
    const { entities } = scan;
    if (entities.length > 0) {
      this.emit('xml.doctype-forbidden', start, {
        params: { entities: entities.slice(0, 5).join(', ') + (entities.length > 5 ? ', …' : '') },
        received: entities.length,
      });
      // Keep checking the grammar, but pass nothing on: no tree, no entries.
      this.refused = true;
      this.handler = NO_HANDLER;
      this.declared = scan.generalEntities;
    } else this.emit('xml.doctype-ignored', start);
    this.i = scan.end;
  }

  private endTag(): void {
    const { text } = this;
    const start = this.i;
    const name = this.endTagName(start + 2);
    let p = start + 2 + name.length;
    p = this.skipSpace(p);
    if (p >= this.n) this.endedInside('an end tag');
    // The open element's name was checked at its start tag.
    if (text.charCodeAt(p) !== GT || (name !== this.stack.at(-1)?.name && !isXmlName(name))) this.malformed(start, `bad end tag "${text.slice(start, Math.min(p + 1, start + 40))}"`);
    const open = this.stack.at(-1);
    if (!open) this.malformed(start, `end tag </${name}> has no start tag`);
    if (open.name !== name) {
      this.fail('xml.mismatched-tag', start, {
        params: { expected: open.name, received: name, openLine: this.lines.locate(open.offset).line },
        expected: open.name,
        received: name,
      });
    }
    this.stack.pop();
    if (this.stack.length === 0) this.rootClosed = true;
    this.handler.endElement?.(name, start + this.base, p + 1 + this.base);
    this.i = p + 1;
  }

  private startTag(): void {
    const { text, limits } = this;
    const start = this.i;
    if (start + 1 >= this.n) this.endedInside('a start tag');
    const name = this.readName(start + 1);
    if (name.length === 0 || !isXmlName(name)) {
      if (start + 1 + name.length >= this.n) this.endedInside('a start tag');
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
      if (p >= this.n) this.endedInside('a start tag');
      const c = text.charCodeAt(p);
      if (c === GT) break;
      if (c === SLASH) {
        if (p + 1 >= this.n) this.endedInside('a start tag');
        if (text.charCodeAt(p + 1) !== GT) this.malformed(p, `"/" must be followed by ">" in <${name}>`);
        selfClosing = true;
        p++;
        break;
      }
      if (p === before) this.malformed(p, `whitespace is required before an attribute in <${name}>`);
      seen ??= [];
      attributes ??= [];
      this.tick(p);
      p = this.attribute(name, p, seen, attributes);
      if (seen.length > limits.maxAttributes) {
        this.fail('xml.limit-attributes', start, { params: { name, limit: limits.maxAttributes }, received: seen.length });
      }
    }
    if (name === 'include' || name.endsWith(':include')) this.reportXInclude(name, start, p);
    const depth = this.stack.length + 1;
    if (depth > limits.maxDepth) this.fail('xml.limit-depth', start, { params: { limit: limits.maxDepth }, received: depth });
    this.rootSeen = true;
    const at = start + this.base;
    this.handler.startElement?.(name, at, attributes ?? NO_ATTRIBUTES);
    if (selfClosing) {
      if (this.stack.length === 0) this.rootClosed = true;
      this.handler.endElement?.(name, at, p + 1 + this.base);
    } else this.stack.push({ name, offset: at });
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
    if (!this.xinclude && this.final) return;
    const tag = this.text.slice(start, end + 1);
    const href = /\bhref\s*=\s*(["'])([^"']*)\1/.exec(tag)?.[2] ?? '';
    if (this.xinclude) this.emit('xml.xinclude', start, { params: { name, href }, received: href });
    // The namespace may yet be named further on (a whole scan looks at all the text first).
    else if (this.xincludeCandidates.length < this.limits.maxIssuesPerCode) this.xincludeCandidates.push({ name, offset: start + this.base, href: detachText(href) });
  }

  /** Reads `name = "value"` at p; returns the offset after the closing quote. */
  private attribute(element: string, p: number, seen: string[], attributes: (readonly [string, string])[]): number {
    const { text, limits } = this;
    const name = this.name(p, `an attribute of <${element}>`);
    if (isReservedName(name)) this.fail('xml.name-reserved', p, { params: { name }, received: name });
    if (seen.includes(name)) {
      this.fail('xml.duplicate-attribute', p, { params: { name: element, attribute: name }, received: name });
    }
    seen.push(name);
    let k = this.skipSpace(p + name.length);
    if (k >= this.n) this.endedInside('a start tag');
    if (text.charCodeAt(k) !== EQUALS) this.malformed(k, `attribute "${name}" of <${element}> has no value`);
    k = this.skipSpace(k + 1);
    const quote = text[k];
    if (k >= this.n) this.endedInside('a start tag');
    if (quote !== '"' && quote !== "'") this.malformed(k, `the value of attribute "${name}" must be quoted`);
    // Bounded search: a value longer than the limit is refused without reading the rest of the file.
    const window = Math.min(this.n, k + 1 + limits.maxAttributeValueLength + 1);
    const close = text.indexOf(quote, k + 1);
    if (this.nextLt !== -1 && this.nextLt <= k) this.nextLt = text.indexOf('<', k + 1);
    const lt = this.nextLt;
    if (lt >= 0 && (lt < close || close < 0) && lt < window) this.malformed(lt, `"<" is not allowed in the value of attribute "${name}"`);
    if (close < 0 && window === this.n) this.endedInside('an attribute value');
    if (close < 0 || close >= window) {
      this.fail('xml.limit-attribute-value', k, { params: { name, limit: limits.maxAttributeValueLength }, received: `>${limits.maxAttributeValueLength}` });
    }
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
    if (open !== undefined && this.text.startsWith(open.name, from)) {
      const after = this.text.charCodeAt(from + open.name.length);
      if (after === GT || isSpace(after)) return open.name;
    }
    return this.readName(from);
  }
}
