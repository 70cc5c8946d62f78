import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyEepSignature } from '../../node/eep/verifyEepSignature.js';
import { resolveAntivirus } from '../../node/antivirus/createEngine.js';
import type { AntivirusSettings } from '../../node/antivirus/scanPackage.js';
import { openPackagePath, packagePathKind, validatePath, validateWithAntivirus, type PackagePathKind } from '../../node/validatePath.js';
import { detectPackageProfile } from '../../package/detectProfile.js';
import type { PackageSource, ProgressEvent } from '../../package/source.js';
import { createProgressDisplay, type ProgressDisplay } from '../progress.js';
import type { Issue, Locale } from '../../report/issue.js';
import type { ArchivalCodeProfile } from '../../filing/profile.js';
import { buildReport, localizeReport, type Report } from '../../report/report.js';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io.js';
import { openReportFile } from '../reportFile.js';
import { readInputText } from '../readInput.js';
import type { StreamedIssues } from '../../report/issueSink.js';
import { adjustSeverity } from '../../report/severityPolicy.js';
import { localizeIssue } from '../../report/createIssue.js';
import { formatJsonlLines } from '../../report/format/jsonl.js';
import { parseJobs } from '../jobs.js';
import { checkOutputTarget, emitReport, parseOutputOptions } from '../output.js';
import { applyReportPolicy, CODE_PROFILE_OPTIONS, readCodeProfiles, parseSeverityOverrides, SEVERITY_OPTIONS } from '../policy.js';
import { packageCheckOfIssue } from '../../package/checks/describeCheck.js';
import type { PackageShard } from '../../package/shard.js';
import type { BagitProfile } from '../../formats/bagit/profile.js';
import { loadBagitProfileOption } from '../bagitProfile.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { generalIssues } from '../../report/messages/general.js';

