import type { IssueTable } from '../definition.js';

/** Issue codes of writers, readers and the package builder. */
export const exportIssues = {
  'export.xml.root-unexpected': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '根元素应为 {expected}，实为 {received}',
  },
  'export.xml.element-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '{parent} 缺少必需的元素 {element}',
  },
  'export.value.invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '{field} 的值“{value}”无效：{reason}',
  },
  'export.value.unrepresentable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '{field} 含有 XML 1.0 无法表示的字符 {character}',
  },
  'export.csv.syntax': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': 'CSV 格式错误：{reason}',
  },
  'export.csv.column-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': 'CSV 表头缺少必需的列“{column}”',
  },
  'export.csv.column-unknown': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': 'CSV 表头中的列“{column}”不属于归档文件目录，已忽略',
  },
  'export.json.syntax': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': 'JSON 无法解析：{reason}',
  },
  'build.entry-without-files': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '目录条目 {archivalCode} 没有对应的文件',
  },
  'build.file-without-entry': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '文件 {file} 没有对应的目录条目，未放入移交信息包',
  },
  'build.folder-name-invalid': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '档号“{archivalCode}”不能用作文件夹名：{reason}',
  },
  'build.archival-code-duplicate': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号 {archivalCode} 重复出现',
  },
  'build.match-key-duplicate': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '{column}“{key}”对应多个目录条目，无法据此对应文件',
  },
  'build.output-exists': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '输出位置 {output} 已存在且不为空',
  },
  'build.file-unreadable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '无法读取文件 {file}：{reason}',
  },
} as const satisfies IssueTable;
