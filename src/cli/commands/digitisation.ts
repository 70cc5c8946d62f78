import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readDigitisationCatalogue } from '../../digitisation/catalogue.js';
import { describeDigitisationCheck, digitisationCheckOfCode } from '../../digitisation/checks.js';
import { colourModeName, type DigitisationResult, type DigitisationStatistics } from '../../digitisation/checkDigitisation.js';
import { formatEntryCsv } from '../../digitisation/entryCsv.js';
import type { ColourMode } from '../../digitisation/headers/imageInfo.js';
import { batchLayouts, type BatchLayout } from '../../digitisation/layout.js';
import type { DigitisationOptions, DigitisationPurpose } from '../../digitisation/options.js';
import { parseSampleSize } from '../../digitisation/sample.js';
import { checkDigitisation } from '../../node/digitisation/checkDigitisation.js';
import { formatJunit } from '../../report/format/junit.js';
import { formatSarif } from '../../report/format/sarif.js';
import type { Locale } from '../../report/issue.js';
import { buildReport, localizeReport, type Report } from '../../report/report.js';
import { VERSION } from '../../version.js';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io.js';
import { checkOutputTarget, emitReport, parseOutputOptions, type ReportOutputOptions } from '../output.js';
import { writeReportFile } from '../reportFile.js';
import { createProgressDisplay } from '../progress.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { generalIssues } from '../../report/messages/general.js';

const USAGE = `Usage:
  dangan digitisation check <batch> --catalogue <目录文件.XML|catalogue.csv>
        [--layout auto|folder-per-code|code-page|file-per-code] [--purpose any|master|access]
        [--min-dpi N | --ocr] [--colour-mode bilevel|grayscale|colour]
        [--sample 5%|N] [--seed S] [--threshold 0.95] [--jobs N]
        [--format text|json|junit|sarif] [--lang zh-CN|en] [--output FILE]
        [--csv FILE] [--stats FILE]

数字化成果验收（DA/T 31-2017）：按目录检查一个批次（文件夹或 .zip）的图像——数据挂接、
页数与页号、存储格式与扩展名、分辨率、色彩模式与位深、损坏/截断/空文件、重复文件、命名。
Acceptance of a digitisation batch (DA/T 31-2017): checks a folder or .zip of images
against its catalogue — linking, page counts and numbers, formats and extensions,
resolution, colour mode and bit depth, corrupt/truncated/empty files, duplicates, naming.

  --catalogue F    目录文件.XML / 案卷目录.XML or a 归档文件目录 CSV (required)
  --layout L       auto (default: detected and reported), folder-per-code (<档号>/<页号>.jpg),
                   code-page (<档号>-<页号>.jpg) or file-per-code (<档号>.pdf, multi-page)
  --purpose P      any (default: TIFF, JPEG, JPEG 2000, PDF, OFD), master (TIFF) or access
  --min-dpi N      lowest resolution (default 200; 300 with --ocr)
  --ocr            the images will be OCRed: 300 dpi
  --colour-mode M  required colour mode; without it, pages unlike the batch's main mode are warnings
  --sample S       抽检: check a random sample of entries, 5% or a count
  --seed S         seed of the sample (default 1): the same seed gives the same sample
  --threshold R    pass rate the sample must reach (default 0.95)
  --jobs N         files read at once and hashing workers
  --csv FILE       write the per-entry 验收 CSV (档号, 页数, images, dpi, colour modes, problems)
  --stats FILE     write the summary statistics (pages by format, colour mode, dpi) as JSON
  --format F       text (default; statistics follow the report), json (the Report), junit or sarif
  --lang L         zh-CN (default) or en
  --output FILE    write the report to FILE instead of standard output

Progress goes to standard error, and only on a terminal.
Exit codes: 0 accepted (warnings allowed), 1 rejected, 2 usage error or input that cannot be opened.`;

const OPTIONS = {
  catalogue: { type: 'string' },
  layout: { type: 'string' },
  purpose: { type: 'string' },
  'min-dpi': { type: 'string' },
  ocr: { type: 'boolean' },
  'colour-mode': { type: 'string' },
  sample: { type: 'string' },
  seed: { type: 'string' },
  threshold: { type: 'string' },
  jobs: { type: 'string' },
  csv: { type: 'string' },
  stats: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  output: { type: 'string' },
} as const;

