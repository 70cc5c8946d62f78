import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { readInputText } from '../readInput.js';
import Papa from 'papaparse';
import { getProfile, listProfiles } from '../../filing/registry.js';
import type { Issue, Locale } from '../../report/issue.js';
import { classificationSchemes, findClassificationScheme } from '../../rules/classification/schemes.js';
import { classifyItems, type ClassificationResult } from '../../rules/classification/classify.js';
import { safeText, tabRow } from '../safeText.js';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io.js';
import { parseOutputOptions } from '../output.js';
import { CODE_PROFILE_OPTIONS, loadCodeProfiles } from '../policy.js';
import { severityLabel } from '../../report/format/units.js';
import { createProgressDisplay } from '../progress.js';
import { writeCatalogueCsv } from '../../formats/catalogue/csv/writeCatalogueCsv.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { rulesIssues } from '../../report/messages/rules.js';

const USAGE = `Usage:
  dangan classify <items.json|items.csv|-> --fonds CODE [--scheme 年度-机构-保管期限]
                  [--category WS] [--profile dat22] [--box-items N] [--box-pages N]
                  [--format text|json|csv] [--lang zh-CN|en] [--code-profiles FILE.json] [--quiet]

按 DA/T 22-2015 对一批文件分类、排列、编件号、生成档号并装盒，输出归档文件目录和盒脊信息。
Classifies, orders and numbers a batch of items by DA/T 22-2015, writes 档号 and packs boxes.

  --scheme     ${classificationSchemes.map((s) => s.id).join(' | ')} (default 年度-机构-保管期限)
  --fonds      全宗号, e.g. Z109 (required)
  --category   档案门类代码 (default WS)
  --profile    档号 profile (default dat22)
  --box-items  items per box (default 50); --box-pages  pages per box (no limit by default)
  --format     text (default), json ({ scheme, catalogue, boxes, classes, issues }) or
               csv (the 归档文件目录 as CSV, which \`dangan build\` reads; issues go to stderr)
  --code-profiles FILE.json   custom 档号 profiles, then usable as --profile ID

Input: a JSON array of objects, or CSV with a header row. Columns (English or Chinese):
  title 题名, author 责任者, date 日期, retentionPeriod 保管期限, orgCode 机构（问题）,
  documentNumber 文号, pageCount 页数, securityClassification 密级, remarks 备注, year 年度,
  yearBasis (signed|meeting|case), closingDate 闭幕日期, concludedDate 办结日期.

Exit codes: 0 all items numbered, 1 some rows rejected, 2 usage error or unreadable input.`;

/** Chinese column names accepted in CSV headers and JSON keys. */
const COLUMN_ALIASES: Readonly<Record<string, string>> = {
  题名: 'title',
  责任者: 'author',
  日期: 'date',
  保管期限: 'retentionPeriod',
  机构: 'orgCode',
  '机构（问题）': 'orgCode',
  '机构(问题)': 'orgCode',
  问题: 'orgCode',
  机构代码: 'orgCode',
  文号: 'documentNumber',
  页数: 'pageCount',
  密级: 'securityClassification',
  备注: 'remarks',
  年度: 'year',
  档号: 'archivalCode',
  闭幕日期: 'closingDate',
  办结日期: 'concludedDate',
  事件日期: 'eventDate',
  类目: 'rule',
  保留: 'hold',
  接收档案馆级别: 'archiveLevel',
};

/**
 * Reads item rows from a JSON array or a CSV file with a header row (UTF-8,
 * BOM allowed), mapping Chinese column names to field names.
 *
 * @param source - A file path, or `-` for standard input.
 * @param io - Standard streams.
 * @returns The rows.
 * @throws UsageError when the file cannot be read or is neither JSON nor CSV.
 */
export async function readItemRows(source: string, io: CliIo): Promise<Record<string, unknown>[]> {
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : readInputText(source);
  } catch (error) {
    throw new UsageError(`cannot read ${source}: ${(error as Error).message}`);
  }
  text = text.replace(/^\uFEFF/, '');
  const json = extname(source).toLowerCase() === '.json' || (source === '-' && /^\s*\[/.test(text));
  const rows = json ? parseJsonRows(source, text) : parseCsvRows(source, text);
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [COLUMN_ALIASES[k.trim()] ?? k.trim(), v])));
}

function parseJsonRows(source: string, text: string): Record<string, unknown>[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value) || !value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
    throw new UsageError(`${source} must hold a JSON array of objects`);
  }
  return value as Record<string, unknown>[];
}

