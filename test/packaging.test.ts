import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltDist } from './builtDist.js';

/**
 * Packs the library as npm would publish it, installs the tarball's files into
 * a throw-away project and imports them from ESM and CJS; then runs publint
 * and @arethetypeswrong/cli on the tarball. The project sits under `.tmp/` so
 * dependencies (zod, …) resolve from this repository without a network.
 */
const repo = resolve(__dirname, '..');
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
let workdir: string;
let tarball: string;
let installed: string;
// Packs dist/ as it is: a missing or stale build is skipped with the reason printed (never rebuilt here,
// which would rewrite dist/ under other test files running in parallel). `.ci/run` builds first.
const DIST = requireBuiltDist('the published package');

beforeAll(() => {
  if (!DIST.fresh) return;
  mkdirSync(join(repo, '.tmp'), { recursive: true });
  workdir = mkdtempSync(join(repo, '.tmp', 'pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workdir], { cwd: repo, encoding: 'utf8' });
  const [{ filename }] = JSON.parse(out) as [{ filename: string }];
  tarball = join(workdir, filename);
  installed = join(workdir, 'project', 'node_modules', 'dangan');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  writeFileSync(join(workdir, 'project', 'package.json'), '{"name":"consumer","private":true}');
}, 180_000);

afterAll(() => {
  if (workdir) rmSync(workdir, { recursive: true, force: true });
});

describe.skipIf(!DIST.fresh)(`the published package${DIST.reason}`, () => {
  it('ships dist for core, node, browser and cli, and nothing from src or test', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/node/index.js', 'dist/node/index.cjs', 'dist/browser/index.js', 'dist/browser/index.cjs', 'dist/browser/index.d.ts', 'dist/browser/index.d.cts', 'dist/cli/main.js', 'dist/cli/main.cjs']) {
      expect(files, f).toContain(`package/${f}`);
    }
    expect(files.some((f) => f.startsWith('package/src/') || f.startsWith('package/test/'))).toBe(false);
  });

  it('ships the guides the README links to, and says where the project lives', () => {
    const files = new Set(execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n'));
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\((docs\/[^)#]+\.md)\)/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(5);
    for (const doc of linked) expect(files, doc).toContain(`package/${doc}`);
    expect(files.has('package/docs/api/index.html')).toBe(false);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { repository?: { url?: string }; homepage?: string; bugs?: { url?: string } };
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs?.url).toMatch(/\/issues$/);
  });

  it('imports from ESM and from CJS with the same API', () => {
    const project = join(workdir, 'project');
    const esm = execFileSync(
      'node',
      ['--input-type=module', '-e', "import * as d from 'dangan'; import * as n from 'dangan/node'; import * as b from 'dangan/browser'; console.log(JSON.stringify([d.VERSION, typeof d.buildReport, typeof n.openDirectorySource, typeof b.openZipBlobSource]))"],
      { cwd: project, encoding: 'utf8' },
    );
    const cjs = execFileSync(
      'node',
      ['-e', "const d = require('dangan'); const n = require('dangan/node'); const b = require('dangan/browser'); console.log(JSON.stringify([d.VERSION, typeof d.buildReport, typeof n.openDirectorySource, typeof b.openZipBlobSource]))"],
      { cwd: project, encoding: 'utf8' },
    );
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    expect(JSON.parse(esm)).toEqual([pkg.version, 'function', 'function', 'function']);
    expect(JSON.parse(cjs)).toEqual(JSON.parse(esm));
  });

  it('runs the bin from the installed package', () => {
    const out = execFileSync('node', [join(installed, 'dist', 'cli', 'main.js'), '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('declares the CommonJS CLI as the bin, and its chunks load one another without the ES module loader (start-up)', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.dangan).toBe('./dist/cli/main.cjs');
    const cjs = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.cjs'));
    const lazyImports = cjs.filter((f) => /\bimport\(['"]\.\.?\//.test(readFileSync(join(installed, f.replace(/^package\//, '')), 'utf8')));
    expect(lazyImports).toEqual([]);
    // A command that loads its modules lazily (validate, catalogue, English messages) runs from the bin.
    const help = execFileSync('node', [join(installed, pkg.bin.dangan!), 'catalogue', '--help', '--lang', 'en'], { encoding: 'utf8' });
    expect(help).toContain('dangan catalogue check');
  });

  it('passes publint with no errors', () => {
    const out = execFileSync(bin('publint'), [installed, '--level', 'error'], { encoding: 'utf8' });
    expect(out).not.toMatch(/Errors:/);
  });

  it('passes @arethetypeswrong/cli for node16 and bundler resolution', () => {
    // node10 resolution is out of scope (engines: node >= 20); every other problem fails.
    const out = execFileSync(bin('attw'), [tarball, '--profile', 'node16', '--format', 'json'], { encoding: 'utf8' });
    const { problems } = JSON.parse(out) as { problems: Record<string, { resolutionKind?: string }[]> };
    const relevant = Object.values(problems).flat().filter((p) => p.resolutionKind !== 'node10');
    expect(relevant).toEqual([]);
  });
});
