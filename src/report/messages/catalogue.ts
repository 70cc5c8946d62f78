import type { IssueTable } from '../definition.js';

/** Issue codes of the 目录文件.XML / 归档文件目录 check. */
export const catalogueIssues = {
  'catalogue.root-unexpected': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '根元素是 <{received}>，应为 <文件目录>（件）或 <案卷目录>（卷）',
  },
  'catalogue.entry-unexpected': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '<{root}> 下出现了不是 <{entry}> 的元素 <{received}>，已忽略',
  },
  'catalogue.empty': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '目录中没有任何条目',
  },
  'catalogue.required-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {entry} 条缺少必填项 <{field}>',
  },
  'catalogue.required-empty': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的必填项 <{field}> 为空',
  },
  'catalogue.element-missing': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第 {entry} 条缺少元素 <{field}>（可以为空，但应当存在）',
  },
  'catalogue.field-repeated': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第 {entry} 条的 <{field}> 出现了不止一次，只采用第一个',
  },
  'catalogue.field-unknown': {
    aspect: 'usability',
    severity: 'info',
    'zh-CN': '元素 <{field}> 不在 {elementSet} 元素集中（首次出现于第 {entry} 条）',
  },
  'catalogue.sequence-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的顺序号“{value}”不是正整数',
  },
  'catalogue.sequence-duplicate': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '顺序号“{value}”重复：第 {entry} 条与第 {firstLine} 行的条目相同',
  },
  'catalogue.archival-code-duplicate': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号“{value}”重复：第 {entry} 条与第 {firstLine} 行的条目相同',
  },
  'catalogue.date-invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的日期“{value}”不是 8 位数字日期（YYYYMMDD）',
  },
  'catalogue.date-impossible': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的日期“{value}”在日历上不存在',
  },
  'catalogue.date-not-basic': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '第 {entry} 条的日期“{value}”应写成 8 位数字形式“{normalized}”',
  },
  'catalogue.security-invalid': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '第 {entry} 条的密级“{value}”不是绝密、机密、秘密之一（无密级时留空）',
  },
  'catalogue.security-not-classification': {
    aspect: 'security',
    severity: 'warning',
    'zh-CN': '第 {entry} 条的密级“{value}”是开放或控制属性，不是密级；无密级时留空',
  },
  'catalogue.retention-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的保管期限“{value}”无法识别（应为永久、定期30年、定期10年或代码 Y、D30、D10 等）',
  },
  'catalogue.page-count-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的页数“{value}”不是正整数',
  },
} as const satisfies IssueTable;
