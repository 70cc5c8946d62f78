import { checkCatalogueXml } from '../catalogue/validateCatalogue.js';
import type { CatalogueXmlEntry } from '../catalogue/entries.js';
import type { CheckRun } from '../checks/checkRun.js';
import type { PackageSource } from '../source.js';

/**
 * Reads 目录文件.XML and runs the catalogue validator on it (DA/T 70-2018
 * GD-1-12: encoding, well-formedness, required items, dates, domains,
 * duplicate 顺序号 and 档号), adding its issues to the run.
 *
 * @param source - The package source.
 * @param path - Source path of 目录文件.XML.
 * @param run - The check run.
 * @param maxBytes - Largest file read.
 * @returns The entries, or `undefined` when the file could not be read or parsed.
 * @example
 * const entries = await checkCatalogue(source, '目录文件.XML', run, 2 ** 28);
 */
export async function checkCatalogue(source: PackageSource, path: string, run: CheckRun, maxBytes: number): Promise<CatalogueXmlEntry[] | undefined> {
  run.ran('xml.readable');
  run.ran('security.xml-entities');
  let bytes: Uint8Array;
  try {
    bytes = await source.read(path, { maxBytes });
  } catch (error) {
    run.report('content.unreadable', { path, params: { reason: (error as Error).message } });
    return undefined;
  }
  // One pass: the entries are checked and kept as they are read.
  const entries: CatalogueXmlEntry[] = [];
  const { report, complete } = checkCatalogueXml(bytes, { path, locale: run.locale, limits: run.xmlLimits }, (entry) => entries.push(entry));
  for (const issue of report.issues) run.adopt({ ...issue, path }, 'catalogue.conformance');
  if (!complete) return undefined;
  run.ran('catalogue.conformance');
  return entries;
}