const PURPOSES: readonly DigitisationPurpose[] = ['any', 'master', 'access'];
const MODES: readonly ColourMode[] = ['bilevel', 'grayscale', 'colour'];

/** `dangan digitisation check <batch> --catalogue F`: 数字化成果验收. */
export const digitisationCommand: CliCommand = {
  name: 'digitisation',
  summary: '数字化成果验收（DA/T 31-2017）/ check a digitisation batch against its catalogue',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub !== 'check') throw new UsageError(sub === undefined ? 'missing sub-command: check' : `unknown sub-command ${sub} (check)`);
    const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <batch>' : 'exactly one <batch> is needed');
    if (values.catalogue === undefined) throw new UsageError('--catalogue is required');
    const batch = positionals[0] as string;
    const output = { ...parseOutputOptions(values), inputs: [batch, values.catalogue] };
    const options = parseCheckOptions(values);
    // Before any work: no output may land in (or replace) the batch or the catalogue being checked.
    for (const target of [values.output, values.csv, values.stats]) await checkOutputTarget({ output: target, inputs: output.inputs });
    try {
      await stat(batch);
    } catch (error) {
      await emitReport(unreadableReport(batch, output.lang, error), output, io);
      return EXIT.usage;
    }
    let catalogueBytes: Uint8Array;
    try {
      catalogueBytes = new Uint8Array(await readFile(values.catalogue));
    } catch (error) {
      await emitReport(unreadableReport(values.catalogue, output.lang, error), output, io);
      return EXIT.usage;
    }
    const catalogue = readDigitisationCatalogue(catalogueBytes, basename(values.catalogue), output.lang);
    const progress = createProgressDisplay(io, output.lang, false);
    let reading = false;
    const onProgress = (event: { files: number; totalFiles: number; bytes: number; totalBytes: number }) => {
      if (reading) progress.update(event);
      else {
        reading = true;
        progress.phase('images', event);
      }
    };
    let result: DigitisationResult;
    try {
      result = await checkDigitisation(batch, catalogue, { ...options, locale: output.lang, onProgress });
    } catch (error) {
      progress.done();
      await emitReport(unreadableReport(batch, output.lang, error), output, io);
      return EXIT.usage;
    }
    progress.done();
    if (values.csv) writeReportFile(values.csv, [formatEntryCsv(result.entries)]);
    if (values.stats) writeReportFile(values.stats, [`${JSON.stringify({ layout: result.layout, ...result.statistics, ...(result.sample ? { sample: summariseSample(result) } : {}) }, null, 2)}\n`]);
    return emitDigitisationReport(result, { ...output, subject: batch }, io);
  },
};

