/**
 * Classifies, orders, numbers and boxes a batch of 件 (DA/T 22-2015 §5.2–5.5,
 * §6.4): the input rows of one 全宗 become 归档文件目录 rows, numbered items
 * and box labels.
 *
 * @module
 */
import * as z from 'zod';
import { ArchivalCodeFormatError, formatArchivalCode } from '../../filing/index.js';
import { fieldPathZh } from '../../report/fieldNames.js';
import {
  archivalDateSchema,
  formatRetentionPeriod,
  parseArchivalDate,
  parseRetentionPeriod,
  recordSheetSchema,
  retentionPeriodTextSchema,
  securityClassificationSchema,
  type CatalogueEntry,
  type RecordSheet,
  type RetentionPeriod,
} from '../../model/index.js';
import { localizeIssue, type Issue, type Locale } from '../../report/index.js';
import { blanksRemoved, countSchema, parseRow } from '../_rows.js';
import { reasonOf, valueAt } from '../_zodReason.js';
import { assignYear, type YearBasis } from './assignYear.js';
import { packBoxes, type BoxCapacity, type BoxLabel } from './packBoxes.js';
import { classificationSchemes, findClassificationScheme, type ClassificationFacet, type ClassificationScheme } from './schemes.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { rulesIssues } from '../../report/messages/rules.js';

const text = z.string().trim().min(1);

/**
 * One input row: the descriptive fields of a 件 before it is numbered.
 * Number fields may be numeric strings (CSV); empty strings count as absent.
 *
 * @example
 * classificationItemSchema.safeParse({ title: '通知', author: '某局', date: '20150302', retentionPeriod: 'D30', pageCount: '3' }).success //=> true
 */
export const classificationItemSchema = z.object({
  id: z.string().optional(),
  title: text,
  author: text,
  date: archivalDateSchema,
  retentionPeriod: retentionPeriodTextSchema,
  orgCode: z.string().trim().regex(/^[A-Z0-9\u3400-\u9fff]+$/).optional(),
  documentNumber: z.string().optional(),
  pageCount: countSchema,
  securityClassification: securityClassificationSchema.optional(),
  remarks: z.string().optional(),
  year: countSchema.optional(),
  yearBasis: z.enum(['signed', 'meeting', 'case']).optional(),
  closingDate: archivalDateSchema.optional(),
  concludedDate: archivalDateSchema.optional(),
});

/** One input row, as validated. */
export type ClassificationItem = z.infer<typeof classificationItemSchema>;

/** A numbered item. */
export interface ClassifiedItem {
  /** 1-based position in the input. */
  index: number;
  /** The validated row. */
  item: ClassificationItem;
  /** Assigned 年度. */
  year: number;
  /** What decided the year. */
  yearBasis: YearBasis;
  /** 保管期限 code (`Y`, `D30` …). */
  retentionPeriod: string;
  /** 机构（问题）代码, when the scheme uses it. */
  orgCode?: string;
  /** Key of the lowest class, e.g. `2015/BGS/D30`. */
  classKey: string;
  /** 件号, from 1 in every lowest class. */
  itemNumber: number;
  /** 页数. */
  pageCount: number;
  /** 档号. */
  archivalCode: string;
}

/** One lowest class and how many items it holds. */
export interface ClassSummary {
  /** Class key. */
  key: string;
  /** 年度. */
  year: number;
  /** 保管期限 code. */
  retentionPeriod: string;
  /** 机构（问题）代码 when used. */
  orgCode?: string;
  /** Items numbered in it. */
  itemCount: number;
}

