// Browser cost of importing single functions from `dangan`: each is bundled alone with
// esbuild (ESM, browser platform, minified, tree-shaken as an app bundler would) from the
// built package (dist/, resolved through package.json `exports` with the `browser`
// condition, as an app's bundler resolves `import … from 'dangan'`), then gzipped (level 9). Prints a table and fails when a function
// is over its budget (issue 17: parseArchivalCode ≤ 20 KB, retentionDates ≤ 25 KB gzip).
//
//   npm run build && node bench/bundle-size.mjs [--json FILE]
//
// "KB" here is 1000 bytes. The whole entry (`import * as dangan`) is shown for scale.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The package's own name: esbuild resolves it to this package through its `exports`.
const ENTRY = 'dangan';

/** What is bundled, and its budget in gzip bytes (none: shown for scale). */
export const CASES = [
  { name: 'parseArchivalCode', code: `import { parseArchivalCode } from ${JSON.stringify(ENTRY)}; globalThis.out = parseArchivalCode('Z109-WS·2011-Y-BGS-0001');`, budget: 20_000 },
  { name: 'retentionDates', code: `import { retentionDates } from ${JSON.stringify(ENTRY)}; globalThis.out = retentionDates({ year: 2015 }, { period: { kind: 'fixed', years: 10 } });`, budget: 25_000 },
  { name: 'formatArchivalCode', code: `import { formatArchivalCode } from ${JSON.stringify(ENTRY)}; globalThis.out = formatArchivalCode;` },
  { name: 'validateCatalogue', code: `import { validateCatalogue } from ${JSON.stringify(ENTRY)}; globalThis.out = validateCatalogue;` },
  { name: 'everything', code: `import * as dangan from ${JSON.stringify(ENTRY)}; globalThis.out = dangan;` },
];

/**
 * Bundles one case and measures it.
 *
 * @param {{ name: string, code: string }} c - The case.
 * @returns {Promise<{ name: string, minified: number, gzip: number, modules: string[] }>}
 */
export async function measure(c) {
  const result = await build({
    stdin: { contents: c.code, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  const inputs = Object.entries(result.metafile.outputs)[0][1].inputs;
  const modules = Object.entries(inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k, v]) => [k.replace(/^.*node_modules\//, 'node_modules/'), v.bytesInOutput]);
  return { name: c.name, minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, modules: modules.sort((a, b) => b[1] - a[1]) };
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = [];
  for (const c of CASES) results.push({ ...(await measure(c)), budget: c.budget });
  console.log('| import | minified | gzip | budget (gzip) |');
  console.log('|---|---:|---:|---:|');
  for (const r of results) console.log(`| \`${r.name}\` | ${kb(r.minified)} | ${kb(r.gzip)} | ${r.budget ? `${kb(r.budget)} ${r.gzip <= r.budget ? 'ok' : 'OVER'}` : '–'} |`);
  if (process.argv.includes('--verbose')) {
    for (const r of results.slice(0, 2)) console.log(`\n${r.name}: largest inputs\n${r.modules.slice(0, 15).map(([m, n]) => `  ${kb(n)}  ${m}`).join('\n')}`);
  }
  const json = process.argv.indexOf('--json');
  if (json > 0) writeFileSync(process.argv[json + 1], JSON.stringify(results, null, 2));
  if (results.some((r) => r.budget !== undefined && r.gzip > r.budget)) process.exitCode = 1;
}
