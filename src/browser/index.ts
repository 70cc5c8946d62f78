/**
 * dangan/browser: package sources over `File`/`Blob` — a folder from a
 * directory picker and a `.zip` read lazily in slices — hashed with
 * WebAssembly (hash-wasm), for `validatePackage` of the core in a browser.
 * One validator, two sources: the same checks as `dangan/node`.
 *
 * @module
 */
export { openFileListSource, type BlobFile } from './fileListSource.js';
export { openZipBlobSource } from './zipBlobSource.js';
export { digestChunks, type ChunksDigest } from './digestChunks.js';
