import type { Issue } from '../../report/issue.js';
import type { DetectedXmlEncoding } from '../../xml/encoding.js';
import type { CatalogueElementSet, CatalogueLevel } from './elementSets.js';
import type { CatalogueXmlEntry } from './entries.js';
import { scanCatalogue, type ScanCatalogueOptions } from './scanCatalogue.js';

/** Options of {@link readCatalogue}. */
export type ReadCatalogueOptions = ScanCatalogueOptions;

/** Result of {@link readCatalogue}. */
export interface CatalogueReadResult {
  /** The entries, in document order (empty when the XML could not be read completely). */
  entries: CatalogueXmlEntry[];
  /** The element set detected or chosen; `undefined` when the XML could not be read. */
  elementSet: CatalogueElementSet | undefined;
  /** 件 or 卷 level; `undefined` when the XML could not be read. */
  level: CatalogueLevel | undefined;
  /** The encoding, for byte input. */
  encoding?: DetectedXmlEncoding;
  /** Encoding, XML and structure issues (entry values are checked by `validateCatalogue`). */
  issues: Issue[];
}

/**
 * Reads a 目录文件.XML (or 文件目录.XML / 案卷目录.XML): decodes it, checks it
 * with the hardened XML layer and returns its entries, each field with the
 * location of its element. Values are not judged here. Never throws.
 *
 * @param input - The file's bytes, or its decoded text.
 * @param options - Element set, level, limits, locale, path.
 * @returns Entries, element set, level, encoding and issues.
 * @example
 * const { entries } = readCatalogue(bytes);
 * entries[0]?.fields['档号']?.value //=> 'Z109-WS·2011-Y-BGS-0001'
 */
export function readCatalogue(input: Uint8Array | string, options: ReadCatalogueOptions = {}): CatalogueReadResult {
  const entries: CatalogueXmlEntry[] = [];
  const scan = scanCatalogue(input, options, (entry) => entries.push(entry));
  const encoding = scan.encoding ? { encoding: scan.encoding } : {};
  if (!scan.complete) return { entries: [], elementSet: undefined, level: undefined, ...encoding, issues: scan.issues };
  return { entries, elementSet: scan.elementSet, level: scan.level, ...encoding, issues: scan.issues };
}
