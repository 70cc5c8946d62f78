import type { CatalogueEntry } from '../../../model/catalogueEntry.js';

import type { Issue, Locale } from '../../../report/issue.js';
import { assignCatalogueField, catalogueFields, toCatalogueEntry } from '../catalogueRecord.js';
import { catalogueColumnNames } from './columns.js';
import { parseCsvTable } from './csvTable.js';
import { decodeCsvBytes, type CsvEncoding } from './decodeCsvBytes.js';
import { createIssueFrom } from '../../../report/createIssue.js';
import { exportIssues } from '../../../report/messages/export.js';

/** Options of {@link readCatalogueCsv}. */
export interface ReadCatalogueCsvOptions {
  /** File name for issues. */
  path?: string;
  /** Message locale. */
  locale?: Locale;
}

/** Result of {@link readCatalogueCsv}. */
export interface ReadCatalogueCsvResult {
  records: CatalogueEntry[];
  /** Encoding the bytes were read in (`utf-8` for text input). */
  encoding: CsvEncoding;
  issues: Issue[];
}

// A row without these cannot be an entry; the others may be left empty (DA/T 22-2015 §5.5).
const REQUIRED_COLUMNS = ['序号', '档号', '题名', '日期'] as const;

/**
 * Reads a 归档文件目录 CSV — UTF-8 with or without BOM, or GB18030 as Excel on
 * Chinese Windows saves it — into {@link CatalogueEntry}s: the inverse of
 * {@link writeCatalogueCsv}. Columns are found by their heading in any order;
 * unknown columns are reported as warnings and ignored. A row whose values
 * break the model ({@link catalogueEntrySchema}) is reported with its line and
 * left out.
 * Never throws.
 *
 * @param input - The file's bytes, or text.
 * @param options - File name and locale for issues.
 * @returns Records, the encoding and issues.
 * @example
 * const { records, issues } = readCatalogueCsv(await file.bytes(), { path: '归档文件目录.csv' });
 */
export function readCatalogueCsv(input: Uint8Array | string, options: ReadCatalogueCsvOptions = {}): ReadCatalogueCsvResult {
  const { path, locale } = options;
  const decoded = typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' as const } : decodeCsvBytes(input);
  const { records: rows, errors } = parseCsvTable(decoded.text);
  const issues: Issue[] = errors.map((e) =>
    createIssueFrom(exportIssues, 'export.csv.syntax', { path, locale, location: { line: e.line, column: 1 }, params: { reason: e.reason } }),
  );
  const [header, ...body] = rows;
  if (!header) return { records: [], encoding: decoded.encoding, issues };
  const headings = header.cells.map((c) => c.trim());
  for (const heading of headings) {
    if (heading !== '' && !(catalogueColumnNames as readonly string[]).includes(heading)) {
      issues.push(createIssueFrom(exportIssues, 'export.csv.column-unknown', { path, locale, location: { line: header.line, column: 1 }, params: { column: heading } }));
    }
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !headings.includes(c));
  for (const column of missing) {
    issues.push(createIssueFrom(exportIssues, 'export.csv.column-missing', { path, locale, location: { line: header.line, column: 1 }, params: { column } }));
  }
  if (missing.length > 0) return { records: [], encoding: decoded.encoding, issues };
  const columns = catalogueFields.flatMap((field) => {
    const index = field.column === undefined ? -1 : headings.indexOf(field.column);
    return index >= 0 ? [{ field, index }] : [];
  });
  const records = body.flatMap((row) => {
    const record: Record<string, unknown> = {};
    let ok = true;
    for (const { field, index } of columns) {
      const text = row.cells[index] ?? '';
      const problem = assignCatalogueField(record, field, text);
      if (problem) {
        ok = false;
        issues.push(
          createIssueFrom(exportIssues, 'export.value.invalid', {
            path,
            locale,
            location: { line: row.line, column: index + 1 },
            received: text,
            params: { field: field.column ?? field.element, value: text, reason: problem },
          }),
        );
      }
    }
    if (!ok) return [];
    const checked = toCatalogueEntry(record, { path, locale, location: { line: row.line, column: 1 } });
    issues.push(...checked.issues);
    return checked.entry ? [checked.entry] : [];
  });
  return { records, encoding: decoded.encoding, issues };
}
