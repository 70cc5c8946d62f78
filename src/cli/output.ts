import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import { formatJson } from '../report/format/json.js';
import { formatJsonlLines } from '../report/format/jsonl.js';
import { formatText } from '../report/format/text.js';
import { formatJunit } from '../report/format/junit.js';
import { formatSarif } from '../report/format/sarif.js';
import { describePackageCheck } from '../package/checks/describeCheck.js';
import { VERSION } from '../version.js';
import type { Locale } from '../report/issue.js';
import { localizeReport, type Report } from '../report/report.js';
import { EXIT, OutputError, UsageError, type CliIo } from './io.js';
import { writeReportFile } from './reportFile.js';

/** Report formats the CLI can print. */
export type ReportFormat = 'text' | 'json' | 'jsonl' | 'junit' | 'sarif';

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'jsonl', 'junit', 'sarif'];

/** Output options shared by every command that prints a report. */
export interface ReportOutputOptions {
  format: ReportFormat;
  lang: Locale;
  output?: string;
  subject?: string;
  /** The paths the command reads: `--output` may not be one of them or inside one. */
  inputs?: readonly string[];
}

type Formatter = (report: Report, options: ReportOutputOptions & { color: boolean }) => string;

const formatters: Partial<Record<ReportFormat, Formatter>> = {
  text: (report, o) =>
    formatText(report, { locale: o.lang, color: o.color, subject: o.subject, describeCheck: (id) => describePackageCheck(id, o.lang)?.title }),
  json: (report) => formatJson(report),
};

/**
 * Registers a report formatter (JUnit and SARIF come with the package validator).
 *
 * @param format - Format name.
 * @param formatter - Function from report to text.
 * @example
 * registerFormatter('sarif', (report) => formatSarif(report))
 */
export function registerFormatter(format: ReportFormat, formatter: Formatter): void {
  formatters[format] = formatter;
}

/**
 * Parses the shared `--format`, `--lang` and `--output` values.
 *
 * @param values - The raw option values from `parseArgs`.
 * @returns The checked output options.
 * @throws UsageError for unknown values.
 * @example
 * parseOutputOptions({ format: 'json' }) //=> { format: 'json', lang: 'zh-CN' }
 */
export function parseOutputOptions(values: { format?: string; lang?: string; output?: string }): ReportOutputOptions {
  const format = (values.format ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format ${values.format}`);
  const lang = (values.lang ?? 'zh-CN') as Locale;
  if (lang !== 'zh-CN' && lang !== 'en') throw new UsageError(`unknown --lang ${values.lang} (zh-CN or en)`);
  return { format, lang, ...(values.output ? { output: values.output } : {}) };
}

/**
 * Refuses an `--output` the report must not be written to, before any work:
 * the input itself or a path inside it (a report written into the package
 * would change what was validated, or replace the zip), a folder, or a file
 * in a folder that does not exist. Symbolic links are resolved on both sides.
 *
 * @param options - The output options; nothing is checked without `output`.
 * @throws OutputError with a one-line reason (the CLI exits 2).
 * @example
 * await checkOutputTarget({ format: 'json', lang: 'en', output: 'pkg/r.json', inputs: ['pkg'] }) // throws
 */
export async function checkOutputTarget(options: Pick<ReportOutputOptions, 'output' | 'inputs'>): Promise<void> {
  if (!options.output) return;
  const target = resolve(options.output);
  const parent = dirname(target);
  const parentStats = await stat(parent).catch(() => undefined);
  if (!parentStats?.isDirectory()) throw new OutputError(`cannot write the report to ${options.output}: folder ${parent} does not exist`);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputError(`cannot write the report to ${options.output}: it is a folder`);
  const real = existing ? await realpath(target) : `${await realpath(parent)}${sep}${basename(target)}`;
  for (const input of options.inputs ?? []) {
    const inputReal = await realpath(input).catch(() => resolve(input));
    if (real === inputReal || real.startsWith(inputReal.endsWith(sep) ? inputReal : `${inputReal}${sep}`)) {
      throw new OutputError(`refusing --output ${options.output}: it is ${real === inputReal ? 'the input itself' : 'inside the input'} (${input}); write the report elsewhere`);
    }
  }
}

/**
 * Prints a report in the chosen format to stdout or `--output`, and returns the
 * exit code of the CLI contract: 0 valid, 1 invalid. `jsonl` is written line
 * by line. `--output` is written through a temporary sibling and renamed into place when
 * complete. A report that cannot be written is an {@link OutputError} (exit 2).
 *
 * @param report - The report to print (re-localised to `options.lang`).
 * @param options - Format, language, optional output file and the inputs it must stay out of.
 * @param io - Where to write.
 * @returns The exit code.
 * @throws UsageError when the format has no formatter; OutputError when the report cannot be written.
 * @example
 * const exitCode = await emitReport(report, { format: 'json', lang: 'en' }, io)
 */
export async function emitReport(report: Report, options: ReportOutputOptions, io: CliIo): Promise<number> {
  if (options.format !== 'jsonl' && !formatters[options.format]) throw new UsageError(`format ${options.format} is not available for this command`);
  const localized = localizeReport(report, options.lang);
  const chunks = reportChunks(localized, options, io);
  await checkOutputTarget(options);
  if (options.output) writeReportFile(options.output, chunks);
  else for (const chunk of chunks) io.stdout.write(chunk);
  return report.valid ? EXIT.valid : EXIT.invalid;
}

// About 64 KiB per write: jsonl never builds one string of the whole report.
const CHUNK = 64 * 1024;

function* reportChunks(report: Report, options: ReportOutputOptions, io: CliIo): Generator<string> {
  if (options.format === 'jsonl') {
    let pending = '';
    for (const line of formatJsonlLines(report)) {
      pending += `${line}\n`;
      if (pending.length >= CHUNK) {
        yield pending;
        pending = '';
      }
    }
    if (pending) yield pending;
    return;
  }
  const formatter = formatters[options.format]!;
  const color = !options.output && options.format === 'text' && io.stdout.isTTY === true;
  yield formatter(report, { ...options, color });
}

// JUnit and SARIF (issue 5): checks described by the package registry, so rules carry titles and DA/T 70 items.
// Issues carry their check id (issue 15), so the formatters only need the descriptions.
registerFormatter('junit', (report, o) => formatJunit(report, { describe: (id) => describePackageCheck(id, o.lang), toolVersion: VERSION }));
registerFormatter('sarif', (report, o) => formatSarif(report, { describe: (id) => describePackageCheck(id, o.lang), toolVersion: VERSION }));
