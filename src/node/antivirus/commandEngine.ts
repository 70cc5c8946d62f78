import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseClamavVersion, type AntivirusEngine, type EngineInfo, type ScanVerdict } from './engine.js';

/** Options of {@link createCommandEngine} and {@link createClamscanEngine}. */
export interface CommandEngineOptions {
  /** A scan running longer than this is killed and the engine counted unavailable; default 300,000 ms. */
  timeout?: number;
  /** Files scanned at once; default the core count. */
  concurrency?: number;
}

/** The placeholder of `--antivirus-command` that stands for the file to scan. */
export const FILE_PLACEHOLDER = '{file}';

/**
 * Splits a command line into words: spaces separate, single or double quotes
 * group, no shell is involved (nothing is expanded or substituted).
 *
 * @param line - E.g. `"/opt/scan/bin/scan" --quiet {file}`.
 * @returns The words.
 * @throws Error when a quote is not closed or the line is empty.
 * @example
 * splitCommand(`savscan -nc -ss '{file}'`) //=> ['savscan', '-nc', '-ss', '{file}']
 */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  const unbalanced = (line.match(/"/g)?.length ?? 0) % 2 === 1 || (line.match(/'/g)?.length ?? 0) % 2 === 1;
  if (unbalanced) throw new Error(`unclosed quote in command: ${line}`);
  for (const match of line.matchAll(pattern)) words.push((match[1] ?? match[2] ?? match[3]) as string);
  if (words.length === 0) throw new Error('empty antivirus command');
  return words;
}

/**
 * An {@link AntivirusEngine} that runs a command-line scanner once per file
 * (`--antivirus-command 'CMD {file}'`). Each `{file}` word is replaced by the
 * path of a copy of the file in a private temporary folder (mode 0700, removed
 * right after; a command-line scanner needs a file), or, when the command has
 * no `{file}`, the bytes go to its standard input. The exit code is the
 * verdict: **0 clean, 1 infected, anything else (or a signal) an error** that
 * leaves the file unscanned — the mapping of ClamAV's `clamscan`, Sophos
 * `savscan -ss` needs a wrapper. The signature is the text before ` FOUND` on
 * standard output (ClamAV's form), else the output's last line. A command that
 * cannot be started, or one that runs past `timeout`, makes the engine
 * unavailable.
 *
 * @param line - The command line, split by {@link splitCommand}.
 * @param options - Timeout and concurrency.
 * @returns The engine; `identify()` checks the command starts (`--version` is not assumed).
 * @throws Error when the command line is empty or badly quoted.
 * @example
 * const engine = createCommandEngine('clamscan --no-summary {file}');
 */
export function createCommandEngine(line: string, options: CommandEngineOptions = {}): AntivirusEngine {
  const words = splitCommand(line);
  const timeout = options.timeout ?? 300_000;
  return {
    kind: 'command',
    concurrency: Math.max(1, options.concurrency ?? availableParallelism()),
    async identify(): Promise<EngineInfo> {
      await started(words[0] as string);
      return { engine: words[0] as string };
    },
    scan: (content) => (words.includes(FILE_PLACEHOLDER) ? scanCopy(words, content, timeout) : run(words, content, timeout)),
  };
}

/**
 * An {@link AntivirusEngine} over ClamAV's `clamscan`, for machines without
 * clamd: each file's bytes go to `clamscan --no-summary -` on standard input
 * (no copy), exit 0 clean, 1 infected. Slow: clamscan loads the whole
 * signature database for every file (seconds with the official one), where
 * clamd loads it once.
 *
 * @param database - A database folder or file (`clamscan -d`); default clamscan's own.
 * @param options - Timeout and concurrency.
 * @returns The engine; `identify()` runs `clamscan --version`.
 * @example
 * const engine = createClamscanEngine('/var/lib/clamav');
 */
export function createClamscanEngine(database?: string, options: CommandEngineOptions = {}): AntivirusEngine {
  const words = ['clamscan', '--no-summary', '--stdout', ...(database ? ['-d', database] : []), '-'];
  const timeout = options.timeout ?? 300_000;
  return {
    kind: 'clamscan',
    concurrency: Math.max(1, options.concurrency ?? availableParallelism()),
    async identify() {
      const { code, stdout } = await execute(['clamscan', '--version'], undefined, timeout);
      if (code !== 0 || !/^ClamAV /.test(stdout)) throw new Error(`clamscan --version failed (exit ${code})`);
      return parseClamavVersion(stdout.trim());
    },
    scan: (content) => run(words, content, timeout),
  };
}

/** Resolves when the program can be started (it is run with no arguments and killed at once). */
function started(program: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, [], { stdio: 'ignore' });
    child.on('error', (error: NodeJS.ErrnoException) => reject(new Error(`${program}: ${error.code ?? error.message}`)));
    child.on('spawn', () => {
      child.kill();
      resolve();
    });
  });
}

