import { writeFile } from 'node:fs/promises';
import { formatJson } from '../report/format/json.js';
import { formatText } from '../report/format/text.js';
import { formatJunit } from '../report/format/junit.js';
import { formatSarif } from '../report/format/sarif.js';
import { describePackageCheck, packageCheckOfIssue } from '../package/checks/describeCheck.js';
import { VERSION } from '../version.js';
import type { Locale } from '../report/issue.js';
import { localizeReport, type Report } from '../report/report.js';
import { EXIT, UsageError, type CliIo } from './io.js';

/** Report formats the CLI can print. */
export type ReportFormat = 'text' | 'json' | 'junit' | 'sarif';

/** Output options shared by every command that prints a report. */
export interface ReportOutputOptions {
  format: ReportFormat;
  lang: Locale;
  output?: string;
  subject?: string;
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
  if (!['text', 'json', 'junit', 'sarif'].includes(format)) throw new UsageError(`unknown --format ${values.format}`);
  const lang = (values.lang ?? 'zh-CN') as Locale;
  if (lang !== 'zh-CN' && lang !== 'en') throw new UsageError(`unknown --lang ${values.lang} (zh-CN or en)`);
  return { format, lang, ...(values.output ? { output: values.output } : {}) };
}

/**
 * Prints a report in the chosen format to stdout or `--output`, and returns the
 * exit code of the CLI contract: 0 valid, 1 invalid.
 *
 * @param report - The report to print (re-localised to `options.lang`).
 * @param options - Format, language and optional output file.
 * @param io - Where to write.
 * @returns The exit code.
 * @throws UsageError when the format has no formatter.
 * @example
 * const exitCode = await emitReport(report, { format: 'json', lang: 'en' }, io)
 */
export async function emitReport(report: Report, options: ReportOutputOptions, io: CliIo): Promise<number> {
  const formatter = formatters[options.format];
  if (!formatter) throw new UsageError(`format ${options.format} is not available for this command`);
  const localized = localizeReport(report, options.lang);
  const color = !options.output && options.format === 'text' && io.stdout.isTTY === true;
  const text = formatter(localized, { ...options, color });
  if (options.output) await writeFile(options.output, text);
  else io.stdout.write(text);
  return report.valid ? EXIT.valid : EXIT.invalid;
}

// JUnit and SARIF (issue 5): checks described by the package registry, so rules carry titles and DA/T 70 items.
registerFormatter('junit', (report, o) => formatJunit(report, { checkOf: (issue) => packageCheckOfIssue(issue, report.profile), describe: (id) => describePackageCheck(id, o.lang), toolVersion: VERSION }));
registerFormatter('sarif', (report, o) => formatSarif(report, { checkOf: (issue) => packageCheckOfIssue(issue, report.profile), describe: (id) => describePackageCheck(id, o.lang), toolVersion: VERSION }));
