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
    en: 'The bag declaration bagit.txt is missing (RFC 8493 §2.1.1)',
  },
  'bagit.bagit-txt.bom': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': 'bagit.txt 不得以字节顺序标记（BOM）开头（RFC 8493 §2.1.1）',
    en: 'bagit.txt must not start with a byte-order mark (RFC 8493 §2.1.1)',
  },
  'bagit.bagit-txt.not-utf8': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': 'bagit.txt 必须是 UTF-8 编码（RFC 8493 §2.1.1）',
    en: 'bagit.txt must be encoded in UTF-8 (RFC 8493 §2.1.1)',
  },
  'bagit.bagit-txt.version-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'bagit.txt 第一行必须是 BagIt-Version（RFC 8493 §2.1.1）',
    en: 'The first line of bagit.txt must be BagIt-Version (RFC 8493 §2.1.1)',
  },
  'bagit.bagit-txt.version-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'BagIt-Version 的值“{version}”不是 M.N 形式的版本号',
    en: 'BagIt-Version "{version}" is not a version of the form M.N',
  },
  'bagit.bagit-txt.version-unknown': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': 'BagIt 版本 {version} 未知，按 1.0 的规则检查',
    en: 'BagIt version {version} is unknown; the rules of 1.0 are applied',
  },
  'bagit.bagit-txt.version-unsupported': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'BagIt 版本 {version} 不在 0.93–1.0 之内，无法按任何已发布的规范校验（RFC 8493 §2.1.1）',
    en: 'BagIt version {version} is outside 0.93–1.0; no published specification applies (RFC 8493 §2.1.1)',
  },
  'bagit.bagit-txt.encoding-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'bagit.txt 第二行必须是 Tag-File-Character-Encoding（RFC 8493 §2.1.1）',
    en: 'The second line of bagit.txt must be Tag-File-Character-Encoding (RFC 8493 §2.1.1)',
  },
  'bagit.bagit-txt.encoding-unsupported': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '不支持标签文件字符编码“{encoding}”',
    en: 'Tag-file character encoding "{encoding}" is not supported',
  },
  'bagit.bagit-txt.whitespace': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'BagIt 1.0 的 bagit.txt 中“{label}”与冒号之间不得有空白，冒号后只能有一个空格（RFC 8493 §2.1.1）',
    en: 'In a BagIt 1.0 bagit.txt, "{label}" must be followed directly by a colon and one space (RFC 8493 §2.1.1)',
  },
  'bagit.bagit-txt.trailing-whitespace': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': 'bagit.txt 中“{label}”的值后有多余空白',
    en: 'The value of "{label}" in bagit.txt has trailing whitespace',
  },
  'bagit.bagit-txt.extra-line': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'bagit.txt 只能有两行，多出的行（含空行）：“{line}”（RFC 8493 §2.1.1）',
    en: 'bagit.txt must have exactly two lines; extra line (blank lines count): "{line}" (RFC 8493 §2.1.1)',
  },
  // --- tag files (RFC 8493 §2.1.1, §2.2.4) ---
  'bagit.tag-file.decode-failed': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '标签文件无法按声明的编码 {encoding} 解码',
    en: 'The tag file cannot be decoded with the declared encoding {encoding}',
  },
  'bagit.tag-file.bom': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': 'UTF-8 标签文件以字节顺序标记（BOM）开头，已跳过',
    en: 'The UTF-8 tag file starts with a byte-order mark; it was skipped',
  },
  'bagit.tag-file.missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '标签清单 {manifest} 列出的标签文件不存在（RFC 8493 §3）',
    en: 'The tag file listed in {manifest} does not exist (RFC 8493 §3)',
  },
  // --- payload and manifests (RFC 8493 §2.1.2, §2.1.3, §2.2.1) ---
  'bagit.payload.directory-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '缺少载荷目录 data/（RFC 8493 §2.1.2）',
    en: 'The payload directory data/ is missing (RFC 8493 §2.1.2)',
  },
  'bagit.manifest.missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '没有可用的载荷清单 manifest-<算法>.txt（RFC 8493 §2.1.3）',
    en: 'There is no usable payload manifest manifest-<algorithm>.txt (RFC 8493 §2.1.3)',
  },
  'bagit.manifest.tag-lists-payload': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '标签清单 {manifest} 不得列出载荷文件（RFC 8493 §2.2.1）',
    en: 'The tag manifest {manifest} must not list a payload file (RFC 8493 §2.2.1)',
  },
  'bagit.manifest.tag-lists-tag-manifest': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '标签清单 {manifest} 不得列出标签清单（RFC 8493 §2.2.1）',
    en: 'The tag manifest {manifest} must not list a tag manifest (RFC 8493 §2.2.1)',
  },
  'bagit.manifest.tag-omits-payload-manifest': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '标签清单 {manifest} 必须列出载荷清单 {payloadManifest}（RFC 8493 §2.2.1）',
    en: 'The tag manifest {manifest} must list the payload manifest {payloadManifest} (RFC 8493 §2.2.1)',
  },
  'bagit.manifest.unsupported-algorithm': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '不支持清单算法“{algorithm}”，该清单未核验',
    en: 'Manifest algorithm "{algorithm}" is not supported; the manifest was not verified',
  },
  'bagit.manifest.malformed-line': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '清单行不是“摘要 空白 路径”格式，或摘要不是 {algorithm} 的十六进制值：“{line}”',
    en: 'The manifest line is not "digest whitespace path" or the digest is not a {algorithm} hex value: "{line}"',
  },
  'bagit.manifest.outside-payload': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '载荷清单 {manifest} 中的路径不在 data/ 下',
    en: 'A path in payload manifest {manifest} is not under data/',
  },
  'bagit.manifest.duplicate': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '{manifest} 重复列出同一文件（摘要相同）；BagIt 1.0 起为错误',
    en: '{manifest} lists the same file twice (same digest); an error from BagIt 1.0',
  },
  'bagit.manifest.duplicate-mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '{manifest} 以不同摘要重复列出同一文件',
    en: '{manifest} lists the same file twice with different digests',
  },
  'bagit.manifest.normalization-conflict': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '{manifest} 中两个路径仅 Unicode 规范化形式不同（{other}），指向同一文件；BagIt 1.0 起为错误',
    en: 'Two paths in {manifest} differ only in Unicode normalisation ({other}) and name the same file; an error from BagIt 1.0',
  },
  'bagit.payload.missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '载荷清单 {manifest} 列出的文件不存在（RFC 8493 §3）',
    en: 'The file listed in payload manifest {manifest} does not exist (RFC 8493 §3)',
  },
  'bagit.payload.unlisted': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '载荷文件未列入载荷清单 {manifest}（RFC 8493 §3）',
    en: 'The payload file is not listed in payload manifest {manifest} (RFC 8493 §3)',
  },
  'bagit.payload.normalization-conflict': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '包内有多个文件名仅 Unicode 规范化形式不同，规范化后都是“{path}”',
    en: 'Several file names in the bag differ only in Unicode normalisation; all normalise to "{path}"',
  },
  'bagit.entry.not-regular': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '包内条目不是普通文件或目录（{kind}），不跟随、不读取',
    en: 'The bag entry is not a regular file or directory ({kind}); it is neither followed nor read',
  },
  // --- path safety (RFC 8493 §5.1, §6.2) ---
  'bagit.path.absolute': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径是绝对路径，指向包外（RFC 8493 §5.1）',
    en: 'The path in {source} is absolute and points outside the bag (RFC 8493 §5.1)',
  },
  'bagit.path.drive': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径带 Windows 盘符，指向包外（RFC 8493 §5.1）',
    en: 'The path in {source} has a Windows drive letter and points outside the bag (RFC 8493 §5.1)',
  },
  'bagit.path.unc': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径是 UNC 网络路径，指向包外（RFC 8493 §5.1）',
    en: 'The path in {source} is a UNC network path and points outside the bag (RFC 8493 §5.1)',
  },
  'bagit.path.traversal': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径含“..”，指向包外（RFC 8493 §5.1）',
    en: 'The path in {source} contains ".." and points outside the bag (RFC 8493 §5.1)',
  },
  'bagit.path.home': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径以“~”开头，会被展开为用户主目录（RFC 8493 §5.1）',
    en: 'The path in {source} starts with "~" and would expand to a home directory (RFC 8493 §5.1)',
  },
  'bagit.path.variable': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径以环境变量“{variable}”开头，会被展开到包外（RFC 8493 §5.1）',
    en: 'The path in {source} starts with environment variable "{variable}" and would expand outside the bag (RFC 8493 §5.1)',
  },
  'bagit.path.malformed': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '{source} 中的路径有空段、“.”段或控制字符',
    en: 'The path in {source} has an empty segment, a "." segment or a control character',
  },
  // --- fixity (RFC 8493 §3) ---
  'bagit.fixity.mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '{algorithm} 摘要与清单 {manifest} 不符',
    en: 'The {algorithm} digest does not match manifest {manifest}',
  },
  'bagit.fixity.unreadable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件无法读取，未能计算摘要：{reason}',
    en: 'The file cannot be read to compute its digest: {reason}',
  },
  // --- Payload-Oxum and bag-info.txt (RFC 8493 §2.2.2) ---
  'bagit.oxum.malformed': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'Payload-Oxum 的值“{value}”不是“字节数.文件数”形式',
    en: 'Payload-Oxum "{value}" is not of the form octets.streams',
  },
  'bagit.oxum.mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'Payload-Oxum 与载荷不符（字节数.文件数）',
    en: 'Payload-Oxum does not match the payload (octets.streams)',
  },
  'bagit.oxum.multiple': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'Payload-Oxum 出现了 {count} 次，只能出现一次（RFC 8493 §2.2.2）',
    en: 'Payload-Oxum appears {count} times; it must appear once (RFC 8493 §2.2.2)',
  },
  'bagit.oxum.required': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '快速校验（--fast）需要 bag-info.txt 中的 Payload-Oxum',
    en: 'Fast validation (--fast) needs Payload-Oxum in bag-info.txt',
  },
  'bagit.bag-info.malformed-line': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '元数据行不是“标签: 值”，也不是以空白开头的续行：“{line}”（RFC 8493 §2.2.2）',
    en: 'The metadata line is neither "Label: value" nor a continuation line starting with whitespace: "{line}" (RFC 8493 §2.2.2)',
  },
  // --- fetch.txt (RFC 8493 §2.2.3) ---
  'bagit.fetch.malformed-line': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'fetch.txt 行不是“URL 长度 路径”格式：“{line}”（RFC 8493 §2.2.3）',
    en: 'The fetch.txt line is not "URL LENGTH FILENAME": "{line}" (RFC 8493 §2.2.3)',
  },
  'bagit.fetch.blank-line': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'fetch.txt 中有空行或只含空白的行（RFC 8493 §2.2.3：每行一个“URL 长度 路径”）',
    en: 'fetch.txt has a blank or whitespace-only line (RFC 8493 §2.2.3: one "URL LENGTH FILENAME" per line)',
  },
  'bagit.fetch.url-invalid': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': 'fetch.txt 中的 URL“{url}”不是带协议和主机的绝对 URL',
    en: 'The fetch.txt URL "{url}" is not an absolute URL with a scheme and host',
  },
  'bagit.fetch.outside-payload': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'fetch.txt 中的路径不在 data/ 下（RFC 8493 §2.2.3）',
    en: 'A path in fetch.txt is not under data/ (RFC 8493 §2.2.3)',
  },
  'bagit.fetch.unlisted': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'fetch.txt 中的文件未列入载荷清单 {manifest}（RFC 8493 §2.2.3）',
    en: 'The file in fetch.txt is not listed in payload manifest {manifest} (RFC 8493 §2.2.3)',
  },
  'bagit.fetch.not-fetched': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'fetch.txt 中的文件尚未取回，包不完整（dangan 从不下载）',
    en: 'The file listed in fetch.txt has not been fetched, so the bag is incomplete (dangan never downloads)',
  },
  // --- lint (bagit-java BagLinter; may be suppressed) ---
  'bagit.lint.old-version': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': 'BagIt 版本 {version} 早于 1.0',
    en: 'BagIt version {version} is older than 1.0',
  },
  'bagit.lint.weak-algorithm': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '清单算法 {algorithm} 强度不足，建议使用 sha512、sha256 或 sm3（RFC 8493 §2.4）',
    en: 'Manifest algorithm {algorithm} is weak; prefer sha512, sha256 or sm3 (RFC 8493 §2.4)',
  },
  'bagit.lint.non-standard-algorithm': {
    aspect: 'usability',
    severity: 'info',
    'zh-CN': '清单算法 {algorithm} 不在 RFC 8493 列出的算法之内，其他工具可能不支持',
    en: 'Manifest algorithm {algorithm} is not one RFC 8493 lists; other tools may not support it',
  },
  'bagit.lint.os-files': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '载荷中有操作系统生成的文件（{name}）',
    en: 'The payload holds an operating-system artefact ({name})',
  },
  'bagit.lint.os-file-missing': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '清单 {manifest} 列出的操作系统生成文件不存在（复制时常被丢弃），按空文件计入 Payload-Oxum',
    en: 'The operating-system artefact listed in {manifest} is missing (copy tools often drop them); counted as an empty file in Payload-Oxum',
  },
  'bagit.lint.payload-oxum-missing': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': 'bag-info.txt 中没有 Payload-Oxum，无法快速校验',
    en: 'bag-info.txt has no Payload-Oxum, so the bag cannot be checked quickly',
  },
  'bagit.lint.different-case': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '路径与“{other}”仅大小写不同，在不区分大小写的文件系统上是同一文件',
    en: 'The path differs from "{other}" only in case; they are one file on a case-insensitive file system',
  },
  'bagit.lint.different-normalization': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '清单中的路径与磁盘上的文件名 Unicode 规范化形式不同，按 NFC 规范化后匹配',
    en: 'The manifest path and the file name on disk use different Unicode normalisation; they match after NFC',
  },
  'bagit.lint.leading-dot-slash': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '{source} 中的路径以“./”开头，已去掉',
    en: 'The path in {source} starts with "./"; it was removed',
  },
  'bagit.lint.md5sum-marker': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '{source} 中的路径带 md5sum 二进制模式标记“*”，已去掉',
    en: 'The path in {source} carries md5sum\'s binary-mode marker "*"; it was removed',
  },
  'bagit.lint.tag-file-encoding': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '标签文件编码是 {encoding}，建议使用 UTF-8',
    en: 'The tag files are encoded in {encoding}; UTF-8 is recommended',
  },
  'bagit.lint.bag-within-bag': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '载荷中还有一个包（{path}），按普通载荷文件校验',
    en: 'The payload holds another bag ({path}); it is checked as ordinary payload',
  },
} as const satisfies IssueTable;
