import { stat } from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import { writeCatalogueXml } from '../formats/catalogue/writeCatalogueXml.js';
import type { CatalogueElementSet } from '../formats/catalogue/elementSets.js';
import type { FixityAlgorithm, FixityRecord } from '../formats/fixity/fixityRecord.js';
import { writeFixityManifest } from '../formats/fixity/writeFixityManifest.js';
import type { Dat46ItemMetadata, MetadataFile } from '../formats/itemMetadata/typedView.js';
import { documentsFromFiles, metadataFromCatalogueEntry } from '../formats/itemMetadata/fromCatalogueEntry.js';
import { writeItemMetadataXml } from '../formats/itemMetadata/writeItemMetadataXml.js';
import { writePackageDescription, type PackageDescription } from '../formats/description/writePackageDescription.js';
import type { TransferSummary, TransferSummaryItem } from '../formats/transferDocuments/transferSummary.js';
import { TRANSFER_DOCUMENT_FILES } from '../formats/transferDocuments/vocabulary.js';
import { writeProcessMetadata } from '../formats/transferDocuments/writeProcessMetadata.js';
import { writeRuleDocuments, type NumberingScheme } from '../formats/transferDocuments/writeRuleDocuments.js';
import { writeTransferList } from '../formats/transferDocuments/writeTransferList.js';
import { writeTransferRegister } from '../formats/transferDocuments/writeTransferRegister.js';
import { fixityAlgorithmNames } from '../formats/fixity/fixityRecord.js';
import { getProfile } from '../filing/registry.js';
import { encodeXmlDocument } from '../xml/encodeXmlDocument.js';
import { findUnrepresentableXmlChar } from '../xml/escapeXml.js';
import type { XmlOutputEncoding } from '../xml/xmlNode.js';
import { parseArchivalCode, type ArchivalCodeParseResult } from '../filing/parseArchivalCode.js';
import type { ArchivalCodeProfile } from '../filing/profile.js';
import type { CatalogueEntry } from '../model/catalogueEntry.js';
import type { Fonds } from '../model/fonds.js';
import { issueCap } from '../report/capIssues.js';
import { createIssue, type IssueDetails } from '../report/createIssue.js';
import type { Issue, Locale } from '../report/issue.js';
import type { IssueCode } from '../report/messages/index.js';
import { buildReport, type Report } from '../report/report.js';
import { folderNameProblem, itemFolder } from './build/itemFolder.js';
import { directoryWriter, zipWriter, type PackageWriter } from './build/packageWriter.js';
import { encodeGb18030 } from '../xml/gb18030.js';
import { writeAtomically } from './build/writeAtomically.js';
import { validatePath } from './validatePath.js';

/** One content file of an item: where it is on disk and its name in the item folder. */
export interface TransferPackageFile {
  /** File name inside the item folder (no `/`). */
  name: string;
  /** Path of the file on disk. */
  path: string;
}

/** One item (件) of a transfer package. */
export interface TransferPackageItem {
  /** Its 归档文件目录 row; 档号 names the folder. */
  entry: CatalogueEntry;
  /** Its content files, main document first. */
  files: readonly TransferPackageFile[];
  /**
   * Its DA/T 46 metadata without 文件数据 (written from `files`); by default
   * built from the entry and the fonds ({@link metadataFromCatalogueEntry}).
   */
  metadata?: Omit<Dat46ItemMetadata, 'documents'>;
}

/** What {@link buildTransferPackage} packages. */
export interface TransferPackageInput {
  /** The fonds the items belong to (来源, and the 全宗号 folder when the 档号 lacks one). */
  fonds: Fonds;
  /**
   * 说明文件 values: 移交单位, 内容描述, 软硬件环境 and any others (载体编号 …);
   * 起止档号 and 档案数量 are computed.
   */
  description: Omit<PackageDescription, '起止档号' | '档案数量'>;
  /** The items, read one at a time (an array, a generator or an async generator). */
  items: Iterable<TransferPackageItem> | AsyncIterable<TransferPackageItem>;
}