/** Options of {@link classifyItems}. */
export interface ClassifyOptions {
  /** Scheme id (e.g. `年度-机构-保管期限`) or a scheme. */
  scheme: string | ClassificationScheme;
  /** 全宗号. */
  fondsCode: string;
  /** 全宗名称 for box covers. */
  fondsName?: string;
  /** 档案门类代码; `WS` by default. */
  categoryCode?: string;
  /** 档号 profile; `dat22` by default. */
  profile?: string;
  /** Box capacity. */
  box?: BoxCapacity;
  /** First 盒号; 1 by default. */
  firstBoxNumber?: number;
  /**
   * The 备考表 (DA/T 22-2015 §6.4) for every box: 整理人 `arrangedBy`, 整理日期
   * `arrangedDate`, 检查人 `checkedBy`, 检查日期 `checkedDate` (complete dates)
   * and optionally 盒内文件情况说明 `description`. None of it can be derived
   * from the items. Without it the boxes carry no 备考表; with a field missing
   * or invalid, each such field is a `classification.record-sheet-invalid`
   * warning and the boxes carry none either, so every box passes `boxSchema`.
   */
  recordSheet?: Partial<RecordSheet>;
  /** Order of 机构（问题） codes; others follow in code order. */
  orgOrder?: readonly string[];
  /** Message locale. */
  locale?: Locale;
}

/** Result of {@link classifyItems}. */
export interface ClassificationResult {
  /** The scheme used, when it was found. */
  scheme?: ClassificationScheme;
  /** Numbered items in 档号 order. */
  items: ClassifiedItem[];
  /** 归档文件目录 rows in 档号 order (序号 running from 1). */
  catalogue: CatalogueEntry[];
  /** Box labels in shelf order; each is a valid `Box` of the model. */
  boxes: BoxLabel[];
  /** Lowest classes in order. */
  classes: ClassSummary[];
  /** Problems; rows with errors are left out of the numbering. */
  issues: Issue[];
}

const BASIS_LABEL = { signed: '签发日期（date）', meeting: '闭幕日期（closingDate）', case: '办结日期（concludedDate）' } as const satisfies Record<YearBasis, string>;

interface Prepared {
  index: number;
  item: ClassificationItem;
  year: number;
  yearBasis: YearBasis;
  sortDate: string;
  period: RetentionPeriod;
  retentionPeriod: string;
  orgCode?: string;
}

/**
 * Classifies a batch by a DA/T 22-2015 scheme: validates each row, assigns
 * its 年度 (签发 date; meeting → closing year; case → concluding year),
 * groups rows into lowest classes, orders each class by date with the input
 * order breaking ties, numbers 件号 from 0001 in every class, writes 档号
 * through the profile (`dat22`), and packs boxes that never mix classes.
 * Bad rows become issues and are left out; the others are still numbered.
 *
 * @param rows - Input rows (parsed JSON or CSV records).
 * @param options - Scheme, 全宗号, profile, box capacity, locale.
 * @returns Numbered items, catalogue rows, boxes, classes and issues. A 全宗号
 *   or 门类代码 the profile cannot write gives one `classification.option-invalid` issue and no numbering.
 * @throws {RangeError} When the profile id is not registered or the box capacity is not a positive integer (programmer errors).
 * @example
 * const r = classifyItems([{ title: '关于2015年工作要点的通知', author: '某局办公室', date: '20150302', retentionPeriod: 'Y', orgCode: 'BGS', pageCount: 3 }], { scheme: '年度-机构-保管期限', fondsCode: 'Z109' });
 * r.catalogue[0].archivalCode //=> 'Z109-WS·2015-Y-BGS-0001'
 */
