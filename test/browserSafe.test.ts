import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The core entry must run in a browser: bundle `src/index.ts` for
 * `platform: 'browser'` and fail if any Node builtin is reachable, then run the
 * bundle in a bare VM context that has no `Buffer`, `process` or `require`.
 */
describe('core entry is browser-safe', () => {
  it('bundles for the browser with no node: builtin reachable and runs without Node globals', async () => {
    const result = await build({
      entryPoints: ['src/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'dangan',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const builtins = inputs.filter((p) => p.startsWith('node:') || /^(fs|path|crypto|os|stream|worker_threads)$/.test(p));
    expect(builtins).toEqual([]);
    const ownFiles = inputs.filter((p) => p.startsWith('src/'));
    expect(ownFiles.some((p) => p.startsWith('src/node/') || p.startsWith('src/cli/'))).toBe(false);

    const code = result.outputFiles[0]!.text;
    const context: Record<string, unknown> = { TextDecoder, TextEncoder, console, URL, Intl, structuredClone };
    runInNewContext(`${code}\nthis.__api = dangan;`, context);
    const api = context.__api as typeof import('../src/index.js');
    expect(api.VERSION).toMatch(/^\d+\.\d+\.\d+/);
    const report = api.buildReport({ profile: 'browser', issues: [api.createIssue('input.unreadable', { params: { reason: 'x' } })] });
    expect(report.valid).toBe(false);
  });
});
