/**
 * The page's hashing worker: runs the digest tasks of `createWorkerHasher`
 * (read, inflate, check and hash a file's slices) off the page's main thread.
 * Bundled by web/build.mjs into the page's script and started from a blob:
 * URL, so starting it is no network request.
 */
import { serveDigestTasks } from '../src/browser/index.js';

serveDigestTasks(self as unknown as Parameters<typeof serveDigestTasks>[0]);
