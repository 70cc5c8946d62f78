/**
 * dangan/browser: package sources over `File`/`Blob` — a folder from a
 * directory picker and a `.zip` read lazily in slices — hashed with
 * WebAssembly (hash-wasm), on the calling thread or in a pool of Web Workers,
 * for `validatePackage` of the core in a browser.
 * One validator, two sources: the same checks as `dangan/node`.
 *
 * @module
 */
export { openFileListSource, type BlobFile, type BlobSourceOptions } from './fileListSource.js';
export { openZipBlobSource } from './zipBlobSource.js';
export { digestChunks, type ChunksDigest } from './digestChunks.js';
export { runDigestTask, type DigestTask, type DigestTaskResult } from './digestTask.js';
export type { StoredBytes } from './storedBytes.js';
export { createWorkerHasher, inThreadHasher, serveDigestTasks, type BlobHasher, type DigestWorker } from './hasher.js';
