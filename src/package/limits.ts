import { DEFAULT_MAX_ISSUES_PER_CODE, issueCap } from '../report/capIssues.js';
import { createIssue } from '../report/createIssue.js';
import type { Issue, Locale } from '../report/issue.js';
import { buildReport, streamedOf, type CheckResult, type Report } from '../report/report.js';
import { defaultXmlLimits, type XmlLimits } from '../xml/limits.js';
import type { PackageEntry, PackageSource } from './source.js';
import { createIssueFrom } from '../report/createIssue.js';
import { limitsIssues } from '../report/messages/limits.js';

/**
 * Every resource limit of dangan's readers in one object: the XML layer's
 * limits ({@link XmlLimits}: decoded length, depth, text run, attributes, time
 * budget) plus the limits of a package's entries. A limit that is hit is an
 * issue (`limits.*`, `xml.limit-*`; 安全性 security, path length 可用性
 * usability), never an exception, and the entry concerned is not read.
 * See `docs/security.md`.
 */
export interface Limits extends XmlLimits {
  /** Most entries (files, folders, links) a package may list; more stops validation (`limits.entries`). */
  maxEntries: number;
  /** Largest sum of the file sizes a package declares; more stops validation (`limits.total-bytes`). */
  maxTotalBytes: number;
  /** Largest single file; a larger one is not read (`limits.file-bytes`). */
  maxFileBytes: number;
  /** Largest uncompressed:compressed ratio of an archive entry; a higher one is not read (`limits.compression-ratio`). */
  maxCompressionRatio: number;
  /** The ratio is judged only for entries at least this large, so that small, very regular files pass. */
  compressionRatioMinBytes: number;
  /** Longest entry path, in UTF-16 code units (`limits.path-length`). */
  maxPathLength: number;
  /**
   * Most issues of one code a package report lists; the rest are counted in one
   * `limits.issues-truncated` issue (info), so 100,000 bad files cost a summary, not 100,000 issues.
   */
  maxIssuesPerCode: number;
  /**
   * Largest XML file read (catalogue, item metadata, 固化验证信息, `.eep`), in
   * bytes, checked before a byte is read: a larger one is never decoded into a
   * string (`xml.limit-bytes`), so no file can outgrow the runtime's longest string.
   */
  maxXmlBytes: number;
  /** Bytes of item metadata read ahead of the one being parsed (the look-ahead is bounded in bytes, not files). */
  maxReadAheadBytes: number;
  /** Bytes of item metadata read for one package in all; the rest are not read (`limits.xml-budget`). */
  maxTotalXmlBytes: number;
  /**
   * Milliseconds spent reading item metadata for one package in all; the rest are not read (`limits.xml-budget`).
   * Left unset, it grows with the package: 20 ms (`XML_MILLISECONDS_PER_ITEM`) per item when that is more.
   */
  maxTotalXmlMilliseconds: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Safe defaults: far above any real 移交信息包 (a 10,000-item package holds
 * about 40,000 entries), low enough that a hostile one is refused in seconds
 * and a few hundred MB. The XML values are {@link defaultXmlLimits}, not a
 * second set of numbers.
 *
 * @example
 * defaultLimits.maxCompressionRatio //=> 200
 */
export const defaultLimits: Readonly<Limits> = {
  ...defaultXmlLimits,
  maxEntries: 1_000_000,
  maxTotalBytes: 1024 * GiB,
  maxFileBytes: 64 * GiB,
  // Deflate tops out near 1032:1; real documents stay below about 20:1, blank scans below 100:1.
  maxCompressionRatio: 200,
  compressionRatioMinBytes: MiB,
  // Windows MAX_PATH (260) is where a receiving system's copy first fails.
  maxPathLength: 260,
  // Enough to see every pattern in a bad package; beyond it the report only grows.
  maxIssuesPerCode: DEFAULT_MAX_ISSUES_PER_CODE,
  // As many bytes as the XML layer's maxLength has characters (UTF-8 and GB 18030 never decode to more
  // characters than bytes), and half of V8's longest string (2^29 - 24 UTF-16 units).
  maxXmlBytes: 256 * MiB,
  // Item metadata is a few KiB each: 64 MiB ahead keeps 16 reads in flight for any real package.
  maxReadAheadBytes: 64 * MiB,
  // A 100,000-item package holds about 0.5 GiB of metadata.
  maxTotalXmlBytes: 4 * GiB,
  // A 100,000-item package's metadata is read in well under a minute here.
  maxTotalXmlMilliseconds: 600_000,
};

/**
 * Time allowed per item for reading item metadata, when the package budget is
 * left at its default: 250,000 items get 5,000 s, not 600 s. The budget is wall
 * time, and on a loaded machine a real item took 7.6 ms of it for 1.4 ms of CPU
 * (the million-file run, load 17–20; docs/performance.md); the total bytes
 * (`maxTotalXmlBytes`) bound the work a hostile package can ask for.
 */
export const XML_MILLISECONDS_PER_ITEM = 20;

/**
 * The time budget for reading the item metadata of a package of `items`
 * items: the caller's `maxTotalXmlMilliseconds` as given, else the default
 * (600 s) or {@link XML_MILLISECONDS_PER_ITEM} per item, whichever is more,
 * so that a package of a million files is not cut short by a budget meant to
 * stop a hostile one (a real item costs about 0.5 ms of CPU; docs/performance.md).
 *
 * @param overrides - The run's limits.
 * @param items - Item metadata files to read.
 * @returns Milliseconds.
 * @example
 * totalXmlMilliseconds({}, 250_000) //=> 5000000
 * totalXmlMilliseconds({ maxTotalXmlMilliseconds: 5 }, 250_000) //=> 5
 */
export function totalXmlMilliseconds(overrides: Partial<Limits>, items: number): number {
  return overrides.maxTotalXmlMilliseconds ?? Math.max(defaultLimits.maxTotalXmlMilliseconds, items * XML_MILLISECONDS_PER_ITEM);
}

/** Bytes of XML one file's time budget (`maxMilliseconds`) is for; a larger file gets proportionally more. */
export const XML_BYTES_PER_TIME_BUDGET = 32 * MiB;

/**
 * The XML limits for one large file of a package (固化验证信息.XML): its time
 * budget grows with its size beyond {@link XML_BYTES_PER_TIME_BUDGET}, so the
 * 240 MB evidence of a million files is not refused for time under load
 * while the byte cap (`maxXmlBytes`, 256 MiB) still bounds it (at most 8× the budget).
 *
 * @param limits - The run's XML limits.
 * @param bytes - The file's size.
 * @returns The limits for that file.
 * @example
 * scaledTimeLimit({}, 256 * 2 ** 20).maxMilliseconds //=> 240000
 */
export function scaledTimeLimit<L extends Partial<XmlLimits>>(limits: L, bytes: number): L {
  const base = limits.maxMilliseconds ?? defaultXmlLimits.maxMilliseconds;
  const scaled = Math.ceil((base * bytes) / XML_BYTES_PER_TIME_BUDGET);
  return scaled > base ? { ...limits, maxMilliseconds: scaled } : limits;
}

/**
 * The limits in force: the defaults with the caller's overrides.
 *
 * @param overrides - Limits to change; unset ones keep {@link defaultLimits}.
 * @returns A complete {@link Limits}.
 * @throws RangeError when an override is not a positive number (a programming error).
 * @example
 * resolveLimits({ maxEntries: 500 }).maxEntries //=> 500
 */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined && !(typeof value === 'number' && value > 0)) throw new RangeError(`[dangan] limit ${key} must be a positive number, got ${String(value)}`);
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...defaultLimits, ...defined };
}

