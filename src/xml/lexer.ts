import type { IssueDetails } from '../report/createIssue.js';
import type { limitsIssues } from '../report/messages/limits.js';
import type { xmlIssues } from '../report/messages/xml.js';

/** The codes the XML reader emits: its own, and the reading limits'. */
export type XmlIssueCode = keyof typeof xmlIssues | keyof typeof limitsIssues;
import type { XmlLimits } from './limits.js';
import type { LineIndex } from './lineIndex.js';
import { isXmlName } from './names.js';

/** Reports an issue at a string offset; supplied by the caller, who knows the line index. */
export type EmitAt = (code: XmlIssueCode, offset: number, details?: IssueDetails) => void;

/** Thrown inside the scan to stop at the first fatal error; never escapes `scanWellFormed`. */
export class Fatal {}

/**
 * Thrown inside a scan of text that has not all arrived yet, when the token
 * being read reaches the end of what has arrived: the token is read again
 * once more text is there. Never escapes the scanner.
 */
export class NeedMore {}
const NEED_MORE = new NeedMore();

/**
 * A fatal error this close to the end of the text that has arrived may
 * depend on what follows (a message quotes up to 40 characters after its
 * offset): while more text may come, it is decided again with more text.
 */
const UNDECIDED_MARGIN = 64;

/** XML 1.0 §2.3 [3] S. */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

// ASCII NameChar (XML 1.0 §2.3 [4a]): letters, digits, - . _ :
const ASCII_NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (letter || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x3a) ASCII_NAME_CHAR[c] = 1;
}

/**
 * Whether a UTF-16 unit may continue a name as read by {@link Lexer.readName}:
 * an ASCII NameChar, or any non-ASCII unit other than the few that are
 * plainly punctuation in markup (the name is then checked as a whole by
 * `isXmlName`, so a non-name character inside it still fails).
 */
function continuesName(c: number): boolean {
  return c < 0x80 ? ASCII_NAME_CHAR[c] === 1 : c !== 0xfeff && !Number.isNaN(c);
}

/**
 * The shared cursor of the well-formedness scan and the DOCTYPE tokeniser:
 * text, limits, the time budget, fatal errors and the small lexical pieces
 * (names, white space, comments, processing instructions, quoted literals).
 * Every loop that can run long calls {@link Lexer.tick} or is bounded by a
 * limit, so `maxMilliseconds` holds for every input.
 */
export class Lexer {
  /** The text that has arrived and is not yet consumed (all of it, for a whole document). */
  text: string;
  /** Length of {@link Lexer.text}. Offsets inside the lexer are offsets of `text`. */
  n: number;
  /** Offset of `text` in the whole document: added to every offset passed on. */
  base = 0;
  /** True once no more text will come: the end of `text` is the end of the document. */
  final: boolean;
  private readonly deadline: number;
  private ticks = 0;
  /** Issues of the token being read: passed on once the token is complete (a token read again must not report twice). */
  private pending: [XmlIssueCode, number, IssueDetails | undefined][] = [];

  constructor(
    text: string,
    readonly limits: XmlLimits,
    private readonly sink: EmitAt,
    readonly lines: LineIndex,
    final = true,
  ) {
    this.text = text;
    this.n = text.length;
    this.final = final;
    this.deadline = Date.now() + limits.maxMilliseconds;
  }

  /** Records an issue at an offset of `text`; it is passed on (as a document offset) when the token is complete. */
  emit(code: XmlIssueCode, offset: number, details?: IssueDetails): void {
    this.pending.push([code, offset + this.base, details]);
  }

  /** The token read so far is complete: pass its issues on. */
  protected commitIssues(): void {
    if (this.pending.length === 0) return;
    const pending = this.pending;
    this.pending = [];
    for (const [code, offset, details] of pending) this.sink(code, offset, details);
  }

  /** The token is to be read again: forget its issues. */
  protected dropIssues(): void {
    if (this.pending.length > 0) this.pending = [];
  }

  /** Counts one unit of work; every 256 units, stops the scan when the time budget is spent. */
  tick(at: number): void {
    if ((++this.ticks & 0xff) === 0) this.checkTime(at);
  }

  /** Stops the scan with `xml.limit-time` when the time budget is spent (for loops that step 64 Ki units at a time). */
  checkTime(at: number): void {
    if (Date.now() > this.deadline) this.fail('xml.limit-time', at, { params: { limit: this.limits.maxMilliseconds } });
  }

  /**
   * Emits a fatal issue and stops the scan; while more text may come, an
   * error near the end of what has arrived waits for it instead.
   */
  fail(code: XmlIssueCode, offset: number, details?: IssueDetails): never {
    if (!this.final && code !== 'xml.limit-time' && offset > this.n - UNDECIDED_MARGIN) throw NEED_MORE;
    this.emit(code, offset, details);
    throw new Fatal();
  }

  /** A grammar error (`xml.malformed`) at an offset. */
  malformed(offset: number, detail: string): never {
    this.fail('xml.malformed', Math.min(offset, this.n), { params: { detail } });
  }

  /** The input ended inside some markup (or, while more text may come, the token waits for it). */
  endedInside(what: string): never {
    if (!this.final) throw NEED_MORE;
    this.malformed(this.n, `unexpected end of file inside ${what}`);
  }

