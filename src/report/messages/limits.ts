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
  // Belongs with the other xml.limit-* codes (check security.xml-entities); kept here with the Limits object.
  'xml.limit-time': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '读取此 XML 用时超过 {limit} 毫秒的时间预算，已停止',
    en: 'Reading this XML took longer than its time budget of {limit} ms; stopped',
  },
} as const satisfies IssueTable;