const USAGE = `Usage:
  dangan validate <path> [--profile auto|dat93|eep|bagit] [--format text|json|jsonl|junit|sarif]
                         [--lang zh-CN|en] [--jobs N] [--no-fixity | --fast]
                         [--suppress bagit.lint.x,...] [--bagit-profile FILE.json] [--output FILE] [--allow-weak-signatures]
                         [--strict] [--severity CODE=error|warning|info|off,...]
                         [--code-profiles FILE.json] [--quiet]
                         [--antivirus clamd[=SOCKET|HOST:PORT] | clamscan[=DATABASE]]
                         [--antivirus-command 'CMD {file}'] [--antivirus-max-age DAYS]
                         [--antivirus-timeout SECONDS] [--shard I/N]
  dangan validate --from LIST.txt [--format jsonl|json|text] [options as above]

检测移交信息包（DA/T 93-2022）、EEP 封装包（DA/T 48-2009）或 BagIt 包的真实性、完整性、
可用性和安全性（DA/T 70-2018 四性检测）。<path> 可以是文件夹、.zip、.eep 文件，BagIt 包还可以是 .tar、.tar.gz 或 .tgz。
Check a transfer package (DA/T 93-2022), an EEP (DA/T 48-2009) or a BagIt bag for
authenticity, integrity, usability and security (DA/T 70-2018). <path> is a folder,
a .zip or an .eep file; a BagIt bag may also be a .tar, .tar.gz or .tgz.

  --profile P    auto (default: detected), dat93, eep or bagit
  --format F     text (default), json (the Report), jsonl (one issue per line, then a summary line;
                 a 移交信息包's issues are written as they are found, not held: docs/report.md),
                 junit (one testcase per check) or sarif (2.1.0)
  --lang L       zh-CN (default) or en
  --jobs N       hashing workers (default and most: the number of cores)
  --no-fixity    do not hash; the fixity checks are reported as skipped
  --fast         BagIt only: compare Payload-Oxum and stop, like bagit-python --fast
                 (no completeness, no hashing, a bagged 移交信息包 not checked as dat93)
  --suppress L   BagIt only: leave these bagit.lint.* warnings out of the report
  --bagit-profile FILE.json
                 BagIt only: also check the bag against this BagIt Profile (a local file, spec 1.3/1.4);
                 each violation is a bagit.profile.* issue naming the profile field; a malformed
                 profile is a usage error (exit 2)
  --output FILE  write the report to FILE instead of standard output (not inside <path>)
  --strict       treat warnings as errors (exit 1 on any warning)
  --severity L   change the severity of issue codes, e.g. metadata.length=off,fixity.algorithm=error
  --code-profiles FILE.json
                 custom 档号 profiles (one definition or an array, as registerProfile takes);
                 auto-detection tries them first
  --allow-weak-signatures
                 EEP signatures made with md5RSA, sha1RSA or dsa-sha1 are a warning,
                 not an error (eep.signature.weak-algorithm)
  --antivirus E  scan every file (zip members and EEP 编码数据 too) for viruses:
                 clamd (Debian's socket /var/run/clamav/clamd.ctl), clamd=SOCKET, clamd=HOST:PORT,
                 or clamscan[=DATABASE] (no daemon; slow: it loads the database for every file).
                 GD-4-1 and GD-4-2 are then passed/failed/skipped instead of manual
  --antivirus-command 'CMD {file}'
                 another engine's command-line scanner, run once per file; {file} is a private
                 temporary copy (without {file} the bytes go to standard input).
                 Exit code 0 = clean, 1 = infected, anything else = error (file not scanned)
  --antivirus-max-age DAYS
                 GD-4-1 fails when the signature database is older (or does not say its date)
  --antivirus-timeout SECONDS
                 an engine that does not answer for this long is unavailable (default 60; commands 300)
  --from LIST    validate every package path listed in LIST (one a line; blank lines and # comments
                 skipped; - reads standard input) in one process; needs --format jsonl: one line
                 {"type":"report","path":…,…the Report} per package; exit code: the worst of all
  --all-issues   with --format jsonl: list every issue, not the first 1,000 of each code
                 (limits.maxIssuesPerCode); a 移交信息包's issues are written as they are found
  --max-entries N
                 refuse a package of more than N entries (files and folders) unread; default
                 1000000 (limits.maxEntries, docs/security.md). A package of a million content
                 files has about 1.5 million entries
  --shard I/N    check the whole structure and metadata, but hash and scan only shard I (0-based)
                 of N of the content files (split by a hash of each path); the report records
                 the shard. Merge the N reports with: dangan report merge shard-*.json

--fast、--suppress 与 --bagit-profile 只用于 BagIt 包（--profile bagit 或自动识别为 bagit）；用于其他包是用法错误（退出码 2）。
--fast, --suppress and --bagit-profile apply to BagIt bags only (--profile bagit, or detected as one);
on any other package they are a usage error (exit 2).

Progress (listing, reading metadata, hashing, then scanning for viruses
while files are still with the engine) goes to standard error, only on a terminal;
--quiet (-q) turns it off.
Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error or input that cannot be opened.`;

const OPTIONS = {
  profile: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  jobs: { type: 'string' },
  'no-fixity': { type: 'boolean' },
  fast: { type: 'boolean' },
  suppress: { type: 'string' },
  'bagit-profile': { type: 'string' },
  output: { type: 'string' },
  antivirus: { type: 'string' },
  'antivirus-command': { type: 'string' },
  'antivirus-max-age': { type: 'string' },
  'antivirus-timeout': { type: 'string' },
  'allow-weak-signatures': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  shard: { type: 'string' },
  from: { type: 'string' },
  'all-issues': { type: 'boolean' },
  'max-entries': { type: 'string' },
  ...SEVERITY_OPTIONS,
  ...CODE_PROFILE_OPTIONS,
} as const;

const PROFILES = ['auto', 'dat93', 'eep', 'bagit'] as const;

/** `dangan validate <path>`: the 四性 check of a package, per the CLI contract of design.md. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: '检测移交信息包、EEP 或 BagIt 包（四性检测）/ validate a transfer package, EEP or BagIt bag',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    if (values.from !== undefined) return validateList(values.from, positionals, values, io);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <path>' : 'exactly one <path> is needed');
    const path = positionals[0] as string;
    const output = { ...parseOutputOptions(values), inputs: [path] };
    // Before any work: the report may not land in (or replace) the package being validated.
    await checkOutputTarget(output);
    const settings = await parseSettings(values, io);
    if (output.format === 'jsonl') return validateStreamed(path, settings, output, io);
    if (values['all-issues'] === true) throw new UsageError('--all-issues needs --format jsonl (the other formats hold the whole report)');
    const { report, unopenable } = await validateOne(path, settings, output.lang, io);
    const code = await emitReport(report, { ...output, subject: path }, io);
    return unopenable ? EXIT.usage : code;
  },
};

/**
 * `--format jsonl` for one package: a 移交信息包's issues are written as the validator finds them
 * (each through the severity policy and in the output language), never held; then the issues
 * the report still holds (limit and container issues, the `limits.issues-truncated` notes) and
 * the summary line, whose counts and check statuses include every issue written. Other
 * profiles hand their report over whole and are written the same way at the end.
 */
