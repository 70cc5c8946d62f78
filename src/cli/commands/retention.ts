import { parseArgs } from 'node:util';
import { readInputText } from '../readInput.js';
import { formatRetentionPeriod } from '../../model/retentionPeriod.js';
import type { Issue } from '../../report/issue.js';
import { buildReport } from '../../report/report.js';
import { appraisalItemsFromRows } from '../../rules/appraisalRows.js';
import { buildDestructionRegister } from '../../rules/destructionRegister.js';
import { findRetentionRule } from '../../rules/findRetentionRule.js';
import { loadSchedule } from '../../rules/loadSchedule.js';
import { retentionDates } from '../../rules/retentionDates.js';
import { parseArchiveLevel, transferList, type TransferListEntry } from '../../rules/transferDue.js';
import { countingRuleOf, type RetentionSchedule } from '../../rules/schedule.js';
import { builtInSchedules } from '../../rules/schedules/index.js';
import { parseCalendarDay } from '../../rules/_calendar.js';
import { safeText, tabRow } from '../safeText.js';
import { severityLabel } from '../../report/format/units.js';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io.js';
import { emitReport, parseOutputOptions, type ReportOutputOptions } from '../output.js';
import { issueLines, readItemRows } from './classify.js';

const USAGE = `Usage:
  dangan retention lookup <name> [--schedule ID|FILE.json] [--year YYYY] [--format text|json] [--lang zh-CN|en]
  dangan retention due <items.json|items.csv|-> --as-of DATE [--schedule ID|FILE.json] [--format text|json] [--lang zh-CN|en]
  dangan retention transfer-due <items.json|items.csv|-> --as-of DATE [--level central|provincial|municipal|county] [--format text|json] [--lang zh-CN|en]
  dangan retention schedules [--format text|json]

保管期限查询与到期鉴定。lookup 在保管期限表中按编号、名称、别名或关键词查找；
due 列出到期可鉴定销毁的档案（销毁清册）及不得销毁的档案和原因；transfer-due 按档案法实施条例
第二十条列出到期应向国家档案馆移交的档案（中央级、省级、设区的市级满20年，县级满10年）；
schedules 列出内置保管期限表。
Look up retention periods, list records due for appraisal as a destruction register
(items under a hold or not yet due are refused, each with its reason), and list records
due for transfer to a national archive (档案法实施条例 2024 第二十条: 20 years for central,
provincial and municipal archives, 10 for county archives).

  --schedule  a built-in schedule id (default documentary-2006) or a JSON schedule file
  --year      formation year: lookup then prints the expiry and appraisal dates
  --as-of     the day to appraise (or list transfers) on, YYYYMMDD or YYYY-MM-DD
  --level     transfer-due: level of the receiving archive for rows without archiveLevel 接收档案馆级别

Items (due): JSON array or CSV with title 题名, year 年度 or date 日期, retentionPeriod 保管期限
or rule 类目 (looked up in the schedule), archivalCode 档号, pageCount 页数, remarks 备注,
eventDate 事件日期, hold 保留 (JSON: holds: [{ kind, reason }]).
Items (transfer-due): title 题名, year 年度 or date 日期, archivalCode 档号, archiveLevel 接收档案馆级别.

Exit codes: 0 ok, 1 not found / ambiguous / rejected rows, 2 usage error or unreadable input.`;

const OPTIONS = {
  schedule: { type: 'string' },
  year: { type: 'string' },
  'as-of': { type: 'string' },
  level: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** `dangan retention`: look up periods and list records due for appraisal. */
export const retentionCommand: CliCommand = {
  name: 'retention',
  summary: '保管期限查询与到期鉴定 / retention lookup and appraisal due list',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    const [action, ...args] = positionals;
    const output = parseOutputOptions({ format: values.format, lang: values.lang });
    if (output.format !== 'text' && output.format !== 'json') throw new UsageError(`--format must be text or json here, not ${output.format}`);
    switch (action) {
      case 'lookup':
        return lookup(args, values, output, io);
      case 'due':
        return due(args, values, output, io);
      case 'transfer-due':
        return transferDueAction(args, values, output, io);
      case 'schedules':
        return schedules(output, io);
      default:
        throw new UsageError(action === undefined ? 'an action is needed: lookup, due, transfer-due or schedules' : `unknown action "${action}"`);
    }
  },
};

