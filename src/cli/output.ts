import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import { formatJson } from '../report/format/json.js';
import { formatJsonlLines } from '../report/format/jsonl.js';
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

/**
 * The formatters by format, each loaded when its format is asked for (start-up, issue 22): text, JUnit
 * and SARIF bring the check registry (titles and DA/T 70 items of the checks), which `--format json`
 * does not need. Issues carry their check id (issue 15), so the formatters only need the descriptions.
 */
const formatters: Readonly<Record<Exclude<ReportFormat, 'jsonl'>, () => Promise<Formatter>>> = {
  json: async () => (report) => formatJson(report),
  text: async () => {
    const [{ formatText }, { describePackageCheck }] = await Promise.all([import('../report/format/text.js'), import('../package/checks/describeCheck.js')]);
    return (report, o) => formatText(report, { locale: o.lang, color: o.color, subject: o.subject, describeCheck: (id) => describePackageCheck(id, o.lang)?.title });
  },
  junit: async () => {
    const [{ formatJunit }, { describePackageCheck }] = await Promise.all([import('../report/format/junit.js'), import('../package/checks/describeCheck.js')]);
    return (report, o) => formatJunit(report, { describe: (id) => describePackageCheck(id, o.lang), toolVersion: VERSION });
  },
  sarif: async () => {
    const [{ formatSarif }, { describePackageCheck }] = await Promise.all([import('../report/format/sarif.js'), import('../package/checks/describeCheck.js')]);
    return (report, o) => formatSarif(report, { describe: (id) => describePackageCheck(id, o.lang), toolVersion: VERSION });
  },
};

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
 * @throws OutputError when the report cannot be written.
 * @example
 * const exitCode = await emitReport(report, { format: 'json', lang: 'en' }, io)
 */
export async function emitReport(report: Report, options: ReportOutputOptions, io: CliIo): Promise<number> {
  const formatter = options.format === 'jsonl' ? undefined : await formatters[options.format]();
  const localized = localizeReport(report, options.lang);
  const chunks = reportChunks(localized, options, io, formatter);
  await checkOutputTarget(options);
  if (options.output) writeReportFile(options.output, chunks);
  else for (const chunk of chunks) io.stdout.write(chunk);
  return report.valid ? EXIT.valid : EXIT.invalid;
}

// About 64 KiB per write: jsonl never builds one string of the whole report.
const CHUNK = 64 * 1024;

function* reportChunks(report: Report, options: ReportOutputOptions, io: CliIo, formatter: Formatter | undefined): Generator<string> {
  if (formatter === undefined) {
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
  const color = !options.output && options.format === 'text' && io.stdout.isTTY === true;
  yield formatter(report, { ...options, color });
}
