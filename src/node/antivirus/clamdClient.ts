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
   * Files streamed at once, each on its own connection; default twice the core count, at least 4 and
   * at most 10 (clamd's default MaxThreads): clamd spools each stream before scanning it, so a
   * stream in flight keeps its threads busy while another is being sent.
   */
  concurrency?: number;
}

/** The usual place of Debian's and Ubuntu's clamd socket (clamd.conf `LocalSocket`). */
export const DEFAULT_CLAMD_SOCKET = '/var/run/clamav/clamd.ctl';

// clamd(8): INSTREAM chunks are at most this big here; StreamMaxLength bounds the total.
const MAX_CHUNK = 1 << 20;
const TERMINATOR = Buffer.alloc(4);

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
 * An {@link AntivirusEngine} over clamd's socket protocol (clamd(8)): `zPING`,
 * `zVERSION` and `zINSTREAM`, one connection per command. INSTREAM sends the
 * file as chunks, each with a 4-byte big-endian length, then a zero length;
 * nothing is written to disk on either side of the socket by dangan (clamd
 * may spool the stream into its own TemporaryDirectory). clamd's answers map
 * to verdicts: `stream: OK` clean, `stream: <signature> FOUND` infected, any
 * `… ERROR` (e.g. `INSTREAM size limit exceeded. ERROR`) refused; a refused
 * connection, a reset before the answer, or no answer within `timeout`
 * unavailable.
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
  return {
    kind: 'clamd',
    concurrency: Math.max(1, options.concurrency ?? Math.min(10, Math.max(4, 2 * availableParallelism()))),
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
      const verdict = await instream(address, timeout, content);
      if (verdict.status !== 'unavailable' || !verdict.midStream) return verdict;
      // clamd closes a stream it will not take (StreamMaxLength), and its answer is lost in the
      // reset of the unread bytes; a daemon that still answers PING refused the file, not the work.
      try {
        await command(address, timeout, 'zPING\0');
        return { status: 'refused', reason: `INSTREAM size limit exceeded (clamd closed the stream: ${verdict.reason}; see StreamMaxLength)` };
      } catch {
        return { status: 'unavailable', reason: verdict.reason };
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

/**
 * Streams one file with INSTREAM. The answer may come before the whole file is
 * sent (clamd stops reading at StreamMaxLength and says so): sending stops, and
 * the answer is the verdict.
 */
function instream(address: ClamdAddress, timeout: number, content: AsyncIterable<Uint8Array>): Promise<ScanVerdict & { midStream?: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(address, timeout);
    const answer: Buffer[] = [];
    let settled = false;
    let sending = false;
    let waiting: (() => void) | undefined;
    const settle = (verdict: ScanVerdict & { midStream?: boolean }) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      waiting?.();
      resolve(verdict);
    };
    const answered = () => settle(verdictOf(Buffer.concat(answer).toString('utf8').replace(/\0[\s\S]*$/, '').trim()));
    socket.on('data', (data) => {
      answer.push(data);
      if (data.includes(0)) answered();
    });
    socket.on('end', () => (answer.length > 0 ? answered() : settle({ status: 'unavailable', reason: 'clamd closed the connection without an answer', ...(sending ? { midStream: true } : {}) })));
    socket.on('timeout', () => settle({ status: 'unavailable', reason: `clamd did not answer within ${timeout} ms` }));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after clamd answered (it closes on a limit while we still send) keeps the answer.
      if (answer.length > 0) answered();
      else settle({ status: 'unavailable', reason: error.code ?? error.message, ...(sending ? { midStream: true } : {}) });
    });
    socket.on('drain', () => {
      waiting?.();
      waiting = undefined;
    });
    const send = async () => {
      await new Promise<void>((ready) => {
        waiting = ready;
        socket.once('connect', ready);
      });
      if (settled) return;
      socket.write('zINSTREAM\0');
      sending = true;
      for await (const chunk of content) {
        for (let at = 0; at < chunk.length && !settled; at += MAX_CHUNK) {
          const part = chunk.subarray(at, at + MAX_CHUNK);
          const length = Buffer.allocUnsafe(4);
          length.writeUInt32BE(part.length);
          socket.cork();
          socket.write(length);
          const more = socket.write(part);
          socket.uncork();
          if (!more) await new Promise<void>((ready) => (waiting = ready));
        }
        if (settled) return;
      }
      socket.write(TERMINATOR);
    };
    send().catch((error: Error) => settle({ status: 'refused', reason: `unreadable: ${error.message}` }));
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
