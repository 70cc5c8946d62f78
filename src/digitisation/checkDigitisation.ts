import { findForbiddenCharacter } from '../formats/itemMetadata/forbiddenCharacters.js';
import { unportableNameReason } from '../package/limits.js';
import type { Locale } from '../report/issue.js';
import { buildReport, type Report } from '../report/report.js';
import type { DigitisationCatalogue } from './catalogue.js';
import { formatsForPurpose, defaultBitDepths, digitisationDefaults, type DigitisationOptions } from './options.js';
import type { ColourMode, ImageFormat, ImageInfo } from './headers/imageInfo.js';
import { formatOfExtension, readImageInfo } from './headers/readImageInfo.js';
import { digitisationCheckOfCode } from './checks.js';
import { createIssueSink, type IssueSink } from './issueSink.js';
import { assignFile, detectLayout, type BatchLayout } from './layout.js';
import { sampleCount, sampleIndexes } from './sample.js';
import type { BatchSource } from './source.js';

const FORMATS: readonly ImageFormat[] = ['tiff', 'jpeg', 'png', 'jp2', 'pdf', 'ofd'];
const MODES: readonly ColourMode[] = ['bilevel', 'grayscale', 'colour'];
const MODE_NAMES: Readonly<Record<ColourMode, { 'zh-CN': string; en: string }>> = {
  bilevel: { 'zh-CN': '黑白二值', en: 'bilevel' },
  grayscale: { 'zh-CN': '灰度', en: 'grayscale' },
  colour: { 'zh-CN': '彩色', en: 'colour' },
};

/**
 * The name of a colour mode in a language: 黑白二值 / 灰度 / 彩色 (DA/T 46-2009 M55) in zh-CN.
 *
 * @param mode - The colour mode.
 * @param locale - Language of the name.
 * @returns The name.
 * @example
 * colourModeName('grayscale', 'zh-CN') // '灰度'
 */
export function colourModeName(mode: ColourMode, locale: Locale): string {
  return MODE_NAMES[mode][locale];
}
const PURPOSE_NAMES = { any: { 'zh-CN': '数字化成果', en: 'digitised images' }, master: { 'zh-CN': '长期保存（母本）', en: 'master copies' }, access: { 'zh-CN': '利用', en: 'access copies' } } as const;
/** Files named per manual check in the report (the CSV has them all). */
const INSPECT_LISTED = 200;

/** One catalogue entry's line of the 验收 form. */
export interface DigitisationEntrySummary {
  /** 档号. */
  archivalCode: string;
  /** 页数 in the catalogue. */
  pageCount: number;
  /** Image files tied to the entry. */
  files: number;
  /** Pages found (files, or pages inside multi-page files); `undefined` when unreadable. */
  pages?: number;
  /** Lowest and highest resolution of its images, dpi. */
  dpiMin?: number;
  dpiMax?: number;
  /** Colour modes of its images. */
  colourModes: ColourMode[];
  /** Codes of the errors found on the entry and its images. */
  problems: string[];
  /** Whether the entry was checked (all are, unless sampling). */
  checked: boolean;
  /** Checked, with no error. */
  passed: boolean;
}

/** Summary statistics of a batch: pages by format, colour mode and resolution. */
export interface DigitisationStatistics {
  /** Files in the batch. */
  files: number;
  /** Files whose headers were read. */
  filesRead: number;
  /** Bytes of the files read. */
  bytes: number;
  /** Pages read (a multi-page file counts its pages). */
  pages: number;
  /** Pages per format (`unknown` for unrecognised files). */
  pagesByFormat: Record<string, number>;
  /** Pages per colour mode (`unknown` when not readable). */
  pagesByColourMode: Record<string, number>;
  /** Pages per resolution (dpi, rounded; `unknown` when none recorded). */
  pagesByDpi: Record<string, number>;
}

