import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { MAX_INPUT_BYTES } from '../readInput.js';
import { openFileChunkSource } from '../../node/fileChunkSource.js';
import { validateCatalogueChunks, type ValidateCatalogueOptions } from '../../formats/catalogue/validateCatalogue.js';
import { buildReport } from '../../report/report.js';
import { EXIT, UsageError, type CliCommand } from '../io.js';
import { checkOutputTarget, emitReport, parseOutputOptions } from '../output.js';
import { parseSeverityOverrides, SEVERITY_OPTIONS } from '../policy.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { generalIssues } from '../../report/messages/general.js';
import { limitsIssues } from '../../report/messages/limits.js';

const USAGE = `Usage:
  dangan catalogue check <file> [--format text|json|jsonl] [--lang zh-CN|en] [--output FILE]
                                [--element-set auto|2012|2022] [--level auto|item|volume]
                                [--strict] [--severity CODE=error|warning|info|off,...]

检查目录文件.XML（文件目录.XML / 案卷目录.XML）：编码（UTF-8、GB18030、GB2312）、格式、必填项、
日期、密级、保管期限、页数，以及重复的顺序号和档号；每个问题都给出行号和列号。
Check a 目录文件.XML catalogue: encoding, well-formedness, required items, 日期, 密级,
保管期限, 页数, and repeated 顺序号 and 档号; every issue names its line and column.

  --element-set SET   2012 (档发〔2012〕7号 附件2) or 2022 (DA/T 93-2022); auto: from the first entry
  --level LEVEL       item (文件目录/文件) or volume (案卷目录/案卷); auto: from the root element
  --strict            treat warnings as errors
  --severity LIST     change the severity of issue codes, e.g. catalogue.element-missing=off

Exit codes: 0 valid, 1 invalid, 2 usage error or unreadable file.`;

const OPTIONS = {
  format: { type: 'string' },
  lang: { type: 'string' },
  output: { type: 'string' },
  'element-set': { type: 'string' },
  level: { type: 'string' },
  ...SEVERITY_OPTIONS,
} as const;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not ${value}`);
  return value as T;
}

/**
 * `dangan catalogue check <file>`: validate a 目录文件.XML.
 *
 * @example
 * // dangan catalogue check 目录文件.XML --format json --lang en
 */
export const catalogueCommand: CliCommand = {
  name: 'catalogue',
  summary: '检查目录文件.XML / check a 目录文件.XML catalogue',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    const [action, file, ...extra] = positionals;
    if (action !== 'check') throw new UsageError(action === undefined ? 'missing sub-command: check' : `unknown sub-command "${action}"`);
    if (file === undefined || extra.length > 0) throw new UsageError('exactly one <file> is needed');
    const output = { ...parseOutputOptions(values), inputs: [file] };
    await checkOutputTarget(output);
    const options: ValidateCatalogueOptions = {
      locale: output.lang,
      path: basename(file),
      elementSet: oneOf('element-set', values['element-set'], ['auto', '2012', '2022'] as const),
      level: oneOf('level', values.level, ['auto', 'item', 'volume'] as const),
      strict: values.strict === true,
      severity: parseSeverityOverrides(values.severity),
    };
    // Read in chunks (16 KiB): the file is never held whole, so memory stays flat however long the catalogue.
    // V8 lets the young generation grow to 3 × 16 MB when objects keep surviving (here: the 档号 and 顺序号
    // tables, which grow by one key per entry); holding it at its initial size (1 MB a semi-space) keeps the
    // 100,000-entry check at about 67 MB of peak RSS instead of 82, at no measurable cost in time
    // (docs/performance.md, catalogue). Set for this process only, once the command is known.
    setFlagsFromString('--semi-space-growth-factor=1');
    const unreadable = async (error: unknown) => {
      // The input cannot be opened (or changed while read): still one report for machines, and exit 2.
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      const issue = createIssueFrom(generalIssues, 'input.unreadable', { locale: output.lang, path: options.path, params: { reason } });
      await emitReport(buildReport({ profile: 'catalogue', issues: [issue], files: 0 }), { ...output, subject: file }, io);
      return EXIT.usage;
    };
    let opened: ReturnType<typeof openFileChunkSource>;
    try {
      opened = openFileChunkSource(file, MAX_INPUT_BYTES);
    } catch (error) {
      return unreadable(error);
    }
    if (opened.source === undefined) {
      // Over the byte cap: never read, never decoded (docs/security.md, bounded readers).
      const issue = createIssueFrom(limitsIssues, 'xml.limit-bytes', { locale: output.lang, path: options.path, received: opened.size, expected: MAX_INPUT_BYTES, params: { entry: options.path ?? basename(file), received: opened.size, limit: MAX_INPUT_BYTES } });
      return emitReport(buildReport({ profile: 'catalogue', issues: [issue], files: 1 }), { ...output, subject: file }, io);
    }
    let report: Awaited<ReturnType<typeof validateCatalogueChunks>>;
    try {
      report = await validateCatalogueChunks(opened.source, options);
    } catch (error) {
      return unreadable(error);
    }
    return emitReport(report, { ...output, subject: file }, io);
  },
};
