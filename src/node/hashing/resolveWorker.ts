import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the built worker can sit relative to the module that runs this code:
 * the engine is bundled into `dist/node/index.*`, a shared `dist/chunk-*`, or
 * `dist/cli/main.*`, and the worker is always `dist/node/hashWorker.*`.
 */
const CANDIDATES = ['./hashWorker', './node/hashWorker', '../node/hashWorker'] as const;

let cached: URL | null | undefined;

/**
 * Finds the built hashing worker (`dist/node/hashWorker.js`, or `.cjs` from
 * the CommonJS build) relative to this module's URL. Running from TypeScript
 * source (vitest, a REPL with a loader) there is no built worker and this
 * returns `null`: the engine then hashes on the calling thread.
 *
 * @param base - The URL to resolve from; defaults to this module's URL.
 * @returns The worker's file URL, or `null` when there is none.
 * @example
 * resolveWorkerUrl()?.href // 'file:///…/node_modules/dangan/dist/node/hashWorker.js'
 */
export function resolveWorkerUrl(base: string = import.meta.url): URL | null {
  if (base === import.meta.url && cached !== undefined) return cached;
  const extensions = base.endsWith('.cjs') ? ['.cjs', '.js'] : ['.js', '.cjs'];
  let found: URL | null = null;
  if (base.startsWith('file:')) {
    outer: for (const candidate of CANDIDATES) {
      for (const extension of extensions) {
        const url = new URL(candidate + extension, base);
        if (existsSync(fileURLToPath(url))) {
          found = url;
          break outer;
        }
      }
    }
  }
  if (base === import.meta.url) cached = found;
  return found;
}
