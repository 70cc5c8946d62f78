import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHashWorker } from './hashWorkerBundle.js';
import { digestFiles, type FileToHash } from '../../../src/node/hashing/digestFiles.js';
import { findBytes } from '../../../src/node/hashing/findBytes.js';
import { createContentScanner, findTokens, indexOfBytes, type ContentMarker, type ContentScan } from '../../../src/package/format/contentScanner.js';
import { scanContent } from '../../../src/package/format/scanContent.js';
import type { PackageSource } from '../../../src/package/source.js';

const enc = (s: string) => new TextEncoder().encode(s);
const TOKENS = ['/Encrypt', 'pdfaid:part', '/JavaScript', '%%EOF'];

let work: string;
let worker: URL;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dangan-scan-'));
  worker = await bundleHashWorker(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A PDF-like file: header, random filler bytes, chosen tokens at chosen places, optional %%EOF. */
const pdfArbitrary = fc
  .record({
    filler: fc.uint8Array({ minLength: 0, maxLength: 20_000 }),
    inserts: fc.array(fc.record({ token: fc.constantFrom(...TOKENS), at: fc.nat() }), { maxLength: 4 }),
    eof: fc.boolean(),
  })
  .map(({ filler, inserts, eof }) => {
    let body = Uint8Array.from(filler);
    for (const { token, at } of inserts) {
      const t = enc(token);
      const p = body.length === 0 ? 0 : at % body.length;
      body = Uint8Array.from([...body.subarray(0, p), ...t, ...body.subarray(p)]);
    }
    return Uint8Array.from([...enc('%PDF-1.7\n'), ...body, ...(eof ? enc('\n%%EOF\n') : [])]);
  });

function scanChunked(bytes: Uint8Array, sizes: readonly number[], find?: (h: Uint8Array, n: Uint8Array) => number): ContentScan {
  const scanner = createContentScanner(bytes.length, 1 << 30, find);
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = Math.max(1, sizes[i % Math.max(1, sizes.length)] ?? bytes.length);
    if (!scanner.push(bytes.subarray(at, at + n))) break;
    at += n;
  }
  return scanner.finish();
}

const has = (bytes: Uint8Array, token: string) => Buffer.from(bytes).includes(Buffer.from(token, 'latin1'));

describe('findBytes', () => {
  it('finds exactly what a plain search finds (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.nat(), (hay, needle, at) => {
        const p = hay.length === 0 ? 0 : at % hay.length;
        const withNeedle = Uint8Array.from([...hay.subarray(0, p), ...needle, ...hay.subarray(p)]);
        for (const h of [hay, withNeedle]) expect(findBytes(h, needle)).toBe(indexOfBytes(h, needle));
      }),
    );
  });
});

describe('findTokens', () => {
  it('finds in one pass exactly the tokens one search per token finds, short and long, sharing bytes (property)', () => {
    const utf16 = (t: string) => Uint8Array.from([...t].flatMap((c) => [c.charCodeAt(0), 0]));
    const sets: [ContentMarker, Uint8Array][][] = [
      [['pdf-encrypt', enc('/Encrypt')], ['pdf-a', enc('pdfaid:part')], ['pdf-javascript', enc('/JavaScript')]],
      [['encrypted-package', utf16('EncryptedPackage')], ['vba-project', utf16('_VBA_PROJECT')]],
      [['vba-project', enc('aab')], ['pdf-a', enc('abab')], ['truncated', enc('b')]],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...sets), fc.uint8Array({ maxLength: 400 }), fc.array(fc.record({ k: fc.nat(), at: fc.nat(), cut: fc.nat() }), { maxLength: 3 }), fc.boolean(), (tokens, filler, inserts, small) => {
        // Filler from the tokens' own bytes too, so near misses abound.
        let hay = small ? filler.map((b) => tokens[b % tokens.length]![1][b % tokens[b % tokens.length]![1].length]!) : Uint8Array.from(filler);
        for (const { k, at, cut } of inserts) {
          const token = tokens[k % tokens.length]![1];
          const piece = token.subarray(0, token.length - (cut % 3 === 0 ? 1 : 0)); // sometimes one byte short
          const p = hay.length === 0 ? 0 : at % hay.length;
          hay = Uint8Array.from([...hay.subarray(0, p), ...piece, ...hay.subarray(p)]);
        }
        const found = new Set<ContentMarker>();
        findTokens(hay, tokens, found);
        const expected = new Set(tokens.filter(([, t]) => indexOfBytes(hay, t) >= 0).map(([marker]) => marker));
        expect([...found].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 500 },
    );
  });
});

describe('content scan on the hashing reads', () => {
  it('finds every marker whatever the chunking, with the native and the portable search alike (property)', () => {
    fc.assert(
      fc.property(pdfArbitrary, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), (bytes, sizes) => {
        const expected = {
          encrypt: has(bytes, '/Encrypt'),
          pdfA: has(bytes, 'pdfaid:part'),
          js: has(bytes, '/JavaScript'),
          truncated: !Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF'),
        };
        for (const scan of [scanChunked(bytes, sizes, findBytes), scanChunked(bytes, sizes), scanChunked(bytes, [bytes.length], findBytes)]) {
          expect(scan.format).toBe('pdf');
          expect(scan.markers.has('pdf-encrypt')).toBe(expected.encrypt);
          expect(scan.markers.has('pdf-a')).toBe(expected.pdfA);
          expect(scan.markers.has('pdf-javascript')).toBe(expected.js);
          expect(scan.markers.has('truncated')).toBe(expected.truncated);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('returns from worker threads the same scan as streaming the file through scanContent', async () => {
    const samples = fc.sample(pdfArbitrary, { numRuns: 40, seed: 93 });
    // Large files too, so tokens fall across 4 KiB read boundaries inside a worker.
    const big = Uint8Array.from([...enc('%PDF-1.4\n'), ...new Uint8Array(4096 * 3 - 12).fill(0x41), ...enc('/Encrypt'), ...new Uint8Array(9000).fill(0x42), ...enc('%%EOF')]);
    const all = [...samples, big, enc('plain text'), new Uint8Array(0)];
    const files: FileToHash[] = all.map((bytes, i) => {
      const file = join(work, `s${i}.bin`);
      writeFileSync(file, bytes);
      return { path: `s${i}`, file, size: bytes.length, algorithms: ['sha256'], scan: { limit: 1 << 30 } };
    });
    const results = [];
    for await (const r of digestFiles(files, { worker, jobs: 2, readSize: 4096, inThreadBelow: 0 })) results.push(r);
    expect(results.map((r) => r.path)).toEqual(files.map((f) => f.path));
    for (const [i, bytes] of all.entries()) {
      // Small files are read whole (scanContent's one-read path), larger ones streamed in odd-sized chunks.
      const source = { read: async () => bytes, stream: async function* () { for (let at = 0; at < bytes.length; at += 777) yield bytes.subarray(at, at + 777); } } as unknown as PackageSource;
      const streamed = await scanContent(source, 'x', 1 << 30, bytes.length);
      expect(results[i]?.scan, `file ${i}`).toEqual(streamed);
    }
    expect(results.at(-4)?.scan?.markers.has('pdf-encrypt')).toBe(true);
    expect(results.at(-2)?.scan?.textHead).toBe(true);
  });

  it('returns no scan when none was asked for', async () => {
    const file = join(work, 'plain.pdf');
    writeFileSync(file, enc('%PDF-1.7\n/Encrypt\n%%EOF'));
    for await (const r of digestFiles([{ path: 'p', file, algorithms: ['md5'] }], { worker: null })) expect(r.scan).toBeUndefined();
  });
});
