import type { Issue } from '../../report/issue.js';
import { createCheckOfCode } from '../../report/checkOfCode.js';
import type { IssueCode } from '../../report/messages/index.js';
import { adjustSeverity, type SeverityOverrides } from '../../report/severityPolicy.js';
import type { CheckDefinition } from '../../report/check.js';

/**
 * One check of the `eep` profile: the shape of a `dat93` check
 * ({@link CheckDefinition}: DA/T 70 item where one applies, 四性 aspect,
 * default severity, mode, title, source, issue codes) with its id.
 */
export interface EepCheckDefinition extends CheckDefinition {
  /** Stable id, e.g. `eep.content`. */
  readonly id: string;
}

/**
 * The checks of the EEP format, in order: the rules of
 * standards-electronic.md §2.6 (DA/T 48-2009 附录A), then CA trust, which a
 * person has to do (`manual`, never `passed`). The `eep` profile adds the
 * DA/T 70 manual checks it shares with `dat93` (`EEP_CHECKS` in src/package/eep/checks.ts).
 *
 * A check's aspect and DA/T 70 item are those of the check as a whole. The
 * §2.6 rules cut across the 四性 (a missing element is 完整性, a wrong one
 * 真实性), so an EEP issue keeps its own code's aspect and, where
 * {@link EEP_DAT70_ITEMS} names one, its own item. DA/T 70-2018 GD-2-10
 * (归档信息包元数据完整性) is where DA/T 70 sends EEP packages to be checked
 * against DA/T 48; the checks without a narrower item sit under it. Each
 * check's default severity is the worst its codes reach (error for all of
 * them); the codes' own defaults are in the issue catalogue.
 *
 * @example
 * EEP_FORMAT_CHECKS.find((c) => c.id === 'eep.content')?.dat70 //=> 'GD-1-10'
 */
export const EEP_FORMAT_CHECKS = [
  {
    id: 'eep.xml', dat70: 'GD-3-1', aspect: 'usability', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '封装包 XML 可读（编码、无 DOCTYPE 实体、格式良好、资源限制）', en: 'The EEP XML reads (encoding, no DOCTYPE entities, well-formed, limits)' },
    source: 'DA/T 70-2018 GD-3-1',
    codes: ['xml.*'],
  },
  {
    id: 'eep.structure', dat70: 'GD-2-10', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '根元素、命名空间与附录A 内容模型（必备元素、次数、顺序）', en: 'Root, namespace and the Annex A content model (required elements, counts, order)' },
    source: 'DA/T 48-2009 附录A; DA/T 70-2018 GD-2-10',
    codes: ['eep.root.*', 'eep.namespace.*', 'eep.element.*', 'eep.format-description.*'],
  },
  {
    id: 'eep.version', dat70: 'GD-2-10', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '版本与 eep版本 同为 2009（每一层）', en: '版本 and @eep版本 are both 2009 (every layer)' },
    source: 'DA/T 48-2009 附录A (§2.6 rule 1); DA/T 70-2018 GD-2-10',
    codes: ['eep.version.*'],
  },
  {
    id: 'eep.package-type', dat70: 'GD-2-10', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '封装包类型与其描述、内容一致（原始型、修改型）', en: 'Package type agrees with its description and content (原始型, 修改型)' },
    source: 'DA/T 48-2009 附录A (§2.6 rules 2–3); DA/T 70-2018 GD-2-10',
    codes: ['eep.package-type.*'],
  },
  {
    id: 'eep.metadata', dat70: 'GD-2-3', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': 'DA/T 46 必选元数据齐全、非空，类型正确，年度与日期一致', en: 'DA/T 46 required metadata present and non-empty, typed, 年度 agrees with 日期' },
    source: 'DA/T 46-2009; DA/T 70-2018 GD-2-3, GD-2-4, GD-1-3, GD-1-5',
    codes: ['eep.metadata.*', 'eep.value.type', 'eep.value.inconsistent'],
  },
  {
    id: 'eep.value-domain', dat70: 'GD-1-4', aspect: 'authenticity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '元数据项值域符合度', en: 'Metadata value domains' },
    source: 'DA/T 46-2009; DA/T 70-2018 GD-1-4',
    codes: ['eep.value.domain'],
  },
  {
    id: 'eep.identifiers', dat70: 'GD-2-10', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '标识符唯一、引用可解析，业务实体的机构人员存在', en: 'Identifiers unique, references resolve, activities name known agents' },
    source: 'DA/T 48-2009 附录A (§2.6 rules 5, 8); DA/T 70-2018 GD-2-10',
    codes: ['eep.id.*', 'eep.idref.*', 'eep.agent.*'],
  },
  {
    id: 'eep.content', dat70: 'GD-1-10', aspect: 'authenticity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '编码数据为 Base64，解码后恰为计算机文件大小', en: 'Content is Base64 and decodes to exactly 计算机文件大小 bytes' },
    source: 'DA/T 48-2009 附录A (§2.6 rule 4); DA/T 70-2018 GD-1-10',
    codes: ['eep.content.*'],
  },
  {
    id: 'eep.signature', dat70: 'GD-1-1', aspect: 'authenticity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '电子签名与锁定签名成对且验签通过', en: 'Signatures and lock signature paired and verified' },
    source: 'DA/T 48-2009 附录A (§2.6 rules 6–7); DA/T 70-2018 GD-1-1',
    codes: ['eep.signature.*', 'eep.unsigned'],
  },
  // CA trust (chain, revocation via 证书引证) needs the CA: always a person's job.
  {
    id: 'eep.certificate-trust', dat70: 'GD-1-1', aspect: 'authenticity', severity: 'error', mode: 'manual',
    title: { 'zh-CN': '签名证书的CA信任链与吊销状态', en: 'CA trust and revocation of the signing certificates' },
    source: 'DA/T 70-2018 GD-1-1',
    codes: [],
  },
] as const satisfies readonly EepCheckDefinition[];

