import type { IssueTable } from '../definition.js';

/**
 * Issue codes of resource limits and hostile input (see `docs/security.md`
 * and `src/package/limits.ts`). A limit that is hit is always one of these
 * issues, never an exception; the entry or file concerned is not read.
 */
export const limitsIssues = {
  'limits.issues-truncated': {
    aspect: 'usability',
    severity: 'info',
    'zh-CN': '“{code}”问题已报告 {limit} 个，另有 {received} 个未列出',
    en: '{limit} issues "{code}" are listed; {received} more are left out',
  },
  'limits.entries': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '信息包有 {received} 个条目，超过上限 {limit}；未继续检测',
    en: 'The package has {received} entries, over the limit of {limit}; validation stopped',
  },
  'limits.total-bytes': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '信息包文件总计 {received} 字节，超过上限 {limit}；未继续检测',
    en: 'The package files add up to {received} bytes, over the limit of {limit}; validation stopped',
  },
  'limits.file-bytes': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '文件“{entry}”有 {received} 字节，超过单个文件上限 {limit}，未读取',
    en: 'File "{entry}" has {received} bytes, over the single-file limit of {limit}; not read',
  },
  'limits.compression-ratio': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包条目“{entry}”的压缩比为 {received}:1，超过上限 {limit}:1（疑似压缩炸弹），未读取',
    en: 'Archive entry "{entry}" expands {received}:1, over the limit of {limit}:1 (a likely zip bomb); not read',
  },
  'limits.path-length': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '条目路径长 {received} 个字符，超过上限 {limit}：“{entry}”',
    en: 'An entry path has {received} characters, over the limit of {limit}: "{entry}"',
  },
  'limits.entry-duplicate': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包中有 {count} 个条目同名“{entry}”；解压工具可能取其中任何一个，只检测了第一个',
    en: 'The archive holds {count} entries named "{entry}"; an unpacker may take any of them, only the first was checked',
  },
  'limits.entry-case-collision': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '条目“{entry}”与“{other}”仅大小写不同（{sizes}）：解包到不区分大小写的文件系统（Windows、macOS）时一个会覆盖另一个，接收方看到的内容取决于解包顺序',
    en: 'Entries "{entry}" and "{other}" differ only in case ({sizes}): on a case-insensitive file system (Windows, macOS) one overwrites the other, and what the receiver sees depends on the unpacking order',
  },
  'limits.entry-name': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '条目名“{entry}”不可移植：{reason}',
    en: 'Entry name "{entry}" is not portable: {reason}',
  },
  // Bounded readers (docs/security.md): a file over the byte cap is never decoded into a string.
  'xml.limit-bytes': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '文件“{entry}”有 {received} 字节，超过 XML 文件上限 {limit} 字节，未读取、未解码',
    en: 'File "{entry}" has {received} bytes, over the XML file limit of {limit}; not read or decoded',
  },
  'limits.xml-budget': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '读取 XML 已用 {received}，超过全包预算 {limit}；其余 {count} 个 XML 文件未读取',
    en: 'Reading XML has used {received}, over the budget of {limit} for the package; {count} more XML files were not read',
  },
  'package.folder-unreadable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件夹“{entry}”无法列出：{reason}；其中的条目未检测',
    en: 'Folder "{entry}" cannot be listed: {reason}; what it holds was not checked',
  },
  // Zip members read differently by a streaming extractor and by the central directory (APPNOTE 6.3.10 §4.3.7, §4.3.12).
  'zip.entry-overlap': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包条目“{entry}”的数据与“{other}”重叠（重叠条目压缩炸弹），未读取',
    en: 'The bytes of archive entry "{entry}" overlap "{other}" (an overlapping-entry zip bomb); not read',
  },
  'zip.name-mismatch': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包中央目录中的条目名“{entry}”与其本地文件头中的名称“{local}”不同；流式解压工具会写出“{local}”，未读取',
    en: 'The central directory names entry "{entry}" but its local header says "{local}"; a streaming extractor writes "{local}"; not read',
  },
  'zip.entry-local-only': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包在偏移 {offset} 处有中央目录未列出的本地条目“{local}”；流式解压工具会写出它',
    en: 'The archive holds a local entry "{local}" at offset {offset} that the central directory does not list; a streaming extractor writes it',
  },
  'zip.entry-invalid': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包条目“{entry}”无法按中央目录读取：{reason}',
    en: 'Archive entry "{entry}" cannot be read as the central directory says: {reason}',
  },
  'zip.crc-mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '压缩包条目“{entry}”的 CRC-32 为 {received}，压缩包中记录的是 {expected}',
    en: 'Archive entry "{entry}" has CRC-32 {received}; the archive records {expected}',
  },
  'zip.directory-data': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包中的文件夹条目“{entry}”带有 {received} 字节数据',
    en: 'Folder entry "{entry}" of the archive carries {received} bytes of data',
  },
  'zip.prefix-data': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '压缩包前有 {received} 字节其他数据（如自解压程序），已按 unzip 的方式跳过',
    en: 'The archive is preceded by {received} bytes of other data (e.g. a self-extracting stub), skipped as unzip does',
  },
  'zip.trailing-data': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '压缩包末尾有 {received} 字节多余数据，已按 unzip 的方式忽略',
    en: 'The archive is followed by {received} bytes of extra data, ignored as unzip does',
  },
  // Belongs with the other xml.limit-* codes (check security.xml-entities); kept here with the Limits object.
  'xml.limit-time': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '读取此 XML 用时超过 {limit} 毫秒的时间预算，已停止',
    en: 'Reading this XML took longer than its time budget of {limit} ms; stopped',
  },
} as const satisfies IssueTable;