export function classifyItems(rows: readonly unknown[], options: ClassifyOptions): ClassificationResult {
  const { locale } = options;
  const scheme = typeof options.scheme === 'string' ? findClassificationScheme(options.scheme) : options.scheme;
  const empty = { items: [], catalogue: [], boxes: [], classes: [] };
  if (!scheme) {
    const params = { scheme: String(options.scheme), available: classificationSchemes.map((s) => s.id).join('、') };
    return { ...empty, issues: [createIssueFrom(rulesIssues, 'classification.scheme-unknown', { locale, params, received: options.scheme })] };
  }
  const usesOrg = scheme.facets.includes('organization');
  const issues: Issue[] = [];
  const prepared: Prepared[] = [];
  rows.forEach((row, i) => {
    const p = prepare(row, i + 1, scheme, locale, issues);
    if (p) prepared.push(p);
  });

  const groups = new Map<string, Prepared[]>();
  for (const p of prepared.sort(classOrder(scheme.facets, options.orgOrder))) {
    const key = classKey(scheme.facets, p);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }

  const categoryCode = options.categoryCode ?? 'WS';
  const optionIssue = probeOptions(prepared[0], options, categoryCode, usesOrg);
  if (optionIssue) return { scheme, ...empty, issues: [optionIssue, ...issues] };
  const items: ClassifiedItem[] = [];
  const classes: ClassSummary[] = [];
  for (const [key, group] of groups) {
    // DA/T 22-2015 §5.3: by date inside the lowest class; input order breaks ties (stable).
    group.sort((a, b) => (a.sortDate < b.sortDate ? -1 : a.sortDate > b.sortDate ? 1 : a.index - b.index));
    const first = group[0]!;
    const summary: ClassSummary = { key, year: first.year, retentionPeriod: first.retentionPeriod, ...(usesOrg ? { orgCode: first.orgCode! } : {}), itemCount: 0 };
    for (const p of group) {
      const itemNumber = summary.itemCount + 1;
      const components = { fondsCode: options.fondsCode, categoryCode, year: p.year, retentionPeriod: p.retentionPeriod, ...(usesOrg ? { orgCode: p.orgCode } : {}), itemNumber };
      let archivalCode: string;
      try {
        archivalCode = formatArchivalCode(components, options.profile ?? 'dat22');
      } catch (error) {
        if (!(error instanceof ArchivalCodeFormatError)) throw error;
        const field = String(error.issues[0]?.params?.field ?? 'archivalCode');
        const reason = error.issues[0] ? localizeIssue(error.issues[0], locale ?? 'zh-CN').message : error.message;
        issues.push(createIssueFrom(rulesIssues, 'classification.item-invalid', { locale, params: { index: p.index, field, fieldName: { 'zh-CN': fieldPathZh([field]), en: field }, reason }, received: error.issues[0]?.received }));
        continue;
      }
      summary.itemCount = itemNumber;
      items.push({
        index: p.index,
        item: p.item,
        year: p.year,
        yearBasis: p.yearBasis,
        retentionPeriod: p.retentionPeriod,
        ...(usesOrg ? { orgCode: p.orgCode! } : {}),
        classKey: key,
        itemNumber,
        pageCount: p.item.pageCount,
        archivalCode,
      });
    }
    if (summary.itemCount > 0) classes.push(summary);
  }

  const catalogue = items.map((c, i) => catalogueEntry(c, i + 1));
  const recordSheet = options.recordSheet === undefined ? undefined : checkRecordSheet(options.recordSheet, locale, issues);
  const boxes = packBoxes(items, {
    fondsCode: options.fondsCode,
    ...(options.fondsName ? { fondsName: options.fondsName } : {}),
    ...options.box,
    ...(options.firstBoxNumber ? { firstBoxNumber: options.firstBoxNumber } : {}),
    ...(recordSheet ? { recordSheet } : {}),
  });
  return { scheme, items, catalogue, boxes, classes, issues };
}

// DA/T 22-2015 §6.4: the 备考表's 整理人/检查人 and their dates are a person's, never derived.
function checkRecordSheet(given: Partial<RecordSheet>, locale: Locale | undefined, issues: Issue[]): RecordSheet | undefined {
  // Blank 整理人/检查人/dates count as absent (as an empty CSV cell does); the description is kept as given.
  const input = { ...(blanksRemoved(given) as Partial<RecordSheet>), ...(given.description !== undefined ? { description: given.description } : {}) };
  const parsed = recordSheetSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const zodIssue of parsed.error.issues) {
    const received = valueAt(input, zodIssue.path);
    const field = zodIssue.path.map(String).join('.') || 'recordSheet';
    const fieldName = { 'zh-CN': fieldPathZh(zodIssue.path.map((p) => (typeof p === 'number' ? p : String(p)))), en: field };
    issues.push(createIssueFrom(rulesIssues, 'classification.record-sheet-invalid', { locale, received, params: { field, fieldName, reason: reasonOf(zodIssue, received, locale) } }));
  }
  return undefined;
}

