import type { Aspect, Locale, Severity } from '../report/issue.js';
import type { CheckDescription } from '../report/format/checkInfo.js';

/**
 * One check of a digitisation batch (数字化成果验收): data, not code. The
 * DA/T 31-2017 text could not be consulted while this was written (see
 * `docs/digitisation.md`); every clause below names the section by its
 * subject and is marked `inferred`, and every such check's severity can be
 * changed or turned off through `options.severity`.
 */
export interface DigitisationCheckDefinition {
  /** 四性 aspect. */
  readonly aspect: Aspect;
  /** Default severity of the check's failing issues (an issue code may carry its own, e.g. warnings). */
  readonly severity: Severity;
  /** `manual` checks are listed for a person and never reported as passed. */
  readonly mode: 'auto' | 'manual';
  /** Short name in both locales. */
  readonly title: { readonly 'zh-CN': string; readonly en: string };
  /** The clause the check rests on. */
  readonly source: string;
  /** True when the requirement's wording could not be verified against the standard's text. */
  readonly inferred: boolean;
  /** Issue codes the check reports. */
  readonly codes: readonly string[];
}

const DAT31 = 'DA/T 31-2017 纸质档案数字化规范';

/** Every check of `checkDigitisation`, keyed by stable id. */
export const digitisationChecks = {
  'digitisation.catalogue': {
    aspect: 'integrity', severity: 'error', mode: 'auto', inferred: false,
    title: { 'zh-CN': '目录数据可读、档号唯一', en: 'Catalogue readable, archival codes unique' },
    source: `${DAT31} 目录数据库建立; DA/T 22-2015 §5.5`,
    codes: ['digitisation.catalogue-code-duplicate', 'catalogue.*', 'csv.*', 'xml.*', 'export.*', 'input.*'],
  },
  'digitisation.link': {
    aspect: 'integrity', severity: 'error', mode: 'auto', inferred: true,
    title: { 'zh-CN': '数据挂接：每条目录有图像、每个图像属于一条目录', en: 'Linking: every entry has images, every image has an entry' },
    source: `${DAT31} 数据挂接 (inferred)`,
    codes: ['digitisation.layout', 'digitisation.entry-no-images', 'digitisation.file-orphan'],
  },
  'digitisation.page-count': {
    aspect: 'integrity', severity: 'error', mode: 'auto', inferred: true,
    title: { 'zh-CN': '图像页数与目录页数一致', en: 'Image pages equal the catalogue 页数' },
    source: `${DAT31} 数据挂接; 数字化成果验收 (inferred)`,
    codes: ['digitisation.page-count-mismatch', 'digitisation.page-extra', 'digitisation.pages-unknown'],
  },
  'digitisation.page-sequence': {
    aspect: 'integrity', severity: 'error', mode: 'auto', inferred: true,
    title: { 'zh-CN': '页号从 1 连续编号、每页一个文件', en: 'Pages numbered continuously from 1, one file per page' },
    source: `${DAT31} 图像文件命名 (inferred)`,
    codes: ['digitisation.page-number-malformed', 'digitisation.page-duplicate', 'digitisation.page-gap'],
  },
  'digitisation.format': {
    aspect: 'usability', severity: 'error', mode: 'auto', inferred: true,
    title: { 'zh-CN': '存储格式符合用途、扩展名与内容一致', en: 'Storage format allowed for its purpose; extension matches the bytes' },
    source: `${DAT31} 存储格式 (inferred: TIFF for masters; JPEG, JPEG 2000, PDF, OFD)`,
    codes: ['digitisation.format-not-allowed', 'digitisation.format-unknown', 'digitisation.extension-mismatch'],
  },
  'digitisation.resolution': {
    aspect: 'usability', severity: 'error', mode: 'auto', inferred: true,
    title: { 'zh-CN': '扫描分辨率（默认不低于 200 dpi，需 OCR 时 300 dpi）', en: 'Scan resolution (200 dpi by default, 300 dpi for OCR)' },
    source: `${DAT31} 扫描分辨率 (inferred)`,
    codes: ['digitisation.dpi-low', 'digitisation.dpi-missing'],
  },
  'digitisation.colour-mode': {
    aspect: 'usability', severity: 'error', mode: 'auto', inferred: true,
    title: { 'zh-CN': '扫描色彩模式与位深', en: 'Colour mode and bit depth' },
    source: `${DAT31} 扫描色彩模式 (inferred); DA/T 46-2009 M55`,
    codes: ['digitisation.colour-mode-mismatch', 'digitisation.colour-mode-outlier', 'digitisation.colour-mode-unknown', 'digitisation.bit-depth-unexpected'],
  },
  'digitisation.integrity': {
    aspect: 'usability', severity: 'error', mode: 'auto', inferred: false,
    title: { 'zh-CN': '图像文件完整可读（非空、未截断）', en: 'Image files whole and readable (not empty, not truncated)' },
    source: `${DAT31} 数字化成果验收; DA/T 70-2018 可用性`,
    codes: ['digitisation.file-empty', 'digitisation.file-corrupt', 'digitisation.file-unreadable'],
  },
  'digitisation.duplicate': {
    aspect: 'integrity', severity: 'error', mode: 'auto', inferred: true,
    title: { 'zh-CN': '无重复图像（按摘要）', en: 'No duplicate images (by digest)' },
    source: `${DAT31} 数字化成果验收 (inferred)`,
    codes: ['digitisation.duplicate'],
  },
  'digitisation.naming': {
    aspect: 'usability', severity: 'error', mode: 'auto', inferred: false,
    title: { 'zh-CN': '文件命名与禁用字符', en: 'File naming and forbidden characters' },
    source: `${DAT31} 图像文件命名; DA/T 70-2018 GD-1-6 (as for packages)`,
    codes: ['digitisation.name-unportable'],
  },
  'digitisation.sample': {
    aspect: 'integrity', severity: 'error', mode: 'auto', inferred: true,
    title: { 'zh-CN': '抽检合格率（默认抽检不少于 5%，合格率不低于 95%）', en: 'Sample pass rate (5% sample, 95% to accept, by default)' },
    source: `${DAT31} 数字化成果验收 (inferred)`,
    codes: ['digitisation.sample', 'digitisation.sample-rejected', 'digitisation.sample-small'],
  },
  'digitisation.manual.skew': {
    aspect: 'usability', severity: 'warning', mode: 'manual', inferred: true,
    title: { 'zh-CN': '人工检查：图像端正（纠偏）', en: 'Manual: images upright and deskewed' },
    source: `${DAT31} 图像处理 纠偏 (inferred)`,
    codes: [],
  },
  'digitisation.manual.cleanliness': {
    aspect: 'usability', severity: 'warning', mode: 'manual', inferred: true,
    title: { 'zh-CN': '人工检查：图像清晰、无污点（去污）', en: 'Manual: images clear and clean' },
    source: `${DAT31} 图像处理 去污 (inferred)`,
    codes: [],
  },
  'digitisation.manual.completeness': {
    aspect: 'integrity', severity: 'warning', mode: 'manual', inferred: true,
    title: { 'zh-CN': '人工检查：内容完整（无漏扫、裁切）', en: 'Manual: content complete (nothing cut off or skipped)' },
    source: `${DAT31} 图像处理 裁边; 数字化成果验收 (inferred)`,
    codes: ['digitisation.inspect'],
  },
} as const satisfies Record<string, DigitisationCheckDefinition>;