/** The 抽检 outcome. */
export interface DigitisationSample {
  /** Seed used. */
  seed: number;
  /** 档号 of the sampled entries. */
  entries: string[];
  /** Files of the sampled entries (what a person inspects by eye). */
  files: string[];
  /** Sampled entries without error. */
  passed: number;
  /** passed / sampled. */
  passRate: number;
  /** Acceptance threshold. */
  threshold: number;
  /** Whether the batch is accepted on this sample. */
  accepted: boolean;
}

/** Result of {@link checkDigitisation}. */
export interface DigitisationResult {
  /** The Report (profile `digitisation`), as for package validation. */
  report: Report;
  /** Layout used (given or detected). */
  layout: BatchLayout;
  /** One line per catalogue entry, for the 验收 form (see `formatEntryCsv`). */
  entries: DigitisationEntrySummary[];
  /** Pages by format, colour mode and dpi. */
  statistics: DigitisationStatistics;
  /** Set when a sample was asked for. */
  sample?: DigitisationSample;
}

const FORMAT_CODE: Readonly<Record<ImageFormat, number>> = { tiff: 1, jpeg: 2, png: 3, jp2: 4, pdf: 5, ofd: 6 };
const MODE_CODE: Readonly<Record<ColourMode, number>> = { bilevel: 1, grayscale: 2, colour: 3 };

/**
 * Checks a digitisation batch (数字化成果验收, DA/T 31-2017) against its
 * catalogue: data linking (数据挂接: every entry has images, every image an
 * entry), page counts against 页数 with the missing and extra pages listed,
 * continuous page numbers, formats allowed for the purpose and extensions
 * matching the bytes, resolution, colour mode and bit depth, corrupt,
 * truncated, empty and duplicate files, and file naming. Headers are read
 * without decoding images; per-file state lives in typed arrays so a million
 * files fit in bounded memory. With `sample`, a seeded random sample of
 * entries is checked and its pass rate compared with the threshold; manual
 * checks (skew, cleanliness, completeness) name the sampled files.
 * Never throws on bad input: problems are issues in the Report.
 *
 * @param source - The batch (see `openBatchPath` in dangan/node, or {@link batchSourceOf}).
 * @param catalogue - Entries with 档号 and 页数 (see {@link readDigitisationCatalogue}).
 * @param options - Layout, thresholds, sampling, severities.
 * @returns Report, layout, per-entry summaries, statistics and the sample.
 * @example
 * const { report, entries } = await checkDigitisation(batch, readDigitisationCatalogue(bytes, '目录文件.XML'), { ocr: true });
 */
