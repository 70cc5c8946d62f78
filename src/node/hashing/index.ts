/**
 * The parallel hashing engine of `dangan/node`: worker threads, reused read
 * buffers, every algorithm per read, results in request order.
 *
 * @module
 */
export { digestFiles, type DigestFilesOptions, type FileToHash } from './digestFiles.js';
export { hashFileSync, READ_SIZE, type FileDigest } from './hashFileSync.js';
export { resolveWorkerUrl } from './resolveWorker.js';
