// Bundles the hostile-input harness (corpus, case runner, fuzz targets: TypeScript) with esbuild
// into a temp file and imports it, so plain Node scripts (generate.mjs, measure.mjs,
// test/fuzz/campaign.mjs) run the library from source without a build.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForNode } from '../bundleForNode.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Builds (once per call) and imports test/hostile/harness.ts.
 * @param {string} [outDir] - Where to put the bundle (a fresh temp folder by default).
 * @returns {Promise<typeof import('./harness.ts')>}
 */
export async function loadBundle(outDir = mkdtempSync(join(tmpdir(), 'dangan-harness-'))) {
  const outfile = join(outDir, 'harness.mjs');
  // paths.ts resolves everything from test/hostile/.
  await bundleForNode(join(here, 'harness.ts'), outfile, { 'import.meta.dirname': JSON.stringify(here) });
  return import(pathToFileURL(outfile).href);
}

/** The bundle path for child processes: `node <bundle> run <case> <root>`. */
export { here as harnessDir };
