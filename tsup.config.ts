import { defineConfig } from 'tsup';

// Entries: the isomorphic core (with and without English), the Node adapters, the CLI and the hashing worker.
// Each is emitted as ESM (.js) and CJS (.cjs) with .d.ts / .d.cts beside it.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // What browser bundlers get for `dangan` (the `browser` export condition): zh-CN messages only.
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
  clean: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
  shims: true,
});
