import { readBoundedFile } from '../openChecked.js';
import { createReadStream } from 'node:fs';
import { isSafePath } from '../../package/layout/isSafePath.js';
import { resolveLimits, screenLimits, type Limits } from '../../package/limits.js';
import { packageOptionDefaults } from '../../package/options.js';
import type { ContentTee, PackageSource, ProgressEvent, SourceFinding } from '../../package/source.js';
import { createIssue, type IssueDetails } from '../../report/createIssue.js';
import type { Issue, IssueLocation, Locale, Severity } from '../../report/issue.js';
import type { IssueCode } from '../../report/messages/index.js';
import { buildReport, type CheckResult, type CheckStatus, type Report } from '../../report/report.js';
import { embeddedFiles } from './embeddedContent.js';
import type { AntivirusEngine, EngineInfo, ScanVerdict } from './engine.js';

/** Options of the antivirus checks: the engine and how old its database may be. */
export interface AntivirusSettings {
  /** The engine (`createClamdEngine`, `createClamscanEngine`, `createCommandEngine`). */
  engine: AntivirusEngine;
  /** GD-4-1 fails when the signature database is older than this many days, or does not say its date. */
  maxDatabaseAgeDays?: number;
  /** The time databases are aged against; default now. */
  now?: Date;
  /**
   * Called as files get their verdicts: files and bytes done, of all to scan (a file an `.eep`
   * embeds counts no bytes). `stage` is `with-validation` while the scan rides on a validation's
   * reads, and `after-validation` once `finish` waits for the rest (called once on entering it).
   */
  onProgress?: (event: ProgressEvent, stage: 'with-validation' | 'after-validation') => void;
}

/** What the antivirus checks found: both checks' statuses and their issues. */
export interface AntivirusOutcome {
  /** Status of `security.antivirus-installed` (GD-4-1). */
  installed: CheckStatus;
  /** Status of `security.virus-scan` (GD-4-2). */
  scan: CheckStatus;
  /** Issues of both checks. */
  issues: Issue[];
  /** The engine that answered, when one did. */
  engine?: EngineInfo;
}

/** A package scan under way (see {@link startPackageScan}). */
export interface PackageScan {
  /**
   * The package to validate through: the files its hashing reads and its whole-file reads bring
   * are scanned from those same bytes (the source itself when the engine did not answer).
   */
  readonly source: PackageSource;
  /** Scans, by streaming them, the files those reads did not bring; waits for every verdict. Never throws. */
  finish(): Promise<AntivirusOutcome>;
}

/** Check ids and DA/T 70-2018 items of the two antivirus checks. */
const INSTALLED = { id: 'security.antivirus-installed', dat70: 'GD-4-1' } as const;
const SCAN = { id: 'security.virus-scan', dat70: 'GD-4-2' } as const;
const DAY = 86_400_000;
/** Bytes of whole-file reads handed to the scan and not yet sent: past this, the read waits. */
const READ_TEE_BYTES = 32 << 20;

/** One thing to scan: a file of the package, or a file embedded in an EEP. */
interface Target {
  path: string;
  /** Shown in messages: the path, or `path › embedded name`. */
  file: string;
  location?: IssueLocation;
  /** Bytes, when known (for progress). */
  size: number;
  /** True for a file of the package, which a hashing read may bring (not an embedded file). */
  whole: boolean;
  content(): AsyncIterable<Uint8Array>;
}

/**
 * Scans every file of a package with an antivirus engine (DA/T 70-2018 GD-4-1,
 * GD-4-2): each file entry is streamed from the source — folder files and zip
 * members alike, nothing extracted — and so is every file an `.eep` embeds
 * (its 编码数据, Base64-decoded as it is sent). Files are scanned
 * `engine.concurrency` at a time. Failure is never a pass: an engine that does
 * not answer fails GD-4-1 and leaves GD-4-2 skipped; a database older than
 * `maxDatabaseAgeDays` (or undated) fails GD-4-1 and GD-4-2 can then only fail
 * or be skipped; a file the engine refuses (size or recursion limits) or that
 * the package limits keep from being read fails GD-4-2; an engine lost midway
 * stops the scan and fails GD-4-2 with the count of files left. Never throws.
 * To scan on the reads of a validation instead, see {@link startPackageScan}.
 *
 * @param source - The package.
 * @param settings - Engine and database age.
 * @param options - Locale, the package limits (refused files are not read) and `owns`, a shard's share of the files (default all).
 * @returns Statuses and issues, for {@link withAntivirus}.
 * @example
 * const outcome = await scanPackageSource(source, { engine: createClamdEngine({ socket: '/run/clamav/clamd.ctl' }) });
 * outcome.scan //=> 'passed'
 */
