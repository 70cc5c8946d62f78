import type { IssueTable } from '../definition.js';

/** Issue codes of retention, opening, secrecy and classification rules. */
export const rulesIssues = {
  'schedule.unknown': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '未知的保管期限表“{schedule}”，可用：{available}',
  },
  'schedule.invalid': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '保管期限表字段“{field}”不符合要求：{reason}',
  },
  'schedule.row-invalid': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '保管期限表第{row}行（{rule}）字段“{field}”不符合要求：{reason}',
  },
  'schedule.duplicate-rule': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '保管期限表第{row}行的编号“{rule}”与第{first}行重复',
  },
  'retention.rule-not-found': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '保管期限表“{schedule}”中找不到“{query}”',
  },
  'retention.rule-ambiguous': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '“{query}”对应多个条目，请指定：{candidates}',
  },
  'retention.year-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '无法确定形成年度或日期，不能计算保管期限',
  },
  'retention.date-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '日期“{value}”不是完整有效的日期（应为 YYYYMMDD）',
  },
  'retention.period-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '保管期限“{value}”不是正整数年，不能计算到期日',
  },
  'retention.event-pending': {
    aspect: 'integrity',
    severity: 'info',
    'zh-CN': '保管期限自“{event}”后起算，该事件的日期尚未记录',
  },
  'retention.legacy-period': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '旧保管期限“{period}”须按现行规定重新鉴定；参考建议：{suggested}（非正式换算，未自动转换）',
  },
  'disposition.on-hold': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”处于保留状态（{hold}），不得销毁',
  },
  'disposition.not-due': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”的保管期限至{expiry}届满，尚未到期',
  },
  'disposition.permanent': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”为永久保管，不得销毁',
  },
  'disposition.undetermined': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”的到期日无法确定（{reason}），不得销毁',
  },
  'opening.secrecy-unreadable': {
    aspect: 'security',
    severity: 'warning',
    'zh-CN': '密级标志“{marking}”读不出保密期限（如“★长期”、中文数字、解密条件、解密时间），开放日期无法确定，人工审核前不得开放',
  },
  'opening.date-unreadable': {
    aspect: 'security',
    severity: 'warning',
    'zh-CN': '日期“{value}”无法识别，开放日期无法确定，人工审核前不得开放',
  },
  'opening.date-missing': {
    aspect: 'security',
    severity: 'warning',
    'zh-CN': '缺少形成年度或日期，开放日期无法确定，人工审核前不得开放',
  },
  'opening.deferral-unapproved': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '“{title}”延期开放未载明同级档案主管部门同意的文号（档案法实施条例 第三十一条）',
  },
  'opening.deferral-ground-missing': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '“{title}”延期开放未说明到期不宜开放的理由（档案法 第二十七条）',
  },
  'transfer.date-unreadable': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '日期“{value}”无法识别，移交期限无法确定',
  },
  'transfer.date-missing': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '缺少形成年度或日期，移交期限无法确定',
  },
  'transfer.level-unknown': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '接收档案馆级别“{value}”无法识别（应为中央级、省级、设区的市级或县级），移交期限无法确定',
  },
  'not-archived.match': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”可能属于不归档范围：{rule}（{clause}）',
  },
  'classification.item-invalid': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第{index}项字段“{fieldName}”不符合要求：{reason}',
  },
  'classification.year-undetermined': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第{index}项“{title}”无法按{basis}确定年度',
  },
  'classification.year-mismatch': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '第{index}项“{title}”标注年度{declared}与按{basis}确定的年度{assigned}不一致',
  },
  'classification.org-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '分类方案“{scheme}”按机构（问题）分类，第{index}项“{title}”缺少机构（问题）代码',
  },
  'classification.option-invalid': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '选项“{option}”不符合要求：{reason}',
  },
  'classification.record-sheet-invalid': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '备考表字段“{fieldName}”不符合要求：{reason}；各盒暂不附备考表',
  },
  'classification.scheme-unknown': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '未知的分类方案“{scheme}”，可用：{available}',
  },
} as const satisfies IssueTable;
