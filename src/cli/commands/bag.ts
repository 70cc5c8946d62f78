import { parseArgs } from 'node:util';
import { createBag, wrapTransferPackage, type CreateBagOptions, type CreateBagResult } from '../../node/createBag.js';
import { openDirectorySource } from '../../node/directorySource.js';
import { verifyEepSignature } from '../../node/eep/verifyEepSignature.js';
import { validatePackage } from '../../package/validatePackage.js';
import type { Locale } from '../../report/issue.js';
import type { DigestAlgorithm } from '../../package/source.js';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io.js';
import { checkOutputTarget, emitReport, parseOutputOptions } from '../output.js';
import { parseJobs } from '../jobs.js';
import { formatBytes } from '../../report/format/units.js';
import { createProgressDisplay, type ProgressDisplay } from '../progress.js';
import type { ProgressEvent } from '../../package/source.js';
import type { BagitProfile } from '../../formats/bagit/profile.js';
import { loadBagitProfileOption } from '../bagitProfile.js';
import { updateBag, type UpdateBagResult } from '../../node/bagit/updateBag.js';

const USAGE = `Usage:
  dangan bag <dir> [--algorithm sha512,sm3] [--out DIR|FILE [--copy] [--transfer-package] [--zip | --tar | --tgz]]
                   [--date YYYY-MM-DD] [--info Label=Value ...] [--bagit-profile FILE.json] [--format text|json]
  dangan bag --update <bag> [--format text|json]
  dangan bag --validate <dir> [--fast | --no-fixity] [--suppress bagit.lint.x,...]
                   [--format text|json|jsonl|junit|sarif] [--lang zh-CN|en] [--output FILE] [--jobs N] [--quiet]

创建 BagIt 1.0 包（默认原地把目录内容移入 data/；--out 写到新目录，载荷用硬链接，不复制字节），
或用 --validate 校验一个包（RFC 8493）。
Create a BagIt 1.0 bag (in place by default: the folder's content moves into data/; with --out,
a new folder whose payload is hard-linked, no byte copied), or check a bag with --validate.

  --algorithm LIST      manifest algorithms: md5, sha1, sha224, sha256, sha384, sha512, sha3-224, sha3-256,
                        sha3-384, sha3-512, blake2b-512, blake2s-256, sm3 (default sha512)
  --out DIR             write the bag into DIR (new or empty) and leave <dir> unchanged
  --copy                with --out: copy payload files instead of hard-linking them
  --zip, --tar, --tgz   with --out FILE: write the bag as one .zip, .tar or .tar.gz file whose members sit
                        under a single top-level folder named after FILE (RFC 8493 §4); it is validated
                        as dangan validate reads it before it is renamed into place
  --transfer-package    with --out: <dir> is a DA/T 93 transfer package (移交信息包); name it in bag-info.txt
  --date YYYY-MM-DD     Bagging-Date (default today, UTC); fix it for byte-stable output
  --info Label=Value    extra bag-info.txt element (repeatable; --bag-info is the same)
  --bagit-profile FILE.json
                        write a bag that meets this BagIt Profile (a local file): its required algorithms,
                        BagIt-Profile-Identifier and required bag-info tags (values from --info, or the
                        profile's single allowed value; a required value that cannot be inferred is a
                        usage error); with --validate, also check the bag against it
  --update              <dir> is a BagIt 1.0 bag whose payload changed: regenerate its payload manifests,
                        Payload-Oxum and tag manifests in place, then validate it
  --validate            check <dir> as a bag instead of creating one
  --fast                only compare Payload-Oxum (like bagit-python --fast)
  --no-fixity           check completeness without hashing (like bagit-python --completeness-only)
  --suppress LIST       leave these bagit.lint.* warnings out of the report

A new bag is written to a temporary sibling of --out, checked with the validator of
dangan validate, and renamed into place only when valid (nothing is left otherwise).

Exit codes: 0 valid / created, 1 invalid (or a bag validate would reject), 2 usage error
or unreadable input.`;

