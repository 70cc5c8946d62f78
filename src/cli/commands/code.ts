import { parseArgs } from 'node:util';
import { readInputText } from '../readInput.js';
import type { ArchivalCodeInput, ComponentName } from '../../filing/components.js';
import { fieldSpecs, isComponentName } from '../../filing/fields.js';
import { ArchivalCodeFormatError, formatArchivalCode } from '../../filing/formatArchivalCode.js';
import type { ParseArchivalCodeOptions } from '../../filing/options.js';
import { parseArchivalCode, type ArchivalCodeParseResult } from '../../filing/parseArchivalCode.js';
import { getProfile, listProfiles } from '../../filing/registry.js';
import { checkSequence, nextItemNumber } from '../../filing/sequence.js';
import { localizeIssue } from '../../report/createIssue.js';
import type { Issue, Locale } from '../../report/issue.js';
import { safeText } from '../safeText.js';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io.js';
import { CODE_PROFILE_OPTIONS, loadCodeProfiles } from '../policy.js';
import { severityLabel } from '../../report/format/units.js';
import { emitReport, parseOutputOptions } from '../output.js';

const USAGE = `Usage:
  dangan code parse <code>...            [--profile auto|ID] [--strict] [--format text|json] [--lang zh-CN|en]
  dangan code format <field=value>...    [--profile ID] [--format text|json]
  dangan code check [FILE|-]             [--profile auto|ID] [--strict] [--start N]
                                         [--format text|json|junit|sarif] [--lang zh-CN|en] [--output FILE]
  dangan code next <class-key>           [--from FILE|-] [--profile auto|ID] [--width N] [--format text|json]
  dangan code profiles                   [--format text|json]

档号的解析、生成、校验与编号。parse 拆分档号；format 由组成项生成档号
（如 fondsCode=Z109 categoryCode=WS year=2011 retentionPeriod=Y orgCode=BGS itemNumber=1）；
check 从文件或标准输入逐行读取档号，检查规范性（GD-1-7）、重复（GD-1-8）和连续性（GD-2-6）；
next 给出某最低一级类目中的下一个件号；profiles 列出档号规则。
Parse, write, check and number 档号 (archival codes). check reads one code per line from FILE
or standard input; next allocates the next number in a class (existing codes from --from).

  --profile ID      dat22 (default for format), dat13-2022, dat13-2022-volume, dat13-2022-photo,
                    dat13-2022-project, dat13-1994-catalogue, dat13-1994-class, dat13-1994-project,
                    or auto (default for parse/check/next: detect)
  --strict          tolerated deviations (look-alike characters, unpadded 件号, legacy C/D) are errors
  --start N         number every class starts at (check; default 1)
  --width N         digits of the new number (next)
  --code-profiles FILE.json
                    custom 档号 profiles (one definition or an array, as registerProfile takes),
                    then usable as --profile ID and tried first by auto

Exit codes: 0 valid, 1 invalid, 2 usage error or unreadable input.`;

const OPTIONS = {
  profile: { type: 'string' },
  strict: { type: 'boolean' },
  start: { type: 'string' },
  width: { type: 'string' },
  from: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  output: { type: 'string' },
  ...CODE_PROFILE_OPTIONS,
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** `dangan code`: parse, format, check and allocate 档号. */
export const codeCommand: CliCommand = {
  name: 'code',
  summary: '档号解析、生成、校验与编号 / parse, format, check and number archival codes',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    const [action, ...args] = positionals;
    await loadCodeProfiles(values['code-profiles']);
    switch (action) {
      case 'parse':
        return runParse(args, values, io);
      case 'format':
        return runFormat(args, values, io);
      case 'check':
        return runCheck(args, values, io);
      case 'next':
        return runNext(args, values, io);
      case 'profiles':
        return runProfiles(values, io);
      default:
        throw new UsageError(action === undefined ? 'an action is needed: parse, format, check, next or profiles' : `unknown action "${action}"`);
    }
  },
};