function parseCsvRows(source: string, text: string): Record<string, unknown>[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) throw new UsageError(`${source}: CSV row ${(fatal.row ?? 0) + 2}: ${fatal.message}`);
  return parsed.data;
}

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number, not ${value}`);
  return n;
}

/**
 * Writes issues as indented text lines.
 *
 * @param issues - Issues.
 * @param locale - Language of the severity word (错误/警告/提示 or error/warning/info).
 * @returns One line per issue.
 */
export function issueLines(issues: readonly Issue[], locale: Locale): string[] {
  return issues.map((i) => `  ${severityLabel(i.severity, locale)} ${i.code} ${safeText(i.message)}`);
}

function textOutput(result: ClassificationResult, locale: Locale): string {
  const en = locale === 'en';
  const head = en ? ['No.', 'Code', 'Doc no.', 'Author', 'Title', 'Date', 'Secrecy', 'Pages', 'Remarks'] : ['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注'];
  const lines = [en ? `Catalogue (${safeText(result.scheme?.id ?? '-')})` : `归档文件目录（${safeText(result.scheme?.id ?? '-')}）`, head.join('\t')];
  for (const e of result.catalogue) {
    lines.push(tabRow([e.sequenceNumber, e.archivalCode, e.documentNumber, e.author, e.title, e.date, e.securityClassification, e.pageCount, e.remarks]));
  }
  lines.push('', en ? 'Boxes' : '盒脊 / 备考表');
  for (const b of result.boxes) {
    const org = b.orgCode ? ` ${b.orgCode}` : '';
    lines.push(
      en
        ? `  box ${b.boxNumber}: ${safeText(b.fondsCode)} ${b.year} ${safeText(b.retentionPeriod)}${safeText(org)}, items ${b.itemRange.first}–${b.itemRange.last} (${b.itemCount} items, ${b.pageCount} pages)`
        : `  盒号 ${b.boxNumber}：${safeText(b.fondsCode)} ${b.year} ${safeText(b.retentionPeriod)}${safeText(org)}，起止件号 ${b.itemRange.first}–${b.itemRange.last}（${b.itemCount}件，${b.pageCount}页）`,
    );
  }
  if (result.issues.length > 0) lines.push('', en ? 'Issues' : '问题', ...issueLines(result.issues, locale));
  return `${lines.join('\n')}\n`;
}

/** `dangan classify`: classify, number and box a batch of items. */
export const classifyCommand: CliCommand = {
  name: 'classify',
  summary: '按 DA/T 22-2015 分类、编号、装盒 / classify, number and box items (DA/T 22-2015)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        scheme: { type: 'string' },
        fonds: { type: 'string' },
        category: { type: 'string' },
        profile: { type: 'string' },
        'box-items': { type: 'string' },
        'box-pages': { type: 'string' },
        format: { type: 'string' },
        lang: { type: 'string' },
        ...CODE_PROFILE_OPTIONS,
        quiet: { type: 'boolean', short: 'q' },
      },
    });
    const [source, ...extra] = positionals;
    if (source === undefined) throw new UsageError('an items file (JSON or CSV) is needed');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json' && format !== 'csv') throw new UsageError(`--format must be text, json or csv here, not ${format}`);
    const output = parseOutputOptions({ lang: values.lang });
    const schemeId = values.scheme ?? '年度-机构-保管期限';
    if (!findClassificationScheme(schemeId)) {
      const issue = createIssueFrom(rulesIssues, 'classification.scheme-unknown', { locale: 'en', params: { scheme: schemeId, available: classificationSchemes.map((s) => s.id).join(', ') } });
      throw new UsageError(issue.message);
    }
    if (!values.fonds) throw new UsageError('--fonds (全宗号) is required');
    await loadCodeProfiles(values['code-profiles']);
    if (values.profile && !getProfile(values.profile)) {
      throw new UsageError(`unknown --profile ${values.profile} (known: ${listProfiles().map((p) => p.id).join(', ')})`);
    }
    const progress = createProgressDisplay(io, output.lang, values.quiet === true);
    progress.phase('metadata');
    const rows = await readItemRows(source, io).finally(() => progress.done());
    const classifying = createProgressDisplay(io, output.lang, values.quiet === true);
    classifying.phase('classifying', { totalFiles: rows.length });
    const box = { maxItems: positive('box-items', values['box-items']), maxPages: positive('box-pages', values['box-pages']) };
    const result = classifyItems(rows, {
      scheme: schemeId,
      fondsCode: values.fonds,
      ...(values.category ? { categoryCode: values.category } : {}),
      ...(values.profile ? { profile: values.profile } : {}),
      box: Object.fromEntries(Object.entries(box).filter(([, v]) => v !== undefined)),
      locale: output.lang,
    });
    classifying.done();
    if (format === 'csv') {
      io.stdout.write(writeCatalogueCsv(result.catalogue));
      if (result.issues.length > 0) io.stderr.write(`${issueLines(result.issues, output.lang).join('\n')}\n`);
    } else if (format === 'json') {
      const { scheme, catalogue, boxes, classes, issues } = result;
      io.stdout.write(`${JSON.stringify({ scheme: scheme?.id, catalogue, boxes, classes, issues }, null, 2)}\n`);
    } else {
      io.stdout.write(textOutput(result, output.lang));
    }
    return result.issues.some((i) => i.severity === 'error') ? EXIT.invalid : EXIT.valid;
  },
};
