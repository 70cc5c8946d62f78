import { closeSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { temporarySibling } from '../node/build/writeAtomically.js';
import { OutputError } from './io.js';

/** A report being written to `--output`: text goes to a hidden temporary sibling until the run completes. */
export interface ReportFile {
  /** Appends text (a blocking write, so lines written from inside a validation go out at once). */
  write(text: string): void;
  /** Closes the temporary file and renames it over `--output`, so the report appears whole or not at all (a device written directly is closed). */
  commit(): void;
  /** Closes and removes the temporary file; an earlier file at `--output` is left as it was (a device keeps what it was sent). */
  discard(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

// `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: a stream the caller opened (perhaps appending to a file), never replaced.
const SPECIAL = /^\/(dev|proc)\//;

/**
 * Opens `--output` for a report. A new file, or an existing regular file, is written into a
 * temporary sibling in the same folder and renamed into place by {@link ReportFile.commit}, so
 * a run that fails, throws or is interrupted (Ctrl-C, SIGTERM) never leaves a half-written
 * report, or a truncated one in place of an earlier report (the brief: "a failed run leaves
 * nothing half-written"). A symbolic link is followed: the file it points to is replaced and the
 * link stays. Anything else — `/dev/null`, `/dev/stdout` (even redirected to a file), a FIFO,
 * a terminal — is written directly: it cannot be replaced by renaming, and must never be.
 *
 * @param target - The `--output` path (already checked by `checkOutputTarget`).
 * @returns The open report file.
 * @throws OutputError when the file cannot be opened (exit 2).
 * @example
 * const file = openReportFile('report.json')
 * try { file.write(text); file.commit() } finally { file.discard() }
 */
export function openReportFile(target: string): ReportFile {
  const fail = (error: unknown) => new OutputError(`cannot write the report to ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  try {
    const existing = statSync(target, { throwIfNoEntry: false });
    const replaceable = !SPECIAL.test(resolve(target)) && (existing === undefined || existing.isFile());
    return replaceable ? replacingFile(existing ? realpathSync(target) : target, fail) : directFile(target, fail);
  } catch (error) {
    throw error instanceof OutputError ? error : fail(error);
  }
}

/** A regular file: written beside and renamed over `target` at commit. */
function replacingFile(target: string, fail: (error: unknown) => OutputError): ReportFile {
  const temporary = temporarySibling(target);
  let fd: number | undefined = openSync(temporary, 'wx');
  // Interrupted: remove the temporary file, then die of the same signal as without us.
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    process.kill(process.pid, signal);
  };
  for (const signal of SIGNALS) process.once(signal, onSignal);
  const close = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    for (const signal of SIGNALS) process.off(signal, onSignal);
    closeSync(open);
  };
  const release = () => {
    close();
    rmSync(temporary, { force: true });
  };
  let done = false;
  return {
    write: (text) => writeTo(fd as number, text, fail),
    commit() {
      try {
        close();
        renameSync(temporary, target);
        done = true;
      } catch (error) {
        throw fail(error);
      }
    },
    discard() {
      if (!done) release();
    },
  };
}

/**
 * A device, FIFO or terminal: written as it goes; nothing to rename or remove. Opened to append,
 * so `--output /dev/stdout >> ci.log` keeps the log's earlier lines (opening it to write would
 * truncate the file the shell opened).
 */
function directFile(target: string, fail: (error: unknown) => OutputError): ReportFile {
  let fd: number | undefined = openSync(target, 'a');
  const close = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    closeSync(open);
  };
  return { write: (text) => writeTo(fd as number, text, fail), commit: close, discard: close };
}

function writeTo(fd: number, text: string, fail: (error: unknown) => OutputError): void {
  try {
    writeSync(fd, text);
  } catch (error) {
    throw fail(error);
  }
}

/**
 * Writes a whole output file (a report, a CSV, statistics) through {@link openReportFile}:
 * it appears complete at `target` or, when writing fails, not at all.
 *
 * @param target - The output path (already checked by `checkOutputTarget`).
 * @param chunks - The text, in pieces.
 * @throws OutputError when the file cannot be written (exit 2).
 * @example
 * writeReportFile('entries.csv', [csv])
 */
export function writeReportFile(target: string, chunks: Iterable<string>): void {
  const file = openReportFile(target);
  try {
    for (const chunk of chunks) file.write(chunk);
    file.commit();
  } finally {
    file.discard();
  }
}
