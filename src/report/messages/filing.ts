import type { IssueTable } from '../definition.js';

/**
 * Issue codes of 档号 (archival code) parsing and validation. Conformity
 * issues carry DA/T 70-2018 check `GD-1-7` (档号规范性检测), duplicates
 * `GD-1-8` (元数据项数据重复性检测) and sequence issues `GD-2-6`
 * (连续性元数据项检测). Severities marked "strict" become `error` with
 * `strict: true`.
 */
export const filingIssues = {
  'archival-code.empty': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号为空',
  },
  'archival-code.not-text': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号应为文本，实为{type}',
  },
  'archival-code.too-long': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号长度{length}超过上限{max}',
  },
  'archival-code.unknown-profile': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '未知的档号规则“{profile}”（可用：{known}）',
  },
  'archival-code.no-profile': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号“{code}”不符合任何已登记的档号规则（{known}）',
  },
  'archival-code.segment-count': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号“{code}”有{count}段，{profile}规则要求{expected}段（以“-”分隔）',
  },
  'archival-code.malformed': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号第{segment}段“{text}”不符合{profile}规则的“{part}”',
  },
  'archival-code.normalized.middle-dot': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '间隔号“{found}”已改为“·”（U+00B7）',
  },
  'archival-code.normalized.dash': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '连接号“{found}”已改为“-”（U+002D）',
  },
  'archival-code.normalized.full-width': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '全角字符“{found}”已改为半角',
  },
  'archival-code.normalized.case': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '小写字母“{found}”已改为大写',
  },
  'archival-code.normalized.whitespace': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '已删除档号中的{count}个空白字符',
  },
  'archival-code.unknown-category': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '门类代码“{category}”不在 DA/T 13-2022 门类代码表中',
  },
  'archival-code.retention-not-allowed': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '保管期限“{retention}”不是{profile}规则允许的代码（{allowed}）',
  },
  'archival-code.retention-legacy': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '保管期限“{retention}”是2006年以前的旧代码（C 长期，D 短期）',
  },
  'archival-code.year-format': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '年度“{year}”应为4位数字',
  },
  'archival-code.year-implausible': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '年度“{year}”不在合理范围{min}–{max}内',
  },
  'archival-code.number-width': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '{field}“{value}”应为{width}位数字（不足补0）',
  },
  'archival-code.number-zero': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '{field}“{value}”应从1开始编号',
  },
  'archival-code.org-code-form': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '机构（问题）代码“{org}”不是{profile}规则的形式（{forms}）',
  },
  'archival-code.fonds-code-form': {
    aspect: 'authenticity',
    severity: 'info',
    'zh-CN': '全宗号“{fonds}”不是常见形式 {form}（推断规则，仅提示）',
  },
  'archival-code.duplicate': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号“{code}”重复（首次出现在第{firstLine}行）',
  },
  'archival-code.sequence-gap': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '“{classKey}”中缺少{field} {from}–{to}',
  },
  'archival-code.sequence-not-restarted': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{classKey}”的{field}从{first}开始，接续了“{previous}”，应在每个最低一级类目内从1重新编号',
  },
  'archival-code.format-missing': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '{profile}规则需要组成项“{field}”',
  },
  'archival-code.format-invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '组成项“{field}”的值“{value}”不符合{profile}规则',
  },
  'archival-code.format-unused': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '{profile}规则没有组成项“{field}”，无法写入',
  },
  'archival-code.profile-invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '档号规则定义无效：{field}：{reason}',
  },
} as const satisfies IssueTable;
