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
  },
  'limits.entries': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '信息包有 {received} 个条目，超过上限 {limit}；未继续检测',
  },
  'limits.total-bytes': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '信息包文件总计 {received} 字节，超过上限 {limit}；未继续检测',
  },
  'limits.file-bytes': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '文件“{entry}”有 {received} 字节，超过单个文件上限 {limit}，未读取',
  },
  'limits.compression-ratio': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包条目“{entry}”的压缩比为 {received}:1，超过上限 {limit}:1（疑似压缩炸弹），未读取',
  },
  'limits.path-length': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '条目路径长 {received} 个字符，超过上限 {limit}：“{entry}”',
  },
  'limits.entry-duplicate': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包中有 {count} 个条目同名“{entry}”；解压工具可能取其中任何一个，只检测了第一个',
  },
  'limits.entry-case-collision': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '条目“{entry}”与“{other}”仅大小写不同（{sizes}）：解包到不区分大小写的文件系统（Windows、macOS）时一个会覆盖另一个，接收方看到的内容取决于解包顺序',
  },
  'limits.entry-name': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '条目名“{entry}”不可移植：{reason}',
  },
  // Bounded readers (docs/security.md): a file over the byte cap is never decoded into a string.
  'xml.limit-bytes': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '文件“{entry}”有 {received} 字节，超过 XML 文件上限 {limit} 字节，未读取、未解码',
  },
  'limits.xml-budget': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '读取 XML 已用 {received}，超过全包预算 {limit}；其余 {count} 个 XML 文件未读取',
  },
  'package.folder-unreadable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件夹“{entry}”无法列出：{reason}；其中的条目未检测',
  },
  // Zip members read differently by a streaming extractor and by the central directory (APPNOTE 6.3.10 §4.3.7, §4.3.12).
  'zip.entry-overlap': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包条目“{entry}”的数据与“{other}”重叠（重叠条目压缩炸弹），未读取',
  },
  'zip.name-mismatch': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包中央目录中的条目名“{entry}”与其本地文件头中的名称“{local}”不同；流式解压工具会写出“{local}”，未读取',
  },
  'zip.entry-local-only': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包在偏移 {offset} 处有中央目录未列出的本地条目“{local}”；流式解压工具会写出它',
  },
  'zip.entry-invalid': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包条目“{entry}”无法按中央目录读取：{reason}',
  },
  'zip.crc-mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '压缩包条目“{entry}”的 CRC-32 为 {received}，压缩包中记录的是 {expected}',
  },
  'zip.directory-data': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '压缩包中的文件夹条目“{entry}”带有 {received} 字节数据',
  },
  'zip.prefix-data': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '压缩包前有 {received} 字节其他数据（如自解压程序），已按 unzip 的方式跳过',
  },
  'zip.trailing-data': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '压缩包末尾有 {received} 字节多余数据，已按 unzip 的方式忽略',
  },
  // Belongs with the other xml.limit-* codes (check security.xml-entities); kept here with the Limits object.
  'xml.limit-time': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '读取此 XML 用时超过 {limit} 毫秒的时间预算，已停止',
  },
} as const satisfies IssueTable;
