import type { Citation } from '../model/citation.js';
import type { ComponentName } from './components.js';

/** How a component's value is compared and formatted. */
export type FieldKind = 'code' | 'number' | 'year' | 'retention' | 'levels';

/** What the template language knows about one component. */
export interface FieldSpec {
  /** The component it fills. */
  readonly name: ComponentName;
  /** Chinese term from the standards. */
  readonly zh: string;
  /** Comparison and formatting kind. */
  readonly kind: FieldKind;
  /**
   * The tolerant pattern of one value (no anchors, no capture groups). The
   * parser accepts what is plausible here and the validator reports the rest.
   */
  readonly pattern: string;
  /** Where the form comes from. */
  readonly source: Citation;
}

// Characters of Chinese 机构 names (CJK unified ideographs, extension A, compatibility).
const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
// A 类别号 level must not read as a 4-digit 年度 or a 保管期限 code, otherwise
// `ZY·JC·CC·2019·D30` would be ambiguous (DA/T 13-2022: 类别号 levels are
// letters or digits; 年度 is 4 digits; 期限 is Y or D<n>).
const CLASS_LEVEL = '(?!(?:\\d{4}|Y|D\\d+)(?![0-9A-Z]))[A-Z0-9]+';

const DAT13_2022: Citation = { standard: 'DA/T 13-2022', clause: '§3, §5', confidence: 'verified' };
const DAT22: Citation = { standard: 'DA/T 22-2015', clause: '§5.4', confidence: 'verified' };
const DAT13_1994: Citation = { standard: 'DA/T 13-1994', clause: '§3', confidence: 'verified' };

/**
 * The components a template may name, with their tolerant patterns. This is
 * the vocabulary of the template language (see `docs/archival-code.md`).
 */
export const fieldSpecs: Readonly<Record<ComponentName, FieldSpec>> = {
  fondsCode: { name: 'fondsCode', zh: '全宗号', kind: 'code', pattern: '[A-Z0-9]+', source: DAT13_2022 },
  catalogueNumber: { name: 'catalogueNumber', zh: '目录号', kind: 'number', pattern: '\\d+', source: DAT13_1994 },
  categoryCode: { name: 'categoryCode', zh: '门类代码', kind: 'code', pattern: '[A-Z]{2}', source: DAT13_2022 },
  classCode: { name: 'classCode', zh: '类别号', kind: 'levels', pattern: CLASS_LEVEL, source: DAT13_2022 },
  projectCode: { name: 'projectCode', zh: '项目号', kind: 'code', pattern: '[A-Z0-9]+', source: DAT13_2022 },
  year: { name: 'year', zh: '年度', kind: 'year', pattern: '\\d+', source: DAT22 },
  retentionPeriod: { name: 'retentionPeriod', zh: '保管期限', kind: 'retention', pattern: 'Y|C|D\\d*', source: DAT22 },
  orgCode: { name: 'orgCode', zh: '机构（问题）代码', kind: 'code', pattern: `[A-Z0-9${HAN}]+`, source: DAT13_2022 },
  volumeNumber: { name: 'volumeNumber', zh: '案卷号', kind: 'number', pattern: '\\d+', source: DAT13_2022 },
  groupNumber: { name: 'groupNumber', zh: '组号', kind: 'number', pattern: '\\d+', source: DAT13_2022 },
  itemNumber: { name: 'itemNumber', zh: '件号', kind: 'number', pattern: '\\d+', source: DAT22 },
  pageNumber: { name: 'pageNumber', zh: '页号', kind: 'number', pattern: '\\d+', source: DAT13_2022 },
};

/** Whether a name is a component the template language knows. */
export function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(fieldSpecs, name);
}
