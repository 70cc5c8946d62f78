import type { DigestOptions, DigestRequest, DigestResult } from '../package/source.js';
import type { DigestTaskResult } from './digestTask.js';
import type { BlobHasher } from './hasher.js';
import type { StoredBytes } from './storedBytes.js';

/** What a source knows of a requested path: its size, and its bytes or why they cannot be read. */
export type OpenedFile = { size: number } & ({ stored: StoredBytes } | { error: string });

/** Progress is reported at most this often while bytes are hashed (and after every file). */
const PROGRESS_MS = 200;

/**
 * Hashes the requested files on `hasher` (up to `hasher.jobs` and
 * `options.jobs` at once), giving results in request order whatever the
 * finishing order, with progress as bytes are hashed and after each file.
 * Shared by the folder and zip sources.
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
  let hashing = 0;
  let reported = Date.now();
  const onBytes = (bytes: number) => {
    hashing += bytes;
    if (!options?.onProgress || Date.now() - reported < PROGRESS_MS) return;
    reported = Date.now();
    options.onProgress({ ...progress, bytes: Math.min(progress.totalBytes, progress.bytes + hashing) });
  };
  const one = async (i: number): Promise<DigestResult & { hashed: number }> => {
    const request = requests[i] as DigestRequest;
    const file = files[i];
    if (!file) return { path: request.path, bytes: 0, digests: {}, error: 'not a file in the package', hashed: 0 };
    if ('error' in file) return { path: request.path, bytes: 0, digests: {}, error: file.error, hashed: 0 };
    let hashed = 0;
    const counting = (bytes: number) => ((hashed += bytes), onBytes(bytes));
    let result: DigestTaskResult;
    try {
      result = await hasher.run({ ...file.stored, algorithms: request.algorithms, ...(request.scan ? { scan: request.scan } : {}) }, { onBytes: counting, ...(signal ? { signal } : {}) });
    } catch (error) {
      signal?.throwIfAborted();
      result = { bytes: 0, digests: {}, error: (error as Error).message };
    }
    onResult?.(request.path, result);
    const { crcMismatch: _crc, ...digest } = result;
    return { path: request.path, ...digest, hashed };
  };
  const jobs = Math.max(1, Math.min(hasher.jobs, options?.jobs ?? hasher.jobs));
  const running = new Map<number, Promise<DigestResult & { hashed: number }>>();
  let next = 0;
  // A slot is refilled as soon as any task ends, so a large file does not hold the others back.
  const start = (): void => {
    if (next >= requests.length || signal?.aborted) return;
    const i = next++;
    const task = one(i);
    running.set(i, task);
    task.then(start, () => undefined);
  };
  for (let k = 0; k < jobs; k++) start();
  for (let i = 0; i < requests.length; i++) {
    const { hashed, ...result } = await (running.get(i) ?? Promise.reject(signal?.reason));
    running.delete(i);
    hashing -= hashed;
    progress.bytes += files[i]?.size ?? 0;
    yield result;
    progress.files++;
    options?.onProgress?.({ ...progress });
  }
}
