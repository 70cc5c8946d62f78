import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * No built worker under vitest: bundles the hashing worker entry from source into `dir`,
 * as tsup does, so the tests run the pool itself.
 *
 * @param dir - A temp folder of the test.
 * @returns The worker's file URL, for `digestFiles`' `workerUrl`.
 */
export async function bundleHashWorker(dir: string): Promise<URL> {
  const outfile = join(dir, 'hashWorker.mjs');
  await build({ entryPoints: ['src/node/hashWorker.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
  return pathToFileURL(outfile);
}