/** Options of {@link buildTransferPackage}. */
export interface BuildTransferPackageOptions {
  /** The package directory to create (must be absent or empty), or the `.zip` file with `zip`. */
  output: string;
  /** Write a zip file instead of a directory. */
  zip?: boolean;
  /** Digest algorithm of 固化验证信息.XML and the metadata: `sm3` (default, GB/T 32905-2016) or `sha256`. */
  algorithm?: Extract<FixityAlgorithm, 'sm3' | 'sha256'>;
  /** Encoding of every XML and of 说明文件.TXT. Default UTF-8. */
  encoding?: XmlOutputEncoding;
  /** 目录文件.XML element set. Default `2022`. */
  edition?: CatalogueElementSet;
  /** 门类代码 folder for 档号 that do not carry one. */
  categoryCode?: string;
  /** Name of each item's metadata file. Default `电子档案元数据.XML`. */
  metadataFileName?: string;
  /** Message locale of the issues. */
  locale?: Locale;
  /** Entry timestamp in the zip, and the 行为时间 of 其他/移交接收过程元数据.XML. Default: now. */
  mtime?: Date;
  /**
   * An institution's own 档号 profiles (compiled with `compileProfile`), for reading the 档号 and
   * for the validation of what is written (`ValidatePackageOptions.archivalCodeProfiles`).
   */
  archivalCodeProfiles?: readonly ArchivalCodeProfile[];
  /** Called after each item. */
  onProgress?: (progress: { items: number; files: number; bytes: number }) => void;
}

/** What {@link buildTransferPackage} did. */
export interface BuildTransferPackageResult {
  /** Problems found; `valid` is false when an item was left out or nothing was written. */
  report: Report;
  /** Items packaged. */
  items: number;
  /** Content files packaged, and their bytes. */
  files: number;
  bytes: number;
}

/**
 * Package-relative names of the fixed files (DA/T 93-2022 附录B).
 *
 * @example
 * TRANSFER_PACKAGE_FILES.fixity //=> '其他/固化验证信息.XML'
 */
export const TRANSFER_PACKAGE_FILES = {
  description: '说明文件.TXT',
  catalogue: '目录文件.XML',
  fixity: '其他/固化验证信息.XML',
  metadata: '电子档案元数据.XML',
} as const;

/**
 * Writes a DA/T 93-2022 移交信息包 (附录B, 件 level) as a directory or a zip:
 * `说明文件.TXT`, `目录文件.XML`, one folder per item at
 * `<全宗号>/<门类代码>/<档号>/` holding its DA/T 46 metadata XML and content
 * files, and `其他/固化验证信息.XML` with the SM3 (or SHA-256) digest and size
 * of every content file, beside the other documents 附录B lists in 其他/: the
 * 电子档案移交清单, 元数据规范, 数据封装规范, 分类编号规则 (the 档号 schemes used),
 * 内容数据命名规则, the 移交接收过程元数据 of this build and a draft of the
 * 电子档案移交与接收登记表 (signatures and the receiver's column left empty). Items are read one at a time and content is streamed
 * and hashed on the way, so memory holds catalogue rows, never file content.
 * Items that cannot be packaged (no files, a 档号 unusable as a folder name or
 * seen twice, text XML cannot carry, an unreadable file) are reported.
 *
 * The package is written to a temporary sibling and validated there with the
 * validator of `dangan validate` (issue 15); it is renamed into place only
 * when no item was left out and that validation passes. Otherwise nothing is
 * left behind (rerunning needs no clean-up) and the report holds the build
 * issues and the validation's checks and issues, so the build's verdict is
 * the one `validate` would give.
 *
 * @param input - Fonds, 说明文件 values and items.
 * @param options - Output path, zip, algorithm, encoding, edition.
 * @returns The report and counts.
 * @throws RangeError when a 说明文件 key or value cannot be written (a line
 *   break, or `:`/`=` in a key): that is the caller's input, not an item's.
 * @throws Error when the output cannot be written (disk full, no permission).
 * @example
 * const { report } = await buildTransferPackage(
 *   { fonds, description: { 移交单位: '某局', 内容描述: '2011年文书档案', 软硬件环境: 'PDF阅读器' }, items },
 *   { output: './移交信息包', algorithm: 'sm3' },
 * );
 */
