import type { Citation } from '../../model/citation.js';
import { parseArchivalDate } from '../../model/archivalDate.js';
import type { Dat46ItemMetadata } from '../itemMetadata/typedView.js';

/**
 * The fifteen Dublin Core elements (ISO 15836-1:2017, DCMES 1.1), in their standard order.
 *
 * @example
 * dublinCoreElements.length //=> 15
 */
export const dublinCoreElements = [
  'title', 'creator', 'subject', 'description', 'publisher', 'contributor', 'date', 'type',
  'format', 'identifier', 'source', 'language', 'relation', 'coverage', 'rights',
] as const;

/** A Dublin Core element name. */
export type DublinCoreElement = (typeof dublinCoreElements)[number];

/** A Dublin Core record: every element optional and repeatable (DCMES 1.1). */
export type DublinCoreRecord = Partial<Record<DublinCoreElement, string[]>>;

/** One row of the DA/T 46 → Dublin Core crosswalk. */
export interface DublinCoreMapping {
  readonly element: DublinCoreElement;
  /** DA/T 46-2009 elements it is filled from. */
  readonly from: string;
  readonly read: (m: Dat46ItemMetadata) => readonly (string | undefined)[];
  readonly source: Citation;
}

// No published DA/T 46 ↔ DC crosswalk was available: each row follows the element definitions.
const CROSSWALK: Citation = { standard: 'ISO 15836-1:2017; DA/T 46-2009', clause: 'element definitions', confidence: 'inferred' };

/**
 * 日期 (DA/T 22-2015 8 digits) as W3CDTF, the form DCMI recommends:
 * `YYYY-MM-DD`, `YYYY-MM` or `YYYY` when month or day are unknown.
 */
function w3cdtf(date: string): string | undefined {
  const parsed = parseArchivalDate(date);
  if (!parsed.ok) return undefined;
  const { year, month, day } = parsed.date;
  const pad = (n: number) => String(n).padStart(2, '0');
  return [String(year).padStart(4, '0'), month === null ? undefined : pad(month), day === null ? undefined : pad(day)].filter((p) => p !== undefined).join('-');
}

/**
 * DA/T 46-2009 → Dublin Core, element by element.
 *
 * @example
 * dublinCoreCrosswalk.find((r) => r.element === 'date')?.from //=> 'M33 日期 (W3CDTF)'
 */
export const dublinCoreCrosswalk: readonly DublinCoreMapping[] = [
  { element: 'title', from: 'M22 题名, M23 并列题名', read: (m) => [m.description.title, m.description.parallelTitle], source: CROSSWALK },
  { element: 'creator', from: 'M32 责任者', read: (m) => [m.description.author], source: CROSSWALK },
  { element: 'subject', from: 'M26 主题词, M27 关键词', read: (m) => [...(m.description.descriptors ?? []).map((d) => d.value), m.description.keyword], source: CROSSWALK },
  { element: 'description', from: 'M29 摘要', read: (m) => [m.description.abstract], source: CROSSWALK },
  { element: 'publisher', from: 'M6 立档单位名称', read: (m) => [m.provenance.creatingUnit], source: CROSSWALK },
  { element: 'date', from: 'M33 日期 (W3CDTF)', read: (m) => [w3cdtf(m.description.date)], source: CROSSWALK },
  { element: 'type', from: 'M34 文种', read: (m) => [m.description.documentType], source: CROSSWALK },
  {
    element: 'format',
    from: 'M47 格式信息',
    read: (m) => m.documents.flatMap((d) => d.data.flatMap((x) => x.encodings.map((e) => e.formatInformation))),
    source: CROSSWALK,
  },
  { element: 'identifier', from: 'M8 档号, M7 电子文件号', read: (m) => [m.archivalCode.code, m.electronicRecordCode], source: CROSSWALK },
  { element: 'language', from: 'M44 语种', read: (m) => [m.formalCharacteristics.language], source: CROSSWALK },
  { element: 'rights', from: 'M74 控制标识, M71 知识产权说明', read: (m) => [m.rights.controlIdentifier, m.rights.intellectualPropertyStatement], source: CROSSWALK },
];

/**
 * Describes an item in Dublin Core for international exchange, following
 * {@link dublinCoreCrosswalk}. Empty and repeated values are dropped.
 *
 * @param metadata - The item's DA/T 46 metadata.
 * @returns The Dublin Core record.
 * @example
 * dublinCoreFromMetadata(metadata).identifier //=> ['Z109-WS·2011-Y-BGS-0001', 'e-0001']
 */
export function dublinCoreFromMetadata(metadata: Dat46ItemMetadata): DublinCoreRecord {
  const record: DublinCoreRecord = {};
  for (const row of dublinCoreCrosswalk) {
    const values = [...new Set(row.read(metadata).filter((v): v is string => v !== undefined && v.trim() !== ''))];
    if (values.length > 0) record[row.element] = values;
  }
  return record;
}
