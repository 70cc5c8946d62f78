import { readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { isSafePath } from '../../package/layout/isSafePath.js';
import { resolveLimits, screenLimits, type Limits } from '../../package/limits.js';
import { mapLimit } from '../../package/mapLimit.js';
import { packageOptionDefaults } from '../../package/options.js';
import type { PackageSource } from '../../package/source.js';
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

/** Check ids and DA/T 70-2018 items of the two antivirus checks. */
const INSTALLED = { id: 'security.antivirus-installed', dat70: 'GD-4-1' } as const;
const SCAN = { id: 'security.virus-scan', dat70: 'GD-4-2' } as const;
const DAY = 86_400_000;

/** One thing to scan: a file of the package, or a file embedded in an EEP. */
interface Target {
  path: string;
  /** Shown in messages: the path, or `path › embedded name`. */
  file: string;
  location?: IssueLocation;
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
  return scanTargets(settings, options.locale, async () => {
    const entries = await source.entries();
    const limits = resolveLimits(options.limits);
    const screening = screenLimits(entries, limits);
    if (screening.stop) return { notRun: 'package limits exceeded (security.entries)' };
    const targets: Target[] = [];
    const unread: { path: string; reason: string }[] = [];
    for (const entry of entries) {
      if (entry.kind !== 'file' || (options.owns && !options.owns(entry.path))) continue;
      const reason = !isSafePath(entry.path) ? 'unsafe path' : entry.encrypted ? 'encrypted entry' : screening.refused.has(entry.path) ? 'over the package limits' : undefined;
      if (reason) {
        unread.push({ path: entry.path, reason });
        continue;
      }
      targets.push({ path: entry.path, file: entry.path, content: () => source.stream(entry.path) });
      if (/\.eep$/i.test(entry.path)) {
        targets.push(...(await eepTargets(entry.path, () => source.read(entry.path, { maxBytes: packageOptionDefaults.maxXmlBytes }), unread)));
      }
    }
    return { targets, unread };
  });
}

/**
 * {@link scanPackageSource} for one file on disk (a standalone `.eep`): the
 * file itself and, for an `.eep`, every file it embeds.
 *
 * @param file - Path on disk.
 * @param path - The name issues carry.
 * @param settings - Engine and database age.
 * @param options - Locale.
 * @returns Statuses and issues, for {@link withAntivirus}.
 * @example
 * await scanFileOnDisk('/in/9527.eep', '9527.eep', { engine })
 */
export async function scanFileOnDisk(file: string, path: string, settings: AntivirusSettings, options: { locale?: Locale } = {}): Promise<AntivirusOutcome> {
  return scanTargets(settings, options.locale, async () => {
    const unread: { path: string; reason: string }[] = [];
    const targets: Target[] = [{ path, file: path, content: () => createReadStream(file) }];
    if (/\.eep$/i.test(file)) targets.push(...(await eepTargets(path, async () => new Uint8Array(await readFile(file)), unread)));
    return { targets, unread };
  });
}

/** The files an `.eep` embeds, as targets; an `.eep` that cannot be read is listed as unread. */
async function eepTargets(path: string, read: () => Promise<Uint8Array>, unread: { path: string; reason: string }[]): Promise<Target[]> {
  let bytes: Uint8Array;
  try {
    bytes = await read();
  } catch (error) {
    unread.push({ path, reason: `embedded content not read: ${(error as Error).message}` });
    return [];
  }
  return embeddedFiles(bytes).map((embedded) => ({ path, file: `${path} › ${embedded.name}`, location: embedded.location, content: embedded.content }));
}

type Plan = { notRun: string } | { targets: Target[]; unread: { path: string; reason: string }[] };

async function scanTargets(settings: AntivirusSettings, locale: Locale | undefined, plan: () => Promise<Plan>): Promise<AntivirusOutcome> {
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
    return { installed: 'failed', scan: 'skipped', issues };
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
    return { installed: current ? 'passed' : 'failed', scan: 'skipped', issues, engine: info };
  }

  let stopped: string | undefined;
  let left = 0;
  const verdicts = await mapLimit(planned.targets, engine.concurrency, async (target): Promise<ScanVerdict | undefined> => {
    if (stopped !== undefined) {
      left++;
      return undefined;
    }
    const verdict = await engine.scan(target.content());
    if (verdict.status === 'unavailable') {
      stopped ??= verdict.reason;
      left++;
    }
    return verdict;
  });
  let failed = planned.unread.length > 0 || stopped !== undefined;
  for (const { path, reason } of planned.unread) add(SCAN, 'antivirus.file-refused', { path, params: { file: path, reason } });
  planned.targets.forEach((target, i) => {
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
