import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, relative, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { openDirectorySource } from '../../src/node/index.js';
import { validatePackage } from '../../src/package/index.js';
import type { Report } from '../../src/report/index.js';
import { memoryIo } from '../cli/memoryIo.js';

/**
 * The page in a real browser (issue 21): Debian's chromium, driven by
 * playwright-core, loads the page built by `npm run web` from a local HTTP
 * server, is handed the example packages as zips through the file input, and
 * shows the verdict and the Report of `validatePackage` over the directory;
 * after the page has loaded it makes no network request at all (its hashing
 * workers start from a blob: URL the page makes in memory).
 */
const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
// Screenshots and downloads of the runs, kept for a person to look at (git-ignored).
const ARTEFACTS = join(ROOT, 'test-artifacts/web');
let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  // A real component: fail, never skip, when it is missing (.ci/run installs chromium).
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium`);
  execFileSync(process.execPath, [join(ROOT, 'web/build.mjs')], { stdio: 'inherit' });
  const dist = join(ROOT, 'dist-web');
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json' };
  server = createServer((req, res) => {
    const path = normalize(join(dist, new URL(req.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html')));
    if (!path.startsWith(dist) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  mkdirSync(ARTEFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Every file of a folder, zipped by yazl (deflated). */
async function zipFolder(root: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const d of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!d.isFile()) continue;
    const abs = join(d.parentPath, d.name);
    zip.addBuffer(readFileSync(abs), relative(root, abs).split(sep).join('/'), { mtime: new Date(Date.UTC(2024, 0, 1)) });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let scratch: string | undefined;
afterAll(() => scratch && rmSync(scratch, { recursive: true, force: true }));
/** The valid example with each 正文.pdf grown to 192 MiB (its fixity then fails; every byte is still hashed and scanned). */
function largeFolder(): string {
  const folder = join((scratch ??= mkdtempSync(join(tmpdir(), 'dangan-page-'))), 'large');
  if (existsSync(folder)) return folder;
  cpSync(join(ROOT, 'examples/packages/valid'), folder, { recursive: true });
  const big = Buffer.alloc(192 << 20, 0x20);
  for (const d of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (d.name !== '正文.pdf') continue;
    readFileSync(join(d.parentPath, d.name)).copy(big);
    writeFileSync(join(d.parentPath, d.name), big);
  }
  return folder;
}

const essence = (r: Report) => ({ valid: r.valid, checks: r.checks.map((c) => `${c.id}:${c.status}`), issues: r.issues.map((i) => `${i.code} ${i.path ?? ''}`) });

describe('the page in headless chromium', () => {
  it.each([
    ['valid', true],
    ['faulty', false],
  ] as const)('shows the Report of the %s example package, with no request after load', async (name, valid) => {
    const folder = join(ROOT, 'examples/packages', name);
    const expected = essence(await validatePackage(await openDirectorySource(folder)));
    expect(expected.valid).toBe(valid);
    const page = await browser.newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Every request the page makes, split at the load event: the listener sees the page's own loads.
      const requests: { url: string; afterLoad: boolean }[] = [];
      let loaded = false;
      page.on('request', (r) => requests.push({ url: r.url(), afterLoad: loaded }));
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      loaded = true;
      expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/', '/app.js']);
      await page.setInputFiles('#zip', { name: `${name}.zip`, mimeType: 'application/zip', buffer: await zipFolder(folder) });
      await page.waitForSelector('#verdict[data-valid]', { timeout: 60_000 });
      expect(await page.getAttribute('#verdict', 'data-valid')).toBe(String(valid));
      const shown = JSON.parse((await page.textContent('#report')) ?? '') as Report;
      expect(essence(shown)).toEqual(expected);
      expect(await page.textContent('#summary')).not.toBe('');
      const screenshot = join(ARTEFACTS, `${name}-report.png`);
      rmSync(screenshot, { force: true });
      await page.screenshot({ path: screenshot, fullPage: true });
      // A PNG (signature, RFC 2083 §3.1) of a whole page, not an empty file.
      const png = readFileSync(screenshot);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.length).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      // The only loads after the load event are the hashing workers' script, from a blob: URL the page made
      // itself (in memory, no network); nothing else, and nothing to any other origin.
      const afterLoad = requests.filter((r) => r.afterLoad).map((r) => r.url);
      expect(afterLoad.filter((url) => !url.startsWith(`blob:${origin}/`))).toEqual([]);
      expect(new Set(afterLoad).size).toBeLessThanOrEqual(1);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('downloads the JSON report `dangan validate --format json` gives for the same zip', async () => {
    const bytes = await zipFolder(join(ROOT, 'examples/packages/faulty'));
    const zipPath = join(ARTEFACTS, 'faulty.zip');
    writeFileSync(zipPath, bytes);
    const m = memoryIo();
    expect(await run(['validate', zipPath, '--format', 'json'], m.io)).toBe(1);
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      await page.setInputFiles('#zip', { name: 'faulty.zip', mimeType: 'application/zip', buffer: bytes });
      await page.waitForSelector('#verdict[data-valid]', { timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
      const saved = join(ARTEFACTS, 'faulty.report.json');
      await download.saveAs(saved);
      expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(JSON.parse(m.stdout()));
      // The English switch re-checks the package: the messages of `--lang en`.
      const en = memoryIo();
      await run(['validate', zipPath, '--format', 'json', '--lang', 'en'], en.io);
      expect(en.stdout()).not.toBe(m.stdout());
      await page.selectOption('#lang', 'en');
      await page.waitForFunction(() => document.querySelector('#report')?.textContent?.includes('"message"') && document.documentElement.lang === 'en' && document.querySelector('#verdict')?.getAttribute('data-valid') !== null);
      await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
      expect(JSON.parse((await page.textContent('#report')) ?? '')).toEqual(JSON.parse(en.stdout()));
      expect(await page.textContent('#report')).toBe(`${JSON.stringify(JSON.parse(en.stdout()), null, 2)}\n`);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('checks a zip dropped on the page', async () => {
    const folder = join(ROOT, 'examples/packages/valid');
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      const bytes = [...(await zipFolder(folder))];
      await page.evaluate((data) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(data)], 'valid.zip', { type: 'application/zip' }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, bytes);
      await page.waitForSelector('#verdict[data-valid]', { timeout: 60_000 });
      expect(await page.getAttribute('#verdict', 'data-valid')).toBe('true');
    } finally {
      await page.close();
    }
  }, 120_000);

  it('checks a folder chosen with the directory picker (webkitRelativePath) as the directory source does', async () => {
    const folder = join(ROOT, 'examples/packages/faulty');
    const expected = essence(await validatePackage(await openDirectorySource(folder)));
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      await page.setInputFiles('#folder', folder);
      await page.waitForSelector('#verdict[data-valid]', { timeout: 60_000 });
      expect(essence(JSON.parse((await page.textContent('#report')) ?? '') as Report)).toEqual(expected);
      expect(await page.getAttribute('#progress', 'value')).toBe(await page.getAttribute('#progress', 'max'));
    } finally {
      await page.close();
    }
  }, 120_000);

  it('stays responsive while a large package is hashed on Web Workers', async () => {
    const folder = largeFolder();
    const page = await browser.newPage();
    try {
      const requests: string[] = [];
      // One worker: the main thread still only hands out work, and the rate stays steady to the end (an ETA to see).
      await page.goto(`${origin}/?workers=1`, { waitUntil: 'load' });
      page.on('request', (r) => requests.push(r.url()));
      // The longest the main thread went without running a 20 ms timer, from the choice to the verdict.
      await page.evaluate(() => {
        const w = window as unknown as { longestGap: number };
        w.longestGap = 0;
        let last = performance.now();
        setInterval(() => {
          const now = performance.now();
          w.longestGap = Math.max(w.longestGap, now - last);
          last = now;
        }, 20);
      });
      await page.setInputFiles('#folder', folder);
      // While it runs, the page answers and its progress bar moves.
      const answers: number[] = [];
      const seen = new Set<string>();
      const etas: string[] = [];
      let hashingSince: number | undefined;
      let firstEta: number | undefined;
      for (;;) {
        const asked = Date.now();
        const state = await page.evaluate(() => ({
          value: (document.querySelector('#progress') as HTMLProgressElement).value,
          eta: document.querySelector('#eta')?.textContent ?? '',
          done: document.querySelector('#verdict')?.hasAttribute('data-valid'),
        }));
        answers.push(Date.now() - asked);
        if (state.done) break;
        seen.add(String(state.value));
        if (state.value > 0) hashingSince ??= Date.now();
        if (state.eta) etas.push(state.eta);
        if (state.eta && hashingSince !== undefined) firstEta ??= Date.now() - hashingSince;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await page.getAttribute('#verdict', 'data-valid')).toBe('false');
      expect(seen.size).toBeGreaterThanOrEqual(3);
      expect(Number(await page.getAttribute('#progress', 'data-workers'))).toBeGreaterThanOrEqual(1);
      // Generous bounds: a main thread that hashed 576 MiB itself would hold them for seconds at a time.
      expect(Math.max(...answers)).toBeLessThan(2000);
      expect(await page.evaluate(() => (window as unknown as { longestGap: number }).longestGap)).toBeLessThan(1000);
      expect(requests.filter((url) => !url.startsWith(`blob:${origin}/`))).toEqual([]);
      // The ETA appears once stable (the CLI's estimator: 2 s in and four predicted finishing times 0.5 s apart within
      // 10 %, so 3.5 s into a steady hash), then goes. One worker hashes the three 192 MiB files in turn at a steady
      // rate; run 3 times under load (average 17–19), hashing took 4.3–4.9 s and an ETA came 3.9 s in once; a fourth
      // run hashed for 6.9 s and showed one 4.6 s in (with 96 MiB
      // files and the old estimator, which compared times left: 8–13 s, and up to 8.8 s without one). A hash that
      // lasts 6 s leaves room for 3.5 s under load. A faster machine may finish first; the estimator itself is tested in
      // test/cli/progress.test.ts.
      const hashing = Date.now() - (hashingSince ?? Date.now());
      console.log(`page: 576 MiB hashed in about ${hashing} ms; ETAs shown: ${etas.length}, the first ${firstEta ?? '-'} ms in (${etas.slice(0, 3).join(' | ')})`);
      for (const text of etas) expect(text).toMatch(/^剩余约 \d/);
      if (hashing >= 6_000) expect(etas.length).toBeGreaterThan(0);
      expect(await page.textContent('#eta')).toBe('');
    } finally {
      await page.close();
    }
  }, 300_000);

  it('cancels a check under way: the page returns to ready, and checks the next package', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      expect(await page.getAttribute('body', 'data-state')).toBe('ready');
      expect(await page.isDisabled('#cancel')).toBe(true);
      await page.setInputFiles('#folder', largeFolder());
      await page.waitForFunction(() => document.body.dataset.state === 'checking' && Number((document.querySelector('#progress') as HTMLProgressElement).value) > 0, undefined, { timeout: 60_000 });
      await page.click('#cancel');
      await page.waitForSelector('body[data-state="ready"]', { timeout: 10_000 });
      expect(await page.textContent('#status')).toContain('cancelled');
      expect(await page.getAttribute('#verdict', 'data-valid')).toBeNull();
      expect(await page.textContent('#report')).toBe('');
      expect(await page.getAttribute('#progress', 'value')).toBe('0');
      expect(await page.isDisabled('#cancel')).toBe(true);
      // Cancelled for good: the verdict never comes.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await page.getAttribute('#verdict', 'data-valid')).toBeNull();
      // And the page is ready for the next package.
      await page.setInputFiles('#zip', { name: 'valid.zip', mimeType: 'application/zip', buffer: await zipFolder(join(ROOT, 'examples/packages/valid')) });
      await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
      expect(await page.getAttribute('#verdict', 'data-valid')).toBe('true');
    } finally {
      await page.close();
    }
  }, 300_000);

  it('groups the issues by 四性 aspect and filters them by severity and by check', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      await page.setInputFiles('#zip', { name: 'faulty.zip', mimeType: 'application/zip', buffer: await zipFolder(join(ROOT, 'examples/packages/faulty')) });
      await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
      const report = JSON.parse((await page.textContent('#report')) ?? '') as Report;
      const where = (i: Report['issues'][number]) => (i.path === undefined ? '' : i.location ? `${i.path}:${i.location.line}:${i.location.column}` : i.path);
      const row = (i: Report['issues'][number]) => `${i.aspect} ${i.severity} ${i.checkId} ${i.code} ${where(i)}`;
      const visible = () =>
        page.$$eval('#issues li.issue', (rows) =>
          rows
            .filter((r) => !r.hasAttribute('hidden') && !r.closest('section')?.hidden)
            .map((r) => `${r.closest('section')?.dataset.aspect} ${r.dataset.severity} ${r.dataset.check} ${r.dataset.code} ${r.querySelector('.where')?.textContent ?? ''}`),
        );
      const expectShown = async (issues: Report['issues']) => {
        expect((await visible()).sort()).toEqual(issues.map(row).sort());
        expect(await page.textContent('#shown')).toContain(`showing ${issues.length} of ${report.issues.length}`);
      };
      // Everything at first, each issue under its aspect, with its file and line:column.
      expect(report.issues.length).toBeGreaterThan(1);
      await expectShown(report.issues);
      // By severity: errors off, then back on.
      await page.uncheck('input[name="severity"][value="error"]');
      await expectShown(report.issues.filter((i) => i.severity !== 'error'));
      await page.check('input[name="severity"][value="error"]');
      await expectShown(report.issues);
      // By check: every check with issues in turn, then with its issues' severity off.
      const checks = report.checks.filter((c) => (c.issues?.length ?? 0) > 0);
      expect(checks.length).toBeGreaterThan(1);
      for (const check of checks) {
        await page.selectOption('#filter-check', check.id);
        await expectShown(report.issues.filter((i) => i.checkId === check.id));
      }
      const last = checks.at(-1)?.id;
      for (const severity of ['error', 'warning', 'info']) await page.uncheck(`input[name="severity"][value="${severity}"]`);
      await expectShown([]);
      expect(await page.$$eval('#issues section', (sections) => sections.filter((s) => !s.hasAttribute('hidden')).length)).toBe(0);
      await page.check('input[name="severity"][value="error"]');
      await expectShown(report.issues.filter((i) => i.checkId === last && i.severity === 'error'));
      await page.selectOption('#filter-check', '');
      await expectShown(report.issues.filter((i) => i.severity === 'error'));
      // The checks left to a person are listed.
      const manual = report.checks.filter((c) => c.status === 'manual').map((c) => c.id);
      expect(manual.length).toBeGreaterThan(0);
      expect(await page.$$eval('#manual li', (items) => items.map((li) => li.getAttribute('data-check')))).toEqual(manual);
      // An issue in an XML file shows its file and line:column.
      await page.setInputFiles('#folder', join(ROOT, 'test/fixtures/packages/cases/metadata.length--title'));
      await page.waitForFunction(() => document.body.dataset.state === 'done' && document.querySelector('#report')?.textContent?.includes('"location"'), undefined, { timeout: 60_000 });
      const located = (JSON.parse((await page.textContent('#report')) ?? '') as Report).issues.filter((i) => i.location !== undefined);
      expect(located.length).toBeGreaterThan(0);
      expect(await page.$$eval('#issues .where', (nodes) => nodes.map((n) => n.textContent))).toEqual(expect.arrayContaining(located.map(where)));
      expect(located.map(where).every((w) => /:\d+:\d+$/.test(w))).toBe(true);
    } finally {
      await page.close();
    }
  }, 120_000);
});
