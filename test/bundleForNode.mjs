// One esbuild call shared by the scripts and tests that run the library from source in plain
// Node or in a child process (test/hostile/bundle.mjs, test/hostile/cliProcess.ts,
// test/fuzz/campaign.mjs): everything bundled into one ESM file for Node 20, with a `require`
// for the CommonJS dependencies, so the bundle runs from a temp folder where bare imports
// would not resolve.
import { build } from 'esbuild';

/**
 * Bundles one TypeScript entry for Node.
 * @param {string} entry - Absolute path of the entry module.
 * @param {string} outfile - Where the bundle is written.
 * @param {Record<string, string>} [define] - esbuild `define` replacements.
 * @returns {Promise<string>} The outfile.
 */
export async function bundleForNode(entry, outfile, define = {}) {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    define,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}