export async function checkDigitisation(source: BatchSource, catalogue: DigitisationCatalogue, options: DigitisationOptions = {}): Promise<DigitisationResult> {
  const locale = options.locale ?? 'zh-CN';
  const sink = createIssueSink(locale, options.severity ?? {}, options.maxIssuesPerCode ?? digitisationDefaults.maxIssuesPerCode);
  const purpose = options.purpose ?? 'any';
  const allowed = options.allowedFormats ?? formatsForPurpose[purpose];
  const minDpi = options.minDpi ?? (options.ocr ? digitisationDefaults.ocrDpi : digitisationDefaults.minDpi);
  const bitDepths = { ...defaultBitDepths, ...options.bitDepths };

  // Catalogue: 档号 → entry.
  sink.ran('digitisation.catalogue');
  for (const issue of catalogue.issues ?? []) sink.adopt(issue);
  const entries = catalogue.entries;
  const codes = new Map<string, number>();
  entries.forEach((entry, index) => {
    const code = entry.archivalCode.trim().normalize('NFC');
    const first = codes.get(code);
    if (first === undefined) codes.set(code, index);
    else sink.add('digitisation.catalogue-code-duplicate', { params: { code, row: index + 1, first: first + 1 }, received: code }, index);
  });

  // Listing and naming.
  const listing = await source.entries();
  const paths: string[] = [];
  const sizes: number[] = [];
  sink.ran('digitisation.naming');
  for (const entry of listing) {
    if (entry.kind === 'directory' || options.ignore?.(entry.path)) continue;
    if (entry.kind !== 'file') {
      sink.add('digitisation.file-unreadable', { path: entry.path, params: { file: entry.path, reason: `${entry.kind}, not followed` } });
      continue;
    }
    paths.push(entry.path);
    sizes.push(entry.size);
    const reason = unportableNameReason(entry.path) ?? forbiddenReason(entry.path);
    if (reason !== undefined) sink.add('digitisation.name-unportable', { path: entry.path, params: { file: entry.path, reason } });
  }
  const fileCount = paths.length;

  // Layout and linking (数据挂接), over the whole batch even when sampling.
  const detected = options.layout === undefined || options.layout === 'auto' ? detectLayout(paths, codes) : undefined;
  const layout: BatchLayout = detected?.layout ?? (options.layout as BatchLayout);
  const entryOf = new Int32Array(fileCount).fill(-1);
  const pageOf = new Float64Array(fileCount).fill(Number.NaN);
  const filesPerEntry = new Int32Array(entries.length);
  let matched = 0;
  sink.ran('digitisation.link');
  for (let i = 0; i < fileCount; i++) {
    const path = paths[i] as string;
    const assigned = assignFile(path, layout, codes);
    if (!assigned) {
      sink.add('digitisation.file-orphan', { path, params: { file: path, layout } });
      continue;
    }
    matched++;
    entryOf[i] = assigned.entry;
    if (assigned.page !== undefined) pageOf[i] = assigned.page;
    filesPerEntry[assigned.entry] = (filesPerEntry[assigned.entry] ?? 0) + 1;
  }
  sink.add('digitisation.layout', { params: { layout, matched, files: fileCount }, received: layout });
  entries.forEach((entry, index) => {
    if (filesPerEntry[index] === 0) sink.add('digitisation.entry-no-images', { params: { code: entry.archivalCode }, received: 0, expected: entry.pageCount }, index);
  });

  // Which entries are checked: all, or a seeded sample.
  const seed = options.seed ?? 1;
  const checked = new Uint8Array(entries.length);
  const sampled = options.sample ? sampleIndexes(entries.length, sampleCount(options.sample, entries.length), seed) : undefined;
  if (sampled) for (const index of sampled) checked[index] = 1;
  else checked.fill(1);
  const wanted = (file: number) => ((entryOf[file] ?? -1) < 0 ? !sampled : checked[entryOf[file] as number] === 1);

  // Headers.
  const format = new Uint8Array(fileCount);
  const mode = new Uint8Array(fileCount);
  const dpi = new Float32Array(fileCount);
  const pagesIn = new Int32Array(fileCount);
  const read = new Uint8Array(fileCount);
  const toRead: number[] = [];
  let totalBytes = 0;
  for (let i = 0; i < fileCount; i++) {
    if (!wanted(i)) continue;
    toRead.push(i);
    totalBytes += sizes[i] ?? 0;
  }
  for (const check of ['digitisation.format', 'digitisation.resolution', 'digitisation.colour-mode', 'digitisation.integrity'] as const) sink.ran(check);
  let done = 0;
  let bytesDone = 0;
  const jobs = Math.max(1, options.jobs ?? digitisationDefaults.jobs);
  const context: FileContext = { source, sink, allowed, purpose, minDpi, bitDepths, required: options.colourMode, locale };
  await pool(toRead, jobs, async (file) => {
    const info = await probe(context, paths[file] as string, sizes[file] ?? 0, entryOf[file] ?? -1);
    if (info) {
      read[file] = 1;
      format[file] = info.format ? FORMAT_CODE[info.format] : 0;
      mode[file] = info.colourMode ? MODE_CODE[info.colourMode] : 0;
      dpi[file] = info.xDpi !== undefined && info.yDpi !== undefined ? Math.min(info.xDpi, info.yDpi) : 0;
      pagesIn[file] = info.pages ?? 0;
    }
    done++;
    bytesDone += sizes[file] ?? 0;
    if (options.onProgress && (done % 500 === 0 || done === toRead.length)) options.onProgress({ files: done, totalFiles: toRead.length, bytes: bytesDone, totalBytes });
  });

  // Colour mode: without a required mode, pages unlike the batch's main mode are outliers.
  if (options.colourMode === undefined) reportOutliers(sink, toRead, mode, paths, entryOf, locale);

  // Duplicates by SHA-256, among files of equal size.
  sink.ran('digitisation.duplicate');
  // Hashing workers: the caller's --jobs, else the source's default (one per core); never the read concurrency.
  await reportDuplicates(source, sink, toRead, sizes, paths, entryOf, options.jobs);

  // Pages per entry.
  sink.ran('digitisation.page-count');
  sink.ran('digitisation.page-sequence');
  const byEntry = filesByEntry(entryOf, entries.length);
  const summaries = entries.map((entry, index): DigitisationEntrySummary => {
    const files = byEntry.files(index);
    const isChecked = checked[index] === 1;
    const summary: DigitisationEntrySummary = { archivalCode: entry.archivalCode, pageCount: entry.pageCount, files: files.length, colourModes: [], problems: [], checked: isChecked, passed: false };
    if (!isChecked) return summary;
    if (files.length > 0) {
      const pages = layout === 'file-per-code' ? checkMultiPage(sink, entry, index, files, paths, pagesIn, read) : checkPages(sink, entry, index, files, paths, pageOf, layout);
      if (pages !== undefined) summary.pages = pages;
    }
    const dpis = files.map((f) => dpi[f] ?? 0).filter((d) => d > 0);
    if (dpis.length > 0) {
      summary.dpiMin = Math.min(...dpis);
      summary.dpiMax = Math.max(...dpis);
    }
    summary.colourModes = MODES.filter((m) => files.some((f) => mode[f] === MODE_CODE[m]));
    return summary;
  });
  for (const [index, codesFound] of sink.entryErrors) {
    const summary = summaries[index];
    if (summary) summary.problems = [...codesFound].sort();
  }
  for (const summary of summaries) summary.passed = summary.checked && summary.problems.length === 0;

  const sample = sampled ? reportSample(sink, sampled, summaries, byEntry, paths, seed, options) : undefined;
  listManualChecks(sink, sampled ? (sample?.files ?? []) : [], locale);

  const statistics = collectStatistics(toRead, format, mode, dpi, pagesIn, read, sizes, fileCount);
  const { issues, checks } = sink.finish();
  const report = buildReport({ profile: 'digitisation', issues, checks, files: fileCount, bytes: statistics.bytes, checkOf: (issue) => digitisationCheckOfCode(issue.code === 'limits.issues-truncated' ? String(issue.params?.['code']) : issue.code) });
  return { report, layout, entries: summaries, statistics, ...(sample ? { sample } : {}) };
}

