import { defineConfig } from 'tsup';

// Three entries: the isomorphic core, the Node adapters and the CLI.
// Each is emitted as ESM (.js) and CJS (.cjs) with .d.ts / .d.cts beside it.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'node/index': 'src/node/index.ts',
    'cli/main': 'src/cli/main.ts',
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