async function validateStreamed(path: string, settings: Settings, output: ReturnType<typeof parseOutputOptions>, io: CliIo): Promise<number> {
  const lines = openLineSink(output.output, io);
  const { overrides, values } = settings;
  const strict = values.strict === true;
  const policy = strict || Object.keys(overrides).length > 0;
  const tally: StreamedIssues = { errors: 0, warnings: 0, infos: 0, failing: [] };
  const onIssue = (issue: Issue) => {
    const adjusted = policy ? adjustSeverity(issue, overrides, strict) : issue;
    if (!adjusted) return;
    tally[adjusted.severity === 'error' ? 'errors' : adjusted.severity === 'warning' ? 'warnings' : 'infos'] += 1;
    if (adjusted.severity === 'error' && adjusted.checkId !== undefined && !tally.failing.includes(adjusted.checkId)) tally.failing.push(adjusted.checkId);
    lines.write(`${JSON.stringify({ type: 'issue', ...localizeIssue(adjusted, output.lang) })}\n`);
  };
  try {
    const { report, unopenable, streamed } = await validateOne(path, settings, output.lang, io, { onIssue, tally });
    const localized = localizeReport(report, output.lang);
    // The summary's check list names no issue indexes when issues were streamed: each issue line carries its checkId.
    const written = streamed ? { ...localized, checks: localized.checks.map(({ issues: _indexes, ...check }) => check) } : localized;
    for (const line of formatJsonlLines(written)) lines.write(`${line}\n`);
    lines.commit();
    return unopenable ? EXIT.usage : report.valid ? EXIT.valid : EXIT.invalid;
  } finally {
    lines.discard();
  }
}

/**
 * Standard output or `--output`, written with blocking writes in about 64 KiB pieces: lines
 * written from inside a validation go out at once (on Linux, standard output to a file or a
 * pipe is blocking too), so nothing piles up however many issues there are. `--output` is a
 * {@link openReportFile} file: it appears at `commit`, whole, and a failed run leaves none.
 */
function openLineSink(file: string | undefined, io: CliIo): { write(line: string): void; flush(): void; commit(): void; discard(): void } {
  const target = file === undefined ? undefined : openReportFile(file);
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    if (target) target.write(text);
    else io.stdout.write(text);
  };
  return {
    write(line) {
      pending += line;
      if (pending.length >= 64 * 1024) flush();
    },
    flush,
    commit() {
      flush();
      target?.commit();
    },
    discard() {
      target?.discard();
    },
  };
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** The options of one validation, read once for every package of a run. */
interface Settings {
  profile: (typeof PROFILES)[number];
  jobs: number | undefined;
  bagModes: BagModes | undefined;
  antivirus: AntivirusSettings | undefined;
  overrides: ReturnType<typeof parseSeverityOverrides>;
  shard: PackageShard | undefined;
  /** Local 档号 profiles from `--code-profiles`, for the archival-code check. */
  codeProfiles: readonly ArchivalCodeProfile[];
  /** The limits `--all-issues` and `--max-entries` change; undefined when neither is given. */
  limits: ReturnType<typeof limitsOf>;
  values: Values;
}

