/**
 * The antivirus engine contract of `dangan/node`: an engine says who it is
 * (engine and signature database versions) and scans one file's bytes, given
 * as a stream. clamd, clamscan and any command-line scanner implement it.
 *
 * @module
 */

/** Who answered: the engine and its signature database, as the engine reports them. */
export interface EngineInfo {
  /** Engine name, e.g. `ClamAV`, or the command run. */
  engine: string;
  /** Engine version, e.g. `1.4.6`; absent when the engine does not say. */
  version?: string;
  /** Signature database version, e.g. `27123`; absent for a database without a version (a private `.hdb`). */
  database?: string;
  /** Signature database build date, ISO 8601 (UTC); absent when the engine does not say. */
  databaseDate?: string;
}

/**
 * One file's verdict. `refused`: the engine could not scan this file (a size or
 * recursion limit, a read error) and goes on with the next; `unavailable`: the
 * engine cannot be reached any more (connection refused, reset, timed out), so
 * the scan stops.
 */
export type ScanVerdict =
  | { status: 'clean' }
  | { status: 'infected'; signature: string }
  | { status: 'refused'; reason: string }
  | { status: 'unavailable'; reason: string };

/** An antivirus engine. */
export interface AntivirusEngine {
  /** `clamd`, `clamscan` or `command`. */
  readonly kind: string;
  /** How many files it scans at once, at most. */
  readonly concurrency: number;
  /**
   * True when `scan` is done with a chunk's bytes before it asks for the next one (it keeps none),
   * so the caller may lend views of a buffer it reuses instead of copies; otherwise every chunk
   * `scan` is given is its own.
   */
  readonly borrows?: boolean;
  /**
   * Asks the engine who it is.
   *
   * @throws Error when the engine cannot be reached or does not answer.
   */
  identify(): Promise<EngineInfo>;
  /**
   * Scans one file's bytes. Never throws: every failure is a verdict.
   *
   * @param content - The file's bytes, in chunks.
   */
  scan(content: AsyncIterable<Uint8Array>): Promise<ScanVerdict>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Reads ClamAV's version line, as clamd's `VERSION` and `clamscan --version`
 * print it: `ClamAV <engine>/<database version>/<database date>`, the date in
 * C `ctime` form (read as UTC: the engine does not say its time zone, and a
 * database age is counted in days). A database without a version (only private
 * `.hdb`/`.ndb` files loaded) gives just `ClamAV <engine>`.
 *
 * @param line - The answer, without the terminator.
 * @returns The engine info; `engine` is the whole line when it is not in ClamAV's form.
 * @example
 * parseClamavVersion('ClamAV 1.4.6/27123/Mon Dec  7 09:00:00 2026')
 * //=> { engine: 'ClamAV', version: '1.4.6', database: '27123', databaseDate: '2026-12-07T09:00:00.000Z' }
 */
export function parseClamavVersion(line: string): EngineInfo {
  const match = /^(\S+) ([^/\s]+)(?:\/(\d+)(?:\/(.+))?)?$/.exec(line.trim());
  if (!match) return { engine: line.trim() };
  const [, engine, version, database, date] = match as unknown as [string, string, string, string | undefined, string | undefined];
  const databaseDate = date === undefined ? undefined : parseCtime(date);
  return { engine, version, ...(database !== undefined ? { database } : {}), ...(databaseDate !== undefined ? { databaseDate } : {}) };
}

/** `Mon Dec  7 09:00:00 2026` as ISO 8601, read as UTC; undefined when not in that form. */
function parseCtime(text: string): string | undefined {
  const match = /^\w{3} (\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1] as string);
  if (month < 0) return undefined;
  const [day, hours, minutes, seconds, year] = match.slice(2).map(Number) as [number, number, number, number, number];
  return new Date(Date.UTC(year, month, day, hours, minutes, seconds)).toISOString();
}
