import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { openFileListSource, openZipBlobSource } from '../../src/browser/index.js';
// @ts-expect-error -- plain JS fixture helper without types
import { buildZip } from '../fixtures/packages/zip.mjs';

const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
async function collect(source: AsyncIterable<Uint8Array>): Promise<number[]> {
  const sizes: number[] = [];
  for await (const chunk of source) sizes.push(chunk.byteLength);
  return sizes;
}

describe('openZipBlobSource', () => {
  it('lists names, implied folders, encrypted members and links as the node source does, and hashes sm3/sha256/md5', async () => {
    const zip = buildZip([
      { name: '文书/a.txt', data: 'hello', deflate: true },
      { name: new Uint8Array([0xd6, 0xd0, 0x2e, 0x74, 0x78, 0x74]), raw: true, data: 'gbk' },
      { name: 'secret.bin', data: new Uint8Array(20), encrypted: true },
      { name: 'link', data: 'a', unixMode: 0o120777 },
    ]);
    const source = await openZipBlobSource(blobOf(zip), 'x.zip');
    const entries = await source.entries();
    expect(entries.map((e) => [e.path, e.kind])).toEqual([
      ['link', 'symlink'],
      ['secret.bin', 'file'],
      ['中.txt', 'file'],
      ['文书', 'directory'],
      ['文书/a.txt', 'file'],
    ]);
    expect(entries.find((e) => e.path === '中.txt')).toMatchObject({ nameEncoding: 'gb18030', renamed: true });
    expect(entries.find((e) => e.path === 'secret.bin')?.encrypted).toBe(true);
    await expect(source.read('secret.bin')).rejects.toThrow(/encrypted/);
    expect(new TextDecoder().decode(await source.read('文书/a.txt'))).toBe('hello');
    const results = [];
    for await (const r of source.digest([{ path: '文书/a.txt', algorithms: ['sm3', 'sha256', 'md5'] }, { path: 'link', algorithms: ['md5'] }])) results.push(r);
    expect(results[0]?.digests.sha256).toBe(createHash('sha256').update('hello').digest('hex'));
    expect(results[0]?.digests.md5).toBe(createHash('md5').update('hello').digest('hex'));
    expect(results[0]?.digests.sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(results[1]?.error).toMatch(/not a file/);
  });

  // GB/T 32905-2016 Appendix A.1: SM3("abc").
  it('SM3 gives the GB/T 32905-2016 example digest', async () => {
    const source = openFileListSource([{ path: 'abc.txt', blob: new Blob(['abc']) }]);
    const results = [];
    for await (const r of source.digest([{ path: 'abc.txt', algorithms: ['sm3'] }])) results.push(r);
    const [result] = results;
    expect(result?.digests.sm3).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('reports a CRC-32 mismatch as a finding and refuses the bytes', async () => {
    const source = await openZipBlobSource(blobOf(buildZip([{ name: 'a.txt', data: 'hello', crc: 1 }])));
    await expect(source.read('a.txt')).rejects.toThrow(/CRC-32/);
    expect(source.findings?.().map((f) => f.code)).toEqual(['zip.crc-mismatch']);
  });

  it('refuses a member whose local name differs from the central one', async () => {
    const source = await openZipBlobSource(blobOf(buildZip([{ name: 'a.txt', localName: 'b.txt', data: 'x' }])));
    expect(source.findings?.().map((f) => f.code)).toEqual(['zip.name-mismatch']);
    await expect(source.read('a.txt')).rejects.toThrow(/not read/);
  });

  it('stops a member that inflates past its declared size, and streams a large member in slices', async () => {
    const big = new Uint8Array(16 << 20).fill(7);
    const zip = buildZip([{ name: 'big.bin', data: big, deflate: true }]);
    // Lie about the size: the central directory says 1 KiB (offset of its uncompressed size: 24).
    const lying = new Uint8Array(zip);
    const central = lying.length - 22 - (46 + 'big.bin'.length);
    new DataView(lying.buffer).setUint32(central + 24, 1024, true);
    const bomb = await openZipBlobSource(blobOf(lying));
    await expect(collect(bomb.stream('big.bin'))).rejects.toThrow(/past its declared/);
    const honest = await openZipBlobSource(blobOf(zip));
    const sizes = await collect(honest.stream('big.bin'));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(big.length);
    // Inflated in pieces of 4 KiB of input (at most ~4 MB out each), never the 16 MB member at once.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4200 * 1024);
  });

  it('refuses a Blob that is not a zip', async () => {
    await expect(openZipBlobSource(new Blob(['not a zip']))).rejects.toThrow(/not a zip/);
  });

  it('strips the chosen folder from picker paths', async () => {
    const file = new File(['x'], 'a.txt');
    Object.defineProperty(file, 'webkitRelativePath', { value: '包/文书/a.txt' });
    const source = openFileListSource([file]);
    expect(source.name).toBe('包');
    expect((await source.entries()).map((e) => e.path)).toEqual(['文书', '文书/a.txt']);
  });
});

describe('dangan/browser is browser-safe', () => {
  it('bundles for the browser with no node: builtin reachable', async () => {
    const result = await build({ entryPoints: ['src/browser/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => p.startsWith('node:') || /^(fs|path|crypto|os|stream|zlib|worker_threads)$/.test(p))).toEqual([]);
    expect(inputs.some((p) => p.startsWith('src/node/') || p.startsWith('src/cli/'))).toBe(false);
  });
});

describe('openFileListSource', () => {
  it('lists an unsafe path as it is given, without inventing folders around it, and validation reports it', async () => {
    const { validatePackage } = await import('../../src/package/index.js');
    const source = openFileListSource([{ path: '../escape/a.txt', blob: new Blob(['x']) }]);
    expect((await source.entries()).map((e) => e.path)).toEqual(['../escape/a.txt']);
    const report = await validatePackage(source, { profile: 'dat93' });
    expect(report.issues.map((i) => i.code)).toContain('package.path-unsafe');
  });
});

describe('digests in the browser', () => {
  it('every algorithm dangan knows gives what node:crypto gives', async () => {
    const algorithms = ['sm3', 'sha256', 'sha1', 'md5', 'sha512', 'sha224', 'sha384', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'blake2b-512', 'blake2s-256'] as const;
    const data = new Uint8Array(3 << 20).map((_, i) => (i * 31) & 0xff);
    const source = openFileListSource([{ path: 'a.bin', blob: new Blob([data]) }]);
    const results = [];
    for await (const r of source.digest([{ path: 'a.bin', algorithms }])) results.push(r);
    const runtime: Record<string, string> = { 'blake2b-512': 'blake2b512', 'blake2s-256': 'blake2s256' };
    for (const a of algorithms) expect(results[0]?.digests[a], a).toBe(createHash(runtime[a] ?? a).update(data).digest('hex'));
  });
});
