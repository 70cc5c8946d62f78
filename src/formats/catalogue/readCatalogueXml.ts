import type { CatalogueEntry } from '../../model/catalogueEntry.js';
import type { CatalogueElementSet, CatalogueLevel } from './elementSets.js';
import type { CatalogueXmlEntry } from './entries.js';
import { scanCatalogue } from './scanCatalogue.js';
import type { Issue, Locale } from '../../report/issue.js';
import { assignCatalogueField, catalogueFields, toCatalogueEntry } from './catalogueRecord.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { exportIssues } from '../../report/messages/export.js';

/** Options of {@link readCatalogueXml}. */
export interface ReadCatalogueXmlOptions {
  /** Package-relative path for issues. */
  path?: string;
  /** Message locale. */
  locale?: Locale;
}

/** Result of {@link readCatalogueXml}. */
export interface ReadCatalogueXmlResult {
  /** Entries that could be read, in document order. */
  records: CatalogueEntry[];
  /** `item` for 文件目录, `volume` for 案卷目录. */
  level: CatalogueLevel;
  /** `2012` when any entry has 电子档案名称 (the element only that set has), else `2022`. */
  edition: CatalogueElementSet;
  /** Problems found while reading. */
  issues: Issue[];
}

/**
 * Reads 目录文件.XML / 案卷目录.XML (2022 or 2012 element set, UTF-8 or
 * GB18030) back into {@link CatalogueEntry}s — the inverse of
 * {@link writeCatalogueXml}. A thin layer over the one streaming catalogue
 * reader ({@link scanCatalogue}): each entry's fields, as written (untrimmed),
 * become the model's fields as the entry is read, so no list of entries is held. An entry lacking a required element, or whose values
 * break the model ({@link catalogueEntrySchema}: 日期, 密级, 保管期限, 页数 …),
 * is reported with its line and left out. An unexpected root is reported
 * (`catalogue.root-unexpected`) and its entries still read. Never throws.
 *
 * @param input - The file's bytes (encoding from BOM/declaration) or decoded text.
 * @param options - Path and locale for issues.
 * @returns Records, level, edition and issues.
 * @example
 * const { records, issues } = readCatalogueXml(bytes, { path: '目录文件.XML' });
 */
export function readCatalogueXml(input: Uint8Array | string, options: ReadCatalogueXmlOptions = {}): ReadCatalogueXmlResult {
  // One streaming read (scanCatalogue): each entry becomes a record as it is read, so no list of entries is held.
  const records: CatalogueEntry[] = [];
  const recordIssues: Issue[] = [];
  let edition: CatalogueElementSet = '2022';
  const scan = scanCatalogue(input, { path: options.path, locale: options.locale }, (entry) => {
    if (entry.fields['电子档案名称']) edition = '2012';
    const record = readEntry(entry, entryStep(entry), recordIssues, options);
    if (record) records.push(record);
  });
  const level = scan.level ?? 'item';
  if (!scan.complete) return { records: [], level, edition: '2022', issues: scan.issues };
  return { records, level, edition, issues: [...scan.issues, ...recordIssues] };
}

/** The entry element's name (`文件` or `案卷`), from the last step of its XPath. */
function entryStep(entry: CatalogueXmlEntry): string {
  const xpath = entry.location.xpath ?? '';
  return xpath.slice(xpath.lastIndexOf('/') + 1).replace(/\[\d+\]$/, '');
}

function readEntry(entry: CatalogueXmlEntry, entryName: string, issues: Issue[], options: ReadCatalogueXmlOptions): CatalogueEntry | undefined {
  const { path, locale } = options;
  const record: Record<string, unknown> = {};
  let complete = true;
  for (const field of catalogueFields) {
    const element = entry.fields[field.element];
    if (!element) {
      if (field.mandatory) {
        complete = false;
        const params = { parent: entryName, element: field.element };
        issues.push(createIssueFrom(exportIssues, 'export.xml.element-missing', { path, locale, location: entry.location, params }));
      }
      continue;
    }
    const problem = assignCatalogueField(record, field, element.text);
    if (problem) {
      complete = false;
      const params = { field: field.element, value: element.text, reason: problem };
      issues.push(createIssueFrom(exportIssues, 'export.value.invalid', { path, locale, location: element.location, received: element.text, params }));
    }
  }
  if (!complete) return undefined;
  const checked = toCatalogueEntry(record, { path, locale, location: entry.location });
  issues.push(...checked.issues);
  return checked.entry;
}
