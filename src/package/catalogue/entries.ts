import type { IssueLocation } from '../../report/issue.js';

/** One item of an entry: its trimmed and its written text, and where its element is. */
export interface CatalogueField {
  /** Text of the element (references resolved, CDATA included), surrounding whitespace removed. */
  readonly value: string;
  /** Text of the element as written (references resolved, CDATA included), untrimmed: what a round-trip reader keeps. */
  readonly text: string;
  /** Line, column and XPath of the element. */
  readonly location: IssueLocation;
}

/**
 * One entry (`<文件>` or `<案卷>`) of a catalogue, as the validators read it.
 * Produced one at a time by the streaming reader, so no tree is held.
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
