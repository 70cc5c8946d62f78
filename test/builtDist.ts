import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Whether `dist/` is built from the current sources, and why not. */
export interface DistState {
  /** The built CLI as `package.json` declares it (`bin`): `dist/cli/main.cjs`. */
  readonly bin: string;
  /** True when the build exists and is newer than every file it is built from. */
  readonly fresh: boolean;
  /** Why the build cannot be used (empty when fresh). */
  readonly reason: string;
}

function newestSource(dir: string): { path: string; mtimeMs: number } {
  let newest = { path: '', mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const { mtimeMs } = statSync(path);
    if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  }
  return newest;
}

/**
 * Checks `dist/` against the sources: tests that run the built binary must not
 * test an old build (other sources changed since `npm run build`) or fail for a
 * missing one. `.ci/run` builds before testing, so CI always runs them.
 *
 * @returns The build's state, with a reason to print when it is missing or stale.
 * @example
 * const DIST = builtDist();
 * describe.skipIf(!DIST.fresh)(`dangan x (built binary)${DIST.reason}`, () => { … });
 */
export function builtDist(): DistState {
  const bin = join(ROOT, 'dist', 'cli', 'main.cjs');
  if (!existsSync(bin)) return { bin, fresh: false, reason: ' — SKIPPED: dist/ is missing; run `npm run build`' };
  const built = statSync(bin).mtimeMs;
  const inputs = [newestSource(join(ROOT, 'src')), ...['package.json', 'tsup.config.ts'].map((f) => ({ path: join(ROOT, f), mtimeMs: statSync(join(ROOT, f)).mtimeMs }))];
  const newer = inputs.find((s) => s.mtimeMs > built);
  if (newer) return { bin, fresh: false, reason: ` — SKIPPED: dist/ is older than ${newer.path.slice(ROOT.length)}; run \`npm run build\`` };
  return { bin, fresh: true, reason: '' };
}

/**
 * {@link builtDist}, printing the reason once on stderr when the build cannot be used,
 * so a skipped binary test is visible in the run's output and not only as a count.
 *
 * @param what - The tests that will be skipped.
 * @returns The build's state.
 * @example
 * const DIST = requireBuiltDist('dangan validate (built binary)');
 */
export function requireBuiltDist(what: string): DistState {
  const state = builtDist();
  if (!state.fresh) console.warn(`[dangan tests] ${what}${state.reason}`);
  return state;
}

/**
 * Puts the built CLI on a PATH as `dangan`: a shell shim in `<work>/bin`, for tests that run
 * shell samples and recipes as users would type them.
 *
 * @param work - A scratch folder of the test.
 * @returns The folder to put first on the PATH.
 */
export function danganOnPath(work: string): string {
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'dangan'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'cli', 'main.cjs')}" "$@"\n`);
  chmodSync(join(bin, 'dangan'), 0o755);
  return bin;
}
