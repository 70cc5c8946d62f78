import type { Issue } from '../../report/issue.js';
import type { CheckResult } from '../../report/report.js';
import type { IdentifiedCheckDefinition } from '../../report/check.js';
import { createCheckOfCode } from '../../report/checkOfCode.js';

/** A check of the catalogue report: a {@link IdentifiedCheckDefinition} and whether it needs the whole document. */
export interface CatalogueCheck extends IdentifiedCheckDefinition {
  /** Whether it needs the whole document (skipped when the XML could not be read to the end). */
  readonly needsDocument: boolean;
  /** Tells whether an issue code belongs to this check (derived from `codes`). */
  readonly owns: (code: string) => boolean;
}

const values = ['sequence-invalid', 'date-invalid', 'date-impossible', 'date-not-basic', 'security-invalid', 'security-not-classification', 'retention-invalid', 'page-count-invalid'];
const definitions = [
  {
    id: 'catalogue.encoding', needsDocument: false, aspect: 'usability', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '编码声明与字节一致（UTF-8、GB18030、GB2312）', en: 'Declared encoding matches the bytes (UTF-8, GB18030, GB2312)' },
    source: 'XML 1.0 §4.3.3; DA/T 22-2015 附录',
    codes: ['xml.encoding-*', 'xml.invalid-utf8', 'xml.invalid-bytes'],
  },
  {
    // Skipped, not passed, when the document could not be read to the end for another reason (an unknown encoding).
    id: 'catalogue.well-formed', needsDocument: true, aspect: 'usability', severity: 'error', mode: 'auto',
    title: { 'zh-CN': 'XML 格式良好，无 DOCTYPE 实体，未超资源限制', en: 'XML well-formed, no DOCTYPE entities, within limits' },
    source: 'XML 1.0 §2.1',
    codes: ['xml.*'],
  },
  {
    id: 'catalogue.structure', needsDocument: true, aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '根元素与条目元素符合目录文件结构，至少一个条目', en: 'Root and entry elements as a catalogue has them, at least one entry' },
    source: 'DA/T 22-2015 §5.4, 附录 归档文件目录',
    codes: ['catalogue.root-unexpected', 'catalogue.entry-unexpected', 'catalogue.empty'],
  },
  {
    id: 'catalogue.required-items', needsDocument: true, aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '必填项齐全且非空，无重复或未知字段', en: 'Required items present and non-empty, no repeated or unknown fields' },
    source: 'DA/T 22-2015 §5.4',
    codes: ['catalogue.required-missing', 'catalogue.required-empty', 'catalogue.element-missing', 'catalogue.field-repeated', 'catalogue.field-unknown'],
  },
  {
    id: 'catalogue.values', needsDocument: true, aspect: 'authenticity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '件号、日期、密级、保管期限、页数的值有效', en: 'Sequence, date, security, retention and page-count values valid' },
    source: 'DA/T 22-2015 §5.4; GB/T 7408',
    codes: values.map((c) => `catalogue.${c}`),
  },
  {
    id: 'catalogue.uniqueness', needsDocument: true, aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '件号与档号不重复', en: 'Sequence numbers and 档号 unique' },
    source: 'DA/T 22-2015 §6',
    codes: ['catalogue.sequence-duplicate', 'catalogue.archival-code-duplicate'],
  },
] as const satisfies readonly (IdentifiedCheckDefinition & { needsDocument: boolean })[];

const checkOf = createCheckOfCode<string>(() => definitions);

/**
 * The checks of `validateCatalogue`, in report order. An exact code wins over
 * a prefix, the longest prefix over a shorter one (`xml.encoding-*` before `xml.*`).
 *
 * @example
 * catalogueChecks.find((c) => c.owns('catalogue.date-invalid'))?.id //=> 'catalogue.values'
 */
export const catalogueChecks: readonly CatalogueCheck[] = definitions.map((d) => ({ ...d, owns: (code: string) => checkOf(code) === d.id }));

/**
 * Outcome of every catalogue check: `failed` when it owns an error, else
 * `skipped` when it needs the whole document and the XML could not be read to
 * the end, else `passed`.
 *
 * @param issues - All issues of the run (after severity adjustments).
 * @param complete - Whether the whole document was read.
 * @returns One result per check.
 * @example
 * catalogueCheckResults([], true).every((c) => c.status === 'passed') //=> true
 */
export function catalogueCheckResults(issues: readonly Issue[], complete: boolean): CheckResult[] {
  return catalogueChecks.map((check) => {
    if (issues.some((i) => i.severity === 'error' && (i.checkId ?? catalogueCheckOfCode(i.code)) === check.id)) return { id: check.id, status: 'failed' };
    return { id: check.id, status: check.needsDocument && !complete ? 'skipped' : 'passed' };
  });
}

/**
 * The catalogue check that owns an issue code (the first in report order).
 *
 * @param code - An issue code.
 * @returns The check id, or `undefined` when no catalogue check owns it.
 * @example
 * catalogueCheckOfCode('catalogue.date-invalid') //=> 'catalogue.values'
 */
export function catalogueCheckOfCode(code: string): string | undefined {
  return checkOf(code);
}

/**
 * The issue sink of a catalogue run: stamps each issue with the catalogue
 * check that owns its code.
 *
 * @param issues - Issues of the run.
 * @returns The issues with `checkId` set where a check owns the code.
 * @example
 * stampCatalogueIssues([dateIssue])[0].checkId //=> 'catalogue.values'
 */
export function stampCatalogueIssues(issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => {
    const id = issue.checkId ?? catalogueCheckOfCode(issue.code);
    return id === undefined || id === issue.checkId ? issue : { ...issue, checkId: id };
  });
}
