import { catalogueEntrySchema, type CatalogueEntry } from '../../model/catalogueEntry.js';
import type { Issue, Locale, IssueLocation } from '../../report/issue.js';
import { issuesFromZod } from '../../report/fromZod.js';

/** The string fields of a {@link CatalogueEntry}. */
type TextField = Exclude<keyof CatalogueEntry, 'sequenceNumber' | 'pageCount'>;

/** How one field is written in 目录文件.XML and in the CSV, with its source. */
export interface CatalogueField {
  readonly field: keyof CatalogueEntry;
  /** Element name in 目录文件.XML. */
  readonly element: string;
  /** Column heading in the 归档文件目录 CSV, when the field is a column. */
  readonly column?: string;
  /** Value kind. */
  readonly kind: 'integer' | 'text';
  /** Required (element must be present) in the given editions. */
  readonly required: { readonly 2022: boolean; readonly 2012: boolean };
  /** Written only in these editions of 目录文件.XML. */
  readonly editions: readonly CatalogueEdition[];
  readonly source: string;
}

/** Editions of 目录文件.XML: the DA/T 93-2022 element set, or the 2012 办法 one. */
export type CatalogueEdition = 2022 | 2012;

/** Entry level: 件 (文件目录/文件) or 卷 (案卷目录/案卷). */
export type CatalogueLevel = 'item' | 'volume';

const BOTH: readonly CatalogueEdition[] = [2022, 2012];

/**
 * The fields in element order. 2022: DA/T 93-2022 附录B as implemented in
 * practice (standards-electronic §4.3, single source); 2012: 电子档案移交与接收
 * 办法 附件2. 文号 and 页数 are optional in both (§4.3 advice).
 */
export const catalogueFields = [
  { field: 'sequenceNumber', element: '顺序号', column: '序号', kind: 'integer', required: { 2022: true, 2012: true }, editions: BOTH, source: 'DA/T 93-2022 附录B; DA/T 22-2015 §5.5' },
  { field: 'archivalCode', element: '档号', column: '档号', kind: 'text', required: { 2022: true, 2012: true }, editions: BOTH, source: 'DA/T 93-2022 附录B; DA/T 22-2015 §5.5' },
  { field: 'documentNumber', element: '文号', column: '文号', kind: 'text', required: { 2022: false, 2012: false }, editions: BOTH, source: 'DA/T 22-2015 §5.5' },
  { field: 'author', element: '责任者', column: '责任者', kind: 'text', required: { 2022: true, 2012: true }, editions: BOTH, source: 'DA/T 93-2022 附录B; DA/T 22-2015 §5.5' },
  { field: 'title', element: '题名', column: '题名', kind: 'text', required: { 2022: true, 2012: true }, editions: BOTH, source: 'DA/T 93-2022 附录B; DA/T 22-2015 §5.5' },
  { field: 'date', element: '日期', column: '日期', kind: 'text', required: { 2022: true, 2012: true }, editions: BOTH, source: 'DA/T 93-2022 附录B; DA/T 22-2015 §5.5' },
  { field: 'retentionPeriod', element: '保管期限', kind: 'text', required: { 2022: true, 2012: false }, editions: BOTH, source: 'DA/T 93-2022 附录B' },
  { field: 'securityClassification', element: '密级', column: '密级', kind: 'text', required: { 2022: true, 2012: true }, editions: BOTH, source: 'DA/T 93-2022 附录B; DA/T 22-2015 §5.5' },
  { field: 'pageCount', element: '页数', column: '页数', kind: 'integer', required: { 2022: false, 2012: false }, editions: BOTH, source: 'DA/T 93-2022 附录B; DA/T 22-2015 §5.5' },
  { field: 'electronicFileName', element: '电子档案名称', kind: 'text', required: { 2022: false, 2012: true }, editions: [2012], source: '电子档案移交与接收办法 (2012) 附件2' },
  { field: 'remarks', element: '备注', column: '备注', kind: 'text', required: { 2022: true, 2012: true }, editions: BOTH, source: 'DA/T 93-2022 附录B; DA/T 22-2015 §5.5' },
] as const satisfies readonly CatalogueField[];

/**
 * Reads a field's written text into a record (empty optional text and empty
 * integers become absent).
 *
 * @param record - The record being built.
 * @param field - Field description.
 * @param text - The text as written.
 * @returns An error reason when an integer field is not a positive integer, else `undefined`.
 */
export function assignCatalogueField(record: Record<string, unknown>, field: CatalogueField, text: string): string | undefined {
  const target = record;
  if (field.kind === 'integer') {
    if (text.trim() === '' && field.field === 'pageCount') return undefined; // left to the model: 页数 is required
    if (!/^\s*[1-9]\d*\s*$/.test(text)) return 'positive integer expected';
    target[field.field] = Number(text);
    return undefined;
  }
  const required = field.field === 'archivalCode' || field.field === 'author' || field.field === 'title' || field.field === 'date';
  if (text !== '' || required) target[field.field as TextField] = text;
  return undefined;
}

/**
 * Writes a field's value as text (absent values as the empty string).
 *
 * @param record - The record.
 * @param field - Field description.
 * @returns The text.
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
