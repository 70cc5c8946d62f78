import type { Locale } from '../../report/issue.js';
import type { CheckRun } from '../checks/checkRun.js';
import type { PackageEntry, PackageSource } from '../source.js';
import { contentFormats, macroExtensions, type ContentFormatId } from './formats.js';
import { mapLimit } from '../mapLimit.js';
import { scanContent, type ContentScan } from './scanContent.js';

// Files scanned at once: overlaps open and read latency; each scan holds at most 64 KiB plus a chunk.
const SCAN_CONCURRENCY = 8;

/** A content file to check, with the format its metadata declares. */
export interface ContentToCheck {
  entry: PackageEntry;
  /** 格式信息 (DA/T 46-2009 M47), when declared. */
  formatInfo?: string;
  /**
   * Identify by the head only, never search the whole file: a file no metadata lists
   * (`content.unlisted`), whose bytes no check compares, is not read (or inflated) past its head.
   */
  headOnly?: boolean;
}

const DECLARED_BY: Readonly<Record<Locale, { extension: string; formatInfo: string }>> = {
  'zh-CN': { extension: '扩展名', formatInfo: '格式信息' },
  en: { extension: 'file extension', formatInfo: '格式信息 (format information)' },
};
// "PDF/A", "PDF/A-1b", "pdf / a-2u", "PDFA": a 格式信息 naming PDF/A rather than plain PDF.
const DECLARES_PDF_A = /PDF\s*[/-]?\s*A(?![A-Z])/i;
const ENCRYPTION_KIND = {
  'pdf-encrypt': { 'zh-CN': 'PDF /Encrypt 字典', en: 'PDF /Encrypt' },
  'encrypted-package': { 'zh-CN': 'Office EncryptedPackage 加密包', en: 'Office EncryptedPackage' },
  'zip-entry-encrypted': { 'zh-CN': 'ZIP 加密标志', en: 'ZIP encryption flag' },
} as const;
// Chinese names of the formats whose English name is prose (the others are acronyms in both languages).
const FORMAT_NAMES_ZH: Readonly<Record<string, string>> = {
  text: '文本',
  pe: 'Windows 可执行程序（PE）',
  elf: 'ELF 可执行程序',
  'mach-o': 'Mach-O 可执行程序',
  script: '脚本',
};
/** A format's name in both languages, for message params. */
function formatNames(id: keyof typeof contentFormats, suffix = ''): { 'zh-CN': string; en: string } {
  const en = contentFormats[id].name;
  return { 'zh-CN': (FORMAT_NAMES_ZH[id] ?? en) + suffix, en: en + suffix };
}
/**
 * The format each extension names, the first in table order when several do. Built once: going
 * through `Object.entries(contentFormats)` for each file allocated about 1.3 KiB per file
 * (134 MB for the 100,000 files of the hostile case `dir-100k-empty-files`).
 */
const FORMAT_OF_EXTENSION: ReadonlyMap<string, ContentFormatId> = (() => {
  const map = new Map<string, ContentFormatId>();
  for (const [id, definition] of Object.entries(contentFormats)) {
    for (const extension of definition.extensions as readonly string[]) if (!map.has(extension)) map.set(extension, id as ContentFormatId);
  }
  return map;
})();

/**
 * Checks each content file by its bytes: the format identified from its
 * signature must match its extension and the declared 格式信息 (DA/T 70-2018
 * GD-3-3), and a 格式信息 naming PDF/A needs the file's PDF/A identification
 * (a warning when it is missing); encrypted PDFs, password-protected Office files and encrypted zips
 * are reported (GD-3-8); executables, scripts and macros are reported
 * (GD-4-3). Files already scanned on the read that hashed them (`scanned`,
 * from `verifyFixity`) are not read again; the others are read once here.
 *
 * @param source - The package source.
 * @param contents - Files to check with their declared formats.
 * @param run - The check run.
 * @param scanLimit - Files over this size are identified by their head only.
 * @param scanned - Scans made while hashing, by source path.
 * @example
 * await checkContentFormats(source, contents, run, 2 ** 28)
 */
