import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeShardReports, type NamedShardReport } from '../../report/mergeShardReports.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { generalIssues } from '../../report/messages/general.js';
import { shardIssues } from '../../report/messages/shard.js';
import type { Locale } from '../../report/issue.js';
import type { Report } from '../../report/report.js';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io.js';
import { checkOutputTarget, emitReport, parseOutputOptions } from '../output.js';
import { readInputText } from '../readInput.js';
import { escapeTerminalText } from '../../report/format/escapeTerminal.js';

const USAGE = `Usage:
  dangan report merge <shard.json>... [--format text|json|jsonl|junit|sarif] [--lang zh-CN|en] [--output FILE]

把 dangan validate --shard I/N --format json 生成的 N 份分片报告合并成一次完整检测的报告：
结构与元数据问题（每片相同）只列一次，各片的内容问题全部列出，检测项状态与摘要重新计算。
缺片、重复、分片数不同或不是同一个包时拒绝合并（退出码 2）。
Merge the N shard reports of dangan validate --shard I/N --format json into the report of one
whole run: structure and metadata issues (the same in every shard) listed once, every shard's
content issues listed, check statuses and the summary counted again. Missing or repeated shards,
different N, or reports of different packages are refused (exit 2).

Exit codes: 0 valid, 1 invalid, 2 usage error, unreadable report or shards that do not make one run.`;

const OPTIONS = {
  format: { type: 'string' },
  lang: { type: 'string' },
  output: { type: 'string' },
} as const;

/**
 * `dangan report merge shard-*.json`: the reports of `dangan validate --shard I/N` merged into one.
 *
 * @example
 * // dangan report merge shard-0.json shard-1.json --format junit --output report.xml
 */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: '合并分片检测报告 / merge the shard reports of validate --shard',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    const [action, ...files] = positionals;
    if (action !== 'merge') throw new UsageError(action === undefined ? 'missing sub-command: merge' : `unknown sub-command "${action}"`);
    if (files.length === 0) throw new UsageError('give the shard reports to merge (dangan report merge shard-*.json)');
    const output = { ...parseOutputOptions(values), inputs: files };
    await checkOutputTarget(output);
    const reports: NamedShardReport[] = [];
    for (const file of files) {
      const report = readReport(file, output.lang, io);
      if (!report) return EXIT.usage;
      reports.push({ name: basename(file), report });
    }
    const merged = mergeShardReports(reports, { locale: output.lang });
    if (!merged.ok) {
      io.stderr.write(`dangan report merge: ${escapeTerminalText(merged.refusal.message)}\n`);
      return EXIT.usage;
    }
    return emitReport(merged.report, output, io);
  },
};

/** Reads one report of `--format json`; on failure writes why to stderr and returns undefined. */
function readReport(file: string, locale: Locale, io: CliIo): Report | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readInputText(file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    io.stderr.write(`dangan report merge: ${escapeTerminalText(createIssueFrom(generalIssues, 'input.unreadable', { locale, params: { reason: `${file}: ${reason}` } }).message)}\n`);
    return undefined;
  }
  const report = parsed as Partial<Report> | null;
  if (!report || typeof report !== 'object' || !Array.isArray(report.issues) || !Array.isArray(report.checks) || typeof report.summary !== 'object' || typeof report.profile !== 'string') {
    io.stderr.write(`dangan report merge: ${escapeTerminalText(createIssueFrom(shardIssues, 'shard.not-a-shard', { locale, params: { file: basename(file) } }).message)}\n`);
    return undefined;
  }
  return report as Report;
}
