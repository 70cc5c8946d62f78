import type { IdentifiedCheckDefinition } from '../../report/check.js';

/**
 * The checks of a `bagit` report, in the order validation runs them (cheap
 * first, as bagit-python does). An issue belongs to the stage that reported
 * it (the same code, e.g. `bagit.fixity.unreadable`, may come from two
 * stages); `codes` lists what each stage reports. BagIt has no DA/T 70 item.
 *
 * @example
 * BAG_CHECKS.find((c) => c.id === 'bagit.oxum')?.source //=> 'RFC 8493 §2.2.2'
 */
export const BAG_CHECKS = [
  {
    id: 'bagit.declaration', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': 'bagit.txt 存在，版本与编码声明有效', en: 'bagit.txt present, with a valid version and encoding' },
    source: 'RFC 8493 §2.1.1',
    codes: ['bagit.bagit-txt.*', 'bagit.fixity.unreadable'],
  },
  {
    id: 'bagit.structure', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '有效载荷目录存在，条目均为常规文件', en: 'Payload directory present, entries are regular files' },
    source: 'RFC 8493 §2.1.2',
    codes: ['bagit.payload.directory-missing', 'bagit.payload.normalization-conflict', 'bagit.entry.*', 'bagit.path.*', 'input.unreadable'],
  },
  {
    id: 'bagit.manifests', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '清单存在、算法受支持、各行格式正确', en: 'Manifests present, algorithms supported, lines well-formed' },
    source: 'RFC 8493 §2.1.3, §2.2.1',
    codes: ['bagit.manifest.*', 'bagit.path.*', 'bagit.tag-file.decode-failed', 'bagit.tag-file.bom'],
  },
  {
    id: 'bagit.metadata', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': 'bag-info.txt 各行格式正确', en: 'bag-info.txt lines well-formed' },
    source: 'RFC 8493 §2.2.2',
    codes: ['bagit.bag-info.*'],
  },
  {
    id: 'bagit.fetch', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': 'fetch.txt 各行有效且所列文件已取回', en: 'fetch.txt lines valid and their files fetched' },
    source: 'RFC 8493 §2.2.3',
    codes: ['bagit.fetch.*'],
  },
  {
    id: 'bagit.oxum', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': 'Payload-Oxum 与有效载荷的字节数、文件数一致', en: 'Payload-Oxum matches the payload bytes and file count' },
    source: 'RFC 8493 §2.2.2',
    codes: ['bagit.oxum.*'],
  },
  {
    id: 'bagit.completeness', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '清单所列文件都存在，有效载荷文件都列入清单', en: 'Every listed file exists and every payload file is listed' },
    source: 'RFC 8493 §3',
    codes: ['bagit.payload.missing', 'bagit.payload.unlisted', 'bagit.tag-file.missing'],
  },
  {
    id: 'bagit.fixity', aspect: 'authenticity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '数字摘要与清单一致', en: 'Digests match the manifests' },
    source: 'RFC 8493 §3',
    codes: ['bagit.fixity.mismatch'],
  },
  {
    id: 'bagit.profile', aspect: 'integrity', severity: 'error', mode: 'auto',
    title: { 'zh-CN': '包符合所给的 BagIt Profile（只在给出 Profile 时列出）', en: 'The bag meets the BagIt Profile given (listed only when one is given)' },
    source: 'BagIt Profiles Specification 1.4.0',
    codes: ['bagit.profile.*'],
  },
  {
    id: 'bagit.lint', aspect: 'usability', severity: 'warning', mode: 'auto',
    title: { 'zh-CN': '可移植性与良好实践（不影响有效性）', en: 'Portability and good practice (never invalidates)' },
    source: 'bagit-python lint; RFC 8493 §6',
    codes: ['bagit.lint.*'],
  },
] as const satisfies readonly IdentifiedCheckDefinition[];

/** Stable id of a `bagit` check (one per validation stage). */
export type BagCheckId = (typeof BAG_CHECKS)[number]['id'];
