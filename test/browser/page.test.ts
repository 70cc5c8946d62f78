import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
 * after the page has loaded it makes no network request at all.
 */
const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const ARTEFACTS = join(ROOT, '.tmp/web');
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
      await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests.filter((r) => r.afterLoad)).toEqual([]);
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
      await page.waitForFunction((expected) => document.querySelector('#report')?.textContent === expected, `${JSON.stringify(JSON.parse(en.stdout()), null, 2)}\n`, { timeout: 30_000 });
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
});
