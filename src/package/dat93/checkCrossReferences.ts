import { parseArchivalDate } from '../../model/archivalDate.js';
import { parseRetentionPeriod } from '../../model/retentionPeriod.js';
import type { Locale } from '../../report/issue.js';
import { checkSequence } from '../../filing/sequence.js';
import type { CheckRun } from '../checks/checkRun.js';
import type { ParsedPackageDescription } from '../../formats/description/parsePackageDescription.js';
import type { PackageLayout } from '../layout/packageLayout.js';
import type { ValidatePackageOptions } from '../options.js';
import type { CatalogueEntryValues } from './checkCatalogue.js';
import type { ReadItem } from './readItems.js';

/** What the cross-checks compare: items, catalogue entries and the description. */
export interface CrossReferenceInput {
  layout: PackageLayout;
  items: readonly ReadItem[];
  /** Catalogue entries, when 目录文件.XML parsed. */
  catalogue?: readonly CatalogueEntryValues[];
  /** 说明文件, when it was read. */
  description?: ParsedPackageDescription;
}

const COUNT_WHAT: Readonly<Record<Locale, string>> = {
  'zh-CN': '说明文件的档案数量、目录文件条目数与件文件夹数',
  en: 'The 档案数量 of the package description, the catalogue entries and the item folders',
};
const FIELD_NAMES: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  电子文件号: { 'zh-CN': '电子文件号', en: 'Record id (电子文件号)' },
};

// Fields compared between 目录文件.XML and the item metadata (DA/T 93-2022 附录B), with how values are compared.
const COMPARED = [
  { name: '题名', get: (i: ReadItem) => i.reading?.metadata.description.title, key: '内容描述/题名', same: (a: string, b: string) => a === b },
  { name: '责任者', get: (i: ReadItem) => i.reading?.metadata.description.author, key: '内容描述/责任者', same: (a: string, b: string) => a === b },
  { name: '日期', get: (i: ReadItem) => i.reading?.metadata.description.date, key: '内容描述/日期', same: sameDate },
  { name: '保管期限', get: (i: ReadItem) => i.reading?.metadata.archivalCode.retentionPeriod, key: '档号/保管期限', same: sameRetention },
  { name: '密级', get: (i: ReadItem) => i.reading?.metadata.description.securityClassification, key: '内容描述/密级', same: (a: string, b: string) => a === b },
] as const;

/** Keys of the item locations the cross-checks report at (`ItemMetadataReading.locations`). */
export const CROSS_CHECKED_LOCATION_KEYS: readonly string[] = ['档号', '电子文件号', ...COMPARED.map((c) => c.key)];

/** The catalogue elements the cross-checks read: 档号 and the fields compared with the item metadata. */
export const CROSS_CHECKED_FIELDS = ['档号', ...COMPARED.map((c) => c.name)] as const;

/** One of {@link CROSS_CHECKED_FIELDS}. */
export type CrossCheckedField = '档号' | (typeof COMPARED)[number]['name'];

/**
 * Cross-checks the parts of a 移交信息包 against each other: 档号 conform to
 * their profile, are unique and run without gaps per class (GD-1-7, GD-1-8,
 * GD-2-6, via `checkSequence`); each 档号 equals its folder name and has a
 * catalogue entry whose fields agree (DA/T 93-2022 附录B); 电子文件号 and 顺序号
 * are unique (GD-1-8); and 档案数量 = catalogue entries = item folders (GD-2-1).
 *
 * @param input - Layout, items, catalogue entries and description.
 * @param run - The check run.
 * @param options - 档号 profile.
 * @example
 * checkCrossReferences({ layout, items, catalogue, description }, run, {})
 */
