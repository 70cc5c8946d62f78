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
    this.path ??= xpathStep(this.parent === undefined ? '' : this.parent.xpath, this.name, this.sameNameCount > 1 ? this.position : 0);
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

// XPaths repeat from document to document (every item's /文件实体/档号): each is made once and shared, so
// that a reader of many documents neither rebuilds nor rehashes them. Bounded, for hostile documents.
const XPATHS = new Map<string, Map<string, string>>();
const MAX_CACHED_PARENTS = 4096;

function xpathStep(parent: string, name: string, position: number): string {
  const step = position > 0 ? `${name}[${position}]` : name;
  let steps = XPATHS.get(parent);
  if (steps === undefined) {
    if (XPATHS.size >= MAX_CACHED_PARENTS) return `${parent}/${step}`;
    XPATHS.set(parent, (steps = new Map()));
  }
  let path = steps.get(step);
  if (path === undefined) {
    if (steps.size >= MAX_CACHED_PARENTS) return `${parent}/${step}`;
    steps.set(step, (path = `${parent}/${step}`));
  }
  return path;
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
  /** Names of the children started so far, by depth of the parent (arrays reused: their used length is in `childCounts`). */
  private readonly childNames: string[][] = [];
  private readonly childCounts: number[] = [];
  /** The frame made for the open element at each depth, if any. */
  private readonly frames: (XmlElementFrame | undefined)[] = [];
  /** Frames of the children of the element at each depth, whose same-name count is settled when it ends (used length in `pendingCounts`). */
  private readonly pending: XmlElementFrame[][] = [];
  private readonly pendingCounts: number[] = [];
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
    if (depth > 0) (this.childNames[depth - 1] as string[])[(this.childCounts[depth - 1] as number)++] = name;
    this.names[depth] = name;
    this.offsets[depth] = offset;
    this.frames[depth] = undefined;
    if (this.childNames[depth] === undefined) {
      this.childNames[depth] = [];
      this.pending[depth] = [];
    }
    this.childCounts[depth] = 0;
    this.pendingCounts[depth] = 0;
  }

  /** The element opened last ends: its children's frames learn how many siblings share their name. */
  end(): void {
    const depth = --this.depth;
    const pendingCount = this.pendingCounts[depth] as number;
    if (pendingCount === 0) return;
    const pending = this.pending[depth] as XmlElementFrame[];
    const children = this.childNames[depth] as string[];
    const childCount = this.childCounts[depth] as number;
    for (let i = 0; i < pendingCount; i++) {
      const frame = pending[i] as XmlElementFrame;
      frame.sameNameCount = count(children, childCount, frame.name);
      pending[i] = undefined as unknown as XmlElementFrame; // not kept alive by the stack
    }
    this.pendingCounts[depth] = 0;
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
      const position = depth === 0 ? 1 : count(this.childNames[depth - 1] as string[], this.childCounts[depth - 1] as number, name);
      frame = new XmlElementFrame(name, this.offsets[depth] as number, parent, position);
      this.frames[depth] = frame;
      if (depth > 0) (this.pending[depth - 1] as XmlElementFrame[])[(this.pendingCounts[depth - 1] as number)++] = frame;
    }
    return frame;
  }
}

function count(names: readonly string[], length: number, name: string): number {
  let n = 0;
  for (let i = 0; i < length; i++) if (names[i] === name) n++;
  return n;
}
