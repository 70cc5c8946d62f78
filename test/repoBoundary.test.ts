import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A fresh clone has no sibling folders: no test, bench, example or script may
 * read outside the repository. This scans their sources for absolute paths of
 * the development machine and for relative paths (in `new URL(…, import.meta.url)`
 * and `join/resolve(import.meta.dirname, …)`) that climb above the repository root.
 */
const ROOT = resolve(import.meta.dirname, '..');
const SCANNED = ['test', 'bench', 'examples', '.ci', 'src/model/_build', 'scripts'];
const SKIPPED = new Set(['node_modules', 'fixtures', 'data', 'dist']);
const CODE = /\.(?:[cm]?[jt]s|sh)$|^run$/;

function* sources(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) yield* sources(path);
    } else if (CODE.test(entry.name)) yield path;
  }
}

// Built from parts so that this file does not match itself.
const FORBIDDEN: readonly RegExp[] = [
  new RegExp(['\\.\\.', 'shared'].join('/')), // the old sibling corpus
  new RegExp(`['"\`]/${'work'}/`), // the development machine's workspace
  new RegExp(`['"\`]/${'home'}/`),
  new RegExp(`['"\`]/${'Users'}/`),
];

/** String literals passed to `new URL(…, import.meta.url)` or `join|resolve(import.meta.dirname|__dirname, …)`. */
function relativeTargets(text: string): string[][] {
  const out: string[][] = [];
  for (const m of text.matchAll(/new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g)) out.push([m[2]!]);
  for (const m of text.matchAll(/\b(?:join|resolve)\(\s*(?:import\.meta\.dirname|__dirname)\s*((?:,\s*(['"])[^'"]*\2\s*)+)[,)]/g)) {
    out.push([...m[1]!.matchAll(/(['"])([^'"]*)\1/g)].map((s) => s[2]!));
  }
  return out;
}

const insideRoot = (path: string) => path === ROOT || path.startsWith(ROOT + sep);

describe('nothing reads outside the repository', () => {
  const files = SCANNED.flatMap((dir) => [...sources(join(ROOT, dir))]);

  it('scans the tests, benches, examples and scripts', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith(join('test', 'package', 'bagit', 'conformance.test.ts')))).toBe(true);
  });

  it('names no sibling folder and no absolute path of a development machine', () => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (FORBIDDEN.some((re) => re.test(line)) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('resolves every relative path literal inside the repository', () => {
    const escapes: string[] = [];
    for (const file of files) {
      for (const parts of relativeTargets(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), ...parts);
        if (!insideRoot(target)) escapes.push(`${relative(ROOT, file)}: ${parts.join(', ')}`);
      }
    }
    expect(escapes).toEqual([]);
  });

  it('catches the pattern it guards against', () => {
    const probe = `new URL('../../../${'shared'}/corpus/x/', import.meta.url)`;
    const [parts] = relativeTargets(probe);
    expect(insideRoot(resolve(join(ROOT, 'test', 'cli'), ...parts!))).toBe(false);
    expect(FORBIDDEN.some((re) => re.test(probe))).toBe(true);
  });
});