export async function scanPackageSource(
  source: PackageSource,
  settings: AntivirusSettings,
  options: { locale?: Locale; limits?: Partial<Limits>; owns?: (path: string) => boolean } = {},
): Promise<AntivirusOutcome> {
  return (await startPackageScan(source, settings, options)).finish();
}

/**
 * Starts a {@link scanPackageSource} that rides on a validation's reads: validate through
 * `scan.source`, then `await scan.finish()`. Each file the validation hashes is scanned from the
 * bytes the hashing reads (the worker threads' reads of a folder file or a stored zip member, the
 * inflated bytes of a compressed member), and each file it reads whole (metadata XML) from those
 * bytes, so those files are read once for both; `finish` streams the rest — files the validation did
 * not read, files larger than the calling thread tees (when hashing runs there), the files an `.eep`
 * embeds — and waits for the verdicts. Memory stays bounded: a sink takes a chunk only when its
 * connection can send it, and the reads wait meanwhile.
 *
 * @param source - The package.
 * @param settings - Engine, database age and progress.
 * @param options - Locale, the package limits (refused files are not read) and `owns`, a shard's share of the files (default all).
 * @returns The scan under way.
 * @example
 * const scan = await startPackageScan(source, { engine });
 * const report = withAntivirus(await validatePackage(scan.source), await scan.finish());
 */
export async function startPackageScan(
  source: PackageSource,
  settings: AntivirusSettings,
  options: { locale?: Locale; limits?: Partial<Limits>; owns?: (path: string) => boolean } = {},
): Promise<PackageScan> {
  const scan = await startScan(settings, options.locale, async () => {
    const entries = await source.entries();
    const limits = resolveLimits(options.limits);
    const screening = screenLimits(entries, limits);
    if (screening.stop) return { notRun: 'package limits exceeded (security.entries)' };
    const targets: Target[] = [];
    const unread: { path: string; reason: string }[] = [];
    const eeps: { path: string; read(): Promise<Uint8Array> }[] = [];
    for (const entry of entries) {
      // A shard scans only its share; the tee ignores files outside the targets.
      if (entry.kind !== 'file' || (options.owns && !options.owns(entry.path))) continue;
      const reason = !isSafePath(entry.path) ? 'unsafe path' : entry.encrypted ? 'encrypted entry' : screening.refused.has(entry.path) ? 'over the package limits' : undefined;
      if (reason) {
        unread.push({ path: entry.path, reason });
        continue;
      }
      targets.push({ path: entry.path, file: entry.path, size: entry.size, whole: true, content: () => source.stream(entry.path) });
      // Its embedded files are listed from validation's read of it, or, failing that, from a read in `finish`.
      if (/\.eep$/i.test(entry.path)) eeps.push({ path: entry.path, read: () => source.read(entry.path, { maxBytes: packageOptionDefaults.maxXmlBytes }) });
    }
    return { targets, unread, eeps };
  });
  return { source: scan.tee && scan.offer ? teeSource(source, scan.tee, scan.offer) : source, finish: scan.finish };
}

/**
 * {@link scanPackageSource} for one file on disk (a standalone `.eep`): the
 * file itself and, for an `.eep`, every file it embeds; from `bytes` when the
 * caller has read the file already (no second read), else read here (an
 * `.eep` over `maxBytes` is scanned as a file, its embedded files not listed).
 *
 * @param file - Path on disk.
 * @param path - The name issues carry.
 * @param settings - Engine and database age.
 * @param options - Locale; the file's bytes, when read already; the largest `.eep` read for its embedded files (default `maxXmlBytes`).
 * @returns Statuses and issues, for {@link withAntivirus}.
 * @example
 * await scanFileOnDisk('/in/9527.eep', '9527.eep', { engine })
 */