function simpleFormat(values: Values): 'text' | 'json' {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json here, not ${format}`);
  return format;
}

function lang(values: Values): Locale {
  return parseOutputOptions({ lang: values.lang }).lang;
}

function profileOption(values: Values, fallback: string): string {
  const id = values.profile ?? fallback;
  if (id !== 'auto' && !getProfile(id)) {
    throw new UsageError(`unknown --profile ${id} (known: auto, ${listProfiles().map((p) => p.id).join(', ')})`);
  }
  return id;
}

function parseOptions(values: Values): ParseArchivalCodeOptions {
  return { profile: profileOption(values, 'auto'), strict: values.strict === true, locale: lang(values) };
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1e9) throw new UsageError(`--${name} must be a whole number, not ${value}`);
  return n;
}

function issueLine(issue: Issue, locale: Locale): string {
  const check = issue.check ? ` ${issue.check}` : '';
  const where = issue.location ? ` ${issue.location.line}:${issue.location.column}` : '';
  return `  ${severityLabel(issue.severity, locale)} ${issue.code}${check}${where} ${safeText(issue.message)}`;
}

function describeResult(input: string, r: ArchivalCodeParseResult, locale: Locale): string {
  const verdict = r.valid ? (locale === 'en' ? 'valid' : '有效') : locale === 'en' ? 'INVALID' : '无效';
  const lines = [`${safeText(input)}  [${r.profile ?? '-'}] ${verdict}`];
  if (r.normalized !== input && r.normalized !== '') lines.push(`  → ${safeText(r.normalized)}`);
  const components = r.components ?? {};
  for (const name of Object.keys(components) as ComponentName[]) {
    const value = components[name];
    const label = locale === 'en' ? name : fieldSpecs[name].zh;
    lines.push(`  ${label}: ${safeText(Array.isArray(value) ? value.join('·') : value)}`);
  }
  lines.push(...r.issues.map((i) => issueLine(i, locale)));
  return lines.join('\n');
}

async function runParse(codes: string[], values: Values, io: CliIo): Promise<number> {
  if (codes.length === 0) throw new UsageError('parse needs at least one code');
  const format = simpleFormat(values);
  const options = parseOptions(values);
  const results = codes.map((code) => ({ input: code, ...parseArchivalCode(code, options) }));
  if (format === 'json') io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else io.stdout.write(`${results.map((r) => describeResult(r.input, r, options.locale ?? 'zh-CN')).join('\n\n')}\n`);
  return results.every((r) => r.valid) ? EXIT.valid : EXIT.invalid;
}

async function runFormat(pairs: string[], values: Values, io: CliIo): Promise<number> {
  if (pairs.length === 0) throw new UsageError('format needs components as field=value, e.g. fondsCode=Z109');
  const format = simpleFormat(values);
  const locale = lang(values);
  const profile = profileOption(values, 'dat22');
  if (profile === 'auto') throw new UsageError('format needs a definite --profile, not auto');
  const components: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = eq > 0 ? pair.slice(0, eq) : '';
    if (!isComponentName(name)) throw new UsageError(`"${pair}" is not field=value with a known field (${Object.keys(fieldSpecs).join(', ')})`);
    components[name] = pair.slice(eq + 1);
  }
  try {
    const code = formatArchivalCode(components as ArchivalCodeInput, profile);
    io.stdout.write(format === 'json' ? `${JSON.stringify({ code, profile })}\n` : `${safeText(code)}\n`);
    return EXIT.valid;
  } catch (error) {
    if (!(error instanceof ArchivalCodeFormatError)) throw error;
    const issues = error.issues.map((i) => localizeIssue(i, locale));
    if (format === 'json') io.stdout.write(`${JSON.stringify({ profile, issues }, null, 2)}\n`);
    else io.stderr.write(`${issues.map((i) => issueLine(i, locale)).join('\n')}\n`);
    return EXIT.invalid;
  }
}

async function readLines(file: string | undefined, io: CliIo): Promise<{ codes: string[]; lines: number[]; path?: string }> {
  let text: string;
  if (file === undefined || file === '-') text = await io.readStdin();
  else {
    try {
      text = readInputText(file);
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const codes: string[] = [];
  const lines: number[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      codes.push(line);
      lines.push(index + 1);
    });
  return file === undefined || file === '-' ? { codes, lines } : { codes, lines, path: file };
}

async function runCheck(args: string[], values: Values, io: CliIo): Promise<number> {
  if (args.length > 1) throw new UsageError('check reads one FILE (or - for standard input)');
  const output = parseOutputOptions(values);
  const { codes, lines, path } = await readLines(args[0], io);
  const start = positiveInteger('start', values.start);
  const report = checkSequence(codes, { ...parseOptions(values), ...(start !== undefined ? { start } : {}), ...(path ? { path } : {}) });
  // Issues point at the code's position in the list; map it back to the file's line.
  for (const issue of report.issues) {
    if (issue.location) issue.location = { ...issue.location, line: lines[issue.location.line - 1] ?? issue.location.line };
  }
  return emitReport(report, { ...output, subject: path ?? 'stdin' }, io);
}

async function runNext(args: string[], values: Values, io: CliIo): Promise<number> {
  if (args.length !== 1) throw new UsageError('next needs exactly one <class-key>, e.g. Z109-WS·2011-Y-BGS');
  const format = simpleFormat(values);
  const existing = values.from === undefined ? [] : (await readLines(values.from, io)).codes;
  const width = positiveInteger('width', values.width);
  const next = nextItemNumber(existing, args[0] as string, { ...parseOptions(values), ...(width ? { width } : {}) });
  if (format === 'json') io.stdout.write(`${JSON.stringify(next, null, 2)}\n`);
  else {
    io.stdout.write(`${safeText(next.code)}\n`);
    if (next.issues.length > 0) io.stderr.write(`${next.issues.map((i) => issueLine(i, lang(values))).join('\n')}\n`);
  }
  return next.valid ? EXIT.valid : EXIT.invalid;
}

async function runProfiles(values: Values, io: CliIo): Promise<number> {
  const format = simpleFormat(values);
  const locale = lang(values);
  const profiles = listProfiles();
  if (format === 'json') {
    const rows = profiles.map((p) => ({ id: p.id, priority: p.priority, template: p.template, title: p.title, source: p.source }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const rows = profiles.map((p) => `${safeText(p.id).padEnd(22)} ${safeText(p.template)}\n${' '.repeat(23)}${safeText(p.title[locale])} — ${safeText(p.source.standard)} ${safeText(p.source.clause)}`);
    io.stdout.write(`${rows.join('\n')}\n`);
  }
  return EXIT.valid;
}
