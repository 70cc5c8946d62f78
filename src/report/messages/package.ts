import type { IssueTable } from '../definition.js';

/**
 * Issue codes of transfer-package (dat93) validation and the 四性 checks
 * (DA/T 70-2018). Each code belongs to one check of `packageChecks`
 * (`src/package/checks/registry.ts`), which carries the DA/T 70 item.
 */
export const packageIssues = {
  // ── 安全性 (security): entries ──────────────────────────────────────────────
  'package.path-unsafe': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '条目路径“{entry}”越出信息包或为绝对路径，已拒绝且未读取',
  },
  'package.link': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '条目“{entry}”是链接，未跟随、未读取',
  },
  'package.entry-special': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '条目“{entry}”不是普通文件或文件夹（设备、管道等），未读取',
  },
  'package.entry-encrypted': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包条目“{entry}”已加密，无法检测',
  },
  // ── 真实性 (authenticity): package structure, 说明文件 ────────────────────────
  'package.root-not-found': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '未找到移交信息包根目录：根目录或唯一的顶层文件夹中应有说明文件.TXT和目录文件.XML',
  },
  'package.file-missing': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '缺少{file}',
  },
  'package.item-folder-misplaced': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '件文件夹“{folder}”应位于 全宗号/分类/档号 之下（至少三级）',
  },
  'package.item-folder-no-metadata': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '件文件夹“{folder}”中没有元数据XML（名称以“元数据.XML”结尾）',
  },
  'package.item-folder-many-metadata': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '件文件夹“{folder}”中有多个元数据XML：{files}',
  },
  'package.item-folder-no-content': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '件文件夹“{folder}”中没有内容文件',
  },
  'package.description-key-missing': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '说明文件缺少必填项“{key}”',
  },
  'package.description-line-malformed': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '说明文件此行不是“键：值”形式',
  },
  'package.description-encoding': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '说明文件的编码应为 UTF-8 或 GB18030，实为 {encoding}',
  },
  'package.description-range-mismatch': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '说明文件的起止档号“{declared}”与目录文件的首末档号“{expected}”不符',
  },
  'package.description-key-duplicate': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '说明文件中“{key}”重复出现：首次为“{first}”，此处为“{value}”；以首次为准',
  },
  'package.description-value-invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '说明文件中“{key}”的值“{value}”不是{expectedType}',
  },
  // ── 档号 ─────────────────────────────────────────────────────────────────────
  'package.archival-code-folder-mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '元数据中的档号“{received}”与件文件夹名“{expected}”不一致',
  },
  'package.archival-code-not-in-catalogue': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号“{code}”的件文件夹在目录文件中没有条目',
  },
  'package.catalogue-entry-without-folder': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '目录文件中的档号“{code}”没有对应的件文件夹',
  },
  'package.catalogue-field-mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号“{code}”的“{field}”在目录文件中为“{expected}”，在元数据中为“{received}”',
  },
  'package.duplicate-value': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '{field}“{value}”重复出现（{count} 次）',
  },
  // ── 元数据 (DA/T 46) ─────────────────────────────────────────────────────────
  'metadata.root-invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '元数据XML的根元素应为“文件实体”，实为“{received}”',
  },
  'metadata.element-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '缺少元数据项“{element}”',
  },
  'metadata.element-empty': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '必填元数据项“{element}”为空',
  },
  'metadata.too-long': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '元数据项“{element}”长 {length} 个字符，超过 {max}',
  },
  'metadata.type-invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '元数据项“{element}”的值“{value}”不是{expectedType}',
  },
  'metadata.date-not-basic': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '日期“{value}”不是8位格式（YYYYMMDD），按 {normalized} 读取',
  },
  'metadata.value-out-of-domain': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '元数据项“{element}”的值“{value}”不在值域内',
  },
  'metadata.year-date-mismatch': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '年度“{year}”与日期“{date}”不符',
  },
  'metadata.forbidden-character': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '元数据项“{element}”含不允许的字符 {character}',
  },
  'package.other-document-missing': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '其他/ 中没有{document}（DA/T 93-2022 附录B 列出；是否必备为推断）',
  },
  'package.transfer-list-mismatch': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '电子档案移交清单的{what}与信息包不符',
  },
  'package.count-mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '{what}不相符',
  },
  'package.bytes-mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '说明文件声明的数据量与内容文件总字节数不符',
  },
  // ── 内容数据 ──────────────────────────────────────────────────────────────────
  'content.missing': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '元数据登记的计算机文件“{file}”不在件文件夹中',
  },
  'content.unlisted': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件“{file}”未被任何元数据登记',
  },
  'content.size-mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '“{file}”的计算机文件大小与实际字节数不符',
  },
  'content.format-mismatch': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件内容识别为 {detected}，与{declaredBy}“{declared}”不符',
  },
  'content.pdfa-unconfirmed': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '格式信息“{declared}”声明为 PDF/A，但文件中未找到 PDF/A 标识（XMP 元数据 pdfaid:part，ISO 19005）',
  },
  'content.format-unidentified': {
    aspect: 'usability',
    severity: 'info',
    'zh-CN': '无法根据字节识别文件格式',
  },
  'content.truncated': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件不完整：末尾缺少{marker}，可能已被截断',
  },
  'content.encrypted': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件已加密或设有口令（{kind}），长期保存前应解密',
  },
  'content.executable': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '文件是可执行程序或脚本（{kind}）',
  },
  'content.macro': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '文件含宏（{kind}）',
  },
  'content.unreadable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '无法读取文件：{reason}',
  },
  'content.scan-skipped': {
    aspect: 'usability',
    severity: 'info',
    'zh-CN': '文件大于 {limit} 字节，未扫描加密与宏标记',
  },
  // ── 固化信息 (fixity) ─────────────────────────────────────────────────────────
  'fixity.mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '{algorithm} 数字摘要不符（依据：{source}）',
  },
  'fixity.size-mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '字节数不符（依据：{source}）',
  },
  'fixity.file-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '固化信息登记的文件“{file}”不在信息包中（依据：{source}）',
  },
  'fixity.algorithm-unsupported': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '不支持的摘要算法“{algorithm}”，该摘要未核验',
  },
  'fixity.entry-malformed': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '固化信息条目不完整或格式错误：{reason}',
  },
  'fixity.not-covered': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '内容文件没有数字摘要（固化信息）',
  },
  'fixity.unreadable': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '计算摘要时无法读取文件：{reason}',
  },
} as const satisfies IssueTable;