/** Resolves --schedule: a built-in id or a JSON file; a bad file prints its report and gives exit 1. */
async function scheduleOption(values: Values, output: ReportOutputOptions, io: CliIo): Promise<RetentionSchedule | number> {
  const id = values.schedule ?? 'documentary-2006';
  const builtIn = builtInSchedules[id];
  if (builtIn) return builtIn;
  if (!id.toLowerCase().endsWith('.json')) {
    throw new UsageError(`unknown --schedule ${id} (built-in: ${Object.keys(builtInSchedules).join(', ')}; or a .json file)`);
  }
  let text: string;
  try {
    text = readInputText(id);
  } catch (error) {
    throw new UsageError(`cannot read ${id}: ${(error as Error).message}`);
  }
  const loaded = loadSchedule(text.replace(/^\uFEFF/, ''), { path: id, locale: output.lang });
  if (loaded.ok) return loaded.schedule;
  return emitReport(buildReport({ profile: 'schedule', issues: loaded.issues, files: 1 }), { ...output, subject: id }, io);
}

function year(values: Values): number | undefined {
  if (values.year === undefined) return undefined;
  if (!/^\d{4}$/.test(values.year)) throw new UsageError(`--year must be four digits, not ${values.year}`);
  return Number(values.year);
}

async function lookup(args: string[], values: Values, output: ReportOutputOptions, io: CliIo): Promise<number> {
  const query = args.join(' ').trim();
  if (query === '') throw new UsageError('lookup needs a name, code or keyword');
  const formationYear = year(values);
  const schedule = await scheduleOption(values, output, io);
  if (typeof schedule === 'number') return schedule;
  const result = findRetentionRule(schedule, query);
  const en = output.lang === 'en';
  const dates =
    result.status === 'found' && formationYear !== undefined
      ? retentionDates({ year: formationYear }, { period: result.rule.period, counting: countingRuleOf(schedule, result.rule) })
      : undefined;
  if (output.format === 'json') {
    io.stdout.write(`${JSON.stringify({ schedule: schedule.id, query, ...result, ...(dates ? { dates } : {}) }, null, 2)}\n`);
  } else if (result.status === 'found') {
    const r = result.rule;
    const lines = [
      `${safeText(r.name)}  ${formatRetentionPeriod(r.period, 'zh')}${r.extendableTo ? `（${en ? 'extendable to' : '可延长至'}${formatRetentionPeriod(r.extendableTo, 'zh')}）` : ''}${r.minimum ? (en ? ' (minimum)' : '（最低期限）') : ''}`,
      `  ${en ? 'schedule' : '保管期限表'}: ${safeText(schedule.id)} ${safeText(schedule.name)}`,
      `  ${en ? 'matched by' : '匹配方式'}: ${result.by}${result.by === 'keyword' ? ` (${result.score.toFixed(2)})` : ''}`,
      `  ${en ? 'counting' : '起算'}: ${countingRuleOf(schedule, r)}`,
      `  ${en ? 'source' : '依据'}: ${safeText(r.source.standard)}${r.source.clause ? ` ${safeText(r.source.clause)}` : ''} [${safeText(r.source.confidence)}]`,
      ...(r.note ? [`  ${en ? 'note' : '备注'}: ${safeText(r.note)}`] : []),
      ...(dates ? [datesLine(dates, formationYear!, en)] : []),
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
  } else {
    const head =
      result.status === 'ambiguous'
        ? en ? `"${safeText(query)}" matches several rows:` : `“${safeText(query)}”对应多个条目：`
        : en ? `No row matches "${safeText(query)}".` : `找不到“${safeText(query)}”。`;
    const rows = result.candidates.map((c) => `  ${safeText(c.rule.code)}  ${safeText(c.rule.name)}  ${formatRetentionPeriod(c.rule.period, 'zh')}  (${c.score.toFixed(2)})`);
    io.stdout.write(`${[head, ...rows].join('\n')}\n`);
  }
  return result.status === 'found' ? EXIT.valid : EXIT.invalid;
}

function datesLine(dates: ReturnType<typeof retentionDates>, formationYear: number, en: boolean): string {
  switch (dates.status) {
    case 'counted':
      return en
        ? `  formed ${formationYear}: counted from ${dates.countingStart}, kept until ${dates.expiry}, appraisal due ${dates.appraisalDue}`
        : `  ${formationYear}年形成：自${dates.countingStart}起算，保管至${dates.expiry}，${dates.appraisalDue}起可鉴定`;
    case 'permanent':
      return en ? '  permanent: never expires' : '  永久保管，不到期';
    default:
      return `  ${safeText(dates.issue.message)}`;
  }
}

async function due(args: string[], values: Values, output: ReportOutputOptions, io: CliIo): Promise<number> {
  const [source, ...extra] = args;
  if (source === undefined) throw new UsageError('due needs an items file (JSON or CSV)');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  const asOf = values['as-of'];
  if (asOf === undefined) throw new UsageError('--as-of DATE is required');
  if (!parseCalendarDay(asOf)) throw new UsageError(`--as-of must be a date (YYYYMMDD or YYYY-MM-DD), not ${asOf}`);
  const schedule = await scheduleOption(values, output, io);
  if (typeof schedule === 'number') return schedule;
  const rows = await readItemRows(source, io);
  const { items, issues } = appraisalItemsFromRows(rows, schedule, output.lang);
  const register = buildDestructionRegister(items, asOf, { locale: output.lang });
  const refused = register.refused.map((r) => ({ row: r.result.item.row, title: r.result.item.title, status: r.result.status, issue: r.issue }));
  const refusedItems = new Set(register.refused.map((r) => r.result.item));
  const destroyable = items.filter((it) => !refusedItems.has(it));
  const rowsOut = register.rows.map((row, i) => ({ row: destroyable[i]!.row, ...row }));
  const en = output.lang === 'en';
  if (output.format === 'json') {
    io.stdout.write(`${JSON.stringify({ schedule: schedule.id, asOf, register: rowsOut, refused, issues }, null, 2)}\n`);
  } else {
    const head = en ? ['No.', 'Title', 'Year', 'Code', 'Period', 'Kept (y)', 'Pages', 'Remarks'] : ['序号', '题名', '年度', '档号', '应保管期限', '已保管期限', '页数', '备注'];
    const lines = [en ? `Destruction register as of ${asOf} (${safeText(schedule.id)})` : `销毁清册（${asOf}，${safeText(schedule.id)}）`, head.join('\t')];
    for (const r of register.rows) {
      lines.push(tabRow([r.sequenceNumber, r.title, r.year ?? '', r.archivalCode, r.retentionPeriod, en ? r.yearsKept : `${r.yearsKept}年`, r.pageCount ?? '', r.remarks]));
    }
    if (refused.length > 0) lines.push('', en ? 'Not to be destroyed' : '不得销毁', ...issueLines(refused.map((r) => r.issue), output.lang));
    if (issues.length > 0) lines.push('', en ? 'Rejected rows' : '无法处理的条目', ...issueLines(issues, output.lang));
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return issues.some((i) => i.severity === 'error') ? EXIT.invalid : EXIT.valid;
}

async function transferDueAction(args: string[], values: Values, output: ReportOutputOptions, io: CliIo): Promise<number> {
  const [source, ...extra] = args;
  if (source === undefined) throw new UsageError('transfer-due needs an items file (JSON or CSV)');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  const asOf = values['as-of'];
  if (asOf === undefined) throw new UsageError('--as-of DATE is required');
  if (!parseCalendarDay(asOf)) throw new UsageError(`--as-of must be a date (YYYYMMDD or YYYY-MM-DD), not ${asOf}`);
  if (values.level !== undefined && !parseArchiveLevel(values.level)) throw new UsageError(`--level must be central, provincial, municipal or county, not ${values.level}`);
  const rows = await readItemRows(source, io);
  const list = transferList(rows, asOf, { ...(values.level !== undefined ? { archiveLevel: values.level } : {}), locale: output.lang });
  const en = output.lang === 'en';
  if (output.format === 'json') {
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  } else {
    const line = (e: TransferListEntry) =>
      e.due.status === 'determined' ? tabRow([e.row, e.title, e.archivalCode ?? '', e.due.archiveLevel, `${e.due.years}${en ? ' y' : '年'}`, e.due.dueOn]) : '';
    const head = en ? ['Row', 'Title', 'Code', 'Archive', 'Period', 'Due on'] : ['行', '题名', '档号', '接收档案馆', '期限', '应移交日'];
    const lines = [en ? `Due for transfer as of ${list.asOf} (档案法实施条例 2024 第二十条)` : `到期应移交（${list.asOf}，档案法实施条例第二十条）`, head.join('\t'), ...list.due.map(line)];
    if (list.notDue.length > 0) lines.push('', en ? 'Not yet due' : '尚未到期', ...list.notDue.map(line));
    if (list.undetermined.length > 0) lines.push('', en ? 'Deadline undetermined' : '移交期限无法确定', ...list.undetermined.map((e) => `  ${tabRow([e.row, e.title, `${severityLabel((e.due as { issue: Issue }).issue.severity, output.lang)} ${(e.due as { issue: Issue }).issue.code} ${(e.due as { issue: Issue }).issue.message}`])}`));
    if (list.issues.length > 0) lines.push('', en ? 'Rejected rows' : '无法处理的条目', ...issueLines(list.issues, output.lang));
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return list.issues.some((i) => i.severity === 'error') ? EXIT.invalid : EXIT.valid;
}

async function schedules(output: ReportOutputOptions, io: CliIo): Promise<number> {
  const list = Object.values(builtInSchedules).map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, regulation: s.regulation, rules: s.rules.length, legacy: s.legacy === true }));
  if (output.format === 'json') io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  else io.stdout.write(`${list.map((s) => `${safeText(s.id).padEnd(32)} ${safeText(s.name)}（${s.rules}）${s.legacy ? ' [legacy]' : ''}`).join('\n')}\n`);
  return EXIT.valid;
}
