import type { CatalogueEntry } from '../../model/catalogueEntry.js';
import type { Citation } from '../../model/citation.js';

/**
 * The two element sets of 目录文件.XML: `2012` is 电子档案移交与接收办法
 * (档发〔2012〕7号) 附件2 (with 电子档案名称); `2022` is DA/T 93-2022 附录B as
 * implemented in practice (with 保管期限 and 页数). See standards-electronic §4.3.
 */
export type CatalogueElementSet = '2012' | '2022';

/** 件-level (`文件目录`/`文件`) or 卷-level (`案卷目录`/`案卷`) catalogue. */
export type CatalogueLevel = 'item' | 'volume';

/**
 * How an item of an entry is required: `required` — present and non-empty;
 * `present` — the element must be there but may be empty (密级, 备注);
 * `optional` — may be absent.
 */
export type FieldRequirement = 'required' | 'present' | 'optional';

/** The value domain a field is checked against. */
export type FieldDomain = 'positive-integer' | 'archival-date' | 'security-classification' | 'retention-period';

/** One item (element) of a catalogue entry. */
export interface CatalogueFieldRule {
  /** Element name as the standard spells it. */
  readonly name: string;
  /** Code name from the glossary: the field of the model's {@link CatalogueEntry}. */
  readonly field: keyof CatalogueEntry;
  /** Requirement per element set. */
  readonly requirement: Readonly<Record<CatalogueElementSet, FieldRequirement>>;
  /** Value domain, when the value is checked beyond being non-empty. */
  readonly domain?: FieldDomain;
  /** Where the rule comes from. */
  readonly source: Citation;
}

const BANFA_2012: Citation = { standard: '电子档案移交与接收办法 (档发〔2012〕7号)', clause: '附件2', confidence: 'verified' };
const DAT93: Citation = { standard: 'DA/T 93-2022', clause: '附录B (one implementation)', confidence: 'single-source' };
const DAT22: Citation = { standard: 'DA/T 22-2015', clause: '§5.5', confidence: 'verified' };

/**
 * The items of a catalogue entry, in the order of the standards, each with its
 * requirement per element set, value domain and source.
 *
 * @example
 * catalogueFieldRules.filter((r) => r.requirement['2022'] === 'required').map((r) => r.name)
 * //=> ['顺序号', '档号', '责任者', '题名', '日期', '保管期限']
 */
export const catalogueFieldRules: readonly CatalogueFieldRule[] = [
  { name: '顺序号', field: 'sequenceNumber', requirement: { 2012: 'required', 2022: 'required' }, domain: 'positive-integer', source: BANFA_2012 },
  { name: '档号', field: 'archivalCode', requirement: { 2012: 'required', 2022: 'required' }, source: BANFA_2012 },
  { name: '文号', field: 'documentNumber', requirement: { 2012: 'optional', 2022: 'optional' }, source: DAT22 },
  { name: '责任者', field: 'author', requirement: { 2012: 'required', 2022: 'required' }, source: BANFA_2012 },
  { name: '题名', field: 'title', requirement: { 2012: 'required', 2022: 'required' }, source: BANFA_2012 },
  { name: '日期', field: 'date', requirement: { 2012: 'required', 2022: 'required' }, domain: 'archival-date', source: DAT22 },
  { name: '保管期限', field: 'retentionPeriod', requirement: { 2012: 'optional', 2022: 'required' }, domain: 'retention-period', source: DAT93 },
  // DA/T 22-2015 §5.5: 密级 is left empty when none is marked.
  { name: '密级', field: 'securityClassification', requirement: { 2012: 'present', 2022: 'present' }, domain: 'security-classification', source: DAT22 },
  { name: '页数', field: 'pageCount', requirement: { 2012: 'optional', 2022: 'optional' }, domain: 'positive-integer', source: DAT22 },
  { name: '电子档案名称', field: 'electronicFileName', requirement: { 2012: 'optional', 2022: 'optional' }, source: BANFA_2012 },
  { name: '备注', field: 'remarks', requirement: { 2012: 'present', 2022: 'present' }, source: DAT93 },
];

/**
 * Root and entry element names per level.
 *
 * @example
 * catalogueLevels.volume //=> { root: '案卷目录', entry: '案卷', source: … }
 */
export const catalogueLevels: Readonly<Record<CatalogueLevel, { root: string; entry: string; source: Citation }>> = {
  item: { root: '文件目录', entry: '文件', source: BANFA_2012 },
  // 2012 办法: for 卷-level catalogues "文件" becomes "案卷" in the tag names.
  volume: { root: '案卷目录', entry: '案卷', source: { ...BANFA_2012, confidence: 'inferred' } },
};

/**
 * The element that tells the 2022 set from the 2012 set (looked for in the first entry).
 *
 * @example
 * entry.fields[elementSet2022Marker] ? '2022' : '2012'
 */
export const elementSet2022Marker = '保管期限';
