import type { IssueTable } from '../definition.js';

/** Issue codes of retention, opening, secrecy and classification rules. */
export const rulesIssues = {
  'schedule.unknown': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '未知的保管期限表“{schedule}”，可用：{available}',
    en: 'Unknown retention schedule "{schedule}"; available: {available}',
  },
  'schedule.invalid': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '保管期限表字段“{field}”不符合要求：{reason}',
    en: 'Retention schedule field "{field}" is invalid: {reason}',
  },
  'schedule.row-invalid': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '保管期限表第{row}行（{rule}）字段“{field}”不符合要求：{reason}',
    en: 'Retention schedule row {row} ({rule}): field "{field}" is invalid: {reason}',
  },
  'schedule.duplicate-rule': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '保管期限表第{row}行的编号“{rule}”与第{first}行重复',
    en: 'Retention schedule row {row} repeats id "{rule}" of row {first}',
  },
  'retention.rule-not-found': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '保管期限表“{schedule}”中找不到“{query}”',
    en: 'No row of retention schedule "{schedule}" matches "{query}"',
  },
  'retention.rule-ambiguous': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '“{query}”对应多个条目，请指定：{candidates}',
    en: '"{query}" matches several rows; choose one: {candidates}',
  },
  'retention.year-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '无法确定形成年度或日期，不能计算保管期限',
    en: 'The year or date of formation is unknown, so the retention period cannot be counted',
  },
  'retention.date-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '日期“{value}”不是完整有效的日期（应为 YYYYMMDD）',
    en: 'Date "{value}" is not a complete valid date (YYYYMMDD expected)',
  },
  'retention.event-pending': {
    aspect: 'integrity',
    severity: 'info',
    'zh-CN': '保管期限自“{event}”后起算，该事件的日期尚未记录',
    en: 'The period runs from "{event}", whose date is not recorded yet',
  },
  'retention.legacy-period': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '旧保管期限“{period}”须按现行规定重新鉴定；参考建议：{suggested}（非正式换算，未自动转换）',
    en: 'Legacy retention period "{period}" needs re-appraisal; suggestion: {suggested} (not an official mapping, not converted)',
  },
  'disposition.on-hold': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”处于保留状态（{hold}），不得销毁',
    en: 'Item {index} "{title}" is under a hold ({hold}) and must not be destroyed',
  },
  'disposition.not-due': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”的保管期限至{expiry}届满，尚未到期',
    en: 'Item {index} "{title}" is kept until {expiry} and is not yet due',
  },
  'disposition.permanent': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”为永久保管，不得销毁',
    en: 'Item {index} "{title}" is kept permanently and must not be destroyed',
  },
  'disposition.undetermined': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”的到期日无法确定（{reason}），不得销毁',
    en: 'Item {index} "{title}" has no determinable expiry ({reason}) and must not be destroyed',
  },
  'not-archived.match': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”可能属于不归档范围：{rule}（{clause}）',
    en: 'Item {index} "{title}" may be outside the archiving scope: {rule} ({clause})',
  },
  'classification.item-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第{index}项字段“{fieldName}”不符合要求：{reason}',
    en: 'Item {index}: field "{fieldName}" is invalid: {reason}',
  },
  'classification.year-undetermined': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第{index}项“{title}”无法按{basis}确定年度',
    en: 'Item {index} "{title}": the year cannot be determined from its {basis}',
  },
  'classification.year-mismatch': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”标注年度{declared}与按{basis}确定的年度{assigned}不一致',
    en: 'Item {index} "{title}": declared year {declared} differs from year {assigned} assigned by its {basis}',
  },
  'classification.org-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '分类方案“{scheme}”按机构（问题）分类，第{index}项“{title}”缺少机构（问题）代码',
    en: 'Scheme "{scheme}" classifies by organisation (subject), but item {index} "{title}" has no organisation code',
  },
  'classification.option-invalid': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '选项“{option}”不符合要求：{reason}',
    en: 'Option "{option}" is invalid: {reason}',
  },
  'classification.record-sheet-invalid': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '备考表字段“{fieldName}”不符合要求：{reason}；各盒暂不附备考表',
    en: 'Record sheet (备考表) field "{fieldName}" is invalid: {reason}; the boxes carry no record sheet yet',
  },
  'classification.scheme-unknown': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '未知的分类方案“{scheme}”，可用：{available}',
    en: 'Unknown classification scheme "{scheme}"; available: {available}',
  },
} as const satisfies IssueTable;
