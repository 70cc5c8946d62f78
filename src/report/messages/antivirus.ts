import type { IssueTable } from '../definition.js';

/**
 * Issue codes of the antivirus checks (DA/T 70-2018 GD-4-1 杀毒软件安装 and
 * GD-4-2 病毒感染检测), reported when validation runs with an engine
 * (`--antivirus`, see `docs/security.md`). Without one both checks stay `manual`.
 */
export const antivirusIssues = {
  'antivirus.engine': {
    aspect: 'security',
    severity: 'info',
    'zh-CN': '杀毒引擎 {engine} {version}；病毒库版本：{database}，日期：{date}',
  },
  'antivirus.unavailable': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '杀毒引擎（{kind}）无法使用：{reason}',
  },
  'antivirus.database-outdated': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '病毒库日期为 {date}，已有 {received} 天，超过允许的 {expected} 天',
  },
  'antivirus.database-undated': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '杀毒引擎未报告病毒库日期，无法确认病毒库不超过 {expected} 天',
  },
  'antivirus.infected': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '“{file}”感染病毒：{signature}',
  },
  'antivirus.file-refused': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '“{file}”未完成病毒检测：{reason}',
  },
  'antivirus.scan-stopped': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '病毒检测中断（{reason}），{received} 个文件未检测',
  },
  'antivirus.scan-not-run': {
    aspect: 'security',
    severity: 'warning',
    'zh-CN': '未进行病毒检测：{reason}',
  },
} as const satisfies IssueTable;
