import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsup';

/**
 * The CommonJS chunks load each other with `require`, not `import()`: esbuild
 * keeps a lazy `import('./chunk.cjs')` as it is, and the first one starts
 * Node's ES module loader (its own modules compiled, every chunk resolved,
 * read and wrapped asynchronously) — about 30 ms of CPU at each start of the
 * CLI, whose `bin` is the CommonJS build (docs/performance.md, start-up).
 * Only relative chunk paths are rewritten; a package is still `import()`ed.
 * The code's named exports are read either way (`m.validateCommand`).
 */
function requireLazyChunks(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.cjs')) continue;
    const path = join(entry.parentPath, entry.name);
    const code = readFileSync(path, 'utf8');
    const rewritten = code.replace(/\bimport\((['"])(\.\.?\/[^'"]+\.cjs)\1\)/g, 'Promise.resolve().then(() => require($1$2$1))');
    if (rewritten !== code) writeFileSync(path, rewritten);
  }
}

// Entries: the isomorphic core (with and without English), the Node adapters,
// the CLI and the hashing worker. Each is emitted as ESM (.js) and CJS (.cjs)
// with .d.ts / .d.cts beside it.
const library = defineConfig({
  entry: {
    index: 'src/index.ts',
    // What browser bundlers get for `require('dangan')`: zh-CN messages only.
    core: 'src/core.ts',
    // English messages, for browser apps that register them (docs/architecture.md).
    'locales/en': 'src/report/messages/en/index.ts',
    'node/index': 'src/node/index.ts',
    // Sources over File/Blob for browsers (no node: imports).
    'browser/index': 'src/browser/index.ts',
    'cli/main': 'src/cli/main.ts',
    // The hashing worker thread, loaded by file URL from the engine (src/node/hashing/).
    'node/hashWorker': 'src/node/hashWorker.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  // Not dist/modules/, which the second build writes at the same time.
  clean: ['!modules/**'],
  target: 'node20',
  splitting: true,
  treeshake: true,
  shims: true,
  onSuccess: async () => requireLazyChunks('dist'),
});

// The isomorphic core for browser bundlers (`import … from 'dangan'` under the
// `browser` condition): one ES module per source module, not bundled, so an
// app's bundler keeps only the modules it reaches — a function brings its own
// area's code and messages and no zod unless it validates (bench/bundle-size.mjs).
const browserModules = defineConfig({
  entry: ['src/**/*.ts', '!src/node/**', '!src/cli/**', '!src/**/_build/**', '!src/index.ts'],
  outDir: 'dist/modules',
  format: ['esm'],
  bundle: false,
  dts: false,
  sourcemap: false,
  clean: true,
  target: 'es2022',
});

export default [library, browserModules];