const OPTIONS = {
  algorithm: { type: 'string' },
  out: { type: 'string' },
  copy: { type: 'boolean' },
  zip: { type: 'boolean' },
  tar: { type: 'boolean' },
  tgz: { type: 'boolean' },
  'transfer-package': { type: 'boolean' },
  date: { type: 'string' },
  info: { type: 'string', multiple: true },
  'bag-info': { type: 'string', multiple: true },
  'bagit-profile': { type: 'string' },
  validate: { type: 'boolean' },
  update: { type: 'boolean' },
  fast: { type: 'boolean' },
  'no-fixity': { type: 'boolean' },
  suppress: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  output: { type: 'string' },
  jobs: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** `dangan bag`: create a BagIt bag, or validate one with `--validate`. */
export const bagCommand: CliCommand = {
  name: 'bag',
  summary: '创建或校验 BagIt 包 / create or validate a BagIt bag (RFC 8493)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('exactly one <dir> is needed');
    const dir = positionals[0] as string;
    const jobs = parseJobs(values.jobs, io);
    const bagitProfile = await loadBagitProfileOption(values['bagit-profile']);
    if (values.update && values.validate) throw new UsageError('--update and --validate exclude each other');
    if (values.update) return runUpdate(dir, values, jobs, io);
    return values.validate ? runValidate(dir, values, jobs, io, bagitProfile) : runCreate(dir, values, jobs, io, bagitProfile);
  },
};

async function runValidate(dir: string, values: Values, jobs: number | undefined, io: CliIo, bagitProfile: BagitProfile | undefined): Promise<number> {
  if (values.fast && values['no-fixity']) throw new UsageError('--fast and --no-fixity exclude each other');
  const output = { ...parseOutputOptions(values), inputs: [dir] };
  await checkOutputTarget(output);
  const source = await openDirectorySource(dir).catch((error: Error) => {
    throw new UsageError(`cannot open ${dir}: ${error.message}`);
  });
  let report;
  const progress = createProgressDisplay(io, output.lang, values.quiet === true);
  progress.phase('metadata');
  try {
    // The same validator as dangan validate --profile bagit (limits screened, a bagged 移交信息包 checked as dat93 too).
    report = await validatePackage(source, {
      profile: 'bagit',
      fixity: values['no-fixity'] !== true,
      bagit: { fast: values.fast === true, suppress: values.suppress?.split(',').map((s) => s.trim()).filter(Boolean) ?? [], ...(bagitProfile ? { bagitProfile } : {}) },
      locale: output.lang,
      verifySignature: verifyEepSignature,
      ...(jobs ? { jobs } : {}),
      onProgress: hashingProgress(progress),
    });
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(error.message.replace('[dangan] ', ''));
    throw error;
  } finally {
    progress.done();
  }
  return emitReport(report, { ...output, subject: dir }, io);
}