async function parseSettings(values: Values, io: CliIo): Promise<Settings> {
  // A malformed --max-entries is a usage error before any work.
  const limits = limitsOf(values);
  const profile = values.profile ?? 'auto';
  if (!(PROFILES as readonly string[]).includes(profile)) throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}, not ${profile}`);
  const settings: Settings = {
    profile: profile as Settings['profile'],
    jobs: parseJobs(values.jobs, io),
    bagModes: parseBagModes(values, profile, await loadBagitProfileOption(values['bagit-profile'])),
    antivirus: parseAntivirus(values),
    overrides: parseSeverityOverrides(values.severity),
    shard: parseShardOption(values.shard),
    codeProfiles: await readCodeProfiles(values['code-profiles']),
    limits,
    values,
  };
  return settings;
}

/**
 * Validates one package path with the run's settings. `unopenable` is true when the
 * path cannot be opened at all (missing, not a package, a zip that is not one): the
 * report then holds `input.unreadable` and the command exits 2.
 */
async function validateOne(
  path: string,
  settings: Settings,
  lang: Locale,
  io: CliIo,
  stream?: { onIssue: (issue: Issue) => void; tally: StreamedIssues },
): Promise<{ report: Report; unopenable: boolean; streamed: boolean }> {
  const { values, profile, jobs, bagModes, shard, codeProfiles, limits } = settings;
  let kind: PackagePathKind;
  try {
    kind = await packagePathKind(path);
  } catch (error) {
    // The input cannot be opened at all: still one report for machines, and exit 2.
    return { report: unreadableReport(path, profile, lang, error), unopenable: true, streamed: false };
  }
  const progress = createProgressDisplay(io, lang, values.quiet === true);
  progress.phase('listing');
  // Files still being scanned once validation is done: a phase of their own, on this package's display.
  const antivirus = settings.antivirus && { ...settings.antivirus, onProgress: scanProgress(progress) };
  const common = {
    locale: lang,
    ...(jobs !== undefined ? { jobs } : {}),
    ...(values['allow-weak-signatures'] === true ? { allowWeakSignatures: true } : {}),
    ...(shard ? { shard } : {}),
    ...progressCallbacks(progress),
    ...(codeProfiles.length > 0 ? { archivalCodeProfiles: codeProfiles } : {}),
    ...(limits ? { limits } : {}),
  };
  let streamed = false;
  const onIssue = stream
    ? (issue: Issue) => {
        streamed = true;
        stream.onIssue(issue);
      }
    : undefined;
  const found = bagModes
    ? await validateBagModes(path, kind, bagModes, common, antivirus)
    : await validatePath(path, { ...common, profile, fixity: values['no-fixity'] !== true, ...(antivirus ? { antivirus } : {}), ...(onIssue ? { onIssue } : {}) });
  progress.done();
  const report = applyReportPolicy(found, settings.overrides, values.strict === true, (issue) => packageCheckOfIssue(issue, found.profile), streamed ? stream?.tally : undefined);
  // A zip that is not one after all (or cannot be read) cannot be opened: exit 2, as for a missing path.
  const unopenable = report.checks.every((c) => c.id === 'input.unreadable') && report.issues.some((i) => i.code === 'input.unreadable');
  return { report, unopenable, streamed };
}

/** The limits `--all-issues` and `--max-entries` change; undefined when neither is given. A malformed count is a usage error. */
function limitsOf(values: Values): { maxIssuesPerCode?: number; maxEntries?: number } | undefined {
  const text = values['max-entries'];
  if (text !== undefined && !/^[1-9]\d{0,15}$/.test(text)) throw new UsageError(`--max-entries expects a positive whole number, not "${text}"`);
  if (text === undefined && values['all-issues'] !== true) return undefined;
  return { ...(values['all-issues'] === true ? { maxIssuesPerCode: Infinity } : {}), ...(text !== undefined ? { maxEntries: Number(text) } : {}) };
}

/**
 * `dangan validate --from LIST`: every package path listed (one a line; blank lines and
 * lines starting with `#` skipped; `-` reads the list from standard input), validated one
 * after the other in this process; each report is written as one JSON line
 * `{"type":"report","path":…,…Report}` as soon as it is made and then dropped. A path that
 * cannot be opened gives its line with `input.unreadable`. Exit code: the worst of all.
 */