/** A check id of `checkDigitisation`. */
export type DigitisationCheckId = keyof typeof digitisationChecks;

/** Every check id, in report order. */
export const digitisationCheckIds = Object.keys(digitisationChecks) as DigitisationCheckId[];

/**
 * The digitisation check an issue code belongs to (a trailing `*` in a
 * check's codes matches a prefix).
 *
 * @param code - An issue code.
 * @returns The check id, or `undefined`.
 * @example
 * digitisationCheckOfCode('digitisation.dpi-low') //=> 'digitisation.resolution'
 */
export function digitisationCheckOfCode(code: string): DigitisationCheckId | undefined {
  return digitisationCheckIds.find((id) =>
    (digitisationChecks[id].codes as readonly string[]).some((c) => (c.endsWith('*') ? code.startsWith(c.slice(0, -1)) : c === code)),
  );
}

/**
 * Describes a digitisation check for the JUnit and SARIF formatters.
 *
 * @param id - A check id.
 * @param locale - Locale of the title.
 * @returns The description, or `undefined` for an unknown id.
 * @example
 * describeDigitisationCheck('digitisation.resolution', 'en')?.title
 */
export function describeDigitisationCheck(id: string, locale: Locale = 'zh-CN'): CheckDescription | undefined {
  if (!Object.hasOwn(digitisationChecks, id)) return undefined;
  const check: DigitisationCheckDefinition = digitisationChecks[id as DigitisationCheckId];
  return { title: check.title[locale], aspect: check.aspect, severity: check.severity };
}
