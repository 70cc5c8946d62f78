
import type { Issue } from '../../report/issue.js';
import { buildReport, type Report } from '../../report/report.js';
import { catalogueCheckResults, stampCatalogueIssues } from './checks.js';
import { createEntryCheck } from './checkEntries.js';
import type { CatalogueElementSet } from './elementSets.js';
import type { CatalogueXmlEntry, RawCatalogueEntry, RawCatalogueField } from './entries.js';
import { buildCatalogueEntry, rawEntryLocation, rawFieldLocation, scanRawCatalogue, scanRawCatalogueChunks, sortByLocation, type CatalogueScan, type ScanCatalogueOptions } from './scanCatalogue.js';
import type { ByteChunkSource, XmlStreamContext } from '../../xml/scan.js';
import { applySeverityPolicy, type SeverityOverrides } from '../../report/severityPolicy.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { catalogueIssues } from '../../report/messages/catalogue.js';

/** Options of {@link validateCatalogue}. */
export interface ValidateCatalogueOptions extends ScanCatalogueOptions {
  /** Severity per issue code, or `off` to drop it. */
  severity?: SeverityOverrides;
  /** Treat warnings as errors. */
  strict?: boolean;
}

/** UTF-8 length of a string without allocating its bytes. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Validates a 目录文件.XML (the catalogue of a transfer package; 2012 办法
 * 附件2 and DA/T 93-2022 element sets, 件 or 卷 level) and returns a Report
 * with profile `catalogue`: encoding (UTF-8/GB18030/GB2312), well-formedness,
 * required items, 日期 (8 digits, calendar-checked), 密级 and 保管期限 value
 * domains, 页数 and 顺序号 positive integers, duplicate 顺序号 and 档号. Every
 * issue carries line:column and XPath, and issues come in document order.
 * The file is read as a stream ({@link scanCatalogue}) and each entry is checked
 * as soon as it is read, so no tree is built. Never throws on bad input.
 *
 * @param xml - The file's bytes, or its decoded text.
 * @param options - Element set, level, limits, locale, path, severity overrides, strict.
 * @returns The report; `valid` is false when any issue is an error.
 * @example
 * const report = validateCatalogue(await readFile('目录文件.XML'), { locale: 'en' });
 * report.valid //=> false
 * report.issues[0] //=> { code: 'catalogue.date-impossible', location: { line: 9, column: 5, xpath: '/文件目录/文件[1]/日期' }, … }
 */
export function validateCatalogue(xml: Uint8Array | string, options: ValidateCatalogueOptions = {}): Report {
  return checkCatalogueXml(xml, options).report;
}

/** Result of {@link checkCatalogueXml}. */
export interface CatalogueCheckResult {
  /** The report {@link validateCatalogue} returns. */
  report: Report;
  /** True when the whole file was read without a fatal XML error. */
  complete: boolean;
}

/**
 * {@link validateCatalogue} in the same single pass as reading: each entry is
 * checked and, when `onEntry` is given, also handed over with its locations
 * fixed (as {@link readCatalogue} gives it), so a caller that needs both the
 * report and the entries reads the file once.
 *
 * @param xml - The file's bytes, or its decoded text.
 * @param options - As {@link validateCatalogue}.
 * @param onEntry - Receives each entry, in document order.
 * @returns The report, and whether the file was read completely.
 * @example
 * const entries: CatalogueXmlEntry[] = [];
 * const { report, complete } = checkCatalogueXml(bytes, {}, (entry) => entries.push(entry));
 */
export function checkCatalogueXml(xml: Uint8Array | string, options: ValidateCatalogueOptions = {}, onEntry?: (entry: CatalogueXmlEntry) => void): CatalogueCheckResult {
  return checkRawCatalogueXml(xml, options, onEntry && ((raw, context) => onEntry(buildCatalogueEntry(raw, context))));
}

/**
 * {@link checkCatalogueXml} handing over the raw entries (offsets, no
 * locations), for a caller that keeps only part of each entry and should not
 * pay for line:column and XPath on every field. Internal.
 *
 * @param xml - The file's bytes, or its decoded text.
 * @param options - As {@link validateCatalogue}.
 * @param onEntry - Receives each raw entry (its `xpath` set) with the scan context, in document order.
 * @returns The report, and whether the file was read completely.
 * @example
 * checkRawCatalogueXml(bytes, {}, (raw, context) => codes.push(raw.fields['档号']?.value));
 */
export function checkRawCatalogueXml(
  xml: Uint8Array | string,
  options: ValidateCatalogueOptions,
  onEntry?: (entry: RawCatalogueEntry, context: XmlStreamContext) => void,
): CatalogueCheckResult {
  const run = catalogueCheckRun(options, onEntry);
  return run.finish(scanRawCatalogue(xml, options, run.onRawEntry), typeof xml === 'string' ? utf8Length(xml) : xml.length);
}

