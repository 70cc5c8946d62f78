import { catalogueEntrySchema, type CatalogueEntry } from '../../model/catalogueEntry.js';
import type { Citation } from '../../model/citation.js';
import { catalogueFieldRules, type CatalogueElementSet } from './elementSets.js';
import type { Issue, Locale, IssueLocation } from '../../report/issue.js';
import { catalogueColumnNames } from './csv/columns.js';
import { issuesFromZod } from '../../report/fromZod.js';

/** How one field is written in 目录文件.XML and in the CSV. */
export interface CatalogueField {
  readonly field: keyof CatalogueEntry;
  /** Element name in 目录文件.XML. */
  readonly element: string;
  /** Column heading in the 归档文件目录 CSV, when the field is a column. */
  readonly column?: string;
  /** Value kind. */
  readonly kind: 'integer' | 'text';
  /** Required and non-empty in every element set (顺序号, 档号, 责任者, 题名, 日期). */
  readonly mandatory: boolean;
  /** Whether the element is written even when the value is absent, per element set. */
  readonly required: Readonly<Record<CatalogueElementSet, boolean>>;
  /** Element sets of 目录文件.XML that carry the field. */
  readonly editions: readonly CatalogueElementSet[];
  /** Where the field comes from. */
  readonly source: Citation;
}

/**
 * The fields of a catalogue entry in element order, derived from the
 * catalogue check's rules ({@link catalogueFieldRules}: DA/T 93-2022 附录B,
 * 2012 办法 附件2, DA/T 22-2015 §5.5) so writer and checker cannot disagree.
 * 电子档案名称 is written only in the 2012 set, whose element it is.
 *
 * @example
 * catalogueFields.find((f) => f.element === '顺序号')?.column //=> '序号'
 */
export const catalogueFields: readonly CatalogueField[] = catalogueFieldRules.map((rule) => {
  const column = (catalogueColumnNames as readonly string[]).includes(rule.name) ? rule.name : rule.name === '顺序号' ? '序号' : undefined;
  return {
    field: rule.field,
    element: rule.name,
    ...(column === undefined ? {} : { column }),
    kind: rule.domain === 'positive-integer' ? 'integer' : 'text',
    mandatory: rule.requirement[2012] === 'required' && rule.requirement[2022] === 'required',
    required: { 2012: rule.requirement[2012] !== 'optional', 2022: rule.requirement[2022] !== 'optional' },
    editions: rule.name === '电子档案名称' ? ['2012'] : ['2012', '2022'],
    source: rule.source,
  };
});

/**
 * Reads a field's written text into a record (empty optional text and empty
 * integers become absent).
 *
 * @param record - The record being built.
 * @param field - Field description.
 * @param text - The text as written.
 * @returns An error reason when an integer field is not a positive integer, else `undefined`.
 * @example
 * assignCatalogueField(record, catalogueFields[0], '3') //=> undefined, record.sequenceNumber === 3
 */
export function assignCatalogueField(record: Record<string, unknown>, field: CatalogueField, text: string): string | undefined {
  if (field.kind === 'integer') {
    if (text.trim() === '' && field.field === 'pageCount') return undefined; // left to the model: 页数 is required
    if (!/^\s*[1-9]\d*\s*$/.test(text)) return 'positive integer expected';
    record[field.field] = Number(text);
    return undefined;
  }
  // An empty mandatory text is kept, so that the model reports it.
  if (text !== '' || field.mandatory) record[field.field] = text;
  return undefined;
}

/**
 * Writes a field's value as text (absent values as the empty string).
 *
 * @param record - The record.
 * @param field - Field description.
 * @returns The text.
 * @example
 * catalogueFieldText({ ...entry, pageCount: 3 }, pageCountField) //=> '3'
 */
export function catalogueFieldText(record: CatalogueEntry, field: CatalogueField): string {
  const value = record[field.field];
  return value === undefined ? '' : String(value);
}

/**
 * Checks a record read from a file against the model (DA/T 22-2015 §5.5
 * value domains) and maps zod's findings to `model.invalid` issues at the
 * given location.
 *
 * @param candidate - Field values as read.
 * @param where - Path, location and locale for the issues.
 * @returns The entry when valid, and the issues.
 * @example
 * toCatalogueEntry({ sequenceNumber: 1, archivalCode: 'A-1', author: '某局', title: 'x', date: '20110301', pageCount: 1 }, {})
 */
export function toCatalogueEntry(
  candidate: Record<string, unknown>,
  where: { path?: string; location?: IssueLocation; locale?: Locale },
): { entry?: CatalogueEntry; issues: Issue[] } {
  const parsed = catalogueEntrySchema.safeParse(candidate);
  if (parsed.success) return { entry: parsed.data, issues: [] };
  const issues = issuesFromZod(parsed.error, { path: where.path, locale: where.locale });
  return { issues: where.location ? issues.map((i) => ({ ...i, location: where.location })) : issues };
}
