import { createConnection, type Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import { parseClamavVersion, type AntivirusEngine, type EngineInfo, type ScanVerdict } from './engine.js';

/** Where clamd listens: a unix socket path, or a TCP host and port. */
export type ClamdAddress = { socket: string } | { host: string; port: number };

/** Options of {@link createClamdEngine}. */
export interface ClamdOptions {
  /** No answer (and no progress sending) for this long fails the command; default 60,000 ms. */
  timeout?: number;
  /**
   * Files streamed at once, each on a session of its own; default twice the core count, at least 4
   * and at most 10 (clamd's default MaxThreads): clamd spools each stream before scanning it, so a
   * stream in flight keeps its threads busy while another is being sent.
   */
  concurrency?: number;
}

/** The usual place of Debian's and Ubuntu's clamd socket (clamd.conf `LocalSocket`). */
export const DEFAULT_CLAMD_SOCKET = '/var/run/clamav/clamd.ctl';

// clamd(8): INSTREAM chunks are at most this big here; StreamMaxLength bounds the total.
const MAX_CHUNK = 1 << 20;
const TERMINATOR = Buffer.alloc(4);
const INSTREAM = Buffer.from('zINSTREAM\0', 'latin1');

/**
 * Reads `--antivirus clamd[=SOCKET|HOST:PORT]`'s address: a value with a `/`
 * is a socket path, `host:port` is TCP, nothing is Debian's socket.
 *
 * @param value - The part after `clamd=`, or undefined.
 * @returns The address.
 * @throws Error when the value is neither a path nor `host:port`.
 * @example
 * parseClamdAddress('127.0.0.1:3310') //=> { host: '127.0.0.1', port: 3310 }
 */
export function parseClamdAddress(value: string | undefined): ClamdAddress {
  if (value === undefined || value === '') return { socket: DEFAULT_CLAMD_SOCKET };
  if (value.includes('/')) return { socket: value };
  const match = /^(.+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535) throw new Error(`clamd address must be a socket path or HOST:PORT, not ${value}`);
  return { host: (match[1] as string).replace(/^\[(.*)\]$/, '$1'), port };
}

/**
 * An {@link AntivirusEngine} over clamd's socket protocol (clamd(8)): `zPING`
 * and `zVERSION` on a connection of their own, and `zINSTREAM` inside
 * `zIDSESSION` sessions that are kept and reused, so files do not each pay a
 * connection (a session carries one file at a time; replies carry the
 * request number). INSTREAM sends the file as chunks, each with a 4-byte
 * big-endian length, then a zero length; nothing is written to disk on either
 * side of the socket by dangan (clamd may spool the stream into its own
 * TemporaryDirectory). clamd's answers map to verdicts: `stream: OK` clean,
 * `stream: <signature> FOUND` infected, any `… ERROR` (e.g. `INSTREAM size
 * limit exceeded. ERROR`) refused; a refused connection, a reset before the
 * answer, or no answer within `timeout` unavailable.
 *
 * The engine is done with each chunk's bytes (they are in the kernel) before it
 * asks for the next one, so a caller may lend views of a reused buffer
 * ({@link AntivirusEngine.borrows}).
 *
 * @param address - Unix socket or TCP address.
 * @param options - Timeout and concurrency.
 * @returns The engine.
 * @example
 * const clamd = createClamdEngine({ socket: '/var/run/clamav/clamd.ctl' });
 * await clamd.identify() //=> { engine: 'ClamAV', version: '1.4.6', database: '27123', databaseDate: '…' }
 */
export function createClamdEngine(address: ClamdAddress, options: ClamdOptions = {}): AntivirusEngine & { ping(): Promise<void> } {
  const timeout = options.timeout ?? 60_000;
  const sessions = createSessionPool(address, timeout);
  return {
    kind: 'clamd',
    concurrency: Math.max(1, options.concurrency ?? Math.min(10, Math.max(4, 2 * availableParallelism()))),
    borrows: true,
    async ping() {
      const answer = await command(address, timeout, 'zPING\0');
      if (answer !== 'PONG') throw new Error(`clamd answered PING with ${JSON.stringify(answer)}`);
    },
    async identify(): Promise<EngineInfo> {
      const answer = await command(address, timeout, 'zVERSION\0');
      if (!/^ClamAV /.test(answer)) throw new Error(`clamd answered VERSION with ${JSON.stringify(answer)}`);
      return parseClamavVersion(answer);
    },
    async scan(content) {
      const verdict = await instream(sessions, timeout, content);
      if (verdict.status !== 'unavailable' || !verdict.midStream) return verdict;
      // clamd closes a stream it will not take (StreamMaxLength), and its answer is lost in the
      // reset of the unread bytes; a daemon that still answers PING refused the file, not the work.
      try {
        await command(address, timeout, 'zPING\0');
        return { status: 'refused', reason: `INSTREAM size limit exceeded (clamd closed the stream: ${verdict.reason}; see StreamMaxLength)` };
      } catch (error) {
        // Gone: say why the daemon cannot be reached (a stopped daemon resets the stream first).
        return { status: 'unavailable', reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
      }
    },
  };
}

function connect(address: ClamdAddress, timeout: number): Socket {
  const socket = 'socket' in address ? createConnection({ path: address.socket }) : createConnection({ host: address.host, port: address.port });
  socket.setTimeout(timeout);
  return socket;
}

/** Sends one short command and resolves with the answer up to its NUL (or the end of the connection). */
function command(address: ClamdAddress, timeout: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(address, timeout);
    const chunks: Buffer[] = [];
    const finish = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8').replace(/\0[\s\S]*$/, '').trim());
    };
    socket.on('connect', () => socket.write(text));
    socket.on('data', (data) => {
      chunks.push(data);
      if (data.includes(0)) finish();
    });
    socket.on('end', () => finish());
    socket.on('timeout', () => finish(new Error(`clamd did not answer within ${timeout} ms`)));
    socket.on('error', (error) => finish(error));
  });
}

