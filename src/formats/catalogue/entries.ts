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

/**
 * A field as the streaming scan collects it: offsets instead of locations, so
 * that a line:column is only computed when an issue needs one.
 * Internal to the catalogue readers.
 */
export interface RawCatalogueField {
  /** Element name. */
  readonly name: string;
  /** Position among the entry's child elements (0-based), to name its XPath step. */
  readonly position: number;
  /** Offset of the element's `<` in the scanned text. */
  readonly offset: number;
  /** Text as written (references resolved, CDATA included). */
  text: string;
  /** `text` without surrounding whitespace (set when the element ends). */
  value: string;
}

/** An entry as the streaming scan collects it (see {@link RawCatalogueField}). Internal. */
export interface RawCatalogueEntry {
  /** 1-based position among the entries. */
  readonly index: number;
  /** Offset of the entry element's `<`. */
  readonly offset: number;
  /** Every child element, in document order. */
  readonly all: RawCatalogueField[];
  /** The first child element of each name. */
  readonly fields: Record<string, RawCatalogueField>;
  /** Later children whose name came before (empty in a regular entry). */
  readonly repeated: RawCatalogueField[];
  /** XPath of the entry (set when it is delivered: `[n]` only when there are several). */
  xpath: string;
}
