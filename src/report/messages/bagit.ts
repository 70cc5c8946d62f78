import type { IssueTable } from '../definition.js';

/**
 * Issue codes of BagIt (RFC 8493) validation. Codes under `bagit.lint.*` are
 * "allowed but discouraged" findings in the spirit of bagit-java's
 * `BagitWarning`; callers may suppress them by code. Clauses cite RFC 8493
 * (BagIt 1.0) unless noted; see `docs/bagit.md`.
 */
export const bagitIssues = {
  // --- bagit.txt (RFC 8493 §2.1.1) ---
  'bagit.bagit-txt.missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '缺少包声明文件 bagit.txt（RFC 8493 §2.1.1）',
  },
  'bagit.bagit-txt.bom': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': 'bagit.txt 不得以字节顺序标记（BOM）开头（RFC 8493 §2.1.1）',
  },
  'bagit.bagit-txt.not-utf8': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': 'bagit.txt 必须是 UTF-8 编码（RFC 8493 §2.1.1）',
  },
  'bagit.bagit-txt.version-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'bagit.txt 第一行必须是 BagIt-Version（RFC 8493 §2.1.1）',
  },
  'bagit.bagit-txt.version-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'BagIt-Version 的值“{version}”不是 M.N 形式的版本号',
  },
  'bagit.bagit-txt.version-unknown': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': 'BagIt 版本 {version} 未知，按 1.0 的规则检查',
  },
  'bagit.bagit-txt.version-unsupported': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'BagIt 版本 {version} 不在 0.93–1.0 之内，无法按任何已发布的规范校验（RFC 8493 §2.1.1）',
  },
  'bagit.bagit-txt.encoding-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'bagit.txt 第二行必须是 Tag-File-Character-Encoding（RFC 8493 §2.1.1）',
  },
  'bagit.bagit-txt.encoding-unsupported': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '不支持标签文件字符编码“{encoding}”',
  },
  'bagit.bagit-txt.whitespace': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'BagIt 1.0 的 bagit.txt 中“{label}”与冒号之间不得有空白，冒号后只能有一个空格（RFC 8493 §2.1.1）',
  },
  'bagit.bagit-txt.trailing-whitespace': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': 'bagit.txt 中“{label}”的值后有多余空白',
  },
  'bagit.bagit-txt.extra-line': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'bagit.txt 只能有两行，多出的行（含空行）：“{line}”（RFC 8493 §2.1.1）',
  },
  // --- tag files (RFC 8493 §2.1.1, §2.2.4) ---
  'bagit.tag-file.decode-failed': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '标签文件无法按声明的编码 {encoding} 解码',
  },
  'bagit.tag-file.bom': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': 'UTF-8 标签文件以字节顺序标记（BOM）开头，已跳过',
  },
  'bagit.tag-file.missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '标签清单 {manifest} 列出的标签文件不存在（RFC 8493 §3）',
  },
  // --- payload and manifests (RFC 8493 §2.1.2, §2.1.3, §2.2.1) ---
  'bagit.payload.directory-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '缺少载荷目录 data/（RFC 8493 §2.1.2）',
  },
  'bagit.manifest.missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '没有可用的载荷清单 manifest-<算法>.txt（RFC 8493 §2.1.3）',
  },
  'bagit.manifest.tag-lists-payload': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '标签清单 {manifest} 不得列出载荷文件（RFC 8493 §2.2.1）',
  },
  'bagit.manifest.tag-lists-tag-manifest': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '标签清单 {manifest} 不得列出标签清单（RFC 8493 §2.2.1）',
  },
  'bagit.manifest.tag-omits-payload-manifest': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '标签清单 {manifest} 必须列出载荷清单 {payloadManifest}（RFC 8493 §2.2.1）',
  },
  'bagit.manifest.unsupported-algorithm': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '不支持清单算法“{algorithm}”，该清单未核验',
  },
  'bagit.manifest.malformed-line': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '清单行不是“摘要 空白 路径”格式，或摘要不是 {algorithm} 的十六进制值：“{line}”',
  },
  'bagit.manifest.outside-payload': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '载荷清单 {manifest} 中的路径不在 data/ 下',
  },
  'bagit.manifest.duplicate': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '{manifest} 重复列出同一文件（摘要相同）；BagIt 1.0 起为错误',
  },
  'bagit.manifest.duplicate-mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '{manifest} 以不同摘要重复列出同一文件',
  },
  'bagit.manifest.normalization-conflict': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '{manifest} 中两个路径仅 Unicode 规范化形式不同（{other}），指向同一文件；BagIt 1.0 起为错误',
  },
  'bagit.payload.missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '载荷清单 {manifest} 列出的文件不存在（RFC 8493 §3）',
  },
  'bagit.payload.unlisted': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '载荷文件未列入载荷清单 {manifest}（RFC 8493 §3）',
  },
  'bagit.payload.normalization-conflict': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '包内有多个文件名仅 Unicode 规范化形式不同，规范化后都是“{path}”',
  },
  'bagit.entry.not-regular': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '包内条目不是普通文件或目录（{kind}），不跟随、不读取',
  },
  // --- path safety (RFC 8493 §5.1, §6.2) ---
  'bagit.path.absolute': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径是绝对路径，指向包外（RFC 8493 §5.1）',
  },
  'bagit.path.drive': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径带 Windows 盘符，指向包外（RFC 8493 §5.1）',
  },
  'bagit.path.unc': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径是 UNC 网络路径，指向包外（RFC 8493 §5.1）',
  },
  'bagit.path.traversal': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径含“..”，指向包外（RFC 8493 §5.1）',
  },
  'bagit.path.home': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径以“~”开头，会被展开为用户主目录（RFC 8493 §5.1）',
  },
  'bagit.path.variable': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径以环境变量“{variable}”开头，会被展开到包外（RFC 8493 §5.1）',
  },
  'bagit.path.malformed': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径有空段、“.”段或控制字符',
  },
  // --- fixity (RFC 8493 §3) ---
  'bagit.fixity.mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '{algorithm} 摘要与清单 {manifest} 不符',
  },
  'bagit.fixity.unreadable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件无法读取，未能计算摘要：{reason}',
  },
  // --- Payload-Oxum and bag-info.txt (RFC 8493 §2.2.2) ---
  'bagit.oxum.malformed': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'Payload-Oxum 的值“{value}”不是“字节数.文件数”形式',
  },
  'bagit.oxum.mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'Payload-Oxum 与载荷不符（字节数.文件数）',
  },
  'bagit.oxum.multiple': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'Payload-Oxum 出现了 {count} 次，只能出现一次（RFC 8493 §2.2.2）',
  },
  'bagit.oxum.required': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '快速校验（--fast）需要 bag-info.txt 中的 Payload-Oxum',
  },
  'bagit.bag-info.malformed-line': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '元数据行不是“标签: 值”，也不是以空白开头的续行：“{line}”（RFC 8493 §2.2.2）',
  },
  // --- fetch.txt (RFC 8493 §2.2.3) ---
  'bagit.fetch.malformed-line': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'fetch.txt 行不是“URL 长度 路径”格式：“{line}”（RFC 8493 §2.2.3）',
  },
  'bagit.fetch.blank-line': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'fetch.txt 中有空行或只含空白的行（RFC 8493 §2.2.3：每行一个“URL 长度 路径”）',
  },
  'bagit.fetch.url-invalid': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': 'fetch.txt 中的 URL“{url}”不是带协议和主机的绝对 URL',
  },
  'bagit.fetch.outside-payload': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'fetch.txt 中的路径不在 data/ 下（RFC 8493 §2.2.3）',
  },
  'bagit.fetch.unlisted': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'fetch.txt 中的文件未列入载荷清单 {manifest}（RFC 8493 §2.2.3）',
  },
  'bagit.fetch.not-fetched': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'fetch.txt 中的文件尚未取回，包不完整（dangan 从不下载）',
  },
  // --- lint (bagit-java BagLinter; may be suppressed) ---
  'bagit.lint.old-version': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': 'BagIt 版本 {version} 早于 1.0',
  },
  'bagit.lint.weak-algorithm': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '清单算法 {algorithm} 强度不足，建议使用 sha512、sha256 或 sm3（RFC 8493 §2.4）',
  },
  'bagit.lint.non-standard-algorithm': {
    aspect: 'usability',
    severity: 'info',
    'zh-CN': '清单算法 {algorithm} 不在 RFC 8493 列出的算法之内，其他工具可能不支持',
  },
  'bagit.lint.os-files': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '载荷中有操作系统生成的文件（{name}）',
  },
  'bagit.lint.os-file-missing': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '清单 {manifest} 列出的操作系统生成文件不存在（复制时常被丢弃），按空文件计入 Payload-Oxum',
  },
  'bagit.lint.payload-oxum-missing': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': 'bag-info.txt 中没有 Payload-Oxum，无法快速校验',
  },
  'bagit.lint.different-case': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '路径与“{other}”仅大小写不同，在不区分大小写的文件系统上是同一文件',
  },
  'bagit.lint.different-normalization': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '清单中的路径与磁盘上的文件名 Unicode 规范化形式不同，按 NFC 规范化后匹配',
  },
  'bagit.lint.leading-dot-slash': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '{source} 中的路径以“./”开头，已去掉',
  },
  'bagit.lint.md5sum-marker': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '{source} 中的路径带 md5sum 二进制模式标记“*”，已去掉',
  },
  'bagit.lint.tag-file-encoding': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '标签文件编码是 {encoding}，建议使用 UTF-8',
  },
  'bagit.lint.bag-within-bag': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '载荷中还有一个包（{path}），按普通载荷文件校验',
  },
} as const satisfies IssueTable;
