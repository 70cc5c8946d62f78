import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { temporarySibling } from '../node/build/writeAtomically.js';
import { OutputError } from './io.js';

/** A report being written to `--output`: text goes to a hidden temporary sibling until the run completes. */
export interface ReportFile {
  /** Appends text (a blocking write, so lines written from inside a validation go out at once). */
  write(text: string): void;
  /** Closes the temporary file and renames it over `--output`: the report appears whole or not at all. */
  commit(): void;
  /** Closes and removes the temporary file; an earlier file at `--output` is left as it was. */
  discard(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Opens `--output` for a report. The report is written into a temporary sibling in the same
 * folder and renamed into place by {@link ReportFile.commit}, so a run that fails, throws or is
 * interrupted (Ctrl-C, SIGTERM) never leaves a half-written report, or a truncated one in place
 * of an earlier report (the brief: "a failed run leaves nothing half-written").
 *
 * @param target - The `--output` path (already checked by `checkOutputTarget`).
 * @returns The open report file.
 * @throws OutputError when the temporary file cannot be created (exit 2).
 * @example
 * const file = openReportFile('report.json')
 * try { file.write(text); file.commit() } finally { file.discard() }
 */
export function openReportFile(target: string): ReportFile {
  const fail = (error: unknown) => new OutputError(`cannot write the report to ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  const temporary = temporarySibling(target);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
  } catch (error) {
    throw fail(error);
  }
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
    write(text) {
      try {
        writeSync(fd as number, text);
      } catch (error) {
        throw fail(error);
      }
    },
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