async function runCreate(dir: string, values: Values, jobs: number | undefined, io: CliIo, bagitProfile: BagitProfile | undefined): Promise<number> {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`bag creation prints text or json, not ${format}`);
  if ((values.copy || values['transfer-package']) && values.out === undefined) throw new UsageError('--copy and --transfer-package need --out');
  const serialize = (['zip', 'tar', 'tgz'] as const).filter((f) => values[f] === true);
  if (serialize.length > 1) throw new UsageError('--zip, --tar and --tgz exclude each other');
  if (serialize.length === 1 && values.out === undefined) throw new UsageError(`--${serialize[0]} needs --out FILE`);
  const progress = createProgressDisplay(io, parseOutputOptions({ lang: values.lang }).lang, values.quiet === true);
  progress.phase('listing');
  const options: CreateBagOptions = {
    ...(values.algorithm ? { algorithms: values.algorithm.split(',').map((a) => a.trim().toLowerCase() as DigestAlgorithm) } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.copy ? { transfer: 'copy' as const } : {}),
    ...(serialize[0] ? { serialize: serialize[0] } : {}),
    ...(values.date !== undefined ? { baggingDate: values.date } : {}),
    bagInfo: [...(values.info ?? []), ...(values['bag-info'] ?? [])].map(parseInfo),
    ...(bagitProfile ? { bagitProfile } : {}),
    digest: { ...(jobs ? { jobs } : {}), onProgress: hashingProgress(progress) },
  };
  let result: CreateBagResult;
  try {
    result =
      values['transfer-package'] && values.out !== undefined
        ? await wrapTransferPackage(dir, values.out, options)
        : await createBag(dir, options);
  } catch (error) {
    throw new UsageError((error as Error).message.replace('[dangan] ', ''));
  } finally {
    progress.done();
  }
  // The bag was checked with the validator of dangan validate (issue 15): exit as validate would.
  const lang = parseOutputOptions({ lang: values.lang }).lang;
  if (format === 'json') io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.placed && result.report.valid) io.stdout.write(describe(result, lang));
  else await emitReport(result.report, { format: 'text', lang, subject: result.bag }, io);
  return result.report.valid ? EXIT.valid : EXIT.invalid;
}

async function runUpdate(dir: string, values: Values, jobs: number | undefined, io: CliIo): Promise<number> {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`bag --update prints text or json, not ${format}`);
  const lang = parseOutputOptions({ lang: values.lang }).lang;
  const progress = createProgressDisplay(io, lang, values.quiet === true);
  progress.phase('listing');
  let result: UpdateBagResult;
  try {
    result = await updateBag(dir, { digest: { ...(jobs ? { jobs } : {}), onProgress: hashingProgress(progress) } });
  } catch (error) {
    throw new UsageError((error as Error).message.replace('[dangan] ', ''));
  } finally {
    progress.done();
  }
  if (format === 'json') io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.report.valid) {
    const oxum = `${result.bytes}.${result.files}`;
    io.stdout.write(lang === 'en' ? `bag updated: ${result.bag}\n  Payload-Oxum ${oxum}; manifests ${result.algorithms.join(', ')}\n\n` : `已更新 BagIt 包：${result.bag}\n  Payload-Oxum ${oxum}；清单算法：${result.algorithms.join('、')}\n\n`);
  } else await emitReport(result.report, { format: 'text', lang, subject: result.bag }, io);
  return result.report.valid ? EXIT.valid : EXIT.invalid;
}

function parseInfo(text: string): [string, string] {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new UsageError(`--info needs Label=Value, not ${text}`);
  return [text.slice(0, equals).trim(), text.slice(equals + 1).trim()];
}

function describe(r: CreateBagResult, locale: Locale): string {
  const lines =
    locale === 'en'
      ? [
          `bag created: ${r.bag}`,
          `  ${r.files} files, ${formatBytes(r.bytes)}; Payload-Oxum ${r.bytes}.${r.files}`,
          `  manifest algorithms: ${r.algorithms.join(', ')}`,
          `  payload: moved ${r.moved}, linked ${r.linked}, copied ${r.copied}`,
        ]
      : [
          `已创建 BagIt 包：${r.bag}`,
          `  ${r.files} 个文件，${formatBytes(r.bytes)}；Payload-Oxum ${r.bytes}.${r.files}`,
          `  清单算法：${r.algorithms.join('、')}`,
          `  载荷：移入 ${r.moved}，硬链接 ${r.linked}，复制 ${r.copied}`,
        ];
  return `${lines.join('\n')}\n\n`;
}

/** Hashing progress events shown as the `hashing` phase of a progress line. */
function hashingProgress(progress: ProgressDisplay): (event: ProgressEvent) => void {
  let started = false;
  return (event) => {
    const counts = { files: event.files, totalFiles: event.totalFiles, bytes: event.bytes, totalBytes: event.totalBytes };
    if (started) progress.update(counts);
    else {
      started = true;
      progress.phase('hashing', counts);
    }
  };
}
