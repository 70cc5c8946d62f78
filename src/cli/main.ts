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
for (const stream of [process.stdout, process.stderr]) stream.on('error', ignoreClosedPipe);

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
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
        process.stderr.write(`dangan: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exitCode = 2;
      },
    );
}