export async function buildTransferPackage(
  input: TransferPackageInput,
  options: BuildTransferPackageOptions,
): Promise<BuildTransferPackageResult> {
  const issues: Issue[] = [];
  // Capped per code as found (issue 23 class 8: 1,000,000 rows made a 273 MB report).
  const cap = issueCap(options.locale ? { locale: options.locale } : {});
  const report = (code: IssueCode, details: IssueDetails) => {
    if (cap.admit(code)) issues.push(createIssue(code, { locale: options.locale, ...details }));
  };
  const done = (counts: { items: number; files: number; bytes: number }): BuildTransferPackageResult => ({
    report: buildReport({ profile: 'build', issues: [...issues, ...cap.summary((code) => issues.find((i) => i.code === code))], files: counts.files, bytes: counts.bytes, ...(options.locale ? { locale: options.locale } : {}) }),
    ...counts,
  });
  if (await outputInUse(options.output)) {
    report('build.output-exists', { params: { output: options.output } });
    return done({ items: 0, files: 0, bytes: 0 });
  }
  const algorithm = options.algorithm ?? 'sm3';
  const encoding = options.encoding ?? 'UTF-8';
  const encodeText = (text: string) => (encoding === 'UTF-8' ? new TextEncoder().encode(text) : encodeGb18030(text));
  const entries: CatalogueEntry[] = [];
  const summaryItems: TransferSummaryItem[] = [];
  const profiles = new Set<string>();
  const fixity: FixityRecord[] = [];
  const seen = new Set<string>();
  let bytes = 0;
  const write = async (temporary: string) => {
    const writer: PackageWriter = options.zip ? zipWriter(temporary, options.mtime ?? new Date()) : directoryWriter(temporary);
    try {
      for await (const item of input.items) {
        const code = item.entry.archivalCode;
        const folder = checkItem(item, seen, input.fonds, options, report);
        if (folder === undefined) continue;
        seen.add(code);
        if (!(await statFiles(item, report)) || !metadataWritable(item, input.fonds, options, report)) continue;
        const written: MetadataFile[] = [];
        for (const file of item.files) {
          const path = `${folder}/${file.name}`;
          const copied = await writer.copyFile(path, file.path, algorithm);
          fixity.push({ path, algorithm, digest: copied.digest, bytes: copied.bytes });
          written.push({ fileName: file.name, fileSize: copied.bytes, digest: { algorithm, value: copied.digest } });
          bytes += copied.bytes;
        }
        const metadata = itemMetadata(item, written as [MetadataFile, ...MetadataFile[]], input.fonds, options);
        await writer.writeBytes(`${folder}/${options.metadataFileName ?? TRANSFER_PACKAGE_FILES.metadata}`, encodeXmlDocument(writeItemMetadataXml(metadata, encoding), encoding));
        entries.push(completeEntry(item.entry, item.files, options));
        summaryItems.push({ archivalCode: code, title: item.entry.title ?? '', files: written.length, bytes: written.reduce((sum, f) => sum + f.fileSize, 0) });
        const profile = parseCode(code, options).profile;
        if (profile !== undefined) profiles.add(profile);
        options.onProgress?.({ items: entries.length, files: fixity.length, bytes });
      }
      const catalogue = writeCatalogueXml(entries, { edition: options.edition ?? '2022', encoding });
      await writer.writeBytes(TRANSFER_PACKAGE_FILES.catalogue, encodeXmlDocument(catalogue, encoding));
      await writer.writeBytes(TRANSFER_PACKAGE_FILES.fixity, encodeXmlDocument(writeFixityManifest(fixity, encoding), encoding));
      const first = entries[0]?.archivalCode ?? '';
      const last = entries.at(-1)?.archivalCode ?? '';
      const description = { ...input.description, 起止档号: first === last ? first : `${first}至${last}`, 档案数量: String(entries.length) };
      await writer.writeBytes(TRANSFER_PACKAGE_FILES.description, encodeText(writePackageDescription(description as PackageDescription)));
      const summary: TransferSummary = {
        transferringUnit: (description as PackageDescription).移交单位,
        contentDescription: (description as PackageDescription).内容描述,
        codeRange: description.起止档号,
        items: summaryItems,
        files: fixity.length,
        bytes,
      };
      const documents = otherFolderDocuments(summary, [...profiles], { ...options, algorithm, encoding }, description);
      for (const [path, text] of documents) await writer.writeBytes(path, path.endsWith('.XML') ? encodeXmlDocument(text, encoding) : encodeText(text));
    } finally {
      await writer.close();
    }
  };
  // Writers validate what they write (issue 15): the package goes into place only when every item
  // was packaged and `dangan validate` would pass it; otherwise nothing is left behind.
  const { verdict } = await writeAtomically(options.output, write, async (temporary) => {
    if (issues.some((i) => i.severity === 'error')) return { place: false, verdict: undefined };
    const validation = await validatePath(temporary, {
      profile: 'auto',
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.archivalCodeProfiles ? { archivalCodeProfiles: options.archivalCodeProfiles } : {}),
    });
    return { place: validation.valid, verdict: validation };
  });
  const counts = { items: entries.length, files: fixity.length, bytes };
  return {
    report: buildReport({ profile: 'build', issues: [...issues, ...(verdict?.issues ?? [])], checks: verdict?.checks ?? [], files: counts.files, bytes: counts.bytes }),
    ...counts,
  };
}

