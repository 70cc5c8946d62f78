import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEntryCsv, readDigitisationCatalogue, checkDigitisation as checkBatch, digitisationChecks, sampleIndexes } from '../../src/digitisation/index.js';
import { checkDigitisation, openBatchDirectory } from '../../src/node/index.js';
// @ts-expect-error -- a plain .mjs script, no types
import { FAULTS, code } from '../fixtures/digitisation/generate.mjs';

const FIXTURES = join(import.meta.dirname, '../fixtures/digitisation');
const batch = (name: string) => join(FIXTURES, name, 'batch');
const catalogueOf = (name: string, file = 'catalogue.csv') => join(FIXTURES, name, file);
type Fault = { entry: number | null; file: string | null; code: string };

describe('checkDigitisation: a valid batch', () => {
  it('passes from the CSV and from 目录文件.XML alike, every check passed or manual', async () => {
    for (const file of ['catalogue.csv', '目录文件.XML']) {
      const result = await checkDigitisation(batch('valid'), catalogueOf('valid', file));
      expect(result.report.issues.filter((i) => i.severity !== 'info'), file).toEqual([]);
      expect(result.report.valid).toBe(true);
      expect(result.layout).toBe('folder-per-code');
      expect(result.report.checks.filter((c) => c.status === 'failed')).toEqual([]);
      expect(result.report.checks.filter((c) => c.status === 'manual').map((c) => c.id)).toEqual(['digitisation.manual.skew', 'digitisation.manual.cleanliness', 'digitisation.manual.completeness']);
      expect(result.statistics).toMatchObject({ files: 8, pages: 8, pagesByFormat: { jpeg: 8 }, pagesByColourMode: { colour: 8 }, pagesByDpi: { '300': 8 } });
      expect(result.entries.map((e) => [e.archivalCode, e.pageCount, e.pages, e.passed])).toEqual([[code(1), 3, 3, true], [code(2), 2, 2, true], [code(3), 1, 1, true], [code(4), 2, 2, true]]);
    }
  });

  it('detects the code-page and file-per-code layouts and counts pages inside multi-page files', async () => {
    const flat = await checkDigitisation(batch('code-page'), catalogueOf('code-page'));
    expect(flat.layout).toBe('code-page');
    expect(flat.report.valid).toBe(true);
    const multi = await checkDigitisation(batch('multipage'), catalogueOf('multipage', '目录文件.XML'));
    expect(multi.layout).toBe('file-per-code');
    expect(multi.report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(multi.entries.map((e) => e.pages)).toEqual([2, 3]);
    expect(multi.statistics.pagesByFormat).toEqual({ tiff: 2, pdf: 3 });
  });

  it('reports a wrong 页数 of a multi-page file', async () => {
    const catalogue = { entries: [{ archivalCode: code(1), pageCount: 3 }, { archivalCode: code(2), pageCount: 3 }] };
    const result = await checkDigitisation(batch('multipage'), catalogue);
    const issue = result.report.issues.find((i) => i.code === 'digitisation.page-count-mismatch');
    expect(issue).toMatchObject({ path: `${code(1)}.tif`, expected: 3, received: { pages: 2 } });
  });

  it('a forced layout that does not fit leaves every file an orphan and every entry without images', async () => {
    const result = await checkDigitisation(batch('valid'), catalogueOf('valid'), { layout: 'code-page' });
    expect(result.report.issues.filter((i) => i.code === 'digitisation.file-orphan')).toHaveLength(8);
    expect(result.report.issues.filter((i) => i.code === 'digitisation.entry-no-images')).toHaveLength(4);
  });
});

describe('checkDigitisation: one planted fault per check', () => {
  let result: Awaited<ReturnType<typeof checkDigitisation>>;
  beforeAll(async () => {
    result = await checkDigitisation(batch('faults'), catalogueOf('faults', '目录文件.XML'), { colourMode: 'colour' });
  });

  it.each(Object.entries(FAULTS as Record<string, Fault>))('%s is found at its file and entry', (_name, fault) => {
    const found = result.report.issues.filter((i) => i.code === fault.code && (fault.file === null || i.path === fault.file));
    expect(found.length, JSON.stringify(result.report.issues.map((i) => [i.code, i.path]))).toBeGreaterThan(0);
    if (fault.entry !== null) {
      const entry = result.entries.find((e) => e.archivalCode === code(fault.entry as number));
      expect(entry?.problems).toContain(fault.code);
      expect(entry?.passed).toBe(false);
    }
  });

  it('lists the missing and the extra page numbers', () => {
    const mismatch = result.report.issues.filter((i) => i.code === 'digitisation.page-count-mismatch');
    expect(mismatch.map((i) => [i.path, i.expected, i.received])).toEqual([
      [code(1), 3, { pages: 2, missing: [2], extra: [] }],
      [code(2), 2, { pages: 3, missing: [], extra: [3] }],
    ]);
    expect(result.report.issues.find((i) => i.code === 'digitisation.page-gap')).toMatchObject({ path: code(1), received: [2] });
  });

  it('is invalid, with each failed check named and nothing else wrong', () => {
    expect(result.report.valid).toBe(false);
    const failed = result.report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
    expect(failed.sort()).toEqual(['digitisation.colour-mode', 'digitisation.duplicate', 'digitisation.format', 'digitisation.integrity', 'digitisation.link', 'digitisation.page-count', 'digitisation.page-sequence', 'digitisation.resolution'].sort());
    // Every entry but none carries a fault: all nine fail, each for its own reason.
    expect(result.entries.filter((e) => e.passed)).toEqual([]);
  });

  it('without a required colour mode, the grayscale page is an outlier warning', async () => {
    const relaxed = await checkDigitisation(batch('faults'), catalogueOf('faults'));
    expect(relaxed.report.issues.find((i) => i.code === 'digitisation.colour-mode-outlier')).toMatchObject({ severity: 'warning', path: FAULTS.grayscale.file, received: 'grayscale', expected: 'colour' });
  });

  it('severity per check: resolution relaxed to a warning, duplicates off (skipped)', async () => {
    const relaxed = await checkDigitisation(batch('faults'), catalogueOf('faults'), { severity: { 'digitisation.resolution': 'warning', 'digitisation.duplicate': 'off' } });
    expect(relaxed.report.issues.find((i) => i.code === 'digitisation.dpi-low')?.severity).toBe('warning');
    expect(relaxed.report.issues.some((i) => i.code === 'digitisation.duplicate')).toBe(false);
    expect(relaxed.report.checks.find((c) => c.id === 'digitisation.duplicate')?.status).toBe('skipped');
  });

  it('300 dpi with ocr: every page at 300 passes, the 150 dpi page fails', async () => {
    const ocr = await checkDigitisation(batch('faults'), catalogueOf('faults'), { ocr: true });
    expect(ocr.report.issues.filter((i) => i.code === 'digitisation.dpi-low').map((i) => [i.path, i.expected])).toEqual([[FAULTS.lowDpi.file, 300]]);
    const strict = await checkDigitisation(batch('valid'), catalogueOf('valid'), { minDpi: 400 });
    expect(strict.report.issues.filter((i) => i.code === 'digitisation.dpi-low')).toHaveLength(8);
  });

  it('master copies must be TIFF', async () => {
    const master = await checkDigitisation(batch('valid'), catalogueOf('valid'), { purpose: 'master' });
    expect(master.report.issues.filter((i) => i.code === 'digitisation.format-not-allowed')).toHaveLength(8);
  });

  it('writes the per-entry 验收 CSV', () => {
    const lines = formatEntryCsv(result.entries).split('\r\n');
    expect(lines[0]).toBe('\uFEFF档号,页数,图像文件数,图像页数,最低分辨率dpi,最高分辨率dpi,色彩模式,已检,合格,问题');
    expect(lines[3]).toBe(`${code(3)},2,2,2,150,300,colour,是,否,digitisation.dpi-low`);
  });
});

describe('checkDigitisation: sampling (抽检)', () => {
  it('is reproducible by seed, names the sampled files and compares the pass rate with the threshold', async () => {
    const run = (seed: number) => checkDigitisation(batch('faults'), catalogueOf('faults'), { sample: { count: 3 }, seed, threshold: 0.5 });
    const [a, b] = [await run(7), await run(7)];
    expect(a.sample?.entries).toEqual(b.sample?.entries);
    expect(a.sample?.entries).toHaveLength(3);
    expect(a.sample?.entries).toEqual(sampleIndexes(9, 3, 7).map((i) => code(i + 1)));
    expect(a.entries.filter((e) => e.checked)).toHaveLength(3);
    // Every entry of this batch has a fault: a pass rate of 0 rejects it.
    expect(a.sample).toMatchObject({ passed: 0, passRate: 0, accepted: false });
    expect(a.report.issues.find((i) => i.code === 'digitisation.sample-rejected')?.severity).toBe('error');
    const inspect = a.report.issues.find((i) => i.code === 'digitisation.inspect');
    for (const file of a.sample?.files ?? []) expect(inspect?.message).toContain(file);
    // Only sampled entries' images were read.
    expect(a.statistics.filesRead).toBeLessThan(a.statistics.files);
  });

  it('accepts a clean batch', async () => {
    const result = await checkDigitisation(batch('valid'), catalogueOf('valid'), { sample: { percent: 50 }, seed: 3 });
    expect(result.sample).toMatchObject({ passRate: 1, accepted: true });
    expect(result.sample?.entries).toHaveLength(2);
    expect(result.report.valid).toBe(true);
  });

  it('sampleIndexes: a seeded partial shuffle, sorted, no repeats', () => {
    const picked = sampleIndexes(1000, 50, 42);
    expect(new Set(picked).size).toBe(50);
    expect(picked).toEqual([...picked].sort((x, y) => x - y));
    expect(sampleIndexes(1000, 50, 43)).not.toEqual(picked);
  });
});

describe('checkDigitisation: sources', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'dangan-digitisation-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('a zip of the faults batch gives the same issues as the folder', async () => {
    const zipPath = join(tmp, 'faults.zip');
    await new Promise<void>((done, fail) => {
      const zip = new yazl.ZipFile();
      const walk = (dir: string): void => {
        for (const name of readdirSync(dir)) {
          const full = join(dir, name);
          if (statSync(full).isDirectory()) walk(full);
          else zip.addBuffer(readFileSync(full), relative(batch('faults'), full), { mtime: new Date(0) });
        }
      };
      walk(batch('faults'));
      zip.end();
      const chunks: Buffer[] = [];
      zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        writeFileSync(zipPath, Buffer.concat(chunks));
        done();
      }).on('error', fail);
    });
    const fromZip = await checkDigitisation(zipPath, catalogueOf('faults'), { colourMode: 'colour' });
    const fromDir = await checkDigitisation(batch('faults'), catalogueOf('faults'), { colourMode: 'colour' });
    const key = (r: typeof fromZip) => r.report.issues.map((i) => `${i.code} ${i.path}`).sort();
    expect(key(fromZip)).toEqual(key(fromDir));
  });

  it('the core takes any BatchSource and an in-memory catalogue', async () => {
    const source = await openBatchDirectory(batch('valid'));
    const catalogue = readDigitisationCatalogue(readFileSync(catalogueOf('valid')), 'catalogue.csv', 'en');
    const result = await checkBatch(source, catalogue, { locale: 'en' });
    expect(result.report.valid).toBe(true);
    expect(result.report.issues[0]?.message).toBe('Image layout: folder-per-code (8 of 8 files fit it)');
  });

  it('reports a duplicate 档号 in the catalogue and a catalogue row that cannot be read', async () => {
    const csv = readFileSync(catalogueOf('valid'), 'utf8').trimEnd() + `\r\n5,${code(1)},,某区档案馆,重复,20240102,,3,\r\n6,,,某区档案馆,无档号,20240102,,1,\r\n`;
    const result = await checkBatch(await openBatchDirectory(batch('valid')), readDigitisationCatalogue(new TextEncoder().encode(csv), 'c.csv'));
    expect(result.report.issues.find((i) => i.code === 'digitisation.catalogue-code-duplicate')).toMatchObject({ received: code(1) });
    expect(result.report.checks.find((c) => c.id === 'digitisation.catalogue')?.status).toBe('failed');
    // The row without 档号 is reported by the CSV reader, with its line, and left out.
    expect(result.report.issues.some((i) => i.path === 'c.csv' && i.location?.line === 7)).toBe(true);
    expect(result.entries).toHaveLength(5);
  });

  it('every issue code the checks list exists in the message catalogue', async () => {
    const { issueCatalogue } = await import('../../src/report/messages/index.js');
    for (const check of Object.values(digitisationChecks)) for (const c of check.codes) if (!c.endsWith('*')) expect(issueCatalogue).toHaveProperty([c]);
    const { digitisationCheckOfCode } = await import('../../src/digitisation/index.js');
    for (const c of Object.keys(issueCatalogue).filter((k) => k.startsWith('digitisation.'))) expect(digitisationCheckOfCode(c), c).toBeDefined();
  });
});

