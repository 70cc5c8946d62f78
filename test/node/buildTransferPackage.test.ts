import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogueXml } from '../../src/formats/catalogue/readCatalogueXml.js';
import { readFixityManifest } from '../../src/formats/fixity/readFixityManifest.js';
import { readItemMetadataXml } from '../../src/formats/itemMetadata/readItemMetadataXml.js';
import type { CatalogueEntry } from '../../src/model/catalogueEntry.js';
import { buildTransferPackage, type TransferPackageItem } from '../../src/node/buildTransferPackage.js';
import { openDirectorySource } from '../../src/node/directorySource.js';
import { openZipSource } from '../../src/node/zipSource.js';
import { validateTransferPackage } from '../../src/package/dat93/validateTransferPackage.js';

let work: string;
const fonds = { fondsCode: 'Z109', fondsName: '某市人民政府办公室', creatingUnit: '某市人民政府办公室' };
const description = { 移交单位: '某市人民政府办公室', 内容描述: '2011年度文书档案', 软硬件环境: 'Windows 10；PDF 阅读器' };

/** A minimal PDF whose bytes differ per item. */
function pdf(n: number): Buffer {
  return Buffer.from(`%PDF-1.4\n% item ${n}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

function entry(n: number): CatalogueEntry {
  return {
    sequenceNumber: n,
    archivalCode: `Z109-WS·2011-Y-BGS-${String(n).padStart(4, '0')}`,
    author: '某市人民政府办公室',
    title: n % 3 === 0 ? `[关于第${n}项工作的]通知` : `关于 <${n}> & "工作" 的通知`,
    date: `201103${String((n % 28) + 1).padStart(2, '0')}`,
    retentionPeriod: 'Y',
    pageCount: (n % 7) + 1,
    ...(n % 5 === 0 ? { securityClassification: '秘密' as const } : {}),
  };
}

/** Items whose files are generated on disk lazily, one at a time. */
function* items(count: number, dir: string): Generator<TransferPackageItem> {
  for (let n = 1; n <= count; n++) {
    const path = join(dir, `${n}.pdf`);
    writeFileSync(path, pdf(n));
    yield { entry: entry(n), files: [{ name: '正文.pdf', path }] };
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dangan-build-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sm3(bytes: Uint8Array): string {
  return createHash('sm3').update(bytes).digest('hex');
}

describe('buildTransferPackage', () => {
  for (const count of [1, 100, 1000]) {
    it(`writes a ${count}-item dat93 package whose catalogue, metadata and digests read back, and which validates`, async () => {
      const src = join(work, `src-${count}`);
      mkdirSync(src);
      const out = join(work, `pkg-${count}`);
      const result = await buildTransferPackage({ fonds, description, items: items(count, src) }, { output: out });
      expect(result.report.issues).toEqual([]);
      expect(result).toMatchObject({ items: count, files: count });

      // 说明文件: computed 档案数量 and 起止档号.
      const text = readFileSync(join(out, '说明文件.TXT'), 'utf8');
      expect(text).toContain(`档案数量：${count}\r\n`);
      expect(text).toContain(`起止档号：${entry(1).archivalCode}${count > 1 ? `至${entry(count).archivalCode}` : ''}\r\n`);

      // 目录文件.XML reads back to the input entries.
      const catalogue = readCatalogueXml(readFileSync(join(out, '目录文件.XML')));
      expect(catalogue.issues).toEqual([]);
      expect(catalogue.records).toEqual(Array.from({ length: count }, (_, i) => entry(i + 1)));

      // Item folders are named by 档号 under 全宗号/门类; one folder per entry.
      expect(readdirSync(join(out, 'Z109', 'WS')).length).toBe(count);

      // 固化验证信息: one SM3 entry per content file, matching the bytes on disk.
      const fixity = readFixityManifest(readFileSync(join(out, '其他', '固化验证信息.XML')));
      expect(fixity.issues).toEqual([]);
      expect(fixity.records).toHaveLength(count);
      for (const record of fixity.records.slice(0, 50)) {
        const bytes = readFileSync(join(out, ...record.path.split('/')));
        expect(record).toMatchObject({ algorithm: 'sm3', digest: sm3(bytes), bytes: bytes.length });
      }

      // Metadata of the last item: 文件实体 with the entry's values and the file's digest.
      const last = entry(count);
      const meta = readItemMetadataXml(readFileSync(join(out, 'Z109', 'WS', last.archivalCode, '电子档案元数据.XML')));
      expect(meta.issues).toEqual([]);
      expect(meta.metadata?.description).toMatchObject({ title: last.title, date: last.date, author: last.author });
      expect(meta.metadata?.archivalCode).toMatchObject({ code: last.archivalCode, fondsCode: 'Z109', year: '2011', retentionPeriod: '永久', organization: 'BGS', agencyItemNumber: count });
      const file = meta.metadata?.documents[0].data[0].encodings[0];
      expect(file).toEqual({ fileName: '正文.pdf', fileSize: pdf(count).length, digest: { algorithm: 'sm3', value: sm3(pdf(count)) } });

      const report = await validateTransferPackage(await openDirectorySource(out));
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(report.valid).toBe(true);
    });
  }

  it('writes the same package as a zip (SHA-256, GB18030, 2012 element set) that validates', async () => {
    const src = join(work, 'src-zip');
    mkdirSync(src);
    const zip = join(work, 'pkg.zip');
    const result = await buildTransferPackage(
      { fonds, description, items: items(20, src) },
      { output: zip, zip: true, algorithm: 'sha256', encoding: 'GB18030', edition: '2012', mtime: new Date('2024-01-01T00:00:00Z') },
    );
    expect(result.report.valid).toBe(true);
    const source = await openZipSource(zip);
    const paths = (await source.entries()).filter((e) => e.kind === 'file').map((e) => e.path);
    expect(paths).toContain('说明文件.TXT');
    expect(paths).toContain(`Z109/WS/${entry(7).archivalCode}/正文.pdf`);
    const catalogueBytes = await source.read('目录文件.XML');
    expect(new TextDecoder('gb18030').decode(catalogueBytes).startsWith('<?xml version="1.0" encoding="GB18030"?>')).toBe(true);
    const fixity = readFixityManifest(await source.read('其他/固化验证信息.XML'));
    const digest = createHash('sha256').update(pdf(7)).digest('hex');
    expect(fixity.records.find((r) => r.path.endsWith(`${entry(7).archivalCode}/正文.pdf`))).toMatchObject({ algorithm: 'sha256', digest });
    const report = await validateTransferPackage(source);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('leaves out and reports items it cannot package, keeping 档案数量 = entries = folders', async () => {
    const src = join(work, 'src-bad');
    mkdirSync(src);
    const good = [...items(3, src)];
    const out = join(work, 'pkg-bad');
    const result = await buildTransferPackage(
      {
        fonds,
        description,
        items: [
          good[0]!,
          { entry: { ...entry(9), archivalCode: 'A/9' }, files: good[1]!.files },
          { entry: good[0]!.entry, files: good[1]!.files },
          { entry: entry(10), files: [] },
          { entry: entry(11), files: [{ name: '正文.pdf', path: join(src, 'missing.pdf') }] },
          { entry: { ...entry(12), title: 'bell\u0007' }, files: good[2]!.files },
          good[2]!,
        ],
      },
      { output: out, locale: 'en' },
    );
    expect(result.report.issues.map((i) => i.code)).toEqual([
      'build.folder-name-invalid',
      'build.archival-code-duplicate',
      'build.entry-without-files',
      'build.file-unreadable',
      'export.value.unrepresentable',
    ]);
    expect(result.report.valid).toBe(false);
    // Nothing is written when an item is left out (issue 15): no package, no temporary sibling.
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((name) => name.includes('pkg-bad'))).toEqual([]);
  });

  it('streams content: packaging a 256 MiB file (directory and zip) does not hold it in memory', async () => {
    const big = join(work, 'big.bin');
    const size = 256 * 1024 * 1024;
    writeFileSync(big, '');
    truncateSync(big, size); // sparse: zeros, no disk blocks
    // Not .bin: validation (which build now runs on what it wrote) takes .bin for an ELF executable.
    const item = { entry: entry(1), files: [{ name: '正文.dat', path: big }] };
    for (const zip of [false, true]) {
      const before = process.memoryUsage();
      let peak = 0;
      const timer = setInterval(() => {
        const now = process.memoryUsage();
        peak = Math.max(peak, now.arrayBuffers + now.heapUsed);
      }, 5);
      const out = join(work, zip ? 'big.zip' : 'big-dir');
      const result = await buildTransferPackage({ fonds, description, items: [item] }, { output: out, zip });
      clearInterval(timer);
      if (zip) {
        // 256 MiB of zeros zip to a ratio validate refuses as a zip bomb: the build refuses it too, leaving nothing.
        expect(result.report.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toContain('limits.compression-ratio');
        expect(existsSync(out)).toBe(false);
      } else {
        expect(result.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(result.report.valid).toBe(true);
      }
      expect(result.bytes).toBe(size);
      // Well under the file's size: content passes through in chunks.
      expect(peak - (before.arrayBuffers + before.heapUsed)).toBeLessThan(64 * 1024 * 1024);
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses to write into a non-empty output', async () => {
    const out = join(work, 'busy');
    mkdirSync(out);
    writeFileSync(join(out, 'x'), 'x');
    const result = await buildTransferPackage({ fonds, description, items: [] }, { output: out });
    expect(result.report.issues[0]?.code).toBe('build.output-exists');
    expect(readdirSync(out)).toEqual(['x']);
  });
});
