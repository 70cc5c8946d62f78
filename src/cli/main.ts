#!/usr/bin/env node
/**
 * The `dangan` binary: argv -> public API -> formatter -> exit code.
 * `--version` is answered before anything else is loaded, to start fast.
 *
 * @module
 */
import { VERSION } from '../version.js';

// A reader that stops early (`dangan validate … | head`) closes the pipe: the rest of the output is
// dropped without a stack trace, and the exit code still says whether the package is valid.
// Any other write failure (ENOSPC on a full disk, EIO) means the report was not delivered: one line
// on stderr and exit 2 — never 1, which would read as "invalid package".
let outputFailed = false;
process.stdout.on('error', onOutputError);
process.stderr.on('error', ignoreClosedPipe);
process.on('exit', () => {
  if (outputFailed) process.exitCode = 2;
});

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') outputFailed = true;
}

function onOutputError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || outputFailed) return;
  outputFailed = true;
  try {
    process.stderr.write(`dangan: cannot write to standard output: ${error.code ?? error.message}\n`);
  } catch {
    // stderr is gone too; the exit code still says it.
  }
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  import('./run.js')
    .then(({ run }) =>
      run(argv, {
        stdout: process.stdout,
        stderr: process.stderr,
        readStdin: async () => {
          // Bounded as an input file is (docs/security.md, bounded readers): never a string too long for the runtime.
          const { MAX_INPUT_BYTES } = await import('./readInput.js');
          const chunks: Buffer[] = [];
          let bytes = 0;
          for await (const chunk of process.stdin) {
            bytes += (chunk as Buffer).length;
            if (bytes > MAX_INPUT_BYTES) throw new Error(`standard input is over the limit of ${MAX_INPUT_BYTES} bytes; not read`);
            chunks.push(chunk as Buffer);
          }
          return Buffer.concat(chunks).toString('utf8');
        },
      }),
    )
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        if (isOutputFailure(error)) {
          onOutputError(error as NodeJS.ErrnoException);
          return;
        }
        process.stderr.write(`dangan: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exitCode = 2;
      },
    );
}

// A synchronous write to a file or device as stdout (`> /dev/full`) throws instead of emitting 'error'.
function isOutputFailure(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code === 'ENOSPC' || code === 'EIO' || code === 'EDQUOT' || code === 'EFBIG') && (error as { syscall?: string }).syscall === 'write';
}