async function scanCopy(words: readonly string[], content: AsyncIterable<Uint8Array>, timeout: number): Promise<ScanVerdict> {
  let folder: string | undefined;
  try {
    folder = await mkdtemp(join(tmpdir(), 'dangan-av-'));
    const file = join(folder, 'content');
    try {
      await pipeline(Readable.from(content), createWriteStream(file, { mode: 0o600 }));
    } catch (error) {
      return { status: 'refused', reason: `unreadable: ${(error as Error).message}` };
    }
    return await run(words.map((w) => (w === FILE_PLACEHOLDER ? file : w)), undefined, timeout);
  } catch (error) {
    return { status: 'unavailable', reason: (error as Error).message };
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

async function run(words: readonly string[], content: AsyncIterable<Uint8Array> | undefined, timeout: number): Promise<ScanVerdict> {
  const result = await execute(words, content, timeout);
  if (result.failure !== undefined) return { status: result.failure.startsWith('unreadable') ? 'refused' : 'unavailable', reason: result.failure };
  if (result.code === 0) return { status: 'clean' };
  if (result.code === 1) {
    const found = /: (.+) FOUND$/m.exec(result.stdout)?.[1];
    const last = result.stdout.trim().split('\n').pop()?.trim();
    return { status: 'infected', signature: found ?? (last || 'infected') };
  }
  const said = (result.stderr.trim() || result.stdout.trim()).split('\n').pop() ?? '';
  return { status: 'refused', reason: `${words[0]} exit ${result.code ?? result.signal}${said ? `: ${said}` : ''}` };
}

interface Execution {
  code: number | null;
  signal?: string | null;
  stdout: string;
  stderr: string;
  /** Set when the command could not start, timed out, or its input could not be read. */
  failure?: string;
}

// Output kept per stream: enough for a signature line, bounded whatever the command prints.
const OUTPUT_LIMIT = 64 * 1024;

function execute(words: readonly string[], content: AsyncIterable<Uint8Array> | undefined, timeout: number): Promise<Execution> {
  return new Promise((resolve) => {
    const child = spawn(words[0] as string, words.slice(1), { stdio: [content ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let failure: string | undefined;
    child.stdout?.on('data', (data: Buffer) => {
      if (stdout.length < OUTPUT_LIMIT) stdout += data.toString('utf8');
    });
    child.stderr?.on('data', (data: Buffer) => {
      if (stderr.length < OUTPUT_LIMIT) stderr += data.toString('utf8');
    });
    const timer = setTimeout(() => {
      failure ??= `${words[0]} did not finish within ${timeout} ms`;
      child.kill('SIGKILL');
    }, timeout);
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??= `${words[0]}: ${error.code ?? error.message}`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ...(failure !== undefined ? { failure } : {}) });
    });
    if (content && child.stdin) {
      const stdin = child.stdin;
      // A scanner may stop reading early (it found something): EPIPE is not a failure then.
      stdin.on('error', () => undefined);
      pipeline(Readable.from(content), stdin).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
          failure ??= `unreadable: ${error.message}`;
          child.kill('SIGKILL');
        }
      });
    }
  });
}
