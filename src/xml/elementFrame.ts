import type { IssueLocation } from '../report/issue.js';
import type { LineIndex } from './lineIndex.js';

/**
 * An element met by a streaming reader (no tree): its name, the offset of
 * its `<`, its parent and its position among the parent's children of the
 * same name. Where it stood ({@link XmlElementFrame.locate}) is worked out
 * only when asked, after the scan, and is exactly what the tree's
 * `XmlElement.location` gives: line and column of the `<`, and the XPath with
 * a `[n]` step only where the parent has several children of that name.
 */
export class XmlElementFrame {
  /** Children started so far, by name (created with the first child). */
  counts: Map<string, number> | undefined = undefined;
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
   * Opens the frame of a child: counts it among this element's children of its name.
   *
   * @param name - The child's name.
   * @param offset - Offset of its `<`.
   * @returns The child's frame.
   */
  child(name: string, offset: number): XmlElementFrame {
    this.counts ??= new Map();
    const position = (this.counts.get(name) ?? 0) + 1;
    this.counts.set(name, position);
    return new XmlElementFrame(name, offset, this, position);
  }

  /**
   * The XPath, as `XmlElement.xpath` gives it; valid once the parent has ended (after the scan).
   *
   * @example
   * frame.xpath //=> '/文件实体/文件数据/文档[2]/文档数据'
   */
  get xpath(): string {
    if (this.path === undefined) {
      const parent = this.parent;
      const step = parent !== undefined && (parent.counts?.get(this.name) ?? 1) > 1 ? `${this.name}[${this.position}]` : this.name;
      this.path = `${parent === undefined ? '' : parent.xpath}/${step}`;
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