/**
 * The documents of 其他/ besides 固化验证信息 (DA/T 93-2022 附录B): the 移交清单,
 * the four rule documents, the 过程元数据 of this build and the 登记表 draft.
 */
function otherFolderDocuments(
  summary: TransferSummary,
  profileIds: readonly string[],
  options: BuildTransferPackageOptions & { algorithm: 'sm3' | 'sha256'; encoding: XmlOutputEncoding },
  description: Readonly<Record<string, string>>,
): [string, string][] {
  const algorithm = fixityAlgorithmNames[options.algorithm].name;
  const schemes = profileIds.flatMap((id): NumberingScheme[] => {
    const profile = getProfile(id);
    return profile ? [{ template: profile.template, title: profile.title['zh-CN'], source: profile.source }] : [];
  });
  const rules = writeRuleDocuments({ schemes, metadataFileName: options.metadataFileName ?? TRANSFER_PACKAGE_FILES.metadata, catalogueEdition: options.edition ?? '2022' });
  const carrier = description['载体类型'];
  return [
    [TRANSFER_DOCUMENT_FILES['transfer-list'], writeTransferList(summary, options.encoding)],
    [TRANSFER_DOCUMENT_FILES['metadata-spec'], rules['metadata-spec']],
    [TRANSFER_DOCUMENT_FILES['packaging-spec'], rules['packaging-spec']],
    [TRANSFER_DOCUMENT_FILES['classification-rules'], rules['classification-rules']],
    [TRANSFER_DOCUMENT_FILES['naming-rules'], rules['naming-rules']],
    [TRANSFER_DOCUMENT_FILES['process-metadata'], writeProcessMetadata(summary, { time: options.mtime ?? new Date(), algorithm, encoding: options.encoding })],
    [TRANSFER_DOCUMENT_FILES['transfer-register'], writeTransferRegister(summary, { algorithm, encoding: options.encoding, ...(carrier !== undefined ? { carrier } : {}) })],
  ];
}

/** True when the output exists and is not an empty directory. */
async function outputInUse(output: string): Promise<boolean> {
  try {
    const stats = await stat(output);
    return !stats.isDirectory() || (await readdir(output)).length > 0;
  } catch {
    return false;
  }
}

type Report_ = (code: IssueCode, details: IssueDetails) => void;