interface FileContext {
  source: BatchSource;
  sink: IssueSink;
  allowed: readonly ImageFormat[];
  purpose: keyof typeof PURPOSE_NAMES;
  minDpi: number;
  bitDepths: Readonly<Record<ColourMode, readonly number[]>>;
  required: ColourMode | undefined;
  locale: 'zh-CN' | 'en';
}

function forbiddenReason(path: string): string | undefined {
  const character = findForbiddenCharacter(path);
  return character === undefined ? undefined : `forbidden character ${character}`;
}

async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Reads one file's header and reports what is wrong with it; `undefined` when it could not be read. */
async function probe(context: FileContext, path: string, size: number, entryIndex: number): Promise<ImageInfo | undefined> {
  const { sink, locale } = context;
  const entry = entryIndex < 0 ? undefined : entryIndex;
  const add = (code: Parameters<IssueSink['add']>[0], params: Record<string, unknown>, extra: { expected?: unknown; received?: unknown } = {}) =>
    sink.add(code, { path, params: { file: path, ...params }, ...extra }, entry);
  if (size === 0) {
    add('digitisation.file-empty', {}, { received: 0 });
    return undefined;
  }
  let info: ImageInfo;
  try {
    const reader = await context.source.open(path);
    try {
      info = await readImageInfo(reader);
    } finally {
      reader.close?.();
    }
  } catch (error) {
    add('digitisation.file-unreadable', { reason: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
  const claimed = formatOfExtension(path);
  if (!info.format) {
    add('digitisation.format-unknown', {}, { expected: claimed });
    return info;
  }
  if (claimed !== info.format) add('digitisation.extension-mismatch', { claimed: claimed ?? path.slice(path.lastIndexOf('.') + 1), format: info.format }, { expected: info.format, received: claimed ?? null });
  if (!context.allowed.includes(info.format)) {
    add('digitisation.format-not-allowed', { format: info.format, purpose: PURPOSE_NAMES[context.purpose][locale], allowed: context.allowed.join(', ') }, { expected: context.allowed, received: info.format });
  }
  if (info.corrupt !== undefined) add('digitisation.file-corrupt', { format: info.format, reason: info.corrupt }, { received: info.corrupt });
  const lowest = info.xDpi !== undefined && info.yDpi !== undefined ? Math.min(info.xDpi, info.yDpi) : undefined;
  const estimated = info.dpiEstimated ? (locale === 'en' ? ' (estimated from the page size)' : '（按页面尺寸估算）') : '';
  // A corrupt file whose header could not be read to its end is reported once, as corrupt.
  if (info.corrupt !== undefined && (lowest === undefined || info.colourMode === undefined)) return info;
  if (lowest === undefined) add('digitisation.dpi-missing', { expected: context.minDpi }, { expected: context.minDpi });
  else if (lowest < context.minDpi) add('digitisation.dpi-low', { received: lowest, expected: context.minDpi, estimated }, { expected: context.minDpi, received: lowest });
  if (info.colourMode === undefined) {
    add('digitisation.colour-mode-unknown', {});
    return info;
  }
  const modeName = (m: ColourMode) => colourModeName(m, locale);
  if (context.required !== undefined && info.colourMode !== context.required) {
    add('digitisation.colour-mode-mismatch', { received: modeName(info.colourMode), expected: modeName(context.required) }, { expected: context.required, received: info.colourMode });
  }
  const depths = context.bitDepths[info.colourMode];
  if (info.bitsPerSample !== undefined && !depths.includes(info.bitsPerSample)) {
    add('digitisation.bit-depth-unexpected', { mode: modeName(info.colourMode), received: info.bitsPerSample, expected: depths.join('/') }, { expected: depths, received: info.bitsPerSample });
  }
  return info;
}

function reportOutliers(sink: IssueSink, files: readonly number[], mode: Uint8Array, paths: readonly string[], entryOf: Int32Array, locale: 'zh-CN' | 'en'): void {
  const counts = [0, 0, 0, 0];
  for (const f of files) counts[mode[f] ?? 0] = (counts[mode[f] ?? 0] ?? 0) + 1;
  const known = (counts[1] ?? 0) + (counts[2] ?? 0) + (counts[3] ?? 0);
  if (known === 0) return;
  const main = [1, 2, 3].reduce((best, m) => ((counts[m] ?? 0) > (counts[best] ?? 0) ? m : best), 1);
  const mainMode = MODES[main - 1] as ColourMode;
  const share = `${(((counts[main] ?? 0) / known) * 100).toFixed(1)}%`;
  for (const f of files) {
    const m = mode[f] ?? 0;
    if (m === 0 || m === main) continue;
    const received = MODES[m - 1] as ColourMode;
    const path = paths[f] as string;
    const entry = entryOf[f] ?? -1;
    sink.add('digitisation.colour-mode-outlier', { path, params: { file: path, received: colourModeName(received, locale), expected: colourModeName(mainMode, locale), share }, expected: mainMode, received }, entry < 0 ? undefined : entry);
  }
}

/** Files hashed per request to the source: bounds the per-file objects alive at once. */
const DIGEST_CHUNK = 4096;

/**
 * Finds files with identical bytes: files are grouped by size, only files sharing a size are
 * hashed, and each SHA-256 is kept as 32 bytes in one typed array (32 MB for a million files),
 * then candidates are sorted by size and digest so that equal files are neighbours.
 */
async function reportDuplicates(source: BatchSource, sink: IssueSink, files: readonly number[], sizes: readonly number[], paths: readonly string[], entryOf: Int32Array, jobs: number | undefined): Promise<void> {
  const bySize = files.filter((f) => (sizes[f] ?? 0) > 0).sort((a, b) => (sizes[a] ?? 0) - (sizes[b] ?? 0) || a - b);
  const candidates: number[] = [];
  for (let i = 0; i < bySize.length; i++) {
    const size = sizes[bySize[i] as number];
    if (sizes[bySize[i - 1] as number] === size || sizes[bySize[i + 1] as number] === size) candidates.push(bySize[i] as number);
  }
  if (candidates.length === 0) return;
  const digests = new Uint8Array(candidates.length * 32);
  const hashed = new Uint8Array(candidates.length);
  for (let from = 0; from < candidates.length; from += DIGEST_CHUNK) {
    const chunk = candidates.slice(from, from + DIGEST_CHUNK);
    const slot = new Map(chunk.map((f, i) => [paths[f] as string, from + i]));
    for await (const result of source.digest(chunk.map((f) => paths[f] as string), jobs === undefined ? {} : { jobs })) {
      const at = slot.get(result.path);
      if (at === undefined || result.sha256 === undefined || result.sha256.length !== 64) continue;
      for (let b = 0; b < 32; b++) digests[at * 32 + b] = Number.parseInt(result.sha256.slice(b * 2, b * 2 + 2), 16);
      hashed[at] = 1;
    }
  }
  const order = Array.from(candidates.keys()).filter((i) => hashed[i] === 1);
  const compare = (a: number, b: number) => {
    const size = (sizes[candidates[a] as number] ?? 0) - (sizes[candidates[b] as number] ?? 0);
    if (size !== 0) return size;
    for (let k = 0; k < 32; k++) {
      const d = (digests[a * 32 + k] ?? 0) - (digests[b * 32 + k] ?? 0);
      if (d !== 0) return d;
    }
    return (candidates[a] ?? 0) - (candidates[b] ?? 0);
  };
  order.sort(compare);
  const hex = (i: number) => Array.from(digests.subarray(i * 32, i * 32 + 32), (b) => b.toString(16).padStart(2, '0')).join('');
  const found: [number, number][] = [];
  let first = -1;
  for (let n = 0; n < order.length; n++) {
    const i = order[n] as number;
    const previous = n > 0 ? (order[n - 1] as number) : undefined;
    if (previous !== undefined && sizes[candidates[previous] as number] === sizes[candidates[i] as number] && sameDigest(digests, previous, i)) found.push([i, first]);
    else first = i;
  }
  // Reported in file order, each against the first file (in path order) with the same bytes.
  found.sort((a, b) => (candidates[a[0]] ?? 0) - (candidates[b[0]] ?? 0));
  for (const [i, firstIndex] of found) {
    const file = candidates[i] as number;
    const path = paths[file] as string;
    const entry = entryOf[file] ?? -1;
    const sha256 = hex(i);
    sink.add('digitisation.duplicate', { path, params: { file: path, first: paths[candidates[firstIndex] as number], digest: sha256 }, expected: paths[candidates[firstIndex] as number], received: sha256 }, entry < 0 ? undefined : entry);
  }
}

function sameDigest(digests: Uint8Array, a: number, b: number): boolean {
  for (let k = 0; k < 32; k++) if (digests[a * 32 + k] !== digests[b * 32 + k]) return false;
  return true;
}

/** Files grouped by entry (counting sort), in path order within an entry. */
function filesByEntry(entryOf: Int32Array, entryCount: number): { files(entry: number): number[] } {
  const start = new Int32Array(entryCount + 1);
  for (const e of entryOf) if (e >= 0) start[e + 1] = (start[e + 1] ?? 0) + 1;
  for (let i = 0; i < entryCount; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const order = new Int32Array(start[entryCount] ?? 0);
  const fill = start.slice(0, entryCount);
  entryOf.forEach((e, file) => {
    if (e >= 0) order[fill[e]!++] = file;
  });
  return { files: (entry) => Array.from(order.subarray(start[entry], start[entry + 1])) };
}

function checkPages(sink: IssueSink, entry: { archivalCode: string; pageCount: number }, index: number, files: readonly number[], paths: readonly string[], pageOf: Float64Array, layout: BatchLayout): number {
  const code = entry.archivalCode;
  const firstOfPage = new Map<number, number>();
  for (const f of files) {
    const page = pageOf[f] ?? Number.NaN;
    const path = paths[f] as string;
    if (Number.isNaN(page)) {
      sink.add('digitisation.page-number-malformed', { path, params: { file: path, code } }, index);
      continue;
    }
    const first = firstOfPage.get(page);
    if (first !== undefined) sink.add('digitisation.page-duplicate', { path, params: { code, page, file: path, first: paths[first] }, received: page }, index);
    else firstOfPage.set(page, f);
  }
  const pages = [...firstOfPage.keys()].sort((a, b) => a - b);
  const found = new Set(pages);
  const folder = layout === 'folder-per-code' && files.length > 0 ? (paths[files[0] as number] as string).replace(/\/[^/]*$/, '') : undefined;
  if (pages.length !== entry.pageCount) {
    const missing: number[] = [];
    for (let p = 1; p <= entry.pageCount && missing.length < 1000; p++) if (!found.has(p)) missing.push(p);
    const extra = pages.filter((p) => p < 1 || p > entry.pageCount);
    sink.add('digitisation.page-count-mismatch', {
      ...(folder ? { path: folder } : {}),
      params: { code, expected: entry.pageCount, received: pages.length, missing: listText(missing), extra: listText(extra) },
      expected: entry.pageCount,
      received: { pages: pages.length, missing, extra },
    }, index);
  }
  for (const [page, f] of firstOfPage) {
    if (page >= 1 && page <= entry.pageCount) continue;
    const path = paths[f] as string;
    sink.add('digitisation.page-extra', { path, params: { file: path, code, page, expected: entry.pageCount }, expected: entry.pageCount, received: page }, index);
  }
  const gaps: number[] = [];
  const last = pages[pages.length - 1] ?? 0;
  for (let p = 1; p <= last && gaps.length < 1000; p++) if (!found.has(p)) gaps.push(p);
  if (gaps.length > 0) sink.add('digitisation.page-gap', { ...(folder ? { path: folder } : {}), params: { code, gaps: listText(gaps) }, received: gaps }, index);
  return pages.length;
}

function checkMultiPage(sink: IssueSink, entry: { archivalCode: string; pageCount: number }, index: number, files: readonly number[], paths: readonly string[], pagesIn: Int32Array, read: Uint8Array): number | undefined {
  const code = entry.archivalCode;
  files.slice(1).forEach((f) => sink.add('digitisation.page-duplicate', { path: paths[f] as string, params: { code, page: '-', file: paths[f], first: paths[files[0] as number] } }, index));
  const file = files[0] as number;
  const path = paths[file] as string;
  if (read[file] !== 1 || (pagesIn[file] ?? 0) === 0) {
    sink.add('digitisation.pages-unknown', { path, params: { file: path } }, index);
    return undefined;
  }
  const pages = pagesIn[file] ?? 0;
  if (pages !== entry.pageCount) {
    const missing = pages < entry.pageCount ? `${pages + 1}–${entry.pageCount}` : '-';
    const extra = pages > entry.pageCount ? `${entry.pageCount + 1}–${pages}` : '-';
    sink.add('digitisation.page-count-mismatch', { path, params: { code, expected: entry.pageCount, received: pages, missing, extra }, expected: entry.pageCount, received: { pages } }, index);
  }
  return pages;
}

function listText(numbers: readonly number[]): string {
  if (numbers.length === 0) return '-';
  return numbers.length > 20 ? `${numbers.slice(0, 20).join(', ')} …(${numbers.length})` : numbers.join(', ');
}

function reportSample(
  sink: IssueSink,
  sampled: readonly number[],
  summaries: readonly DigitisationEntrySummary[],
  byEntry: { files(entry: number): number[] },
  paths: readonly string[],
  seed: number,
  options: DigitisationOptions,
): DigitisationSample {
  sink.ran('digitisation.sample');
  const threshold = options.threshold ?? digitisationDefaults.threshold;
  const passed = sampled.filter((i) => summaries[i]?.passed).length;
  const passRate = sampled.length === 0 ? 0 : passed / sampled.length;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const share = summaries.length === 0 ? 0 : sampled.length / summaries.length;
  sink.add('digitisation.sample', { params: { sampled: sampled.length, entries: summaries.length, seed, passed, rate: percent(passRate), threshold: percent(threshold) }, received: passRate, expected: threshold });
  if (share * 100 < digitisationDefaults.minSamplePercent) {
    sink.add('digitisation.sample-small', { params: { received: percent(share), expected: `${digitisationDefaults.minSamplePercent}%` }, received: share });
  }
  const accepted = passRate >= threshold;
  if (!accepted) sink.add('digitisation.sample-rejected', { params: { received: percent(passRate), expected: percent(threshold) }, received: passRate, expected: threshold });
  const files = sampled.flatMap((i) => byEntry.files(i).map((f) => paths[f] as string));
  return { seed, entries: sampled.map((i) => summaries[i]?.archivalCode ?? ''), files, passed, passRate, threshold, accepted };
}

function listManualChecks(sink: IssueSink, files: readonly string[], locale: 'zh-CN' | 'en'): void {
  if (files.length === 0) return;
  const what = locale === 'en' ? 'skew, cleanliness, completeness of content' : '图像端正、清晰无污点、内容完整';
  const listed = files.slice(0, INSPECT_LISTED).join(', ') + (files.length > INSPECT_LISTED ? ` …(${files.length})` : '');
  sink.add('digitisation.inspect', { params: { what, files: listed }, received: files.length });
}

function collectStatistics(files: readonly number[], format: Uint8Array, mode: Uint8Array, dpi: Float32Array, pagesIn: Int32Array, read: Uint8Array, sizes: readonly number[], fileCount: number): DigitisationStatistics {
  const stats: DigitisationStatistics = { files: fileCount, filesRead: 0, bytes: 0, pages: 0, pagesByFormat: {}, pagesByColourMode: {}, pagesByDpi: {} };
  const bump = (table: Record<string, number>, key: string, n: number) => {
    table[key] = (table[key] ?? 0) + n;
  };
  for (const f of files) {
    stats.bytes += sizes[f] ?? 0;
    if (read[f] !== 1) continue;
    stats.filesRead++;
    const pages = Math.max(1, pagesIn[f] ?? 0);
    stats.pages += pages;
    bump(stats.pagesByFormat, FORMATS[(format[f] ?? 0) - 1] ?? 'unknown', pages);
    bump(stats.pagesByColourMode, MODES[(mode[f] ?? 0) - 1] ?? 'unknown', pages);
    bump(stats.pagesByDpi, (dpi[f] ?? 0) > 0 ? String(Math.round(dpi[f] ?? 0)) : 'unknown', pages);
  }
  return stats;
}
