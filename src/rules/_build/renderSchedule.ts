/**
 * Renders a retention schedule as a Markdown page (中文 first, English
 * beside), so a data change shows up as a readable diff in
 * `docs/schedules/<id>.md`. Build-time only: not exported from the barrel.
 * Run `node src/rules/_build/renderSchedules.mjs` to write the pages, or with
 * `--check` to fail when a page is stale.
 *
 * @module
 */
import { formatRetentionPeriod, type RetentionPeriod } from '../../model/index.js';
import { retentionDates } from '../retentionDates.js';
import { countingRuleOf, type CountingRule, type RetentionRule, type RetentionSchedule } from '../schedule.js';
import { retentionEventLabel } from '../schedules/events.js';

const COUNTING: Record<CountingRule, string> = {
  'formation-year-end': '形成次年1月1日 / 1 Jan after the formation year',
  'fiscal-year-end': '会计年度终了后第一天 / day after the fiscal year ends',
  event: '事件发生之日 / the event date',
};

const CONFIDENCE: Record<string, string> = {
  verified: '已核实 verified',
  'single-source': '单一来源 single source',
  inferred: '推断 inferred',
};

/** The formation year of the worked example column. */
export const EXAMPLE_YEAR = 2015;

/**
 * Renders one schedule.
 *
 * @param schedule - The schedule.
 * @returns Markdown text ending with a newline.
 * @example
 * renderSchedule(accounting2015Enterprise).startsWith('# 企业和其他组织会计档案保管期限表') //=> true
 */
export function renderSchedule(schedule: RetentionSchedule): string {
  const lines = [
    `# ${schedule.name}`,
    '',
    `${schedule.nameEn}`,
    '',
    '<!-- 由 src/rules/_build/renderSchedules.mjs 生成，请勿手改。Generated; do not edit. -->',
    '',
    `| 项目 Field | 值 Value |`,
    '|---|---|',
    `| 编号 id | \`${schedule.id}\` |`,
    `| 依据 Regulation | ${cell(schedule.regulation)} |`,
    ...(schedule.effective ? [`| 施行 Effective | ${schedule.effective} |`] : []),
    ...(schedule.legacy ? ['| 状态 Status | 已废止，仅用于读取旧数据 / legacy, for reading old data |'] : []),
    `| 起算 Counting | ${COUNTING[schedule.counting.rule]} |`,
    `| 起算依据 Counting source | ${cell(cite(schedule.counting.source))} |`,
    ...(schedule.note ? [`| 说明 Note | ${cell(schedule.note)} |`] : []),
    '',
    `示例列：${EXAMPLE_YEAR}年形成的档案的保管期满日（最后保管日）。方括号内为来源编号，见 [依据来源](../sources.md)。`,
    '',
    `Example column: last day kept for a record formed in ${EXAMPLE_YEAR}. Bracketed ids name the sources in [Sources](../sources.md).`,
    '',
    '| 编号 Code | 类目 Group | 档案名称 Name | 别名 Aliases | 保管期限 Period | 最低期限 Minimum | 起算 Counting | 示例 Example | 依据 Source | 可信度 Confidence | 备注 Note |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...schedule.rules.map((rule) => row(schedule, rule)),
    '',
  ];
  return lines.join('\n');
}

function row(schedule: RetentionSchedule, rule: RetentionRule): string {
  const counting = countingRuleOf(schedule, rule);
  const cells = [
    rule.code,
    rule.group ?? '',
    rule.name,
    rule.aliases.join('、'),
    periodText(rule.period) + (rule.extendableTo ? `（可延长至${periodText(rule.extendableTo)}）` : ''),
    rule.minimum ? '是' : '',
    counting,
    example(rule, counting),
    cite(rule.source),
    CONFIDENCE[rule.source.confidence] ?? rule.source.confidence,
    rule.note ?? '',
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function periodText(period: RetentionPeriod): string {
  if (period.kind === 'event') return `${period.event}后${period.years}年 (${retentionEventLabel(period.event, 'en')} + ${period.years} y)`;
  return `${formatRetentionPeriod(period, 'zh')} (${formatRetentionPeriod(period, 'code')})`;
}

function example(rule: RetentionRule, counting: CountingRule): string {
  const dates = retentionDates({ year: EXAMPLE_YEAR }, { period: rule.period, counting });
  switch (dates.status) {
    case 'counted':
      return dates.expiry;
    case 'permanent':
      return '永久 —';
    case 'awaiting-event':
      return '事件后计算 after the event';
    case 'needs-reappraisal':
      return `须重新鉴定（参考${formatRetentionPeriod(dates.suggestion.suggested, 'zh')}）re-appraise`;
    case 'undetermined':
      return '';
  }
}

// The citation, with the ids of its sources (docs/sources.md) in brackets.
function cite(source: { standard: string; clause?: string; basis?: readonly string[] }): string {
  const text = source.clause ? `${source.standard} ${source.clause}` : source.standard;
  return source.basis && source.basis.length > 0 ? `${text} [${source.basis.join(', ')}]` : text;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
