#!/usr/bin/env node
/**
 * The `dangan` binary: argv -> public API -> formatter -> exit code.
 * `--version` is answered before anything else is loaded, to start fast.
 *
 * @module
 */
import { VERSION } from '../version.js';

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
          const chunks: Buffer[] = [];
          for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
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