  /** Stops reading the token until more text has arrived. */
  needMore(): never {
    throw NEED_MORE;
  }

  /**
   * Reads a name at `from` without checking it (see {@link Lexer.name});
   * stops the scan with `xml.limit-name` past `maxNameLength`.
   */
  readName(from: number): string {
    const { text, n } = this;
    const cap = Math.min(n, from + this.limits.maxNameLength + 1);
    let k = from;
    while (k < cap && continuesName(text.charCodeAt(k))) k++;
    if (k === n && !this.final) this.needMore(); // the name may go on in the text still to come
    if (k - from > this.limits.maxNameLength) {
      this.fail('xml.limit-name', from, { params: { limit: this.limits.maxNameLength }, received: `>${this.limits.maxNameLength}` });
    }
    return text.slice(from, k);
  }

  /** Reads an XML Name at `from` (§2.3 [5]) or fails, naming `what` it should be. */
  name(from: number, what: string): string {
    const name = this.readName(from);
    if (name.length === 0 || !isXmlName(name)) {
      if (from + name.length >= this.n) this.endedInside(what);
      this.malformed(from, name.length === 0 ? `${what}: a name was expected, found "${this.text.slice(from, from + 8)}"` : `${what}: "${name}" is not an XML name`);
    }
    return name;
  }

  /** Skips white space; returns the offset of the first other unit (or the end). */
  skipSpace(from: number): number {
    const { text, n } = this;
    let k = from;
    while (k < n && isSpace(text.charCodeAt(k))) {
      k++;
      if ((k & 0xffff) === 0) this.checkTime(k);
    }
    return k;
  }

  /** Skips white space that the grammar requires (§2.3 [3] S); fails when there is none. */
  requireSpace(from: number, what: string): number {
    const k = this.skipSpace(from);
    if (k >= this.n) this.endedInside(what);
    if (k === from) this.malformed(from, `white space is required ${what}`);
    return k;
  }

  /** Whether `keyword` is at `at`. */
  at(keyword: string, at: number): boolean {
    return this.text.startsWith(keyword, at);
  }

  /** Fails unless `keyword` is at `at`; returns the offset after it. */
  expect(keyword: string, at: number, what: string): number {
    if (this.at(keyword, at)) return at + keyword.length;
    if (at >= this.n) this.endedInside(what);
    this.malformed(at, `${what}: "${keyword}" was expected, found "${this.text.slice(at, at + 8)}"`);
  }

  /**
   * A comment at `start` (`<!--`, XML 1.0 §2.5 [15]): `--` may not occur
   * inside, so the comment ends at the first `--`, which must be followed by `>`.
   *
   * @returns The offset after `-->`.
   */
  comment(start: number): number {
    const dashes = this.text.indexOf('--', start + 4);
    if (dashes < 0) this.endedInside('a comment');
    if (this.text.charCodeAt(dashes + 2) !== 0x3e) {
      if (dashes + 2 >= this.n) this.endedInside('a comment');
      this.malformed(dashes, '"--" is not allowed inside a comment');
    }
    return dashes + 3;
  }

  /**
   * A processing instruction at `start` (`<?`, XML 1.0 §2.6 [16]): a target
   * that is a name other than `xml` in any case, then white space or `?>`.
   *
   * @returns The offset after `?>`.
   */
  processingInstruction(start: number): number {
    const target = this.name(start + 2, 'the target of a processing instruction');
    if (target.length === 3 && target.toLowerCase() === 'xml') {
      this.malformed(start, start + this.base === 0 ? `the XML declaration must be written "<?xml" in lower case` : 'the XML declaration is allowed only at the very start of the file');
    }
    const p = start + 2 + target.length;
    if (this.at('?>', p)) return p + 2;
    if (p >= this.n) this.endedInside('a processing instruction');
    if (!isSpace(this.text.charCodeAt(p))) this.malformed(p, `white space is required after the processing instruction target "${target}"`);
    const end = this.text.indexOf('?>', p);
    if (end < 0) this.endedInside('a processing instruction');
    return end + 2;
  }

  /**
   * A quoted literal at `at` (`"…"` or `'…'`), e.g. a SystemLiteral (§2.3 [11]).
   * One that is never closed is reported at the end of the file (as libxml2
   * does), or at its opening quote when `unclosedAt` says so.
   *
   * @returns The offsets of its content and the offset after the closing quote.
   */
  quoted(at: number, what: string, unclosedAt: 'quote' | 'end' = 'end'): { from: number; to: number; end: number } {
    const quote = this.text.charCodeAt(at);
    if (quote !== 0x22 && quote !== 0x27) {
      if (at >= this.n) this.endedInside(what);
      this.malformed(at, `${what} must be quoted`);
    }
    const close = this.text.indexOf(quote === 0x22 ? '"' : "'", at + 1);
    if (close < 0 && !this.final) this.needMore();
    if (close < 0) this.malformed(unclosedAt === 'quote' ? at : this.n, `${what} is not closed: the file ends before its closing quote`);
    return { from: at + 1, to: close, end: close + 1 };
  }
}
