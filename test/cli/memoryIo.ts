import type { CliIo } from '../../src/cli/io.js';

/**
 * An in-memory CliIo for running commands in-process: collects what a command
 * writes and serves a fixed standard input.
 */
export function memoryIo(stdin = '', tty = false): { io: CliIo; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (s: string) => out.push(s), isTTY: tty },
      stderr: { write: (s: string) => err.push(s), isTTY: tty },
      readStdin: async () => stdin,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