describe('checkDigitisation: duplicates over an in-memory source', () => {
  it('reports each copy against the first file with the same bytes, not a same-sized different file', async () => {
    const { createHash } = await import('node:crypto');
    const { readerOver } = await import('../../src/digitisation/index.js');
    const jpeg = readFileSync(join(FIXTURES, `valid/batch/${code(1)}/0001.jpg`));
    const other = Buffer.from(jpeg);
    other[other.length - 3] = (other[other.length - 3]! + 1) % 256; // same size, other bytes
    const files = new Map<string, Uint8Array>([
      [`${code(1)}/0001.jpg`, jpeg],
      [`${code(1)}/0002.jpg`, other],
      [`${code(2)}/0001.jpg`, jpeg],
      [`${code(3)}/0001.jpg`, jpeg],
    ]);
    const source = {
      name: 'memory',
      entries: async () => [...files].map(([path, bytes]) => ({ path, kind: 'file' as const, size: bytes.length })),
      open: async (path: string) => readerOver(files.get(path)!),
      async *digest(paths: readonly string[]) {
        for (const path of paths) yield { path, sha256: createHash('sha256').update(files.get(path)!).digest('hex') };
      },
    };
    const catalogue = { entries: [{ archivalCode: code(1), pageCount: 2 }, { archivalCode: code(2), pageCount: 1 }, { archivalCode: code(3), pageCount: 1 }] };
    const result = await checkBatch(source, catalogue);
    expect(result.report.issues.filter((i) => i.code === 'digitisation.duplicate').map((i) => [i.path, i.expected])).toEqual([
      [`${code(2)}/0001.jpg`, `${code(1)}/0001.jpg`],
      [`${code(3)}/0001.jpg`, `${code(1)}/0001.jpg`],
    ]);
  });
});