/** An idle session is closed after this long (clamd's own IdleTimeout defaults to 30 s). */
const SESSION_IDLE_MS = 1000;

/** What a session's current request hears: the answer (without its request number), or the session's end. */
interface Listener {
  answer(text: string): void;
  /** The session failed, ended or timed out. */
  lost(reason: string, timedOut: boolean): void;
}

/** One `zIDSESSION` connection to clamd. */
interface Session {
  socket: Socket;
  /** Number of the last request sent (clamd numbers a session's requests from 1). */
  sent: number;
  /** False once the connection failed, ended, or is in an unknown state. */
  usable: boolean;
  listener?: Listener;
  idle?: NodeJS.Timeout;
}

/** Sessions kept between files: `take` reuses an idle one or opens one; `give` puts a finished one back. */
function createSessionPool(address: ClamdAddress, timeout: number): { take(): Session; give(session: Session): void } {
  const idle: Session[] = [];
  const drop = (session: Session, reason: string, timedOut = false): void => {
    session.usable = false;
    if (session.idle) clearTimeout(session.idle);
    const at = idle.indexOf(session);
    if (at >= 0) idle.splice(at, 1);
    session.socket.destroy();
    const listener = session.listener;
    session.listener = undefined;
    listener?.lost(reason, timedOut);
  };
  const open = (): Session => {
    const socket = connect(address, timeout);
    const session: Session = { socket, sent: 0, usable: true };
    // clamd answers each request `<number>: <answer>` and a NUL (the z prefix).
    let pending: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      let from = 0;
      for (let nul = data.indexOf(0); nul >= 0; nul = data.indexOf(0, from)) {
        pending.push(data.subarray(from, nul));
        from = nul + 1;
        const text = Buffer.concat(pending).toString('utf8');
        pending = [];
        const match = /^(\d+): ([\s\S]*)$/.exec(text);
        const listener = session.listener;
        if (!match || Number(match[1]) !== session.sent || !listener) return drop(session, `clamd answered out of turn: ${JSON.stringify(text.trim())}`);
        session.listener = undefined;
        listener.answer((match[2] as string).trim());
      }
      if (from < data.length) pending.push(data.subarray(from));
    });
    socket.on('end', () => drop(session, 'clamd closed the connection without an answer'));
    socket.on('close', () => drop(session, 'clamd closed the connection without an answer'));
    socket.on('timeout', () => drop(session, `clamd did not answer within ${timeout} ms`, true));
    socket.on('error', (error: NodeJS.ErrnoException) => drop(session, error.code ?? error.message));
    socket.write('zIDSESSION\0');
    return session;
  };
  return {
    take() {
      for (let session = idle.pop(); session; session = idle.pop()) {
        if (session.idle) clearTimeout(session.idle);
        if (!session.usable) continue;
        session.socket.ref();
        session.socket.setTimeout(timeout);
        return session;
      }
      return open();
    },
    give(session) {
      if (!session.usable) return;
      // Idle: it keeps no process alive, and closes before clamd's IdleTimeout could close it under a request.
      session.socket.setTimeout(0);
      session.socket.unref();
      session.idle = setTimeout(() => drop(session, 'idle'), SESSION_IDLE_MS);
      session.idle.unref();
      idle.push(session);
    },
  };
}