/** Stable id of a check of the EEP format. */
export type EepFormatCheckId = (typeof EEP_FORMAT_CHECKS)[number]['id'];

/** The DA/T 70-2018 item each code reports under (standards-electronic.md §5.1). */
export const EEP_DAT70_ITEMS: Readonly<Partial<Record<IssueCode, string>>> = {
  'xml.malformed': 'GD-3-1',
  'eep.element.missing': 'GD-2-10',
  'eep.metadata.missing': 'GD-2-3',
  'eep.metadata.empty': 'GD-2-4',
  'eep.value.type': 'GD-1-3',
  'eep.value.domain': 'GD-1-4',
  'eep.value.inconsistent': 'GD-1-5',
  'eep.content.size-mismatch': 'GD-1-10',
  'eep.content.base64-invalid': 'GD-3-4',
  'eep.signature.invalid': 'GD-1-1',
  'eep.signature.unverified': 'GD-1-1',
  'eep.signature.algorithm-unknown': 'GD-1-1',
  'eep.signature.certificate-unreadable': 'GD-1-1',
  'eep.signature.weak-algorithm': 'GD-1-1',
  'eep.signature.lock-missing': 'GD-1-1',
  'eep.unsigned': 'GD-1-1',
};

/**
 * Whether an issue code belongs to a check (exact code, or a prefix ending in `*`).
 *
 * @param check - A check definition.
 * @param code - An issue code.
 * @returns True when the check owns the code.
 * @example
 * ownsCode(EEP_FORMAT_CHECKS[0], 'xml.malformed') //=> true
 */
export function ownsCode(check: Pick<CheckDefinition, 'codes'>, code: string): boolean {
  return check.codes.some((pattern) => (pattern.endsWith('*') ? code.startsWith(pattern.slice(0, -1)) : code === pattern));
}

/**
 * Finds the `eep` check an issue code belongs to: an exact `codes` entry
 * first, then the longest matching prefix.
 *
 * @param code - An issue code.
 * @returns The check id, or `undefined` for a code no `eep` check owns.
 * @example
 * eepCheckOfIssueCode('eep.value.domain') //=> 'eep.value-domain'
 * eepCheckOfIssueCode('xml.doctype-forbidden') //=> 'eep.xml'
 */
export function eepCheckOfIssueCode(code: string): EepFormatCheckId | undefined {
  return checkOfCode(code);
}

// Asked per issue and per check when a report is built: remembered per code.
const checkOfCode = createCheckOfCode<EepFormatCheckId>(() => EEP_FORMAT_CHECKS);

/**
 * The severity policy of an `eep` run: an override keyed by the issue's code
 * wins; otherwise one keyed by its check's id applies to every issue of the
 * check (as `validatePackage`'s per-check overrides do for `dat93`); `off`
 * drops the issue.
 *
 * @param overrides - Severity by issue code or by `eep` check id.
 * @returns The policy: the issue with its severity adjusted, or `undefined` when it is off.
 * @example
 * eepSeverityPolicy({ 'eep.value-domain': 'warning' })(domainIssue)?.severity //=> 'warning'
 */
export function eepSeverityPolicy(overrides: SeverityOverrides = {}): (issue: Issue) => Issue | undefined {
  return (issue) => {
    if (Object.hasOwn(overrides, issue.code)) return adjustSeverity(issue, overrides);
    const check = eepCheckOfIssueCode(issue.code);
    const level = check !== undefined && Object.hasOwn(overrides, check) ? overrides[check] : undefined;
    return level === undefined ? issue : adjustSeverity(issue, { [issue.code]: level });
  };
}
