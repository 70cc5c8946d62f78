import { availableParallelism } from 'node:os';
import { UsageError, type CliIo } from './io.js';

/**
 * Reads `--jobs N`: a positive integer, capped at the number of cores
 * (`os.availableParallelism()`). A higher value is lowered with one warning on
 * stderr: each job is a hashing worker thread, and `--jobs 1000` started
 * 1,000 threads (7.3 GB, issue 23).
 *
 * @param value - The raw option value, or undefined.
 * @param io - Where the warning goes.
 * @param cores - The core count (injected by tests).
 * @returns The job count, or undefined when not given.
 * @throws UsageError when the value is not a positive integer.
 * @example
 * parseJobs('1000', io, 2) //=> 2, and stderr says why
 */
export function parseJobs(value: string | undefined, io: Pick<CliIo, 'stderr'>, cores: number = availableParallelism()): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a positive integer, not ${value}`);
  if (jobs <= cores) return jobs;
  io.stderr.write(`dangan: --jobs ${jobs} is more than the ${cores} cores of this machine; using ${cores}\n`);
  return cores;
}
