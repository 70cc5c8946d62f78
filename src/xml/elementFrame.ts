import type { IssueLocation } from '../report/issue.js';
import type { LineIndex } from './lineIndex.js';

/**
 * An element met by a streaming reader (no tree), kept because its location
 * may be asked for later: its name, the offset of its `<`, its parent's frame
 * and its position among the parent's children of the same name. Where it
 * stood ({@link XmlElementFrame.locate}) is worked out only when asked, after
 * the scan, and is exactly what the tree's `XmlElement.location` gives: line
 * and column of the `<`, and the XPath with a `[n]` step only where the
 * parent has several children of that name.
 */
export class XmlElementFrame {
  /** How many children of its name the parent has; set when the parent ends. */
  sameNameCount = 1;
  private path: string | undefined = undefined;

  /**
   * @param name - Element name as written.
   * @param offset - Offset of the start tag's `<` in the scanned text.
   * @param parent - The parent's frame; `undefined` for the root.
   * @param position - 1-based position among the parent's children of the same name.
   */
  constructor(
    readonly name: string,
    readonly offset: number,
    readonly parent: XmlElementFrame | undefined,
    readonly position: number,
  ) {}

  /**
   * The XPath, as `XmlElement.xpath` gives it; valid once the parent has ended (after the scan).
   *
   * @example
   * frame.xpath //=> '/文件实体/文件数据/文档[2]/文档数据'
   */
  get xpath(): string {
    if (this.path === undefined) {
      const step = this.sameNameCount > 1 ? `${this.name}[${this.position}]` : this.name;
      this.path = `${this.parent === undefined ? '' : this.parent.xpath}/${step}`;
    }
    return this.path;
  }

  /**
   * Where the element stood, as `XmlElement.location` gives it.
   *
   * @param lines - The scanned text's line index.
   * @returns Line and column of its `<`, and its XPath.
   * @example
   * frame.locate(lines) //=> { line: 5, column: 5, xpath: '/文件实体/档号' }
   */
  locate(lines: LineIndex): IssueLocation {
    const { line, column } = lines.locate(this.offset);
    return { line, column, xpath: this.xpath };
  }
}

/**
 * The open elements of a streaming read, from the scan's start and end
 * events, making an {@link XmlElementFrame} only for an element whose
 * location is asked for ({@link XmlFrameStack.here}) and for its ancestors:
 * an element nobody locates costs a name in its parent's list, no object.
 */
export class XmlFrameStack {
  private readonly names: string[] = [];
  private readonly offsets: number[] = [];
  /** Names of the children started so far, by depth of the parent (arrays reused). */
  private readonly childNames: string[][] = [];
  /** The frame made for the open element at each depth, if any. */
  private readonly frames: (XmlElementFrame | undefined)[] = [];
  /** Frames of the children of the element at each depth, whose same-name count is settled when it ends. */
  private readonly pending: XmlElementFrame[][] = [];
  /** How many elements are open. */
  depth = 0;

  /**
   * An element starts.
   *
   * @param name - Its name.
   * @param offset - Offset of its `<`.
   */
  start(name: string, offset: number): void {
    const depth = this.depth++;
    if (depth > 0) (this.childNames[depth - 1] as string[]).push(name);
    this.names[depth] = name;
    this.offsets[depth] = offset;
    this.frames[depth] = undefined;
    const children = this.childNames[depth];
    if (children === undefined) {
      this.childNames[depth] = [];
      this.pending[depth] = [];
    } else children.length = 0;
  }

  /** The element opened last ends: its children's frames learn how many siblings share their name. */
  end(): void {
    const depth = --this.depth;
    const pending = this.pending[depth] as XmlElementFrame[];
    if (pending.length === 0) return;
    const children = this.childNames[depth] as string[];
    for (const frame of pending) frame.sameNameCount = count(children, frame.name);
    pending.length = 0;
  }

  /**
   * The frame of the element opened last (made now if it has none, with its ancestors').
   *
   * @returns The frame.
   */
  here(): XmlElementFrame {
    return this.frameAt(this.depth - 1);
  }

  private frameAt(depth: number): XmlElementFrame {
    let frame = this.frames[depth];
    if (frame === undefined) {
      const name = this.names[depth] as string;
      // The element is the last child its parent has started: its position is the count of its name so far.
      const parent = depth === 0 ? undefined : this.frameAt(depth - 1);
      frame = new XmlElementFrame(name, this.offsets[depth] as number, parent, depth === 0 ? 1 : count(this.childNames[depth - 1] as string[], name));
      this.frames[depth] = frame;
      if (depth > 0) (this.pending[depth - 1] as XmlElementFrame[]).push(frame);
    }
    return frame;
  }
}

function count(names: readonly string[], name: string): number {
  let n = 0;
  for (const other of names) if (other === name) n++;
  return n;
}