/** Checks an item can be packaged; returns its folder, or reports why not. */
function checkItem(item: TransferPackageItem, seen: ReadonlySet<string>, fonds: Fonds, options: BuildTransferPackageOptions, report: Report_): string | undefined {
  const code = item.entry.archivalCode;
  const problem = folderNameProblem(code);
  if (problem) {
    report('build.folder-name-invalid', { params: { archivalCode: code, reason: problem } });
    return undefined;
  }
  if (seen.has(code)) {
    report('build.archival-code-duplicate', { params: { archivalCode: code } });
    return undefined;
  }
  if (item.files.length === 0) {
    report('build.entry-without-files', { params: { archivalCode: code } });
    return undefined;
  }
  const badName = item.files.find((f) => folderNameProblem(f.name) !== undefined || f.name === (options.metadataFileName ?? TRANSFER_PACKAGE_FILES.metadata));
  if (badName) {
    report('build.folder-name-invalid', { params: { archivalCode: `${code}/${badName.name}`, reason: folderNameProblem(badName.name) ?? 'clashes with the metadata file' } });
    return undefined;
  }
  const text = [...Object.entries(item.entry), ...item.files.map((f) => ['file', f.name] as const)];
  for (const [field, value] of text) {
    const at = typeof value === 'string' ? findUnrepresentableXmlChar(value) : -1;
    if (at >= 0) {
      const character = `U+${(value as string).codePointAt(at)?.toString(16).toUpperCase().padStart(4, '0')}`;
      report('export.value.unrepresentable', { params: { field: `${code} ${field}`, character } });
      return undefined;
    }
  }
  const parsed = parseCode(code, options);
  const place = itemFolder(code, parsed.components, { fondsCode: fonds.fondsCode, categoryCode: options.categoryCode });
  if ('missing' in place) {
    report('build.folder-name-invalid', { params: { archivalCode: code, reason: `${place.missing} unknown` } });
    return undefined;
  }
  return place.folder;
}

/** Serialises the item's metadata once before any byte is copied, so text XML cannot carry is reported, not thrown midway. */
function metadataWritable(item: TransferPackageItem, fonds: Fonds, options: BuildTransferPackageOptions, report: Report_): boolean {
  const files = item.files.map((f) => ({ fileName: f.name, fileSize: 0 })) as [MetadataFile, ...MetadataFile[]];
  try {
    writeItemMetadataXml(itemMetadata(item, files, fonds, options));
    return true;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    report('export.value.unrepresentable', { params: { field: `${item.entry.archivalCode} 元数据`, character: error.message } });
    return false;
  }
}

/** Confirms every file of an item is a readable regular file before anything is written. */
async function statFiles(item: TransferPackageItem, report: Report_): Promise<true | undefined> {
  for (const file of item.files) {
    try {
      if (!(await stat(file.path)).isFile()) throw new Error('not a regular file');
    } catch (error) {
      report('build.file-unreadable', { params: { file: file.path, reason: error instanceof Error ? error.message : String(error) } });
      return undefined;
    }
  }
  return true;
}

/**
 * The catalogue row as 目录文件.XML needs it: 保管期限 (required by DA/T 93-2022,
 * absent from a DA/T 22 spreadsheet) taken from the 档号 when the row lacks it,
 * and 电子档案名称 (2012 element set) from the file names.
 */
function completeEntry(entry: CatalogueEntry, files: readonly TransferPackageFile[], options: BuildTransferPackageOptions): CatalogueEntry {
  const retentionPeriod = entry.retentionPeriod ?? parseCode(entry.archivalCode, options).components?.retentionPeriod;
  return {
    ...entry,
    ...(retentionPeriod === undefined ? {} : { retentionPeriod }),
    electronicFileName: entry.electronicFileName ?? files.map((f) => f.name).join('；'),
  };
}

function itemMetadata(item: TransferPackageItem, files: [MetadataFile, ...MetadataFile[]], fonds: Fonds, options: BuildTransferPackageOptions): Dat46ItemMetadata {
  if (item.metadata) return { ...item.metadata, documents: documentsFromFiles(files) };
  const parsed = parseCode(item.entry.archivalCode, options);
  return metadataFromCatalogueEntry(item.entry, files, { fonds, ...(parsed.components ? { components: parsed.components } : {}) });
}

/** Reads a 档号 with the build's own profiles, if any. */
function parseCode(code: string, options: BuildTransferPackageOptions): ArchivalCodeParseResult {
  return parseArchivalCode(code, options.archivalCodeProfiles ? { profiles: options.archivalCodeProfiles } : {});
}
