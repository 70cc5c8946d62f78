import type { IssueLocation } from '../../report/issue.js';
import type { XmlElement } from '../../xml/element.js';

/** One item of an entry: its trimmed text and where its element is. */
export interface CatalogueField {
  /** Text of the element, surrounding whitespace removed. */
  readonly value: string;
  /** Line, column and XPath of the element. */
  readonly location: IssueLocation;
}

/**
 * One entry (`<文件>` or `<案卷>`) of a catalogue, as the validators read it.
 * Built from the tree here; a streaming reader can produce the same records.
 */
export interface CatalogueXmlEntry {
  /** 1-based position among the entries. */
  readonly index: number;
  /** Location of the entry element. */
  readonly location: IssueLocation;
  /** The first occurrence of each child element, by element name. */
  readonly fields: Readonly<Record<string, CatalogueField>>;
  /** Later occurrences of an element name already in `fields`. */
  readonly repeated: readonly (CatalogueField & { name: string })[];
}

/**
 * Turns one entry element into a {@link CatalogueXmlEntry}.
 *
 * @param element - The `<文件>`/`<案卷>` element.
 * @param index - Its 1-based position among the entries.
 * @returns The entry record.
 * @example
 * entryFromElement(root.children[0], 1).fields['档号']?.value
 */
export function entryFromElement(element: XmlElement, index: number): CatalogueXmlEntry {
  const fields: Record<string, CatalogueField> = Object.create(null) as Record<string, CatalogueField>;
  const repeated: (CatalogueField & { name: string })[] = [];
  for (const child of element.children) {
    const field = { value: child.text.trim(), location: child.location };
    if (child.name in fields) repeated.push({ name: child.name, ...field });
    else fields[child.name] = field;
  }
  return { index, location: element.location, fields, repeated };
}