/** What {@link screenLimits} found. */
export interface LimitScreening {
  /** One issue per limit hit or hostile name. */
  issues: Issue[];
  /** True when the package as a whole is over a limit: nothing else may be read. */
  stop: boolean;
  /** Paths of files that must not be read (too large, or too highly compressed). */
  refused: ReadonlySet<string>;
}

// Windows device names (with or without extension) cannot be created on Windows: CON, PRN, AUX, NUL, COM1–9, LPT1–9.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;

/**
 * Why an entry name cannot be carried to every receiving system, or
 * `undefined` when it can: control characters (NUL, newline…), Windows device
 * names (CON, AUX…), characters Windows refuses, a trailing dot or space.
 *
 * @param path - A package-relative path.
 * @returns The reason, in English, or `undefined`.
 * @example
 * unportableNameReason('a/CON.txt') //=> 'Windows reserved name "CON.txt"'
 * unportableNameReason('a/b.pdf') //=> undefined
 */
export function unportableNameReason(path: string): string | undefined {
  const control = CONTROL.exec(path);
  if (control) return `control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  for (const segment of path.split('/')) {
    if (WINDOWS_RESERVED.test(segment)) return `Windows reserved name "${segment}"`;
    const forbidden = WINDOWS_FORBIDDEN.exec(segment);
    if (forbidden) return `character "${forbidden[0]}" is not allowed on Windows`;
    if (/[. ]$/.test(segment) && segment !== '.' && segment !== '..') return `"${segment}" ends in a dot or space`;
  }
  return undefined;
}

/**
 * Portable names (the rule `unportableNameReason` applies per name, across
 * names): two files whose paths differ only in case (`正文.pdf`, `正文.PDF`)
 * become one on a case-insensitive file system. Different sizes mean different
 * content: an error (`limits.entry-case-collision`). Equal sizes may be the
 * same file twice (the BagIt conformance suite's duplicate-file-with-different-case,
 * a warning there): a warning, since nothing is read at this stage.
 */
function screenCaseCollisions(entries: readonly PackageEntry[], issue: (code: 'limits.entry-case-collision', details: Parameters<typeof createIssue>[1]) => void): void {
  const byFolded = new Map<string, PackageEntry>();
  for (const entry of entries) {
    if (entry.kind !== 'file') continue;
    const folded = entry.path.toLowerCase();
    const first = byFolded.get(folded);
    if (!first) {
      byFolded.set(folded, entry);
      continue;
    }
    if (first.path === entry.path) continue; // the same name twice is limits.entry-duplicate
    const differ = first.size !== entry.size;
    issue('limits.entry-case-collision', {
      path: entry.path,
      received: entry.path,
      expected: first.path,
      ...(differ ? {} : { severity: 'warning' as const }),
      params: { entry: entry.path, other: first.path, sizes: `${first.size} / ${entry.size} bytes` },
    });
  }
}

/**
 * Checks a source's entries against the limits before anything is read:
 * entry count and total bytes (over either, validation stops), single-file
 * size and compression ratio (the file is refused), path length, duplicate
 * names (an archive may list one name twice) and unportable names.
 *
 * @param entries - Every entry of the source.
 * @param limits - The limits in force.
 * @param locale - Message locale.
 * @param portableNames - Severity of an unportable name: `error` (default) for
 *   dat93 and eep; `warning` for a bag, whose names RFC 8493 §2.1.3 allows
 *   (CR, LF and `%` are percent-encoded in its manifests), so a legal bag name
 *   is at most a warning.
 * @returns Issues, whether to stop, and the files not to read.
 * @example
 * const { issues, stop, refused } = screenLimits(await source.entries(), resolveLimits(), 'en');
 */
export function screenLimits(entries: readonly PackageEntry[], limits: Limits, locale: Locale = 'zh-CN', portableNames: 'error' | 'warning' = 'error'): LimitScreening {
  const issues: Issue[] = [];
  const refused = new Set<string>();
  // Capped as issues are made (issue 23: 100,000 long paths were 100,000 issues before any cap applied).
  const cap = issueCap({ maxPerCode: limits.maxIssuesPerCode, locale });
  const issue = (code: Parameters<typeof createIssue>[0], details: Parameters<typeof createIssue>[1]) => {
    if (cap.admit(code)) issues.push(createIssue(code, { locale, ...details }));
  };
  const finish = (stop: boolean): LimitScreening => ({ issues: [...issues, ...cap.summary((code) => issues.find((i) => i.code === code))], stop, refused });
  if (entries.length > limits.maxEntries) {
    issue('limits.entries', { received: entries.length, expected: limits.maxEntries, params: { received: entries.length, limit: limits.maxEntries } });
    return finish(true);
  }
  let total = 0;
  const seen = new Map<string, number>();
  for (const entry of entries) {
    seen.set(entry.path, (seen.get(entry.path) ?? 0) + 1);
    if (entry.kind === 'file') total += entry.size;
  }
  if (total > limits.maxTotalBytes) {
    issue('limits.total-bytes', { received: total, expected: limits.maxTotalBytes, params: { received: total, limit: limits.maxTotalBytes } });
    return finish(true);
  }
  for (const [path, count] of seen) if (count > 1) issue('limits.entry-duplicate', { path, received: count, params: { entry: path, count } });
  screenCaseCollisions(entries, issue);
  const reported = new Set<string>();
  for (const entry of entries) {
    if (reported.has(entry.path)) continue;
    reported.add(entry.path);
    const { path } = entry;
    if (path.length > limits.maxPathLength && cap.admit('limits.path-length')) {
      const shown = `${path.slice(0, 60)}…`;
      issues.push(createIssueFrom(limitsIssues, 'limits.path-length', { locale, path, received: path.length, expected: limits.maxPathLength, params: { received: path.length, limit: limits.maxPathLength, entry: shown } }));
    }
    const reason = unportableNameReason(path);
    if (reason && cap.admit('limits.entry-name')) issues.push(createIssueFrom(limitsIssues, 'limits.entry-name', { locale, path, received: path, severity: portableNames, params: { entry: JSON.stringify(path).slice(1, -1), reason } }));
    if (entry.kind !== 'file') continue;
    if (entry.size > limits.maxFileBytes) {
      refused.add(path);
      issue('limits.file-bytes', { path, received: entry.size, expected: limits.maxFileBytes, params: { entry: path, received: entry.size, limit: limits.maxFileBytes } });
    } else if (entry.compressedSize !== undefined && entry.size >= limits.compressionRatioMinBytes) {
      const ratio = Math.floor(entry.size / Math.max(entry.compressedSize, 1));
      if (ratio > limits.maxCompressionRatio) {
        refused.add(path);
        issue('limits.compression-ratio', { path, received: ratio, expected: limits.maxCompressionRatio, params: { entry: path, received: ratio, limit: limits.maxCompressionRatio } });
      }
    }
  }
  return finish(false);
}

/**
 * A view of a source that refuses to read the given files: `read` and
 * `stream` throw (validators report the file as unreadable) and `digest`
 * answers with an error, so a refused file costs no time and no memory.
 * Entries are listed unchanged.
 *
 * @param source - The source.
 * @param refused - Paths not to read, from {@link screenLimits}.
 * @returns The guarded source.
 * @example
 * const guarded = refuseEntries(source, screenLimits(entries, limits).refused);
 */
export function refuseEntries(source: PackageSource, refused: ReadonlySet<string>): PackageSource {
  if (refused.size === 0) return source;
  const check = (path: string) => {
    if (refused.has(path)) throw new Error(`[dangan] ${path} is over a limit and is not read`);
  };
  return {
    name: source.name,
    ...(source.mediaType ? { mediaType: source.mediaType } : {}),
    entries: () => source.entries(),
    async read(path, options) {
      check(path);
      return source.read(path, options);
    },
    async *stream(path) {
      check(path);
      yield* source.stream(path);
    },
    async *digest(requests, options) {
      const allowed = requests.filter((r) => !refused.has(r.path));
      const results = source.digest(allowed, options)[Symbol.asyncIterator]();
      for (const request of requests) {
        if (refused.has(request.path)) {
          yield { path: request.path, bytes: 0, digests: {}, error: 'over a limit; not read' };
          continue;
        }
        const next = await results.next();
        if (!next.done) yield next.value;
      }
    },
    ...(source.close ? { close: () => source.close!() } : {}),
  };
}

/**
 * Puts the limit issues in front of a validator's report: security limits
 * fail the `security.entries` check when the report lists it.
 *
 * @param report - The validator's report.
 * @param screening - The result of {@link screenLimits}.
 * @returns The report with the limit issues, or `report` itself when there are none.
 * @example
 * const final = withLimitIssues(await validateTransferPackage(guarded, options), screening);
 */
export function withLimitIssues(report: Report, screening: Pick<LimitScreening, 'issues'>): Report {
  if (screening.issues.length === 0) return report;
  const issues = stampLimitIssues(screening.issues);
  // The checks these issues name come first; buildReport derives each status from its issues (failed on an error).
  const listed = new Set(report.checks.map((c) => c.id));
  const named = new Set(issues.flatMap((i) => (i.checkId !== undefined && !listed.has(i.checkId) ? [i.checkId] : [])));
  const checks: CheckResult[] = [...[...named].map((id) => ({ id, status: 'passed' as const })), ...report.checks];
  return buildReport({ profile: report.profile, issues: [...issues, ...report.issues], checks, files: report.summary.files, bytes: report.summary.bytes, streamed: streamedOf(report) });
}

/** The check that security limits fail, in every profile. */
export const SECURITY_ENTRIES = 'security.entries';

/**
 * Stamps limit issues with their check: security limits belong to
 * `security.entries`; the others to a check named by their code.
 *
 * @param issues - Issues of {@link screenLimits}.
 * @returns The stamped issues.
 * @example
 * stampLimitIssues(screening.issues)[0]?.checkId //=> 'security.entries'
 */
export function stampLimitIssues(issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => ({ ...issue, checkId: issue.aspect === 'security' ? SECURITY_ENTRIES : issue.code }));
}
