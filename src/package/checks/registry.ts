import { createCheckOfCode } from '../../report/checkOfCode.js';

/**
 * Where a check runs in the staged validation (cheap first, as bagit-python
 * does): entries and layout, metadata, fixity (hashing), content scanning, or
 * a manual step a person has to do.
 */
export type CheckStage = 'entries' | 'structure' | 'metadata' | 'fixity' | 'content' | 'manual';

import type { CheckDefinition } from '../../report/check.js';

export type { CheckDefinition } from '../../report/check.js';

/** One check of the package validator (profile `dat93`): a {@link CheckDefinition} with its stage. */
export interface PackageCheckDefinition extends CheckDefinition {
  /** Stage that runs the check. */
  readonly stage: CheckStage;
}

/**
 * Every check of the `dat93` profile, keyed by stable id. DA/T 70-2018 items
 * are the 归档环节 (GD) codes, verified in several code bases
 * (standards-electronic.md §5.1); the 移交接收 (YJ) table parallels them.
 * Items marked *inferred* there are never hard errors without an override.
 */
export const packageChecks = {
  // 真实性 authenticity
  'fixity.digest': {
    dat70: 'GD-1-1', aspect: 'authenticity', severity: 'error', stage: 'fixity', mode: 'auto',
    title: { 'zh-CN': '固化信息有效性（数字摘要）', en: 'Fixity: digests match' },
    source: 'DA/T 70-2018 GD-1-1; DA/T 93-2022 附录B 其他/固化验证信息',
    codes: ['fixity.mismatch', 'fixity.size-mismatch', 'fixity.file-missing', 'fixity.algorithm-unsupported', 'fixity.entry-malformed', 'fixity.unreadable'],
  },
  'fixity.coverage': {
    dat70: 'GD-1-1', aspect: 'authenticity', severity: 'warning', stage: 'fixity', mode: 'auto',
    title: { 'zh-CN': '每个内容文件都有数字摘要', en: 'Every content file has a digest' },
    source: 'GB/T 18894-2016 固化; DA/T 93-2022 附录B',
    codes: ['fixity.not-covered'],
  },
  'signature.trust': {
    dat70: 'GD-1-1', aspect: 'authenticity', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '电子签名、印章、时间戳的CA信任链', en: 'CA trust of signatures, seals and time stamps' },
    source: 'DA/T 70-2018 GD-1-1',
    codes: [],
  },
  'metadata.length': {
    dat70: 'GD-1-2', aspect: 'authenticity', severity: 'warning', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '元数据项数据长度', en: 'Metadata value lengths' },
    source: 'DA/T 70-2018 GD-1-2 (lengths inferred, hence a warning)',
    codes: ['metadata.too-long'],
  },
  'metadata.type': {
    dat70: 'GD-1-3', aspect: 'authenticity', severity: 'error', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '元数据项数据类型、格式', en: 'Metadata types and formats (dates, numbers)' },
    source: 'DA/T 70-2018 GD-1-3; DA/T 46-2009 M11, M17, M33, M49',
    codes: ['metadata.type-invalid', 'metadata.date-not-basic'],
  },
  'metadata.domain': {
    dat70: 'GD-1-4', aspect: 'authenticity', severity: 'error', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '元数据项值域符合度', en: 'Metadata value domains' },
    source: 'DA/T 70-2018 GD-1-4; DA/T 46-2009 M12, M34, M38, M41, M45',
    codes: ['metadata.value-out-of-domain'],
  },
  'metadata.plausibility': {
    dat70: 'GD-1-5', aspect: 'authenticity', severity: 'warning', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '元数据项数据值合理性（年度与日期）', en: 'Plausible values (year agrees with date)' },
    source: 'DA/T 70-2018 GD-1-5',
    codes: ['metadata.year-date-mismatch'],
  },
  'metadata.characters': {
    dat70: 'GD-1-6', aspect: 'authenticity', severity: 'error', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '元数据项特殊字符', en: 'Forbidden characters in metadata' },
    source: 'DA/T 70-2018 GD-1-6 / YJ-1-6',
    codes: ['metadata.forbidden-character'],
  },
  'archival-code.format': {
    dat70: 'GD-1-7', aspect: 'authenticity', severity: 'error', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '档号规范性', en: 'Archival codes conform to their profile' },
    source: 'DA/T 70-2018 GD-1-7; DA/T 13-2022',
    codes: ['archival-code.*'],
  },
  'archival-code.consistency': {
    dat70: 'GD-1-7', aspect: 'authenticity', severity: 'error', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '档号与件文件夹名、目录文件一致', en: 'Archival code equals folder name and catalogue entry' },
    source: 'DA/T 93-2022 附录B',
    codes: ['package.archival-code-folder-mismatch', 'package.archival-code-not-in-catalogue', 'package.catalogue-field-mismatch'],
  },
  'metadata.uniqueness': {
    dat70: 'GD-1-8', aspect: 'authenticity', severity: 'error', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '档号、电子文件号、顺序号不重复', en: 'No duplicate archival code, record id or sequence number' },
    source: 'DA/T 70-2018 GD-1-8 / YJ-1-8',
    codes: ['package.duplicate-value', 'archival-code.duplicate'],
  },
  'content.attributes': {
    dat70: 'GD-1-10', aspect: 'authenticity', severity: 'error', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '内容数据的电子属性一致性', en: 'Electronic attributes agree with the content' },
    source: 'DA/T 70-2018 GD-1-10; DA/T 46-2009 M49',
    codes: ['content.size-mismatch'],
  },
  'content.link': {
    // GD-1-11 is a 真实性 item (DA/T 70-2018 §5.1; standards-electronic §5.1).
    dat70: 'GD-1-11', aspect: 'authenticity', severity: 'error', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '元数据与内容数据关联', en: 'Metadata resolves to its content files' },
    source: 'DA/T 70-2018 GD-1-11',
    codes: ['content.missing'],
  },
  'package.description': {
    dat70: 'GD-1-12', aspect: 'authenticity', severity: 'error', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '说明文件规范性', en: 'Package description (说明文件.TXT) conforms' },
    source: 'DA/T 70-2018 GD-1-12; DA/T 93-2022 附录B',
    codes: ['package.description-key-missing', 'package.description-line-malformed', 'package.description-encoding', 'package.description-value-invalid', 'package.description-range-mismatch', 'package.description-key-duplicate'],
  },
  'catalogue.conformance': {
    dat70: 'GD-1-12', aspect: 'authenticity', severity: 'error', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '目录文件规范性', en: 'Catalogue file (目录文件.XML) conforms' },
    source: 'DA/T 70-2018 GD-1-12; DA/T 93-2022 附录B',
    codes: ['catalogue.*'],
  },
  'package.structure': {
    dat70: 'GD-1-13', aspect: 'authenticity', severity: 'error', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '信息包目录结构规范性', en: 'Package folder structure conforms' },
    source: 'DA/T 70-2018 GD-1-13; DA/T 93-2022 附录B',
    codes: ['package.root-not-found', 'package.file-missing', 'package.item-folder-misplaced', 'package.item-folder-no-metadata', 'package.item-folder-many-metadata', 'package.item-folder-no-content', 'metadata.root-invalid'],
  },
  'package.other-documents': {
    dat70: 'GD-1-13', aspect: 'authenticity', severity: 'warning', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '其他/ 中的移交文件齐全', en: 'Transfer documents in 其他/ present' },
    source: 'DA/T 93-2022 附录B 其他/ (document list from 2 secondary sources; that each is required is inferred)',
    codes: ['package.other-document-missing'],
  },
  'package.consistency': {
    dat70: 'GD-1-14', aspect: 'authenticity', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '归档信息包一致性（接收的信息包与发送的一致）', en: 'Package consistency (the package received equals the package sent)' },
    source: 'DA/T 70-2018 GD-1-14 (2 code bases: compare the digest of the package sent with the one received)',
    codes: [],
  },
  // 完整性 integrity
  'package.count': {
    dat70: 'GD-2-1', aspect: 'integrity', severity: 'error', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '总件数相符', en: 'Declared, catalogued and present item counts agree' },
    source: 'DA/T 70-2018 GD-2-1; DA/T 93-2022 附录B',
    codes: ['package.count-mismatch', 'package.catalogue-entry-without-folder'],
  },
  'package.transfer-list': {
    dat70: 'GD-2-1', aspect: 'integrity', severity: 'warning', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '电子档案移交清单与信息包相符', en: 'Transfer list agrees with the package' },
    source: 'DA/T 93-2022 附录B 其他/电子档案移交清单 (its form is dangan\'s: inferred)',
    codes: ['package.transfer-list-mismatch'],
  },
  'package.bytes': {
    dat70: 'GD-2-2', aspect: 'integrity', severity: 'error', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '总字节数相符', en: 'Declared total bytes agree' },
    source: 'DA/T 70-2018 GD-2-2',
    codes: ['package.bytes-mismatch'],
  },
  'metadata.completeness': {
    dat70: 'GD-2-3', aspect: 'integrity', severity: 'error', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '元数据项完整性', en: 'Required metadata elements present' },
    source: 'DA/T 70-2018 GD-2-3; DA/T 46-2009',
    codes: ['metadata.element-missing'],
  },
  'metadata.required': {
    dat70: 'GD-2-4', aspect: 'integrity', severity: 'error', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '必填著录项目非空', en: 'Required metadata elements non-empty' },
    source: 'DA/T 70-2018 GD-2-4',
    codes: ['metadata.element-empty'],
  },
  'metadata.process': {
    dat70: 'GD-2-5', aspect: 'integrity', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '过程信息完整性（修改过程、办理情况）', en: 'Process information complete (drafting and handling history)' },
    source: 'DA/T 70-2018 GD-2-5 (1 code base + mind-map)',
    codes: [],
  },
  'metadata.sequence': {
    dat70: 'GD-2-6', aspect: 'integrity', severity: 'error', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '件号连续性', en: 'Item numbers continuous within each lowest class' },
    source: 'DA/T 70-2018 GD-2-6; DA/T 22-2015 §6.3',
    codes: ['archival-code.sequence-*'],
  },
  'content.integrity': {
    dat70: 'GD-2-7', aspect: 'integrity', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '内容数据完整性（每件有内容且内容完整）', en: 'Content complete (each record has its content, and it is whole)' },
    source: 'DA/T 70-2018 GD-2-7 (1 code base); automated in part by content.link (GD-1-11) and fixity.digest (GD-1-1)',
    codes: [],
  },
  'package.scope': {
    dat70: 'GD-2-9', aspect: 'integrity', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '归档范围（应归档的档案齐全）', en: 'Archiving scope (every record that must be archived is there)' },
    source: 'DA/T 70-2018 GD-2-9 (2 code bases); 国家档案局令第8号 第三条',
    codes: [],
  },
  'eep.packages': {
    dat70: 'GD-2-10', aspect: 'integrity', severity: 'error', stage: 'metadata', mode: 'auto',
    title: { 'zh-CN': '件文件夹中的电子文件封装包（EEP）符合 DA/T 48', en: 'EEP packages in item folders conform to DA/T 48' },
    source: 'DA/T 70-2018 GD-2-10; DA/T 48-2009 附录A; DA/T 93-2022 附录B',
    codes: ['eep.*'],
  },
  'content.completeness': {
    dat70: 'GD-2-11', aspect: 'integrity', severity: 'error', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '信息包内容数据完整性（无未登记文件）', en: 'Every file is listed; nothing unlisted' },
    source: 'DA/T 70-2018 GD-2-11',
    codes: ['content.unlisted'],
  },
  // 可用性 usability
  'xml.readable': {
    dat70: 'GD-3-1', aspect: 'usability', severity: 'error', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': '信息包中元数据的可读性', en: 'Every XML parses' },
    source: 'DA/T 70-2018 GD-3-1',
    codes: ['xml.*'],
  },
  'metadata.database-access': {
    dat70: 'GD-3-2', aspect: 'usability', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '目标数据库中的元数据可访问性', en: 'Metadata accessible in the target database' },
    source: 'DA/T 70-2018 GD-3-2 (2 code bases)',
    codes: [],
  },
  'content.format': {
    dat70: 'GD-3-3', aspect: 'usability', severity: 'error', stage: 'content', mode: 'auto',
    title: { 'zh-CN': '内容数据格式（字节识别与声明一致）', en: 'Content formats identified by bytes match declarations' },
    source: 'DA/T 70-2018 GD-3-3; GB/T 18894-2016 归档格式',
    codes: ['content.format-mismatch', 'content.pdfa-unconfirmed', 'content.format-unidentified', 'content.truncated', 'content.unreadable', 'content.scan-skipped'],
  },
  'content.readable': {
    dat70: 'GD-3-4', aspect: 'usability', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '内容数据可读性（打开并正常显示）', en: 'Content opens and displays correctly' },
    source: 'DA/T 70-2018 GD-3-4',
    codes: [],
  },
  'content.encryption': {
    dat70: 'GD-3-8', aspect: 'usability', severity: 'error', stage: 'content', mode: 'auto',
    title: { 'zh-CN': '内容数据无加密、无口令保护', en: 'No encrypted or password-protected content' },
    source: 'DA/T 70-2018 GD-3-8; 电子档案移交与接收办法 (2012)',
    codes: ['content.encrypted'],
  },
  // 安全性 security
  'security.antivirus-installed': {
    dat70: 'GD-4-1', aspect: 'security', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '系统环境中安装杀毒软件', en: 'Antivirus installed in the system environment' },
    source: 'DA/T 70-2018 GD-4-1',
    codes: ['antivirus.engine', 'antivirus.unavailable', 'antivirus.database-outdated', 'antivirus.database-undated'],
  },
  'security.virus-scan': {
    dat70: 'GD-4-2', aspect: 'security', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '病毒感染检测', en: 'Virus scan' },
    source: 'DA/T 70-2018 GD-4-2',
    codes: ['antivirus.infected', 'antivirus.file-refused', 'antivirus.scan-stopped', 'antivirus.scan-not-run'],
  },
  'security.entries': {
    aspect: 'security', severity: 'error', stage: 'entries', mode: 'auto',
    title: { 'zh-CN': '条目路径安全（越界、绝对路径、链接、加密条目）', en: 'Safe entries (no escaping or absolute paths, links, encrypted entries)' },
    source: 'DA/T 93-2022 附录B; RFC 8493 §7.2 (path safety)',
    codes: ['package.path-unsafe', 'package.link', 'package.entry-special', 'package.entry-encrypted', 'zip.*', 'package.folder-unreadable'],
  },
  'security.executables': {
    // GD-4-3 is named 载体中多余文件检测 in published implementations (3 code bases): executables,
    // scripts and macros are the extraneous files this check finds by their bytes.
    dat70: 'GD-4-3', aspect: 'security', severity: 'error', stage: 'content', mode: 'auto',
    title: { 'zh-CN': '载体中多余文件（可执行程序、脚本和宏）', en: 'Extraneous files on the carrier (executables, scripts, macros)' },
    source: 'DA/T 70-2018 GD-4-3 载体中多余文件检测',
    codes: ['content.executable', 'content.macro'],
  },
  'security.xml-entities': {
    aspect: 'security', severity: 'error', stage: 'structure', mode: 'auto',
    title: { 'zh-CN': 'XML 不含 DOCTYPE 实体声明', en: 'No DOCTYPE entity declarations in XML' },
    source: 'OWASP XXE prevention; design.md xml/',
    codes: ['xml.doctype-forbidden', 'xml.doctype-ignored', 'xml.xinclude', 'xml.name-reserved', 'xml.limit-*', 'limits.xml-budget'],
  },
  'carrier.read-speed': {
    dat70: 'GD-4-4', aspect: 'security', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '载体读取速度', en: 'Carrier read speed' },
    source: 'DA/T 70-2018 GD-4-4 (item number inferred)',
    codes: [],
  },
  'carrier.appearance': {
    dat70: 'GD-4-5', aspect: 'security', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '载体外观', en: 'Carrier appearance' },
    source: 'DA/T 70-2018 GD-4-5 (item number inferred)',
    codes: [],
  },
  'security.process': {
    dat70: 'GD-4-7', aspect: 'security', severity: 'error', stage: 'manual', mode: 'manual',
    title: { 'zh-CN': '归档过程安全性（技术和管理措施）', en: 'Archiving process security (technical and administrative measures)' },
    source: 'DA/T 70-2018 GD-4-7 (1 code base)',
    codes: [],
  },
} as const satisfies Readonly<Record<string, PackageCheckDefinition>>;