export async function scanFileOnDisk(file: string, path: string, settings: AntivirusSettings, options: { locale?: Locale; bytes?: Uint8Array; maxBytes?: number } = {}): Promise<AntivirusOutcome> {
  const { bytes } = options;
  const scan = await startScan(settings, options.locale, async () => {
    const unread: { path: string; reason: string }[] = [];
    const content = bytes ? () => slices(bytes) : () => createReadStream(file, { highWaterMark: STREAM_CHUNK });
    const targets: Target[] = [{ path, file: path, size: bytes?.length ?? 0, whole: false, content }];
    if (/\.eep$/i.test(file)) targets.push(...(await eepTargets(path, async () => bytes ?? readBounded(file, options.maxBytes ?? packageOptionDefaults.maxXmlBytes), unread)));
    return { targets, unread };
  });
  return scan.finish();
}

/** `bytes` in chunks of {@link STREAM_CHUNK} (views, no copies). */
async function* slices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += STREAM_CHUNK) yield bytes.subarray(at, at + STREAM_CHUNK);
}

/** The whole file, or an error when it is over `maxBytes` (its embedded files are then not listed). */
function readBounded(file: string, maxBytes: number): Uint8Array {
  const read = readBoundedFile(file, maxBytes);
  if (read instanceof Uint8Array) return read;
  throw new Error(`${read.size} bytes, over the limit of ${maxBytes}`);
}

/** Read size of a file streamed to the engine (clamd's INSTREAM chunks are at most 1 MiB here too). */
const STREAM_CHUNK = 1 << 20;

/** The files an `.eep` embeds, as targets; an `.eep` that cannot be read is listed as unread. */
async function eepTargets(path: string, read: () => Promise<Uint8Array>, unread: { path: string; reason: string }[]): Promise<Target[]> {
  let bytes: Uint8Array;
  try {
    bytes = await read();
  } catch (error) {
    unread.push({ path, reason: `embedded content not read: ${(error as Error).message}` });
    return [];
  }
  return embeddedTargets(path, bytes);
}

/** The files the `.eep` at `path` embeds, from its bytes, as targets (decoded as they are sent). */
function embeddedTargets(path: string, bytes: Uint8Array): Target[] {
  return embeddedFiles(bytes).map((embedded) => ({ path, file: `${path} › ${embedded.name}`, location: embedded.location, size: 0, whole: false, content: embedded.content }));
}

/**
 * `source` with its reads feeding `tee`: hashing reads through `digest` (the source's own tee
 * support), whole-file reads by offering the bytes read (to `tee`, and to `offer`, which lists an
 * `.eep`'s embedded files from them). Only the first read of a file is offered.
 */
function teeSource(source: PackageSource, tee: ContentTee, offer: (path: string, bytes: Uint8Array) => void): PackageSource {
  let owed = 0;
  return {
    name: source.name,
    ...(source.mediaType ? { mediaType: source.mediaType } : {}),
    entries: () => source.entries(),
    async read(path, options) {
      const bytes = await source.read(path, options);
      offer(path, bytes);
      const sink = tee.open(path, bytes.length);
      if (sink) {
        owed += bytes.length;
        const taken = sink.write(bytes).then(() => void (owed -= bytes.length));
        sink.end();
        if (owed > READ_TEE_BYTES) await taken;
      }
      return bytes;
    },
    stream: (path) => source.stream(path),
    digest: (requests, options) => source.digest(requests, { ...options, tee }),
    ...(source.findings ? { findings: () => (source.findings as () => readonly SourceFinding[])() } : {}),
    ...(source.close ? { close: () => source.close?.() ?? Promise.resolve() } : {}),
  };
}

type Plan =
  | { notRun: string }
  | {
      targets: Target[];
      unread: { path: string; reason: string }[];
      /** `.eep` files whose embedded files are listed once their bytes are read (see `offer`). */
      eeps?: { path: string; read(): Promise<Uint8Array> }[];
    };

/** A counting semaphore. */
function createLimiter(permits: number): { acquire(): Promise<void>; release(): void } {
  const waiting: (() => void)[] = [];
  return {
    acquire: () => (permits > 0 ? (permits--, Promise.resolve()) : new Promise<void>((resolve) => waiting.push(resolve))),
    release() {
      const next = waiting.shift();
      if (next) next();
      else permits++;
    },
  };
}

