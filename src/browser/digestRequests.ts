import type { DigestOptions, DigestRequest, DigestResult } from '../package/source.js';
import type { DigestTask, DigestTaskResult } from './digestTask.js';
import type { BlobHasher } from './hasher.js';
import type { StoredBytes } from './storedBytes.js';

/** What a source knows of a requested path: its size, and its bytes or why they cannot be read. */
export type OpenedFile = { size: number } & ({ stored: StoredBytes } | { error: string });

/** Progress is reported at most this often while bytes are hashed (and after every batch). */
const PROGRESS_MS = 200;
/** A batch (one message to a worker) holds at most this many files and, past its first file, this many bytes. */
const BATCH_FILES = 64;
const BATCH_BYTES = 8 << 20;

/**
 * Hashes the requested files on `hasher` (up to `hasher.jobs` and
 * `options.jobs` batches at once), giving results in request order whatever
 * the finishing order, with progress as bytes are hashed. Neighbouring
 * requests go in batches (at most {@link BATCH_FILES} files and about
 * {@link BATCH_BYTES} bytes, fewer when the package is small, so every worker
 * gets a share): many small files cost one message to a worker, and a zip's
 * neighbouring members are read with one request. Shared by the folder and
 * zip sources.
 *
 * @param open - The file's size and bytes, or an error; `undefined` when it is not a file of the package.
 * @param onResult - Sees each task's result before it is given (the zip source records CRC-32 mismatches).
 * @throws The reason of `options.signal` when it is aborted.
 * @example
 * yield* digestWith(inThreadHasher, requests, options, (path) => ({ size, stored }));
 */
export async function* digestWith(
  hasher: BlobHasher,
  requests: readonly DigestRequest[],
  options: DigestOptions | undefined,
  open: (path: string) => OpenedFile | undefined,
  onResult?: (path: string, result: DigestTaskResult) => void,
): AsyncGenerator<DigestResult> {
  const signal = options?.signal;
  const files = requests.map((r) => open(r.path));
  const progress = { files: 0, totalFiles: requests.length, bytes: 0, totalBytes: files.reduce((sum, f) => sum + (f?.size ?? 0), 0) };
  const jobs = Math.max(1, Math.min(hasher.jobs, options?.jobs ?? hasher.jobs));
  const batches = batchesOf(files, jobs === 1 ? BATCH_BYTES : Math.min(BATCH_BYTES, Math.ceil(progress.totalBytes / (4 * jobs))));
  let hashing = 0;
  let reported = Date.now();
  const onBytes = (bytes: number) => {
    hashing += bytes;
    if (!options?.onProgress || Date.now() - reported < PROGRESS_MS) return;
    reported = Date.now();
    options.onProgress({ ...progress, bytes: Math.min(progress.totalBytes, progress.bytes + hashing) });
  };
  type Done = { results: DigestResult[]; hashed: number };
  const one = async (batch: readonly number[]): Promise<Done> => {
    const tasks: DigestTask[] = [];
    const taskOf: (number | undefined)[] = [];
    for (const i of batch) {
      const file = files[i];
      const request = requests[i] as DigestRequest;
      if (!file || 'error' in file) taskOf.push(undefined);
      else taskOf.push(tasks.push({ ...file.stored, algorithms: request.algorithms, ...(request.scan ? { scan: request.scan } : {}) }) - 1);
    }
    let hashed = 0;
    const counting = (bytes: number) => ((hashed += bytes), onBytes(bytes));
    let taskResults: DigestTaskResult[];
    try {
      taskResults = tasks.length === 0 ? [] : await hasher.run(tasks, { onBytes: counting, ...(signal ? { signal } : {}) });
    } catch (error) {
      signal?.throwIfAborted();
      taskResults = tasks.map(() => ({ bytes: 0, digests: {}, error: (error as Error).message }));
    }
    const results = batch.map((i, k): DigestResult => {
      const path = (requests[i] as DigestRequest).path;
      const file = files[i];
      if (!file) return { path, bytes: 0, digests: {}, error: 'not a file in the package' };
      if ('error' in file) return { path, bytes: 0, digests: {}, error: file.error };
      const result = taskResults[taskOf[k] as number] as DigestTaskResult;
      onResult?.(path, result);
      const { crcMismatch: _crc, ...digest } = result;
      return { path, ...digest };
    });
    return { results, hashed };
  };
  const running = new Map<number, Promise<Done>>();
  let next = 0;
  // A slot is refilled as soon as any batch ends, so a large file does not hold the others back.
  const start = (): void => {
    if (next >= batches.length || signal?.aborted) return;
    const b = next++;
    const done = one(batches[b] as number[]);
    running.set(b, done);
    done.then(start, () => undefined);
  };
  for (let k = 0; k < jobs; k++) start();
  for (let b = 0; b < batches.length; b++) {
    const { results, hashed } = await (running.get(b) ?? Promise.reject(signal?.reason));
    running.delete(b);
    hashing -= hashed;
    for (const [k, result] of results.entries()) {
      progress.bytes += files[(batches[b] as number[])[k] as number]?.size ?? 0;
      yield result;
      progress.files++;
    }
    options?.onProgress?.({ ...progress });
  }
}

/** Request indices in batches of neighbours: at most {@link BATCH_FILES} files, and no more than `bytes` past a batch's first file. */
function batchesOf(files: readonly (OpenedFile | undefined)[], bytes: number): number[][] {
  const batches: number[][] = [];
  let size = 0;
  for (const [i, file] of files.entries()) {
    const batch = batches.at(-1);
    const length = file && 'stored' in file ? file.stored.length : 0;
    if (batch && batch.length < BATCH_FILES && size + length <= bytes) {
      batch.push(i);
      size += length;
    } else {
      batches.push([i]);
      size = length;
    }
  }
  return batches;
}
