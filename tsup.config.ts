import { defineConfig } from 'tsup';

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