/**
 * A sink whose bytes an engine pulls as an async iterable: `write` resolves when the engine is done
 * with the chunk, that is when it asks for the next one (or stops), so a chunk may be lent to an
 * engine that {@link AntivirusEngine.borrows}. Once the engine is done with the file (`close`),
 * writes are dropped and resolve at once, so a reader is never left waiting.
 */
function createSinkQueue(): { write(chunk: Uint8Array): Promise<void>; end(): void; fail(reason: string): void; close(): void; chunks(): AsyncIterable<Uint8Array>; started: Promise<void> } {
  const items: { chunk: Uint8Array; taken: () => void }[] = [];
  /** The chunk the engine has now: taken once it asks for the next. */
  let lent: (() => void) | undefined;
  const giveBack = () => {
    lent?.();
    lent = undefined;
  };
  let ended = false;
  let closed = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let start: () => void = () => {};
  const started = new Promise<void>((resolve) => (start = resolve));
  const signal = () => {
    start();
    wake?.();
    wake = undefined;
  };
  const close = () => {
    closed = true;
    giveBack();
    for (const item of items.splice(0)) item.taken();
  };
  return {
    started,
    write: (chunk) => (closed ? Promise.resolve() : new Promise<void>((taken) => (items.push({ chunk, taken }), signal()))),
    end: () => ((ended = true), signal()),
    fail(reason) {
      failure = new Error(reason);
      close();
      signal();
    },
    close,
    async *chunks() {
      try {
        for (;;) {
          giveBack();
          if (failure) throw failure;
          const item = items.shift();
          if (item) {
            lent = item.taken;
            yield item.chunk;
          } else if (ended) return;
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        giveBack();
      }
    },
  };
}

async function startScan(
  settings: AntivirusSettings,
  locale: Locale | undefined,
  plan: () => Promise<Plan>,
): Promise<{ tee?: ContentTee; offer?: (path: string, bytes: Uint8Array) => void; finish(): Promise<AntivirusOutcome> }> {
  const { engine } = settings;
  const issues: Issue[] = [];
  const add = (check: typeof INSTALLED | typeof SCAN, code: IssueCode, details: Omit<IssueDetails, 'locale' | 'check'> = {}) =>
    issues.push({ ...createIssue(code, { ...details, check: check.dat70, aspect: 'security', ...(locale ? { locale } : {}) }), checkId: check.id });

  let info: EngineInfo;
  try {
    info = await engine.identify();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    add(INSTALLED, 'antivirus.unavailable', { params: { kind: engine.kind, reason } });
    add(SCAN, 'antivirus.scan-not-run', { params: { reason: `${engine.kind}: ${reason}` } });
    return { finish: async () => ({ installed: 'failed', scan: 'skipped', issues }) };
  }
  const unknown = locale === 'en' ? 'unknown' : '未知';
  add(INSTALLED, 'antivirus.engine', {
    received: info,
    params: { engine: info.engine, version: info.version ?? unknown, database: info.database ?? unknown, date: info.databaseDate?.slice(0, 10) ?? unknown },
  });
  const current = databaseCurrent(info, settings, add);

  let planned: Plan;
  try {
    planned = await plan();
  } catch (error) {
    planned = { notRun: (error as Error).message };
  }
  if ('notRun' in planned) {
    add(SCAN, 'antivirus.scan-not-run', { params: { reason: planned.notRun } });
    return { finish: async () => ({ installed: current ? 'passed' : 'failed', scan: 'skipped', issues, engine: info }) };
  }

  const { targets, unread } = planned;
  const verdicts: (ScanVerdict | undefined)[] = new Array(targets.length);
  /** Per target: not yet scanned, being scanned (the claim's token), or done. */
  const claims: (object | 'done' | undefined)[] = new Array(targets.length);
  const byPath = new Map<string, number>();
  targets.forEach((target, i) => target.whole && byPath.set(target.path, i));
  const limiter = createLimiter(engine.concurrency);
  const running: Promise<void>[] = [];
  let stopped: string | undefined;
  let left = 0;
  const progress = { files: 0, totalFiles: targets.length, bytes: 0, totalBytes: targets.reduce((n, t) => n + t.size, 0) };
  let stage: 'with-validation' | 'after-validation' = 'with-validation';
  settings.onProgress?.({ ...progress }, stage);

  /** Scans target `i` from `content` once a permit is free; the verdict counts only while `token` is its claim. */
  const scanOne = async (i: number, token: object, content: AsyncIterable<Uint8Array>): Promise<ScanVerdict | undefined> => {
    await limiter.acquire();
    try {
      if (stopped !== undefined || claims[i] !== token) return undefined;
      const verdict = await engine.scan(content);
      if (claims[i] !== token) return undefined;
      if (verdict.status === 'unavailable') stopped ??= verdict.reason;
      return verdict;
    } finally {
      limiter.release();
    }
  };
  /** Scans target `i` from its own content. */
  const start = (i: number): void => {
    const token = {};
    claims[i] = token;
    running.push(scanOne(i, token, (targets[i] as Target).content()).then((verdict) => settle(i, token, verdict)));
  };
  /** Lists more targets (an `.eep`'s embedded files). */
  const list = (more: readonly Target[]): void => {
    for (const target of more) {
      targets.push(target);
      progress.totalFiles++;
      progress.totalBytes += target.size;
    }
  };
  /** `.eep` files whose embedded files are not listed yet, and how to read them. */
  const eeps = new Map((planned.eeps ?? []).map((eep) => [eep.path, eep.read]));
  /** Validation read `path` whole: an `.eep`'s embedded files are listed from those bytes, and scanned. */
  const offer = (path: string, bytes: Uint8Array): void => {
    if (!eeps.delete(path)) return;
    const from = targets.length;
    list(embeddedTargets(path, bytes));
    for (let i = from; i < targets.length; i++) start(i);
  };
  const settle = (i: number, token: object, verdict: ScanVerdict | undefined): void => {
    if (claims[i] !== token) return;
    claims[i] = 'done';
    verdicts[i] = verdict;
    if (verdict === undefined || verdict.status === 'unavailable') left++;
    progress.files++;
    progress.bytes += (targets[i] as Target).size;
    settings.onProgress?.({ ...progress }, stage);
  };

  const tee: ContentTee = {
    // A sink hands each chunk on to the engine and is done with it when the engine is.
    borrows: engine.borrows === true,
    open(path) {
      const i = byPath.get(path);
      if (i === undefined || claims[i] !== undefined || stopped !== undefined) return undefined;
      const token = {};
      claims[i] = token;
      const queue = createSinkQueue();
      // The permit is asked for on the first bytes (or the end), not on opening: files handed to a
      // hashing worker ahead of its reads must not hold the permits of files being read.
      running.push(
        queue.started
          .then(() => scanOne(i, token, queue.chunks()))
          .then((verdict) => settle(i, token, verdict))
          .finally(() => queue.close()),
      );
      return {
        write: (chunk) => queue.write(chunk),
        end(error) {
          if (error === undefined) return queue.end();
          // A read that failed or was given up: the file is scanned later by a stream of its own,
          // which meets the same failure and says so (never a pass on bytes not all seen).
          if (claims[i] === token) claims[i] = undefined;
          queue.fail(error);
        },
      };
    },
  };

  const finish = async (): Promise<AntivirusOutcome> => {
    stage = 'after-validation';
    // The `.eep` files validation did not read whole: read here for their embedded files.
    for (const [path, read] of [...eeps]) {
      eeps.delete(path);
      list(await eepTargets(path, read, unread));
    }
    settings.onProgress?.({ ...progress }, stage);
    // Until every claim has a verdict, a failed tee read may give its file back: stream what is left, again.
    for (;;) {
      const rest = targets.flatMap((_, i) => (claims[i] === undefined ? [i] : []));
      const claimed = running.splice(0);
      for (const i of rest) start(i);
      if (rest.length === 0 && claimed.length === 0) break;
      await Promise.all(claimed);
    }
    let failed = unread.length > 0 || stopped !== undefined;
    for (const { path, reason } of unread) add(SCAN, 'antivirus.file-refused', { path, params: { file: path, reason } });
    targets.forEach((target, i) => {
      const verdict = verdicts[i];
      const where = { path: target.path, ...(target.location ? { location: target.location } : {}) };
      if (verdict?.status === 'infected') {
        failed = true;
        add(SCAN, 'antivirus.infected', { ...where, received: verdict.signature, params: { file: target.file, signature: verdict.signature } });
      } else if (verdict?.status === 'refused') {
        failed = true;
        add(SCAN, 'antivirus.file-refused', { ...where, received: verdict.reason, params: { file: target.file, reason: verdict.reason } });
      }
    });
    if (stopped !== undefined) add(SCAN, 'antivirus.scan-stopped', { received: left, params: { reason: stopped, received: left } });
    // A clean scan with a database that is too old (or undated) proves nothing: skipped, the GD-4-1 issue says why.
    const scan: CheckStatus = failed ? 'failed' : current ? 'passed' : 'skipped';
    return { installed: current ? 'passed' : 'failed', scan, issues, engine: info };
  };
  return { tee, offer, finish };
}

/** True when the database is recent enough (or no age is asked for); otherwise adds the GD-4-1 issue. */
function databaseCurrent(info: EngineInfo, settings: AntivirusSettings, add: (check: typeof INSTALLED, code: IssueCode, details: Omit<IssueDetails, 'locale' | 'check'>) => void): boolean {
  const maxDays = settings.maxDatabaseAgeDays;
  if (maxDays === undefined) return true;
  if (info.databaseDate === undefined) {
    add(INSTALLED, 'antivirus.database-undated', { expected: maxDays, params: { expected: maxDays } });
    return false;
  }
  const days = Math.floor(((settings.now ?? new Date()).getTime() - Date.parse(info.databaseDate)) / DAY);
  if (days <= maxDays) return true;
  add(INSTALLED, 'antivirus.database-outdated', { expected: maxDays, received: days, params: { date: info.databaseDate.slice(0, 10), expected: maxDays, received: days } });
  return false;
}

/**
 * Puts the antivirus outcome into a report: the statuses of
 * `security.antivirus-installed` (GD-4-1) and `security.virus-scan` (GD-4-2)
 * replace `manual` (the checks are added when the profile does not list
 * them, as `bagit` does not), and the issues are appended; `valid` and the
 * summary are counted again. A per-check severity override applies as in the
 * validators: `off` lists the check as `skipped` without its issues; a severity
 * applies to its warnings and errors, and a check left without an error passes.
 *
 * @param report - The validation report.
 * @param outcome - From {@link scanPackageSource} or {@link scanFileOnDisk}.
 * @param severity - Severity per check id (`validatePackage`'s `severity` option).
 * @returns The report with the antivirus checks.
 * @example
 * withAntivirus(report, outcome).checks.find((c) => c.id === 'security.virus-scan')?.status //=> 'passed'
 */
export function withAntivirus(report: Report, outcome: AntivirusOutcome, severity: Readonly<Partial<Record<string, Severity | 'off'>>> = {}): Report {
  const statuses = new Map<string, CheckStatus>();
  const issues: Issue[] = [];
  for (const [check, status] of [
    [INSTALLED, outcome.installed],
    [SCAN, outcome.scan],
  ] as const) {
    const level = severity[check.id];
    const own = outcome.issues.filter((issue) => issue.checkId === check.id);
    if (level === 'off') {
      statuses.set(check.id, 'skipped');
      continue;
    }
    const adjusted = level === undefined ? own : own.map((issue) => (issue.severity === 'info' ? issue : { ...issue, severity: level }));
    issues.push(...adjusted);
    // buildReport derives the final status: a `failed` check left without an error is `passed`.
    statuses.set(check.id, status);
  }
  const checks: CheckResult[] = report.checks.map((c) => (statuses.has(c.id) ? { id: c.id, status: statuses.get(c.id) as CheckStatus } : c));
  for (const [id, status] of statuses) if (!checks.some((c) => c.id === id)) checks.push({ id, status });
  return buildReport({ profile: report.profile, issues: [...report.issues, ...issues], checks, files: report.summary.files, bytes: report.summary.bytes, ...(report.shard ? { shard: report.shard } : {}) });
}
