import type { CatalogueEntry } from '../../model/catalogueEntry.js';
import { createIssue } from '../../report/createIssue.js';
import type { Issue, Locale } from '../../report/issue.js';
import type { XmlElement } from '../../xml/element.js';
import { readXml } from '../../xml/parse.js';
import { catalogueLevels, type CatalogueElementSet, type CatalogueLevel } from '../../package/catalogue/elementSets.js';
import { assignCatalogueField, catalogueFields, toCatalogueEntry } from './catalogueRecord.js';

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
  /** `2012` when any entry has 电子档案名称, else `2022`. */
  edition: CatalogueElementSet;
  /** Problems found while reading. */
  issues: Issue[];
}

/**
 * Reads 目录文件.XML / 案卷目录.XML (2022 or 2012 element set, UTF-8 or
 * GB18030) back into {@link CatalogueEntry}s — the inverse of
 * {@link writeCatalogueXml}. An entry lacking a required element, or whose
 * values break the model ({@link catalogueEntrySchema}: 日期, 密级, 保管期限,
 * 页数 …), is reported with its line and left out. Never throws.
 *
 * @param input - The file's bytes (encoding from BOM/declaration) or decoded text.
 * @param options - Path and locale for issues.
 * @returns Records, level, edition and issues.
 * @example
 * const { records, issues } = readCatalogueXml(bytes, { path: '目录文件.XML' });
 */
export function readCatalogueXml(input: Uint8Array | string, options: ReadCatalogueXmlOptions = {}): ReadCatalogueXmlResult {
  const { path, locale } = options;
  const issues: Issue[] = [];
  const empty = (level: CatalogueLevel): ReadCatalogueXmlResult => ({ records: [], level, edition: '2022', issues });
  const { root, issues: xmlIssues } = readXml(input, { path, locale });
  issues.push(...xmlIssues);
  if (!root) return empty('item');
  const tree = { root };
  const level = (Object.keys(catalogueLevels) as CatalogueLevel[]).find((l) => catalogueLevels[l].root === tree.root.name);
  if (!level) {
    issues.push(
      createIssue('export.xml.root-unexpected', {
        path,
        locale,
        location: { line: tree.root.line, column: tree.root.column },
        expected: '文件目录 | 案卷目录',
        received: tree.root.name,
        params: { expected: '文件目录 / 案卷目录', received: tree.root.name },
      }),
    );
    return empty('item');
  }
  const names = catalogueLevels[level];
  const entries = tree.root.children.filter((c) => c.name === names.entry);
  const records = entries.flatMap((entry, index) => {
    const record = readEntry(entry, `/${names.root}/${names.entry}[${index + 1}]`, issues, options);
    return record ? [record] : [];
  });
  const edition: CatalogueElementSet = entries.some((e) => e.children.some((c) => c.name === '电子档案名称')) ? '2012' : '2022';
  return { records, level, edition, issues };
}

function readEntry(entry: XmlElement, xpath: string, issues: Issue[], options: ReadCatalogueXmlOptions): CatalogueEntry | undefined {
  const { path, locale } = options;
  const record: Record<string, unknown> = {};
  let complete = true;
  for (const field of catalogueFields) {
    const element = entry.children.find((c) => c.name === field.element);
    if (!element) {
      const required = field.field === 'sequenceNumber' || field.field === 'archivalCode' || field.field === 'title' || field.field === 'date' || field.field === 'author';
      if (required) {
        complete = false;
        issues.push(
          createIssue('export.xml.element-missing', {
            path,
            locale,
            location: { line: entry.line, column: entry.column, xpath },
            params: { parent: entry.name, element: field.element },
          }),
        );
      }
      continue;
    }
    const problem = assignCatalogueField(record, field, element.text);
    if (problem) {
      complete = false;
      issues.push(
        createIssue('export.value.invalid', {
          path,
          locale,
          location: { line: element.line, column: element.column, xpath: `${xpath}/${field.element}` },
          received: element.text,
          params: { field: field.element, value: element.text, reason: problem },
        }),
      );
    }
  }
  if (!complete) return undefined;
  const checked = toCatalogueEntry(record, { path, locale, location: { line: entry.line, column: entry.column, xpath } });
  issues.push(...checked.issues);
  return checked.entry;
}