export function checkCrossReferences(input: CrossReferenceInput, run: CheckRun, options: Pick<ValidatePackageOptions, 'archivalCodeProfile' | 'archivalCodeProfiles'>): void {
  const { layout, items, catalogue, description } = input;
  for (const check of ['archival-code.format', 'archival-code.consistency', 'metadata.uniqueness', 'metadata.sequence'] as const) run.ran(check);
  const codeOf = (item: ReadItem) => item.reading?.metadata.archivalCode.text ?? item.folder.name;
  const codeAt = (item: ReadItem) => ({
    path: item.metadataPath,
    ...(item.reading?.locations.get('档号') ? { location: { ...item.reading.locations.get('档号')!, xpath: '/文件实体/档号' } } : {}),
  });

  for (const item of items) {
    const text = item.reading?.metadata.archivalCode.text;
    if (text !== undefined && text !== item.folder.name) {
      run.report('package.archival-code-folder-mismatch', { ...codeAt(item), expected: item.folder.name, received: text, params: { expected: item.folder.name, received: text } });
    }
  }

  // GD-1-7 conformity, GD-1-8 duplicates and GD-2-6 continuity of the 档号 (one per item).
  const sequence = checkSequence(items.map(codeOf), { locale: run.locale, profile: options.archivalCodeProfile ?? 'auto', ...(options.archivalCodeProfiles ? { profiles: options.archivalCodeProfiles } : {}) });
  for (const issue of sequence.issues) {
    const item = issue.location ? items[issue.location.line - 1] : undefined;
    const { location: _line, ...rest } = issue;
    run.adopt({ ...rest, ...(item ? codeAt(item) : {}) }, 'archival-code.format');
  }

  reportDuplicates(items.map((i) => ({ value: i.reading?.metadata.recordId, path: i.metadataPath, location: i.reading?.locations.get('电子文件号') })), '电子文件号', run);

  if (catalogue && layout.catalogue) {
    const cataloguePath = layout.catalogue;
    const codeOfEntry = (e: CatalogueEntryValues) => e.values['档号'] || undefined;
    const entries = new Map(catalogue.filter((e) => codeOfEntry(e)).map((e) => [codeOfEntry(e)!, e]));
    const folders = new Set(layout.itemFolders.map((f) => f.name));
    for (const item of items) {
      const entry = entries.get(item.folder.name);
      if (!entry) {
        run.report('package.archival-code-not-in-catalogue', { path: item.folder.path, params: { code: item.folder.name } });
        continue;
      }
      for (const compared of COMPARED) {
        const metadataValue = compared.get(item);
        const catalogueValue = entry.values[compared.name];
        if (!metadataValue || !catalogueValue || compared.same(catalogueValue, metadataValue)) continue;
        run.report('package.catalogue-field-mismatch', {
          path: item.metadataPath,
          ...(item.reading?.locations.get(compared.key) ? { location: { ...item.reading.locations.get(compared.key)!, xpath: `/文件实体/${compared.key}` } } : {}),
          expected: catalogueValue,
          received: metadataValue,
          params: { code: item.folder.name, field: compared.name, expected: catalogueValue, received: metadataValue },
        });
      }
    }
    for (const entry of catalogue) {
      const code = codeOfEntry(entry);
      if (code && !folders.has(code)) {
        run.report('package.catalogue-entry-without-folder', { path: cataloguePath, location: entry.location, params: { code } });
      }
    }
  }

  checkCounts(run, layout, catalogue, description);
  if (catalogue && description) checkCodeRange(run, layout, catalogue, description);
}

// 起止档号 written "<first>至<last>" (the form of the 2012 办法 and the dangan builder; other separators are *inferred*).
const RANGE_SEPARATOR = /\s*(?:至|～|~|—|–)\s*/;

/** 说明文件 起止档号 names the first and last 档号 of 目录文件.XML (a warning: the written form is not verified). */
function checkCodeRange(run: CheckRun, layout: PackageLayout, catalogue: readonly CatalogueEntryValues[], description: ParsedPackageDescription): void {
  const field = description.fields.find((f) => f.key === '起止档号');
  const first = catalogue[0]?.values['档号'];
  const last = catalogue[catalogue.length - 1]?.values['档号'];
  if (!field || field.value === '' || !first || !last) return;
  const parts = field.value.split(RANGE_SEPARATOR);
  const [from, to = from] = parts;
  if (parts.length > 2 || (from === first && to === last)) return;
  const expected = first === last ? first : `${first}至${last}`;
  run.report('package.description-range-mismatch', {
    ...(layout.description ? { path: layout.description } : {}),
    location: field.location,
    expected,
    received: field.value,
    params: { declared: field.value, expected },
  });
}

function checkCounts(run: CheckRun, layout: PackageLayout, catalogue?: readonly CatalogueEntryValues[], description?: ParsedPackageDescription): void {
  const declaredText = description?.values['档案数量'];
  const declared = declaredText !== undefined && /^\d+$/.test(declaredText) ? Number(declaredText) : undefined;
  const counts = { declared, catalogue: catalogue?.length, folders: layout.itemFolders.length };
  const known = Object.values(counts).filter((n): n is number => n !== undefined);
  if (known.length < 2) return;
  run.ran('package.count');
  if (new Set(known).size > 1) {
    run.report('package.count-mismatch', {
      ...(layout.description ? { path: layout.description } : {}),
      expected: counts.declared ?? counts.catalogue,
      received: counts,
      params: { what: COUNT_WHAT[run.locale] },
    });
  }
}

function reportDuplicates(
  values: readonly { value: string | undefined; path: string; location: import('../../report/issue.js').IssueLocation | undefined }[],
  field: string,
  run: CheckRun,
): void {
  const seen = new Map<string, number>();
  for (const { value } of values) if (value) seen.set(value, (seen.get(value) ?? 0) + 1);
  const reported = new Set<string>();
  for (const { value, path, location } of values) {
    if (!value || (seen.get(value) ?? 0) < 2 || reported.has(value)) continue;
    reported.add(value);
    run.report('package.duplicate-value', {
      path,
      ...(location ? { location } : {}),
      received: value,
      params: { field: FIELD_NAMES[field]?.[run.locale] ?? field, value, count: seen.get(value) },
    });
  }
}

function sameDate(a: string, b: string): boolean {
  const x = parseArchivalDate(a);
  const y = parseArchivalDate(b);
  return x.ok && y.ok ? x.normalized === y.normalized : a === b;
}

function sameRetention(a: string, b: string): boolean {
  const x = parseRetentionPeriod(a);
  const y = parseRetentionPeriod(b);
  return x && y ? JSON.stringify(x) === JSON.stringify(y) : a === b;
}