// A bad 全宗号 or 门类代码 would fail every row; report it once instead.
function probeOptions(first: Prepared | undefined, options: ClassifyOptions, categoryCode: string, usesOrg: boolean): Issue | undefined {
  if (!first) return undefined;
  const components = { fondsCode: options.fondsCode, categoryCode, year: first.year, retentionPeriod: first.retentionPeriod, ...(usesOrg ? { orgCode: first.orgCode } : {}), itemNumber: 1 };
  try {
    formatArchivalCode(components, options.profile ?? 'dat22');
    return undefined;
  } catch (error) {
    if (!(error instanceof ArchivalCodeFormatError)) throw error;
    const field = String(error.issues[0]?.params?.field ?? '');
    if (field !== 'fondsCode' && field !== 'categoryCode') return undefined;
    const reason = localizeIssue(error.issues[0]!, options.locale ?? 'zh-CN').message;
    return createIssueFrom(rulesIssues, 'classification.option-invalid', { locale: options.locale, params: { option: field, reason }, received: field === 'fondsCode' ? options.fondsCode : categoryCode });
  }
}

function prepare(row: unknown, index: number, scheme: ClassificationScheme, locale: Locale | undefined, issues: Issue[]): Prepared | undefined {
  const parsed = parseRow(classificationItemSchema, row, index, locale);
  if (!parsed.ok) {
    issues.push(...parsed.issues);
    return undefined;
  }
  const item = parsed.value;
  const title = item.title;
  const assigned = assignYear(item);
  if (!assigned.ok) {
    const basis = BASIS_LABEL[assigned.basis];
    issues.push(createIssueFrom(rulesIssues, 'classification.year-undetermined', { locale, received: assigned.received, params: { index, title, basis, field: assigned.field } }));
    return undefined;
  }
  if (item.year !== undefined && item.year !== assigned.year) {
    const basis = BASIS_LABEL[assigned.basis];
    issues.push(createIssueFrom(rulesIssues, 'classification.year-mismatch', { locale, received: item.year, expected: assigned.year, params: { index, title, declared: item.year, assigned: assigned.year, basis } }));
  }
  if (scheme.facets.includes('organization') && item.orgCode === undefined) {
    issues.push(createIssueFrom(rulesIssues, 'classification.org-missing', { locale, params: { scheme: scheme.id, index, title } }));
    return undefined;
  }
  const period = parseRetentionPeriod(item.retentionPeriod)!;
  return {
    index,
    item,
    year: assigned.year,
    yearBasis: assigned.basis,
    sortDate: assigned.sortDate,
    period,
    retentionPeriod: formatRetentionPeriod(period, 'code'),
    ...(item.orgCode !== undefined ? { orgCode: item.orgCode } : {}),
  };
}

function classKey(facets: readonly ClassificationFacet[], p: Prepared): string {
  return facets.map((f) => (f === 'year' ? String(p.year) : f === 'retention' ? p.retentionPeriod : p.orgCode)).join('/');
}

// 永久 first, then longer fixed periods before shorter ones; others last.
function retentionRank(period: RetentionPeriod): number {
  if (period.kind === 'permanent') return -Infinity;
  if (period.kind === 'fixed') return -period.years;
  return Infinity;
}

function classOrder(facets: readonly ClassificationFacet[], orgOrder: readonly string[] = []) {
  const orgRank = (code: string | undefined) => {
    const i = code === undefined ? -1 : orgOrder.indexOf(code);
    return i === -1 ? orgOrder.length : i;
  };
  return (a: Prepared, b: Prepared): number => {
    for (const facet of facets) {
      let d = 0;
      if (facet === 'year') d = a.year - b.year;
      else if (facet === 'retention') d = compare(retentionRank(a.period), retentionRank(b.period)) || compare(a.retentionPeriod, b.retentionPeriod);
      else d = orgRank(a.orgCode) - orgRank(b.orgCode) || compare(a.orgCode ?? '', b.orgCode ?? '');
      if (d !== 0) return d;
    }
    return 0;
  };
}

function compare<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function catalogueEntry(c: ClassifiedItem, sequenceNumber: number): CatalogueEntry {
  const { item } = c;
  const date = parseArchivalDate(item.date);
  return {
    sequenceNumber,
    archivalCode: c.archivalCode,
    documentNumber: item.documentNumber ?? '',
    author: item.author,
    title: item.title,
    date: date.ok ? date.normalized : item.date,
    securityClassification: item.securityClassification ?? '',
    pageCount: item.pageCount,
    remarks: item.remarks ?? '',
    retentionPeriod: c.retentionPeriod,
  };
}

