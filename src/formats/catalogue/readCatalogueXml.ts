import type { CatalogueEntry } from '../../model/catalogueEntry.js';
import { catalogueLevels, type CatalogueElementSet, type CatalogueLevel } from './elementSets.js';
import type { CatalogueXmlEntry } from './entries.js';
import { readCatalogue } from './readCatalogue.js';
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
 * {@link writeCatalogueXml}. A thin layer over the package's streaming
 * {@link readCatalogue}: each entry's fields, as written (untrimmed), become
 * the model's fields. An entry lacking a required element, or whose values
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
  const read = readCatalogue(input, { path: options.path, locale: options.locale });
  const level = read.level ?? 'item';
  const issues = [...read.issues];
  const entryName = catalogueLevels[level].entry;
  const records = read.entries.flatMap((entry) => {
    const record = readEntry(entry, entryName, issues, options);
    return record ? [record] : [];
  });
  const edition: CatalogueElementSet = read.entries.some((e) => e.fields['电子档案名称']) ? '2012' : '2022';
  return { records, level, edition, issues };
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
