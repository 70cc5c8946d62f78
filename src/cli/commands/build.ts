import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_INPUT_BYTES, readInputBytes } from '../readInput.js';
import * as z from 'zod';
import { catalogueFields } from '../../formats/catalogue/catalogueRecord.js';
import { readCatalogueCsv } from '../../formats/catalogue/csv/readCatalogueCsv.js';
import { readModelJson } from '../../formats/modelJson/modelJson.js';
import { catalogueEntrySchema, type CatalogueEntry } from '../../model/catalogueEntry.js';
import { matchFiles } from '../../node/build/matchFiles.js';
import { buildTransferPackage, type TransferPackageItem } from '../../node/buildTransferPackage.js';
import { issueCap } from '../../report/capIssues.js';
import type { Issue, Locale } from '../../report/issue.js';
import { buildReport } from '../../report/report.js';
import { EXIT, UsageError, type CliCommand } from '../io.js';
import { checkOutputTarget, emitReport, parseOutputOptions } from '../output.js';
import { CODE_PROFILE_OPTIONS, readCodeProfiles } from '../policy.js';
import { createProgressDisplay } from '../progress.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { exportIssues } from '../../report/messages/export.js';
import { generalIssues } from '../../report/messages/general.js';
import { limitsIssues } from '../../report/messages/limits.js';

const USAGE = `Usage:
  dangan build <catalogue.csv|catalogue.json> <files-dir> -o <out> --fonds-name NAME
               [--zip] [--algorithm sm3|sha256] [--match-column 档号]
               [--fonds-code CODE] [--creating-unit NAME] [--category WS]
               [--transfer-unit NAME] [--content TEXT] [--environment TEXT]
               [--encoding utf-8|gb18030] [--edition 2022|2012]
               [--format text|json] [--lang zh-CN|en] [--output REPORT-FILE]
               [--code-profiles FILE.json] [--quiet]

按 DA/T 93-2022 生成移交信息包：说明文件.TXT、目录文件.XML、以档号命名的件文件夹（元数据 XML
和内容文件）、其他/ 中附录B 列出的文件：固化验证信息.XML（默认 SM3）、电子档案移交清单、元数据规范、数据封装规范、
分类编号规则、内容数据命名规则、移交接收过程元数据和电子档案移交与接收登记表（草稿）。按档号（或 --match-column 指定的列）把
<files-dir> 中的文件（<档号>.pdf 或 <档号>/ 文件夹）对应到目录条目；没有文件的条目和没有条目的
文件都作为问题报告。
Build a DA/T 93-2022 transfer package from a 归档文件目录 (CSV as Excel saves it, UTF-8 or
GB18030, or a JSON array of entries) and a folder of content files, matched by 档号 (file
<档号>.pdf or folder <档号>/) or by --match-column. Besides 固化验证信息.XML, 其他/ gets the other
documents DA/T 93-2022 附录B lists: the transfer list, the metadata and packaging specifications,
the classification and naming rules, the process metadata and a draft of the 登记表.

  -o, --out PATH        package directory to create (absent or empty), or .zip with --zip
  --zip                 write a zip file
  --algorithm ALG       digest in 固化验证信息.XML and the metadata: sm3 (default) or sha256
  --match-column COL    catalogue column whose value names the files (default 档号)
  --fonds-name NAME     全宗名称 (required); --creating-unit defaults to it
  --fonds-code CODE     全宗号 folder for 档号 that do not start with one
  --category CODE       门类代码 folder for 档号 that carry none (e.g. WS)
  --transfer-unit, --content, --environment   说明文件 移交单位, 内容描述, 软硬件环境
  --encoding ENC        XML and 说明文件 encoding: utf-8 (default) or gb18030
  --edition YEAR        目录文件.XML element set: 2022 (default) or 2012
  --code-profiles FILE.json   custom 档号 profiles, tried first when reading 档号

The catalogue may also be the JSON that \`dangan classify --format json\` prints
({ "catalogue": [...] }), or its \`--format csv\` output.

生成的包先写入临时目录，并用 dangan validate 的同一校验器检查；只有全部条目都已打包且校验通过时
才改名为输出目录，否则不留下任何输出。
The package is written to a temporary sibling and checked with the validator of
dangan validate; it is renamed into place only when every entry was packaged and it
passes, so a failed run leaves nothing behind.

Exit codes: 0 built and valid, 1 items left out, catalogue errors or a package
validate would reject (nothing written), 2 usage error, unreadable input or an
output that already exists.`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  zip: { type: 'boolean' },
  algorithm: { type: 'string' },
  'match-column': { type: 'string' },
  'fonds-name': { type: 'string' },
  'fonds-code': { type: 'string' },
  'creating-unit': { type: 'string' },
  category: { type: 'string' },
  'transfer-unit': { type: 'string' },
  content: { type: 'string' },
  environment: { type: 'string' },
  encoding: { type: 'string' },
  edition: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  output: { type: 'string' },
  ...CODE_PROFILE_OPTIONS,
  quiet: { type: 'boolean', short: 'q' },
} as const;

