import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDirectorySource } from '../../src/node/index.js';

let root: string;
let outside: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dangan-dir-'));
  outside = mkdtempSync(join(tmpdir(), 'dangan-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  mkdirSync(join(root, '文书'));
  writeFileSync(join(root, '文书', 'a.txt'), 'abc');
  // A GBK-encoded name "中.txt" (D6 D0) that is not valid UTF-8.
  writeFileSync(Buffer.concat([Buffer.from(`${root}/`), Buffer.from([0xd6, 0xd0]), Buffer.from('.txt')]), 'gbk');
  // An NFD name: "é" as e + U+0301.
  writeFileSync(join(root, 'cafe\u0301.txt'), '');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'link.txt'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('openDirectorySource', () => {
  it('lists entries with NFC names, GBK names decoded and links not followed', async () => {
    const source = await openDirectorySource(root);
    const entries = await source.entries();
    const byPath = Object.fromEntries(entries.map((e) => [e.path, e]));
    expect(byPath['文书']?.kind).toBe('directory');
    expect(byPath['文书/a.txt']).toMatchObject({ kind: 'file', size: 3 });
    expect(byPath['中.txt']).toMatchObject({ kind: 'file', nameEncoding: 'gb18030', renamed: true });
    expect(byPath['café.txt']).toMatchObject({ kind: 'file', renamed: true });
    expect(byPath['link.txt']).toMatchObject({ kind: 'symlink', size: 0 });
  });

  it('reads files by their decoded names and refuses links and unknown paths', async () => {
    const source = await openDirectorySource(root);
    expect(new TextDecoder().decode(await source.read('中.txt'))).toBe('gbk');
    await expect(source.read('link.txt')).rejects.toThrow(/no file entry/);
    await expect(source.read('../secret.txt')).rejects.toThrow(/no file entry/);
    await expect(source.read('文书/a.txt', { maxBytes: 2 })).rejects.toThrow(/over the limit/);
  });

  it('hashes with several algorithms in one pass', async () => {
    const source = await openDirectorySource(root);
    const results = [];
    for await (const r of source.digest([{ path: '文书/a.txt', algorithms: ['sha256', 'md5', 'sm3'] }, { path: 'link.txt', algorithms: ['md5'] }])) {
      results.push(r);
    }
    expect(results[0]).toEqual({
      path: '文书/a.txt',
      bytes: 3,
      digests: {
        sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
        md5: '900150983cd24fb0d6963f7d28e17f72',
        sm3: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
      },
    });
    expect(results[1]?.error).toBeDefined();
  });

  it('lists a folder of more names than one listing batch, and nested folders, sorted', async () => {
    const big = mkdtempSync(join(tmpdir(), 'dangan-dir-big-'));
    try {
      mkdirSync(join(big, 'many'));
      for (let i = 0; i < 600; i++) writeFileSync(join(big, 'many', `${i}.txt`), 'x'.repeat(i % 7));
      for (let i = 0; i < 40; i++) mkdirSync(join(big, 'deep', ...Array.from({ length: (i % 4) + 1 }, (_, d) => `${i}-${d}`)), { recursive: true });
      const entries = await (await openDirectorySource(big)).entries();
      const files = entries.filter((e) => e.path.startsWith('many/'));
      expect(files).toHaveLength(600);
      expect(files.every((e) => e.kind === 'file' && e.size === Number(/(\d+)\.txt$/.exec(e.path)?.[1]) % 7)).toBe(true);
      expect(entries.filter((e) => e.kind === 'directory')).toHaveLength(2 + 40 * 2.5);
      expect(entries.map((e) => e.path)).toEqual(entries.map((e) => e.path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('lists and reads below renamed folders: a GBK folder, an NFD folder, and plain names beside a GBK one', async () => {
    const mixed = mkdtempSync(join(tmpdir(), 'dangan-dir-mixed-'));
    try {
      const gbk = Buffer.concat([Buffer.from(`${mixed}/`), Buffer.from([0xd6, 0xd0])]); // "中" in GBK
      mkdirSync(gbk);
      writeFileSync(Buffer.concat([gbk, Buffer.from('/a.txt')]), 'under gbk');
      mkdirSync(join(mixed, 'cafe\u0301', 'inner'), { recursive: true });
      writeFileSync(join(mixed, 'cafe\u0301', 'inner', 'b.txt'), 'under nfd');
      mkdirSync(join(mixed, 'plain'));
      writeFileSync(join(mixed, 'plain', 'c.txt'), 'beside gbk');
      // A name holding U+FFFD itself is valid UTF-8: listed as it is, not as GB18030.
      writeFileSync(join(mixed, 'x\uFFFD.txt'), 'fffd');
      const source = await openDirectorySource(mixed);
      const byPath = Object.fromEntries((await source.entries()).map((e) => [e.path, e]));
      expect(byPath['中']).toMatchObject({ kind: 'directory', nameEncoding: 'gb18030', renamed: true });
      expect(byPath['中/a.txt']).toMatchObject({ kind: 'file', size: 9 });
      expect(byPath['café/inner/b.txt']).toMatchObject({ kind: 'file', size: 9 });
      expect(byPath['x\uFFFD.txt']).toMatchObject({ kind: 'file', size: 4 });
      expect(byPath['x\uFFFD.txt']?.nameEncoding).toBeUndefined();
      const text = async (path: string) => new TextDecoder().decode(await source.read(path));
      expect(await text('中/a.txt')).toBe('under gbk');
      expect(await text('café/inner/b.txt')).toBe('under nfd');
      expect(await text('plain/c.txt')).toBe('beside gbk');
      expect(await text('x\uFFFD.txt')).toBe('fffd');
    } finally {
      rmSync(mixed, { recursive: true, force: true });
    }
  });

  it('answers a file listed as 0 bytes with the digests of empty input, without opening it, counted in progress', async () => {
    const path = join(root, '文书', 'empty.txt');
    writeFileSync(path, '');
    try {
      const source = await openDirectorySource(root);
      // Written after listing: a file that were opened would now hash as 'abc'.
      writeFileSync(path, 'abc');
      const events: { files: number; totalFiles: number }[] = [];
      const results = [];
      const requests = [{ path: '文书/empty.txt', algorithms: ['md5' as const], scan: { limit: 1024 } }, { path: '文书/a.txt', algorithms: ['md5' as const] }];
      for await (const r of source.digest(requests, { onProgress: (e) => events.push(e) })) results.push(r);
      expect(results[0]).toMatchObject({ path: '文书/empty.txt', bytes: 0, digests: { md5: 'd41d8cd98f00b204e9800998ecf8427e' }, scan: { complete: true } });
      expect(results[1]).toMatchObject({ path: '文书/a.txt', bytes: 3, digests: { md5: '900150983cd24fb0d6963f7d28e17f72' } });
      expect(events.at(-1)).toMatchObject({ files: 2, totalFiles: 2 });
    } finally {
      rmSync(path);
    }
  });
});
