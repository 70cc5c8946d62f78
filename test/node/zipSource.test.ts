import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDirectorySource } from '../../src/node/directorySource.js';
import { openZipSource } from '../../src/node/zipSource.js';
import { validatePackage } from '../../src/package/validatePackage.js';
import { encodeGb18030 } from '../../src/xml/gb18030.js';
// @ts-expect-error -- plain JS fixture helper without types
import { buildZip } from '../fixtures/packages/zip.mjs';

type Member = { name: string | Uint8Array; data?: Uint8Array | string; raw?: boolean; encrypted?: boolean; unixMode?: number; deflate?: boolean; localExtra?: Uint8Array };
const zip = buildZip as (members: Member[]) => Buffer;

const tmp = mkdtempSync(join(tmpdir(), 'dangan-zip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cases = join(import.meta.dirname, '../fixtures/packages/cases');

/** Zips a directory as a zip tool would: files and links, folders implied; names UTF-8 or (gbk) raw GB18030. */
function zipDirectory(dir: string, names: 'utf-8' | 'gbk' = 'utf-8'): string {
  const members: Member[] = [];
  const walk = (rel: string) => {
    for (const child of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${child}` : child;
      const stats = lstatSync(join(dir, path));
      const name = names === 'gbk' ? encodeGb18030(path) : path;
      if (stats.isSymbolicLink()) members.push({ name, data: readlinkSync(join(dir, path)), unixMode: 0o120777 });
      else if (stats.isDirectory()) walk(path);
      else members.push({ name, data: readFileSync(join(dir, path)) });
    }
  };
  walk('');
  const file = join(tmp, `${dir.split('/').pop()}-${names}.zip`);
  writeFileSync(file, zip(members));
  return file;
}

async function reportOf(source: Awaited<ReturnType<typeof openZipSource>>) {
  try {
    return await validatePackage(source);
  } finally {
    await source.close?.();
  }
}

describe('openZipSource', () => {
  it('decodes GBK names without the UTF-8 flag, lists implied folders, flags encryption, links and backslashes', async () => {
    const file = join(tmp, 'entries.zip');
    writeFileSync(
      file,
      zip([
        { name: encodeGb18030('档案/说明.txt'), data: 'gbk' }, // raw GB18030, no flag
        { name: '文书/正文.pdf', data: '%PDF-1.7' }, // UTF-8 flag
        { name: 'a\\b.txt', data: 'x' },
        { name: 'link.pdf', data: '/etc/passwd', unixMode: 0o120777 },
        { name: 'secret.txt', data: Buffer.concat([Buffer.alloc(12), Buffer.from('hidden')]), encrypted: true },
        { name: '../escape.txt', data: 'x' },
      ]),
    );
    const source = await openZipSource(file);
    const byPath = Object.fromEntries((await source.entries()).map((e) => [e.path, e]));
    expect(byPath['档案']).toMatchObject({ kind: 'directory' });
    expect(byPath['档案/说明.txt']).toMatchObject({ kind: 'file', size: 3, nameEncoding: 'gb18030', renamed: true });
    expect(byPath['文书/正文.pdf']).toMatchObject({ kind: 'file', size: 8 });
    expect(byPath['文书/正文.pdf']?.nameEncoding).toBeUndefined();
    expect(byPath['a/b.txt']).toMatchObject({ kind: 'file', renamed: true });
    expect(byPath['link.pdf']).toMatchObject({ kind: 'symlink', size: 0 });
    expect(byPath['secret.txt']).toMatchObject({ kind: 'file', encrypted: true, size: 6 });
    expect(byPath['../escape.txt']).toMatchObject({ kind: 'file' });
    expect(byPath['..']).toBeUndefined(); // no folder invented around an unsafe path
    expect(new TextDecoder().decode(await source.read('档案/说明.txt'))).toBe('gbk');
    await expect(source.read('secret.txt')).rejects.toThrow(/encrypted/);
    await expect(source.read('link.pdf')).rejects.toThrow(/no file entry/);
    await expect(source.read('文书/正文.pdf', { maxBytes: 4 })).rejects.toThrow(/over the limit/);
    const chunks: Uint8Array[] = [];
    for await (const chunk of source.stream('文书/正文.pdf')) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString()).toBe('%PDF-1.7');
    const results = [];
    for await (const r of source.digest([{ path: '文书/正文.pdf', algorithms: ['sha256', 'sm3'] }, { path: 'secret.txt', algorithms: ['md5'] }])) results.push(r);
    expect(results[0]).toEqual({
      path: '文书/正文.pdf',
      bytes: 8,
      digests: { sha256: createHash('sha256').update('%PDF-1.7').digest('hex'), sm3: createHash('sm3').update('%PDF-1.7').digest('hex') },
    });
    expect(results[1]?.error).toMatch(/encrypted/);
    await source.close?.();
  });

  it('digests stored members in place and deflated ones through inflation, in request order, scanning the stored ones', async () => {
    const pdf = (n: number) => `%PDF-1.7\n${'x'.repeat(n)}\n/Encrypt 1 0 R\n%%EOF\n`;
    const file = join(tmp, 'mixed.zip');
    writeFileSync(
      file,
      zip([
        // A local extra field the central directory does not have: the data starts after it.
        { name: 'a.pdf', data: pdf(3000), localExtra: new Uint8Array([0xfe, 0xca, 4, 0, 1, 2, 3, 4]) },
        { name: 'b.pdf', data: pdf(5000), deflate: true },
        { name: 'c.txt', data: 'plain' },
      ]),
    );
    const source = await openZipSource(file);
    const requests = ['c.txt', 'b.pdf', 'a.pdf'].map((path) => ({ path, algorithms: ['sm3' as const], scan: { limit: 1 << 20 } }));
    const results = [];
    for await (const r of source.digest(requests)) results.push(r);
    await source.close?.();
    const sm3 = (text: string) => createHash('sm3').update(text).digest('hex');
    expect(results.map((r) => [r.path, r.bytes, r.digests.sm3, r.error])).toEqual([
      ['c.txt', 5, sm3('plain'), undefined],
      ['b.pdf', pdf(5000).length, sm3(pdf(5000)), undefined],
      ['a.pdf', pdf(3000).length, sm3(pdf(3000)), undefined],
    ]);
    // Stored members are scanned on the reads that hash them; a deflated one is left to the core's own scan.
    expect(results[2]?.scan?.format).toBe('pdf');
    expect([...(results[2]?.scan?.markers ?? [])]).toEqual(['pdf-encrypt']);
    expect(results[1]?.scan).toBeUndefined();
  });

  it('gives an error result, not a throw, for a stored member whose bytes run past the end of the zip', async () => {
    const whole = zip([{ name: 'a.pdf', data: 'x'.repeat(1000) }]);
    // The central directory (after the 30-byte local header, the 5-byte name and the data) claims 5,000 bytes.
    const central = 30 + 5 + 1000;
    whole.writeUInt32LE(5000, central + 20);
    whole.writeUInt32LE(5000, central + 24);
    const file = join(tmp, 'overrun.zip');
    writeFileSync(file, whole);
    const source = await openZipSource(file);
    expect((await source.entries()).find((e) => e.path === 'a.pdf')?.size).toBe(5000);
    const results = [];
    for await (const r of source.digest([{ path: 'a.pdf', algorithms: ['md5'] }])) results.push(r);
    await source.close?.();
    expect(results).toHaveLength(1);
    expect(results[0]?.error).toBeDefined();
    expect(results[0]?.digests).toEqual({});
  });

  it('refuses a file that is not a zip', async () => {
    const file = join(tmp, 'not.zip');
    writeFileSync(file, 'plain text');
    await expect(openZipSource(file)).rejects.toThrow();
  });
});

describe('the same package as a directory and as a zip', () => {
  const dirs = readdirSync(cases).filter((name) => !name.endsWith('.zip'));
  for (const name of dirs) {
    it(`${name}: equal reports`, async () => {
      const fromDir = await reportOf(await openDirectorySource(join(cases, name)));
      const fromZip = await reportOf(await openZipSource(zipDirectory(join(cases, name))));
      expect(fromZip).toEqual(fromDir);
    });
  }

  it('validates with GBK-encoded entry names (no UTF-8 flag) and equals the directory report', async () => {
    const file = zipDirectory(join(cases, 'valid'), 'gbk');
    const source = await openZipSource(file);
    expect((await source.entries()).filter((e) => e.kind === 'file').every((e) => e.nameEncoding === 'gb18030' || /^[\x20-\x7e]+$/.test(e.path))).toBe(true);
    const report = await reportOf(source);
    expect(report.valid).toBe(true);
    expect(report).toEqual(await reportOf(await openDirectorySource(join(cases, 'valid'))));
  });
});