/**
 * Streams one file with INSTREAM on a session. Each chunk is waited for until the socket has
 * written it, before the next is asked for. The answer may come before the whole file is sent
 * (clamd stops reading at StreamMaxLength and says so): sending stops, and the answer is the verdict.
 */
function instream(sessions: { take(): Session; give(session: Session): void }, timeout: number, content: AsyncIterable<Uint8Array>): Promise<ScanVerdict & { midStream?: boolean }> {
  return new Promise((resolve) => {
    const session = sessions.take();
    const { socket } = session;
    let settled = false;
    let sending = false;
    let sent = false;
    let waiting: (() => void) | undefined;
    const settle = (verdict: ScanVerdict & { midStream?: boolean }) => {
      if (settled) return;
      settled = true;
      waiting?.();
      resolve(verdict);
    };
    session.listener = {
      answer(text) {
        // An answer before the whole stream was sent leaves the session mid-request: not reused.
        if (sent) sessions.give(session);
        else {
          session.usable = false;
          socket.destroy();
        }
        settle(verdictOf(text));
      },
      lost: (reason, timedOut) => settle({ status: 'unavailable', reason, ...(sending && !timedOut ? { midStream: true } : {}) }),
    };
    session.sent++;
    /** Writes, and resolves once the socket has handed the bytes to the system (or the request is over). */
    let command: Uint8Array | undefined = INSTREAM;
    const write = (header: Uint8Array, part: Uint8Array) =>
      new Promise<void>((written) => {
        waiting = written;
        // One system call for the command (first time), the length and the bytes: no concatenation.
        socket.cork();
        if (command) socket.write(command);
        command = undefined;
        socket.write(header);
        socket.write(part, () => written());
        socket.uncork();
      });
    const send = async () => {
      sending = true;
      for await (const chunk of content) {
        for (let at = 0; at < chunk.length && !settled; at += MAX_CHUNK) {
          const part = chunk.subarray(at, at + MAX_CHUNK);
          const length = Buffer.allocUnsafe(4);
          length.writeUInt32BE(part.length);
          await write(length, part);
        }
        if (settled) return;
      }
      sent = true;
      if (command) socket.write(command);
      socket.write(TERMINATOR);
    };
    send().catch((error: Error) => {
      if (settled) return;
      // The stream is cut off midway: the session cannot go on.
      session.listener = undefined;
      session.usable = false;
      socket.destroy();
      settle({ status: 'refused', reason: `unreadable: ${error.message}` });
    });
  });
}

/** clamd's answer to INSTREAM as a verdict. */
function verdictOf(answer: string): ScanVerdict {
  const found = /^stream: (.+) FOUND$/.exec(answer);
  // AlertExceedsMax: a file over MaxFileSize/MaxScanSize/MaxRecursion was not wholly scanned; not a virus, not a pass.
  if (found && found[1]?.startsWith('Heuristics.Limits.Exceeded')) return { status: 'refused', reason: `${found[1]} (a clamd.conf limit)` };
  if (found) return { status: 'infected', signature: found[1] as string };
  if (answer === 'stream: OK') return { status: 'clean' };
  return { status: 'refused', reason: answer.replace(/^stream: /, '') || 'empty answer' };
}
