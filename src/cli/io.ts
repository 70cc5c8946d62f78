/** Where a CLI command writes and reads; injected so tests can run commands in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Reads all of standard input as text. */
  readStdin(): Promise<string>;
}

/** One `dangan` sub-command. */
export interface CliCommand {
  /** Name as typed after `dangan`. */
  name: string;
  /** One-line description for `dangan --help`. */
  summary: string;
  /** Usage text printed on `dangan <name> --help` and on a usage error. */
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Exit codes of the CLI contract (design.md). */
export const EXIT = { valid: 0, invalid: 1, usage: 2 } as const;

/**
 * Thrown by a command for bad arguments or input that cannot be opened: exit code 2.
 *
 * @example
 * throw new UsageError('exactly one <path> is needed') // the CLI prints usage, exits 2
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Thrown when the report cannot be written (`--output` inside the input, a
 * missing folder, a folder, a full disk): exit code 2, one line on stderr, no usage text.
 *
 * @example
 * throw new OutputError('--output is inside the package being validated')
 */
export class OutputError extends Error {
  override name = 'OutputError';
}