// 软硬件环境 when none is given: what reading the package's XML and PDF/OFD files needs.
const DEFAULT_ENVIRONMENT = '通用计算机；XML 与 PDF/OFD 阅读软件';

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  const found = allowed.find((a) => a.toLowerCase() === lower);
  if (found === undefined) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not ${value}`);
  return found;
}

/** The catalogue field a --match-column value names: a CSV heading, an XML element or a field name. */
function matchField(column: string): keyof CatalogueEntry {
  const field = catalogueFields.find((f) => f.field === column || f.element === column || ('column' in f && f.column === column));
  if (!field) throw new UsageError(`--match-column: unknown column ${column} (e.g. 档号, 文号, 序号)`);
  return field.field;
}

async function readEntries(file: string, bytes: Uint8Array, locale: Locale): Promise<{ entries: CatalogueEntry[]; issues: Issue[] }> {
  const path = basename(file);
  if (extname(file).toLowerCase() === '.json') {
    // An array of entries, or `dangan classify --format json` output ({ scheme, catalogue, boxes, … }).
    const classified = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) && 'catalogue' in v ? v.catalogue : v);
    const result = readModelJson(z.preprocess(classified, z.array(catalogueEntrySchema)), bytes, { path, locale });
    return { entries: result.value ?? [], issues: result.issues };
  }
  const result = readCatalogueCsv(bytes, { path, locale });
  return { entries: result.records, issues: result.issues };
}

/**
 * `dangan build`: catalogue + files -> DA/T 93-2022 移交信息包.
 *
 * @example
 * await run(['build', '归档文件目录.csv', 'files', '-o', '移交信息包', '--fonds-name', '某局'], io) //=> 0
 */
export const buildCommand: CliCommand = {
  name: 'build',
  summary: '生成移交信息包 / build a DA/T 93 transfer package',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    const [catalogueFile, filesDir, ...extra] = positionals;
    if (catalogueFile === undefined || filesDir === undefined || extra.length > 0) throw new UsageError('expected <catalogue.csv|json> <files-dir>');
    const out = values.out;
    if (out === undefined) throw new UsageError('-o <out> is required');
    const fondsName = values['fonds-name'];
    if (fondsName === undefined || fondsName.trim() === '') throw new UsageError('--fonds-name is required (全宗名称)');
    if (values['fonds-code'] !== undefined && !/^[A-Z0-9]+$/.test(values['fonds-code'])) throw new UsageError('--fonds-code: uppercase letters and digits, e.g. Z109');
    // The report goes neither into the inputs nor into the package being built.
    const output = { ...parseOutputOptions(values), inputs: [catalogueFile, filesDir, out] };
    await checkOutputTarget(output);
    const codeProfiles = await readCodeProfiles(values['code-profiles']);
    const algorithm = oneOf('algorithm', values.algorithm, ['sm3', 'sha256'] as const);
    const encoding = oneOf('encoding', values.encoding, ['UTF-8', 'GB18030'] as const);
    const edition = oneOf('edition', values.edition, ['2022', '2012'] as const);
    const field = matchField(values['match-column'] ?? '档号');
    const subject = { ...output, subject: out };
    const fail = async (issues: Issue[], code: number) => {
      await emitReport(buildReport({ profile: 'build', issues }), subject, io);
      return code;
    };

    const progress = createProgressDisplay(io, output.lang, values.quiet === true);
    const buildWith = async (): Promise<number> => {
      progress.phase('metadata');
      let read: Uint8Array | { size: number };
      try {
        read = readInputBytes(catalogueFile);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        return fail([createIssueFrom(generalIssues, 'input.unreadable', { locale: output.lang, path: catalogueFile, params: { reason } })], EXIT.usage);
      }
      if (!(read instanceof Uint8Array)) {
        const params = { entry: catalogueFile, received: read.size, limit: MAX_INPUT_BYTES };
        return fail([createIssueFrom(limitsIssues, 'xml.limit-bytes', { locale: output.lang, path: catalogueFile, received: read.size, expected: MAX_INPUT_BYTES, params })], EXIT.invalid);
      }
      // Its issues are capped per code once, by buildReport (issue 23 class 8).
      const catalogue = await readEntries(catalogueFile, read, output.lang);
      if (catalogue.issues.some((i) => i.severity === 'error')) return fail(catalogue.issues, EXIT.invalid);

      const keyOf = (entry: CatalogueEntry) => {
        const value = entry[field];
        return value === undefined ? '' : String(value);
    };
    progress.phase('listing', { totalFiles: catalogue.entries.length });
    let matched;
    try {
      matched = await matchFiles(filesDir, new Set(catalogue.entries.map(keyOf).filter((k) => k !== '')));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return fail([...catalogue.issues, createIssueFrom(generalIssues, 'input.unreadable', { locale: output.lang, path: filesDir, params: { reason } })], EXIT.usage);
    }
    const cap = issueCap({ locale: output.lang });
    const unmatched = matched.unmatched.flatMap((file) => (cap.admit('build.file-without-entry') ? [createIssueFrom(exportIssues, 'build.file-without-entry', { locale: output.lang, path: file, params: { file } })] : []));
    // A key shared by several entries cannot tell their files apart: those entries get none.
    const counts = new Map<string, number>();
    for (const entry of catalogue.entries) counts.set(keyOf(entry), (counts.get(keyOf(entry)) ?? 0) + 1);
    const shared = new Set([...counts].filter(([key, n]) => n > 1 && key !== '' && field !== 'archivalCode').map(([key]) => key));
    const ambiguous = [...shared].flatMap((key) => (cap.admit('build.match-key-duplicate') ? [createIssueFrom(exportIssues, 'build.match-key-duplicate', { locale: output.lang, params: { column: values['match-column'], key } })] : []));
    // A Set, not Array#includes per entry: 1,000,000 rows sharing keys were quadratic.
    const items = catalogue.entries.map((entry): TransferPackageItem => ({
      entry,
      files: shared.has(keyOf(entry)) ? [] : (matched.byKey.get(keyOf(entry)) ?? []),
    }));
    const creatingUnit = values['creating-unit'] ?? fondsName;
    progress.phase('writing', { files: 0, totalFiles: items.length, bytes: 0 });
    const result = await buildTransferPackage(
      {
        fonds: { fondsName, creatingUnit, ...(values['fonds-code'] ? { fondsCode: values['fonds-code'] } : {}) },
        description: {
          移交单位: values['transfer-unit'] ?? creatingUnit,
          内容描述: values.content ?? `${fondsName}电子档案`,
          软硬件环境: values.environment ?? DEFAULT_ENVIRONMENT,
        },
        items,
      },
      {
        output: out,
        zip: values.zip === true,
        locale: output.lang,
        ...(algorithm ? { algorithm } : {}),
        ...(encoding ? { encoding } : {}),
        ...(edition ? { edition } : {}),
        ...(values.category ? { categoryCode: values.category } : {}),
        ...(codeProfiles.length > 0 ? { archivalCodeProfiles: codeProfiles } : {}),
        onProgress: (p) => progress.update({ files: p.items, bytes: p.bytes }),
      },
    );
    const report = buildReport({
      profile: 'build',
      issues: [...catalogue.issues, ...unmatched, ...ambiguous, ...cap.summary(), ...result.report.issues],
      locale: output.lang,
      files: result.files,
      bytes: result.bytes,
    });
    progress.done();
    const exit = await emitReport(report, subject, io);
    return result.report.issues.some((i) => i.code === 'build.output-exists') ? EXIT.usage : exit;
    };
    try {
      return await buildWith();
    } finally {
      progress.done();
    }
  },
};