/**
 * {@link validateCatalogue} of a file read in chunks (`blobChunkSource` in a
 * browser, `openFileChunkSource` in Node): the same report, while only the
 * current chunk and the uniqueness tables of 顺序号 and 档号 are held — the
 * file is never held whole. The summary's `bytes` is the source's `size`, or
 * what was read when the source has no size. Rejects only when the source does.
 *
 * @param source - The file's bytes, chunk by chunk (closed at the end).
 * @param options - As {@link validateCatalogue}.
 * @returns The report.
 * @example
 * const report = await validateCatalogueChunks(blobChunkSource(input.files[0]), { locale: 'en' });
 */
export async function validateCatalogueChunks(source: ByteChunkSource, options: ValidateCatalogueOptions = {}): Promise<Report> {
  return (await checkRawCatalogueChunks(source, options)).report;
}

/** One catalogue check: the entry callback to scan with, and the report once the scan has ended. */
function catalogueCheckRun(
  options: ValidateCatalogueOptions,
  onEntry?: (entry: RawCatalogueEntry, context: XmlStreamContext) => void,
): {
  onRawEntry(entry: RawCatalogueEntry, elementSet: CatalogueElementSet, context: XmlStreamContext): void;
  finish(scan: CatalogueScan, bytes: number): CatalogueCheckResult;
} {
  const base = { locale: options.locale, path: options.path };
  const entryIssues: Issue[] = [];
  let check: ((entry: RawCatalogueEntry, issues: Issue[]) => void) | undefined;
  const onRawEntry = (entry: RawCatalogueEntry, elementSet: CatalogueElementSet, context: XmlStreamContext) => {
    // Line:column is resolved only for the issues: a clean entry costs no location at all.
    check ??= createEntryCheck<RawCatalogueEntry, RawCatalogueField>(
      { elementSet, ...base },
      {
        entry: (raw) => rawEntryLocation(raw, context),
        field: (raw, field) => rawFieldLocation(raw, field, context),
        position: (field) => field.offset,
        line: (offset) => context.lines.locate(offset).line,
      },
    );
    check(entry, entryIssues);
    onEntry?.(entry, context);
  };
  const finish = (scan: CatalogueScan, bytes: number): CatalogueCheckResult => {
    const issues = sortByLocation([...scan.issues, ...entryIssues]);
    if (scan.complete && scan.entries === 0) issues.push(createIssueFrom(catalogueIssues, 'catalogue.empty', { ...base, location: scan.rootLocation }));
    const adjusted = stampCatalogueIssues(applySeverityPolicy(issues, options.severity, options.strict));
    const report = buildReport({
      profile: 'catalogue',
      // 100,000 entries with the same fault cost a summary, not 100,000 issues (buildReport caps per code).
      issues: adjusted,
      ...(options.limits?.maxIssuesPerCode !== undefined ? { maxIssuesPerCode: options.limits.maxIssuesPerCode } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
      checks: catalogueCheckResults(adjusted, scan.complete),
      files: 1,
      bytes,
    });
    return { report, complete: scan.complete };
  };
  return { onRawEntry, finish };
}

/**
 * {@link checkRawCatalogueXml} over a file read in chunks: the same report,
 * completion and raw entries, while the file is never held whole (a package's
 * 目录文件.XML of 250,000 entries is about 94 MB, and its bytes and decoded text
 * were the largest thing a million-file validation held while it was read).
 * Internal. Rejects only when the source does.
 *
 * @param source - The file's bytes, chunk by chunk (closed at the end).
 * @param options - As {@link validateCatalogue}.
 * @param onEntry - Receives each raw entry (its `xpath` set) with the scan context, in document order.
 * @returns The report, and whether the file was read completely.
 * @example
 * await checkRawCatalogueChunks(blobChunkSource(file), {}, (raw) => codes.push(raw.fields['档号']?.value));
 */
export async function checkRawCatalogueChunks(
  source: ByteChunkSource,
  options: ValidateCatalogueOptions,
  onEntry?: (entry: RawCatalogueEntry, context: XmlStreamContext) => void,
): Promise<CatalogueCheckResult> {
  let bytes = 0;
  const counted: ByteChunkSource = {
    ...(source.size === undefined ? {} : { size: source.size }),
    read: async () => {
      const chunk = await source.read();
      if (chunk) bytes += chunk.length;
      return chunk;
    },
    close: () => source.close?.(),
  };
  const run = catalogueCheckRun(options, onEntry);
  // The file's size, as validateCatalogue reports it, also when reading stopped early (an unknown encoding, a fatal error).
  return run.finish(await scanRawCatalogueChunks(counted, options, run.onRawEntry), source.size ?? bytes);
}
