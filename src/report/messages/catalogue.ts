import type { IssueTable } from '../definition.js';

/** Issue codes of the 目录文件.XML / 归档文件目录 check. */
export const catalogueIssues = {
  'catalogue.root-unexpected': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '根元素是 <{received}>，应为 <文件目录>（件）或 <案卷目录>（卷）',
    en: 'The root element is <{received}>; expected <文件目录> (item level) or <案卷目录> (volume level)',
  },
  'catalogue.entry-unexpected': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '<{root}> 下出现了不是 <{entry}> 的元素 <{received}>，已忽略',
    en: 'Element <{received}> under <{root}> is not an <{entry}> entry and was ignored',
  },
  'catalogue.empty': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '目录中没有任何条目',
    en: 'The catalogue has no entries',
  },
  'catalogue.required-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {entry} 条缺少必填项 <{field}>',
    en: 'Entry {entry} lacks the required item <{field}>',
  },
  'catalogue.required-empty': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的必填项 <{field}> 为空',
    en: 'Entry {entry}: the required item <{field}> is empty',
  },
  'catalogue.element-missing': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第 {entry} 条缺少元素 <{field}>（可以为空，但应当存在）',
    en: 'Entry {entry} lacks the element <{field}> (it may be empty but should be present)',
  },
  'catalogue.field-repeated': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第 {entry} 条的 <{field}> 出现了不止一次，只采用第一个',
    en: 'Entry {entry}: <{field}> occurs more than once; only the first is used',
  },
  'catalogue.field-unknown': {
    aspect: 'usability',
    severity: 'info',
    'zh-CN': '元素 <{field}> 不在 {elementSet} 元素集中（首次出现于第 {entry} 条）',
    en: 'Element <{field}> is not in the {elementSet} element set (first seen in entry {entry})',
  },
  'catalogue.sequence-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的顺序号“{value}”不是正整数',
    en: 'Entry {entry}: 顺序号 "{value}" is not a positive integer',
  },
  'catalogue.sequence-duplicate': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '顺序号“{value}”重复：第 {entry} 条与第 {firstLine} 行的条目相同',
    en: '顺序号 "{value}" is repeated: entry {entry} repeats the entry on line {firstLine}',
  },
  'catalogue.archival-code-duplicate': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号“{value}”重复：第 {entry} 条与第 {firstLine} 行的条目相同',
    en: '档号 "{value}" is repeated: entry {entry} repeats the entry on line {firstLine}',
  },
  'catalogue.date-invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的日期“{value}”不是 8 位数字日期（YYYYMMDD）',
    en: 'Entry {entry}: 日期 "{value}" is not an 8-digit date (YYYYMMDD)',
  },
  'catalogue.date-impossible': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的日期“{value}”在日历上不存在',
    en: 'Entry {entry}: 日期 "{value}" is not a real calendar day',
  },
  'catalogue.date-not-basic': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '第 {entry} 条的日期“{value}”应写成 8 位数字形式“{normalized}”',
    en: 'Entry {entry}: 日期 "{value}" should be written in 8-digit form "{normalized}"',
  },
  'catalogue.security-invalid': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '第 {entry} 条的密级“{value}”不是绝密、机密、秘密之一（无密级时留空）',
    en: 'Entry {entry}: 密级 "{value}" is not 绝密, 机密 or 秘密 (leave it empty when unclassified)',
  },
  'catalogue.security-not-classification': {
    aspect: 'security',
    severity: 'warning',
    'zh-CN': '第 {entry} 条的密级“{value}”是开放或控制属性，不是密级；无密级时留空',
    en: 'Entry {entry}: 密级 "{value}" is an access value, not a classification; leave it empty when unclassified',
  },
  'catalogue.retention-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的保管期限“{value}”无法识别（应为永久、定期30年、定期10年或代码 Y、D30、D10 等）',
    en: 'Entry {entry}: 保管期限 "{value}" is not recognised (expected 永久, 定期30年, 定期10年 or a code such as Y, D30, D10)',
  },
  'catalogue.page-count-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {entry} 条的页数“{value}”不是正整数',
    en: 'Entry {entry}: 页数 "{value}" is not a positive integer',
  },
} as const satisfies IssueTable;