function parseCheckOptions(values: Record<string, string | boolean | undefined>): DigitisationOptions {
  const options: DigitisationOptions = {};
  const text = (key: string) => values[key] as string | undefined;
  const layout = text('layout');
  if (layout !== undefined) {
    if (layout !== 'auto' && !(batchLayouts as readonly string[]).includes(layout)) throw new UsageError(`--layout must be auto or one of ${batchLayouts.join(', ')}, not ${layout}`);
    options.layout = layout as BatchLayout | 'auto';
  }
  const purpose = text('purpose');
  if (purpose !== undefined) {
    if (!(PURPOSES as readonly string[]).includes(purpose)) throw new UsageError(`--purpose must be one of ${PURPOSES.join(', ')}, not ${purpose}`);
    options.purpose = purpose as DigitisationPurpose;
  }
  const minDpi = text('min-dpi');
  if (minDpi !== undefined) {
    if (!/^\d+$/.test(minDpi) || Number(minDpi) < 1) throw new UsageError(`--min-dpi must be a positive integer, not ${minDpi}`);
    options.minDpi = Number(minDpi);
  }
  if (values.ocr === true) options.ocr = true;
  const mode = text('colour-mode');
  if (mode !== undefined) {
    if (!(MODES as readonly string[]).includes(mode)) throw new UsageError(`--colour-mode must be one of ${MODES.join(', ')}, not ${mode}`);
    options.colourMode = mode as ColourMode;
  }
  const sample = text('sample');
  if (sample !== undefined) {
    const size = parseSampleSize(sample);
    if (!size) throw new UsageError(`--sample must be a percentage (5%) or a positive count, not ${sample}`);
    options.sample = size;
  }
  const seed = text('seed');
  if (seed !== undefined) {
    if (!/^\d+$/.test(seed)) throw new UsageError(`--seed must be a non-negative integer, not ${seed}`);
    options.seed = Number(seed);
  }
  const threshold = text('threshold');
  if (threshold !== undefined) {
    const value = threshold.endsWith('%') ? Number(threshold.slice(0, -1)) / 100 : Number(threshold);
    if (!Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(`--threshold must be between 0 and 1 (or 0%–100%), not ${threshold}`);
    options.threshold = value;
  }
  const jobs = text('jobs');
  if (jobs !== undefined) {
    if (!/^\d+$/.test(jobs) || Number(jobs) < 1) throw new UsageError(`--jobs must be a positive integer, not ${jobs}`);
    options.jobs = Number(jobs);
  }
  return options;
}

/** Prints the report: text and json as for `validate` (text followed by the statistics), JUnit and SARIF grouped by the digitisation checks. */
async function emitDigitisationReport(result: DigitisationResult, output: ReportOutputOptions, io: CliIo): Promise<number> {
  if (output.format === 'text' || output.format === 'json') {
    if (output.format === 'json' || output.output) return emitReport(result.report, output, io);
    const code = await emitReport(result.report, output, io);
    io.stdout.write(formatStatistics(result.statistics, result, output.lang));
    return code;
  }
  const report = localizeReport(result.report, output.lang);
  const formatOptions = { checkOf: (issue: { code: string }) => digitisationCheckOfCode(issue.code), describe: (id: string) => describeDigitisationCheck(id, output.lang), toolVersion: VERSION };
  const text = output.format === 'junit' ? formatJunit(report, formatOptions) : formatSarif(report, formatOptions);
  if (output.output) writeReportFile(output.output, [text]);
  else io.stdout.write(text);
  return report.valid ? EXIT.valid : EXIT.invalid;
}

/**
 * The statistics block printed after a text report.
 *
 * @param stats - Statistics of the batch.
 * @param result - For the layout and sample.
 * @param locale - Language of the labels.
 * @returns Lines of text.
 * @example
 * formatStatistics(result.statistics, result, 'en') // 'Pages by format: jpeg 120, tiff 3 …'
 */
export function formatStatistics(stats: DigitisationStatistics, result: Pick<DigitisationResult, 'layout' | 'sample'>, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const table = (record: Record<string, number>, name: (key: string) => string = (key) => key) =>
    Object.entries(record).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([k, v]) => `${name(k)} ${v}`).join(', ') || '-';
  const lines = [
    '',
    `${zh ? '组织方式' : 'Layout'}: ${result.layout}`,
    `${zh ? '文件' : 'Files'}: ${stats.files}, ${zh ? '已读' : 'read'} ${stats.filesRead}, ${zh ? '页' : 'pages'} ${stats.pages}`,
    `${zh ? '按格式（页）' : 'Pages by format'}: ${table(stats.pagesByFormat)}`,
    `${zh ? '按色彩模式（页）' : 'Pages by colour mode'}: ${table(stats.pagesByColourMode, (mode) => (mode === 'unknown' ? (zh ? '未知' : 'unknown') : colourModeName(mode as ColourMode, locale)))}`,
    `${zh ? '按分辨率 dpi（页）' : 'Pages by dpi'}: ${table(stats.pagesByDpi)}`,
  ];
  if (result.sample) {
    const s = result.sample;
    lines.push(`${zh ? '抽检' : 'Sample'}: ${s.entries.length} (${zh ? '种子' : 'seed'} ${s.seed}), ${zh ? '合格率' : 'pass rate'} ${(s.passRate * 100).toFixed(1)}% / ${(s.threshold * 100).toFixed(1)}% → ${s.accepted ? (zh ? '通过' : 'accepted') : zh ? '不通过' : 'rejected'}`);
  }
  return `${lines.join('\n')}\n`;
}

function summariseSample(result: DigitisationResult) {
  const s = result.sample;
  return s ? { seed: s.seed, entries: s.entries, passed: s.passed, passRate: s.passRate, threshold: s.threshold, accepted: s.accepted, files: s.files } : undefined;
}

function unreadableReport(path: string, locale: Locale, error: unknown): Report {
  const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return buildReport({ profile: 'digitisation', issues: [createIssueFrom(generalIssues, 'input.unreadable', { path: basename(path), locale, params: { reason } })] });
}

