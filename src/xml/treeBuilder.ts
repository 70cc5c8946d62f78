import { XmlElement } from './element.js';
import type { LineIndex } from './lineIndex.js';
import { attributeValue, decodeReferences } from './references.js';
import type { XmlEventHandler } from './wellFormed.js';

/** An {@link XmlEventHandler} that assembles the element tree, and the root once the scan is over. */
export interface XmlTreeBuilder extends XmlEventHandler {
  /** The root element; `undefined` until a root start tag was seen. */
  root(): XmlElement | undefined;
}

/** An element still open, with its text pieces and per-name child counts. */
interface OpenElement {
  element: XmlElement;
  text: string;
  /** How many children of each name have started so far (position of the next one is this + 1). */
  seen: Map<string, number> | undefined;
}

/**
 * Builds the tree of {@link XmlElement}s from the events of the
 * well-formedness scan, in the same single pass (no second parser, no
 * intermediate object tree). Character data is concatenated per element with
 * references resolved (XML 1.0 §4.6), CDATA literally (§2.7); attribute values
 * are normalised (§3.3.3); an element whose only text is the whitespace
 * between its children gets `text === ''`. Positions among same-name siblings
 * are fixed when the parent ends, so XPaths carry `[n]` only where needed.
 *
 * @param text - The scanned text (line ends normalised), as the scan sees it.
 * @param lines - Its line index, for each element's line:column.
 * @returns The handler to pass to the scan, and the root it built.
 * @example
 * const builder = createXmlTreeBuilder(text, createLineIndex(text));
 * scanWellFormed(text, defaultXmlLimits, emit, lines, builder);
 * builder.root()?.child('文件')
 */
export function createXmlTreeBuilder(text: string, lines: LineIndex): XmlTreeBuilder {
  const open: OpenElement[] = [];
  let root: XmlElement | undefined;
  return {
    root: () => root,
    startElement(name, offset, attributes) {
      const parent = open.at(-1);
      const values = attributes.length === 0 ? NO_ATTRIBUTES : attributeValues(attributes);
      const { line, column } = lines.locate(offset);
      let position = 1;
      if (parent) {
        parent.seen ??= new Map();
        position = (parent.seen.get(name) ?? 0) + 1;
        parent.seen.set(name, position);
      }
      const element = new XmlElement(name, values, '', line, column, parent?.element, position, 1);
      if (parent) parent.element.children.push(element);
      else root = element;
      open.push({ element, text: '', seen: undefined });
    },
    endElement() {
      const { element, text: own, seen } = open.pop()!;
      element.text = element.children.length > 0 && own.trim() === '' ? '' : own;
      if (seen) settleSameNameCounts(element, seen);
    },
    text(from, to) {
      open.at(-1)!.text += decodeReferences(text.slice(from, to));
    },
    cdata(from, to) {
      open.at(-1)!.text += text.slice(from, to);
    },
  };
}

// Most elements have no attributes: they share one frozen, prototype-free empty map.
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);

function attributeValues(attributes: readonly (readonly [string, string])[]): Record<string, string> {
  const values = Object.create(null) as Record<string, string>;
  for (const [key, raw] of attributes) values[key] = attributeValue(raw);
  return values;
}

/** Gives each child the number of its parent's children that share its name (for `[n]` in XPaths). */
function settleSameNameCounts(parent: XmlElement, seen: ReadonlyMap<string, number>): void {
  for (const child of parent.children) {
    const count = seen.get(child.name)!;
    if (count > 1) (child as { sameNameCount: number }).sameNameCount = count;
  }
}
