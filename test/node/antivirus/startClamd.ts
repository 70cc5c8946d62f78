// Starts a real clamd (ClamAV from Debian, installed by .ci/run) on a private unix socket, with a
// signature database written here: no download of the official database. A machine without clamd
// fails the tests that use it (they do not skip).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClamdEngine } from '../../../src/node/antivirus/clamdClient.js';

/** The EICAR test file (eicar.org), built from parts so that this source file is not itself a match. */
export const EICAR = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1');
/** The name the test database gives EICAR. */
export const EICAR_NAME = 'Dangan.Test.EICAR';
/** How ClamAV reports it: signatures from a database it did not sign get `.UNOFFICIAL`. */
export const EICAR_SIGNATURE = `${EICAR_NAME}.UNOFFICIAL`;

/** Finds a program on PATH or in the sbin folders Debian puts daemons in. */
export function findProgram(name: string): string {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/sbin']) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`${name} not found: install ClamAV (Debian: apt-get install clamav clamav-daemon; .ci/run does)`);
}

/** An `.hdb` line: the file with these exact bytes (MD5 and size) is `name`. */
export function hdbLine(bytes: Uint8Array, name: string): string {
  return `${createHash('md5').update(bytes).digest('hex')}:${bytes.length}:${name}`;
}

/** Writes the test signature database: EICAR by MD5 and size (.hdb), and any `extra` lines. */
export function writeTestDatabase(dir: string, extra: readonly string[] = []): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'dangan-test.hdb'), [hdbLine(EICAR, EICAR_NAME), ...extra, ''].join('\n'));
}

export interface RunningClamd {
  socket: string;
  database: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts clamd in the foreground on a socket in a new temp folder and waits until it answers PING.
 *
 * @param settings - Extra clamd.conf lines (e.g. `StreamMaxLength 1M`).
 * @param signatures - Extra `.hdb` lines (see {@link hdbLine}).
 */
export async function startClamd(settings: readonly string[] = [], signatures: readonly string[] = []): Promise<RunningClamd> {
  const clamd = findProgram('clamd');
  const dir = mkdtempSync(join(tmpdir(), 'dangan-clamd-'));
  const database = join(dir, 'db');
  writeTestDatabase(database, signatures);
  mkdirSync(join(dir, 'tmp'));
  const socket = join(dir, 'clamd.sock');
  const conf = join(dir, 'clamd.conf');
  writeFileSync(
    conf,
    [
      'Foreground yes',
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${database}`,
      `TemporaryDirectory ${join(dir, 'tmp')}`,
      `LogFile ${join(dir, 'clamd.log')}`,
      // clamd drops privileges to the clamav user unless told otherwise; the test folder is ours.
      `User ${process.getuid?.() === 0 ? 'root' : (process.env.USER ?? 'root')}`,
      'MaxThreads 4',
      'SelfCheck 0',
      ...settings,
      '',
    ].join('\n'),
  );
  const child = spawn(clamd, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const engine = createClamdEngine({ socket }, { timeout: 2000 });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`clamd exited with ${child.exitCode}: ${stderr}`);
    }
    try {
      await engine.ping();
      return { socket, database, process: child, stop };
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`clamd did not answer PING within 60 s: ${(error as Error).message} ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