/**
 * The 移交与接收-stage (YJ) item of DA/T 70-2018 that parallels a 归档-stage
 * (GD) item: same aspect and number, prefix `YJ-`. A DA/T 93 移交信息包 is
 * reported with both. *Inferred*: the YJ table parallels GD, but only
 * YJ-1-6 and YJ-1-8 were seen in published code (standards-electronic §5).
 *
 * @param dat70 - A GD item, e.g. `GD-1-11`.
 * @returns The YJ item, e.g. `YJ-1-11`; `undefined` for anything that is not a GD item.
 * @example
 * transferStageItem('GD-1-6') //=> 'YJ-1-6'
 */
export function transferStageItem(dat70: string | undefined): string | undefined {
  const match = dat70 === undefined ? null : /^GD-([1-4]-\d+)$/.exec(dat70);
  return match ? `YJ-${match[1]}` : undefined;
}

/** Stable id of a package check. */
export type PackageCheckId = keyof typeof packageChecks;

/** Every check id, in registry order (the order reports list them). */
export const packageCheckIds = Object.keys(packageChecks) as PackageCheckId[];

/**
 * Finds the check an issue code belongs to: an exact `codes` entry first,
 * then the longest matching `prefix.*` entry.
 *
 * @param code - An issue code.
 * @returns The check id, or `undefined` for a code no package check reports.
 * @example
 * checkOfIssueCode('fixity.mismatch') //=> 'fixity.digest'
 * checkOfIssueCode('xml.doctype-forbidden') //=> 'security.xml-entities'
 * checkOfIssueCode('xml.malformed') //=> 'xml.readable'
 */
export function checkOfIssueCode(code: string): PackageCheckId | undefined {
  return checkOfCode(code);
}

// Asked once per reported issue (200,000 times for 100,000 unlisted files): remembered per code.
const checkOfCode = createCheckOfCode(() => packageCheckIds.map((id) => ({ id, codes: packageChecks[id].codes as readonly string[] })));