async function validateList(list: string, positionals: readonly string[], values: Values, io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new UsageError('--from LIST replaces <path>; give one or the other');
  if (values.format !== 'jsonl') throw new UsageError('--from needs --format jsonl (one report per line)');
  if (values.fast === true || values.suppress !== undefined) throw new UsageError('--fast and --suppress apply to one BagIt bag, not to --from');
  if (values['all-issues'] === true) throw new UsageError('--all-issues applies to one package, not to --from (each report is one line)');
  let text: string;
  try {
    text = list === '-' ? await io.readStdin() : readInputText(list);
  } catch (error) {
    throw new UsageError(`cannot read --from ${list}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const paths = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const output = { ...parseOutputOptions(values), inputs: [...paths, ...(list === '-' ? [] : [list])] };
  await checkOutputTarget(output);
  const settings = await parseSettings(values, io);
  const sink = openLineSink(output.output, io);
  let worst: number = EXIT.valid;
  try {
    for (const path of paths) {
      const { report, unopenable } = await validateOne(path, settings, output.lang, io);
      sink.write(`${JSON.stringify({ type: 'report', path, ...localizeReport(report, output.lang) })}\n`);
      sink.flush();
      worst = Math.max(worst, unopenable ? EXIT.usage : report.valid ? EXIT.valid : EXIT.invalid);
    }
    sink.commit();
  } finally {
    sink.discard();
  }
  return worst;
}

/**
 * Reads `--antivirus`, `--antivirus-command`, `--antivirus-max-age` and `--antivirus-timeout`;
 * undefined when no engine is given (GD-4-1 and GD-4-2 stay manual). A malformed value is a usage error.
 */
function parseAntivirus(values: { antivirus?: string; 'antivirus-command'?: string; 'antivirus-max-age'?: string; 'antivirus-timeout'?: string }): AntivirusSettings | undefined {
  const { antivirus, 'antivirus-command': command, 'antivirus-max-age': maxAge, 'antivirus-timeout': timeout } = values;
  if (antivirus === undefined && command === undefined) {
    if (maxAge !== undefined || timeout !== undefined) throw new UsageError('--antivirus-max-age and --antivirus-timeout need --antivirus or --antivirus-command');
    return undefined;
  }
  if (antivirus !== undefined && command !== undefined) throw new UsageError('--antivirus and --antivirus-command exclude each other');
  const days = maxAge === undefined ? undefined : Number(maxAge);
  if (days !== undefined && (!Number.isInteger(days) || days < 0)) throw new UsageError(`--antivirus-max-age must be a whole number of days, not ${maxAge}`);
  const seconds = timeout === undefined ? undefined : Number(timeout);
  if (seconds !== undefined && !(seconds > 0)) throw new UsageError(`--antivirus-timeout must be a positive number of seconds, not ${timeout}`);
  try {
    return resolveAntivirus({
      engine: command !== undefined ? `command=${command}` : (antivirus as string),
      ...(days !== undefined ? { maxDatabaseAgeDays: days } : {}),
      ...(seconds !== undefined ? { timeout: seconds * 1000 } : {}),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Reads `--shard I/N`: shard I (0-based, as Kubernetes' JOB_COMPLETION_INDEX) of N.
 *
 * @param text - The option's value, or undefined.
 * @returns The shard, or undefined without the option.
 * @throws UsageError unless `0 <= I < N`, both whole numbers.
 */
export function parseShardOption(text: string | undefined): PackageShard | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) throw new UsageError(`--shard must be I/N with 0 <= I < N (0-based, e.g. 0/4), not ${text}`);
  return { index, count };
}

/** `--fast` and `--suppress`: the bagit-python-like modes, which only a BagIt bag has. */
interface BagModes {
  /** `bagit` when given with --profile; `auto` to detect. */
  profile: 'auto' | 'bagit';
  fast: boolean;
  fixity: boolean;
  suppress: readonly string[];
  /** `--bagit-profile`: the BagIt Profile to check the bag against. */
  bagitProfile?: BagitProfile;
}

/**
 * Reads `--fast` and `--suppress`; undefined when neither is given. A profile other than bagit,
 * `--fast` with `--no-fixity`, or a suppressed code outside `bagit.lint.*` is a usage error.
 */
function parseBagModes(values: { fast?: boolean; suppress?: string; 'no-fixity'?: boolean }, profile: string, bagitProfile: BagitProfile | undefined): BagModes | undefined {
  if (values.fast !== true && values.suppress === undefined && bagitProfile === undefined) return undefined;
  if (profile !== 'auto' && profile !== 'bagit') throw new UsageError(`--fast, --suppress and --bagit-profile apply to BagIt bags only (--profile bagit), not --profile ${profile}`);
  if (values.fast === true && values['no-fixity'] === true) throw new UsageError('--fast and --no-fixity exclude each other');
  const suppress = (values.suppress ?? '').split(',').map((code) => code.trim()).filter(Boolean);
  const other = suppress.find((code) => !code.startsWith('bagit.lint.'));
  // validateBag's own rule (Findings): only lint warnings can be left out.
  if (other !== undefined) throw new UsageError(`only bagit.lint.* codes can be suppressed, not ${other}`);
  return { profile: profile as BagModes['profile'], fast: values.fast === true, fixity: values['no-fixity'] !== true, suppress, ...(bagitProfile ? { bagitProfile } : {}) };
}

/**
 * Validates a bag with `--fast` or `--suppress`. The package is opened once and its profile
 * detected (or taken from `--profile bagit`); anything but a bag is a usage error. The bag gets
 * the checks of `dangan validate` (limits screened; a bagged 移交信息包 checked as dat93 too,
 * except under `--fast`, which compares Payload-Oxum only) with the suppressed lint warnings left out.
 */
async function validateBagModes(
  path: string,
  kind: PackagePathKind,
  modes: BagModes,
  common: { locale: Locale; jobs?: number; allowWeakSignatures?: boolean; shard?: PackageShard; archivalCodeProfiles?: readonly ArchivalCodeProfile[] } & ReturnType<typeof progressCallbacks>,
  antivirus: AntivirusSettings | undefined,
): Promise<Report> {
  if (kind === 'eep') throw new UsageError(`--fast, --suppress and --bagit-profile apply to BagIt bags only; ${basename(path)} is an .eep file`);
  let source: PackageSource;
  try {
    source = await openPackagePath(path);
  } catch (error) {
    return unreadableReport(path, 'bagit', common.locale, error);
  }
  try {
    const detected = modes.profile === 'bagit' ? 'bagit' : detectPackageProfile(await source.entries());
    if (detected !== 'bagit') throw new UsageError(`--fast, --suppress and --bagit-profile apply to BagIt bags only; ${basename(path)} is a ${detected} package`);
    const bagit = { fast: modes.fast, suppress: modes.suppress, ...(modes.bagitProfile ? { bagitProfile: modes.bagitProfile } : {}) };
    return await validateWithAntivirus(source, { ...common, profile: 'bagit', fixity: modes.fixity, bagit, verifySignature: verifyEepSignature }, antivirus);
  } finally {
    await source.close?.();
  }
}

/** The report for a path that cannot be opened: one `input.unreadable` issue (the command then exits 2). */
function unreadableReport(path: string, profile: string, locale: Locale, error: unknown): Report {
  const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return buildReport({
    profile: profile === 'auto' ? 'unknown' : profile,
    issues: [createIssueFrom(generalIssues, 'input.unreadable', { path: basename(path), locale, params: { reason } })],
  });
}

/** Validation callbacks that drive a progress line: phases, then hashing counts. */
function progressCallbacks(progress: ProgressDisplay): {
  onPhase: (phase: 'listing' | 'metadata', totals?: { files: number; bytes: number }) => void;
  onProgress: (event: ProgressEvent) => void;
} {
  let hashing = false;
  return {
    onPhase: (phase, totals) => progress.phase(phase, totals ? { totalFiles: totals.files, totalBytes: totals.bytes } : {}),
    onProgress: (event) => {
      const counts = { files: event.files, totalFiles: event.totalFiles, bytes: event.bytes, totalBytes: event.totalBytes };
      if (hashing) progress.update(counts);
      else {
        hashing = true;
        progress.phase('hashing', counts);
      }
    },
  };
}

/** The antivirus scan's progress callback: counts shown once validation is done and the scan is not. */
function scanProgress(progress: ProgressDisplay): NonNullable<AntivirusSettings['onProgress']> {
  let scanning = false;
  return (event, stage) => {
    if (stage !== 'after-validation') return;
    const counts = { files: event.files, totalFiles: event.totalFiles, bytes: event.bytes, totalBytes: event.totalBytes };
    if (scanning) progress.update(counts);
    else {
      scanning = true;
      progress.phase('scanning', counts);
    }
  };
}