export async function checkContentFormats(
  source: PackageSource,
  contents: readonly ContentToCheck[],
  run: CheckRun,
  scanLimit: number,
  scanned: Pick<ReadonlyMap<string, ContentScan>, 'get'> = new Map(),
): Promise<void> {
  for (const check of ['content.format', 'content.encryption', 'security.executables'] as const) run.ran(check);
  // Overlap the reads; report in package order.
  const scans = await mapLimit(contents, SCAN_CONCURRENCY, async ({ entry, headOnly }) => {
    const done = scanned.get(entry.path);
    if (done) return done;
    try {
      return await scanContent(source, entry.path, headOnly ? 0 : scanLimit, entry.size);
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
  for (const [index, { entry, formatInfo, headOnly }] of contents.entries()) {
    const scan = scans[index] as ContentScan | { error: string };
    if ('error' in scan) run.report('content.unreadable', { path: entry.path, params: { reason: scan.error } });
    else checkScan(entry, formatInfo, scan, run, scanLimit, headOnly === true);
  }
}

function checkScan(entry: PackageEntry, formatInfo: string | undefined, scan: ContentScan, run: CheckRun, scanLimit: number, headOnly: boolean): void {
  const path = entry.path;
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const byExtension = FORMAT_OF_EXTENSION.get(extension);
  const detected = scan.format ?? (byExtension === 'text' && scan.textHead ? 'text' : undefined);
  const labels = DECLARED_BY[run.locale];
  if (detected === undefined) {
    if (entry.size > 0) run.report('content.format-unidentified', { path });
  } else {
    const names = formatNames(detected, scan.markers.has('pdf-a') ? ' (PDF/A)' : '');
    const name = names.en;
    if (byExtension !== undefined && byExtension !== detected) {
      run.report('content.format-mismatch', { path, expected: extension, received: name, params: { detected: names, declaredBy: labels.extension, declared: `.${extension}` } });
    }
    const declared = formatInfo === undefined ? undefined : formatsNamedIn(formatInfo);
    if (declared !== undefined && declared.size > 0 && !declared.has(detected)) {
      run.report('content.format-mismatch', { path, expected: formatInfo, received: name, params: { detected: names, declaredBy: labels.formatInfo, declared: formatInfo } });
    }
    // ISO 19005 (every part): a PDF/A identifies itself by pdfaid:part in its XMP metadata. Only a whole-file
    // search can tell it is absent; a warning, as the XMP stream might be compressed (inferred: see docs/package-format.md).
    if (detected === 'pdf' && formatInfo !== undefined && DECLARES_PDF_A.test(formatInfo) && scan.complete && !scan.markers.has('pdf-a')) {
      run.report('content.pdfa-unconfirmed', { path, expected: 'PDF/A (pdfaid:part)', received: name, params: { declared: formatInfo } });
    }
  }
  if (scan.markers.has('truncated')) {
    run.report('content.truncated', {
      path,
      params: { marker: detected === 'pdf' ? 'PDF %%EOF' : { 'zh-CN': 'ZIP 中央目录结束记录（PK\\x05\\x06）', en: 'ZIP end of central directory (PK\\x05\\x06)' } },
    });
  }
  for (const marker of ['pdf-encrypt', 'encrypted-package', 'zip-entry-encrypted'] as const) {
    if (scan.markers.has(marker)) run.report('content.encrypted', { path, params: { kind: ENCRYPTION_KIND[marker] } });
  }
  const executable = [detected, byExtension].find((id) => id !== undefined && isExecutable(id));
  if (executable) run.report('content.executable', { path, params: { kind: formatNames(executable) } });
  if (scan.markers.has('vba-project') || (macroExtensions as readonly string[]).includes(extension)) {
    run.report('content.macro', { path, params: { kind: scan.markers.has('vba-project') ? { 'zh-CN': 'VBA 工程', en: 'VBA project' } : `.${extension}` } });
  }
  if (scan.markers.has('pdf-javascript')) run.report('content.macro', { path, params: { kind: 'PDF JavaScript' } });
  if (!headOnly && !scan.complete && ['pdf', 'docx', 'xlsx', 'pptx', 'zip', 'ole2'].includes(detected ?? '')) {
    run.report('content.scan-skipped', { path, params: { limit: scanLimit } });
  }
}

function isExecutable(id: ContentFormatId): boolean {
  return 'executable' in contentFormats[id] && contentFormats[id].executable === true;
}

/** Each format with one word-bounded pattern for its names and MIME types, compiled once. */
const FORMAT_WORDS: readonly (readonly [ContentFormatId, RegExp])[] = Object.entries(contentFormats).map(([id, definition]) => {
  const words = [...definition.names, ...definition.mime].map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return [id as ContentFormatId, new RegExp(`(^|[^A-Z0-9])(?:${words.join('|')})([^A-Z0-9]|$)`)] as const;
});
// A package repeats a handful of 格式信息 values; compiling the patterns per file was ~3% of the per-item CPU.
const NAMED_IN = new Map<string, ReadonlySet<ContentFormatId>>();

/** Formats whose names or MIME types a 格式信息 value mentions (word-bounded, case-insensitive). */
function formatsNamedIn(formatInfo: string): ReadonlySet<ContentFormatId> {
  let found = NAMED_IN.get(formatInfo);
  if (found !== undefined) return found;
  const text = formatInfo.toUpperCase();
  found = new Set(FORMAT_WORDS.filter(([, pattern]) => pattern.test(text)).map(([id]) => id));
  // Bounded: a hostile package may give every file its own value.
  if (NAMED_IN.size < 256) NAMED_IN.set(formatInfo, found);
  return found;
}
