import { readCatalogueXml } from '../formats/catalogue/readCatalogueXml.js';
import { readCatalogueCsv } from '../formats/catalogue/csv/readCatalogueCsv.js';
import type { CatalogueEntry } from '../model/catalogueEntry.js';
import type { Issue, Locale } from '../report/issue.js';

/** The catalogue a batch is checked against: its entries (件 or 卷) and any problems reading it. */
export interface DigitisationCatalogue {
  /** Entries with 档号 and 页数. */
  entries: readonly Pick<CatalogueEntry, 'archivalCode' | 'pageCount'>[];
  /** File name, for messages. */
  name?: string;
  /** Problems found reading the catalogue (reported under `digitisation.catalogue`). */
  issues?: readonly Issue[];
}

/**
 * Reads a catalogue for a batch check: 目录文件.XML / 案卷目录.XML (any bytes
 * that start like XML) with `readCatalogueXml`, anything else as a 归档文件目录
 * CSV with `readCatalogueCsv`. Never throws; entries that cannot be read are
 * reported and left out.
 *
 * @param bytes - The catalogue file.
 * @param name - Its file name (for issues).
 * @param locale - Message locale.
 * @returns The catalogue.
 * @example
 * const catalogue = readDigitisationCatalogue(bytes, '目录文件.XML');
 */
export function readDigitisationCatalogue(bytes: Uint8Array, name: string, locale: Locale = 'zh-CN'): DigitisationCatalogue {
  const options = { path: name, locale };
  const result = looksLikeXml(bytes, name) ? readCatalogueXml(bytes, options) : readCatalogueCsv(bytes, options);
  return { entries: result.records, name, issues: result.issues };
}

function looksLikeXml(bytes: Uint8Array, name: string): boolean {
  if (/\.xml$/i.test(name)) return true;
  if (/\.csv$/i.test(name)) return false;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x3c;
}
