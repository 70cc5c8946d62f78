import type { IssueLocation } from '../report/issue.js';

/**
 * One element of a parsed XML document, with its 1-based position in the
 * source (line and column of its `<`) and its XPath. Child elements keep
 * document order; `text` is the element's own character data (CDATA included,
 * references resolved) and is `''` for an element whose only text is the
 * indentation between its children. Built by {@link readXml}; not meant to be
 * constructed by callers.
 *
 * @example
 * const { root } = readXml(bytes);
 * root?.child('文件')?.child('题名')?.text
 */
export class XmlElement {
  /** Element children, in document order. */
  readonly children: XmlElement[] = [];

  #xpath: string | undefined;

  /**
   * @param name - Element name, exactly as written (namespace prefix included).
   * @param attributes - Attribute values by name, references resolved.
   * @param text - The element's own character data.
   * @param line - 1-based line of the start tag's `<`.
   * @param column - 1-based column (UTF-16 code units) of the start tag's `<`.
   * @param parent - Parent element; `undefined` for the root.
   * @param position - 1-based position among the parent's children of the same name.
   * @param sameNameCount - How many children of that name the parent has.
   */
  constructor(
    readonly name: string,
    readonly attributes: Readonly<Record<string, string>>,
    public text: string,
    readonly line: number,
    readonly column: number,
    readonly parent: XmlElement | undefined,
    readonly position = 1,
    readonly sameNameCount = 1,
  ) {}

  /**
   * XPath of this element, with a `[n]` step only where the parent has several
   * children of the same name, e.g. `/文件目录/文件[3]/日期`.
   *
   * @example
   * root.children[2].child('日期')?.xpath //=> '/文件目录/文件[3]/日期'
   */
  get xpath(): string {
    // Built from the parent's (cached) XPath: one step per element, however deep.
    this.#xpath ??= `${this.parent ? this.parent.xpath : ''}/${this.sameNameCount > 1 ? `${this.name}[${this.position}]` : this.name}`;
    return this.#xpath;
  }

  /**
   * Location for an issue about this element.
   *
   * @example
   * element.location //=> { line: 5, column: 5, xpath: '/文件目录/文件[1]/日期' }
   */
  get location(): IssueLocation {
    return { line: this.line, column: this.column, xpath: this.xpath };
  }

  /**
   * The first child element of a name.
   *
   * @param name - Element name.
   * @returns The child, or `undefined`.
   * @example
   * entry.child('档号')?.text
   */
  child(name: string): XmlElement | undefined {
    return this.children.find((c) => c.name === name);
  }

  /**
   * All child elements of a name.
   *
   * @param name - Element name.
   * @returns The children, in document order.
   * @example
   * root.childrenNamed('文件').length
   */
  childrenNamed(name: string): XmlElement[] {
    return this.children.filter((c) => c.name === name);
  }

  /**
   * A plain, acyclic view (no `parent`) for JSON and snapshots.
   *
   * @returns Name, attributes, text, line, column and children.
   * @example
   * JSON.stringify(root)
   */
  toJSON(): { name: string; attributes: Record<string, string>; text: string; line: number; column: number; children: unknown[] } {
    return {
      name: this.name,
      attributes: { ...this.attributes },
      text: this.text,
      line: this.line,
      column: this.column,
      children: this.children.map((c) => c.toJSON()),
    };
  }
}

/**
 * Visits an element and all its descendants in document order, without recursion.
 *
 * @param root - Where to start.
 * @returns An iterator over the elements.
 * @example
 * for (const e of walkElements(root)) if (e.name === '日期') console.log(e.text);
 */
export function* walkElements(root: XmlElement): Generator<XmlElement> {
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    yield e;
    for (let k = e.children.length - 1; k >= 0; k--) stack.push(e.children[k]!);
  }
}
