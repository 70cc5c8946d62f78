import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The validator page is published with the docs (issue 21): `npm run docs`
 * builds the typedoc site and then the page into its `validator/` folder,
 * whose home page links to it.
 */
const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'dangan-docs-site-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const typedoc = JSON.parse(readFileSync(join(ROOT, 'docs/typedoc.json'), 'utf8')) as { out: string; readme: string; entryPoints: string[] };
const siteOut = resolve(ROOT, 'docs', typedoc.out);

describe('the page with the docs', () => {
  it('npm run docs builds the page into the validator/ folder of the typedoc site', () => {
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.docs ?? '';
    const [first, second, ...rest] = script.split('&&').map((s) => s.trim());
    expect(rest).toEqual([]);
    expect(first).toBe('typedoc --options docs/typedoc.json');
    const page = /^node web\/build\.mjs (\S+)$/.exec(second ?? '')?.[1];
    expect(page && resolve(ROOT, page)).toBe(join(siteOut, 'validator'));
    expect(typedoc.entryPoints).toContain('../src/browser/index.ts');
  });

  it('the docs home page links to the page', () => {
    const home = readFileSync(resolve(ROOT, 'docs', typedoc.readme), 'utf8');
    expect(home).toContain('](validator/index.html)');
  });

  it('web/build.mjs builds the page into the folder it is given, with its CSP', () => {
    const out = join(scratch, 'api/validator');
    execFileSync(process.execPath, [join(ROOT, 'web/build.mjs'), out]);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain("connect-src 'none'");
    expect(html).toContain('src="app.js"');
    expect(statSync(join(out, 'app.js')).size).toBeGreaterThan(10_000);
  });

  it('the docs build, run as npm run docs runs it, holds the page and links to it', () => {
    // typedoc into a scratch folder (never the working tree's docs/api), then the page into its validator/.
    const site = join(scratch, 'site');
    execFileSync(join(ROOT, 'node_modules/.bin/typedoc'), ['--options', 'docs/typedoc.json', '--out', site], { cwd: ROOT, stdio: 'pipe' });
    execFileSync(process.execPath, [join(ROOT, 'web/build.mjs'), join(site, 'validator')]);
    expect(statSync(join(site, 'validator/index.html')).size).toBeGreaterThan(0);
    expect(statSync(join(site, 'validator/app.js')).size).toBeGreaterThan(10_000);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('href="validator/index.html"');
  }, 300_000);
});
