import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { packagePathKind, validatePath } from '../../node/validatePath.js';
import type { ProgressEvent } from '../../package/source.js';
import { createIssue } from '../../report/createIssue.js';
import { buildReport } from '../../report/report.js';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io.js';
import { emitReport, parseOutputOptions } from '../output.js';

const USAGE = `Usage:
  dangan validate <path> [--profile auto|dat93|eep|bagit] [--format text|json|junit|sarif]
                         [--lang zh-CN|en] [--jobs N] [--no-fixity] [--output FILE]

检测移交信息包（DA/T 93-2022）、EEP 封装包（DA/T 48-2009）或 BagIt 包的真实性、完整性、
可用性和安全性（DA/T 70-2018 四性检测）。<path> 可以是文件夹、.zip 或 .eep 文件。
Check a transfer package (DA/T 93-2022), an EEP (DA/T 48-2009) or a BagIt bag for
authenticity, integrity, usability and security (DA/T 70-2018). <path> is a folder,
a .zip or an .eep file.

  --profile P    auto (default: detected), dat93, eep or bagit
  --format F     text (default), json (the Report), junit (one testcase per check) or sarif (2.1.0)
  --lang L       zh-CN (default) or en
  --jobs N       hashing workers (default: all cores)
  --no-fixity    do not hash; the fixity checks are reported as skipped
  --output FILE  write the report to FILE instead of standard output

Progress goes to standard error, and only on a terminal.
Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error or input that cannot be opened.`;

const OPTIONS = {
  profile: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  jobs: { type: 'string' },
  'no-fixity': { type: 'boolean' },
  output: { type: 'string' },
} as const;

const PROFILES = ['auto', 'dat93', 'eep', 'bagit'] as const;

/** `dangan validate <path>`: the 四性 check of a package, per the CLI contract of design.md. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: '检测移交信息包、EEP 或 BagIt 包（四性检测）/ validate a transfer package, EEP or BagIt bag',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <path>' : 'exactly one <path> is needed');
    const path = positionals[0] as string;
    const output = parseOutputOptions(values);
    const profile = values.profile ?? 'auto';
    if (!(PROFILES as readonly string[]).includes(profile)) throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}, not ${profile}`);
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs must be a positive integer, not ${values.jobs}`);
    try {
      await packagePathKind(path);
    } catch (error) {
      // The input cannot be opened at all: still one report for machines, and exit 2.
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      const report = buildReport({
        profile: profile === 'auto' ? 'unknown' : profile,
        issues: [createIssue('input.unreadable', { path: basename(path), locale: output.lang, params: { reason } })],
      });
      await emitReport(report, output, io);
      return EXIT.usage;
    }
    const progress = io.stderr.isTTY === true ? progressLine(io) : undefined;
    const report = await validatePath(path, {
      profile: profile as (typeof PROFILES)[number],
      locale: output.lang,
      fixity: values['no-fixity'] !== true,
      ...(jobs !== undefined ? { jobs } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
    progress?.done();
    const code = await emitReport(report, { ...output, subject: path }, io);
    // A zip that is not one after all (or cannot be read) cannot be opened: exit 2, as for a missing path.
    return report.checks.length === 0 && report.issues.some((i) => i.code === 'input.unreadable') ? EXIT.usage : code;
  },
};

/** A one-line progress display on standard error: files, bytes and ETA, redrawn at most 5 times a second. */
function progressLine(io: CliIo): { update: (event: ProgressEvent) => void; done: () => void } {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(event) {
      const now = Date.now();
      if (now - last < 200 && event.files < event.totalFiles) return;
      last = now;
      drawn = true;
      const elapsed = (now - started) / 1000;
      const rate = elapsed > 0 ? event.bytes / elapsed : 0;
      const eta = rate > 0 ? Math.ceil((event.totalBytes - event.bytes) / rate) : undefined;
      io.stderr.write(
        `\r${event.files}/${event.totalFiles} files, ${mib(event.bytes)}/${mib(event.totalBytes)} MiB${eta !== undefined ? `, ETA ${eta}s` : ''}   `,
      );
    },
    done() {
      if (drawn) io.stderr.write('\n');
    },
  };
}

function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}
