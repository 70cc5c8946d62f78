import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHashWorker } from './hashWorkerBundle.js';
import { digestFiles, type DigestFilesOptions, type FileToHash } from '../../../src/node/hashing/digestFiles.js';
import { READ_SIZE } from '../../../src/node/hashing/hashFileSync.js';
import { PROGRESS_STEP, type FromWorker } from '../../../src/node/hashing/protocol.js';
import { resolveWorkerUrl } from '../../../src/node/hashing/resolveWorker.js';
import type { DigestAlgorithm, DigestResult, ProgressEvent } from '../../../src/package/source.js';

const ALGORITHMS: DigestAlgorithm[] = ['sm3', 'sha256', 'sha1', 'md5', 'sha512'];
/** A small read size makes the buffer-boundary cases cheap to write. */
const READ = 4096;

let work: string;
let worker: URL;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dangan-hash-'));
  worker = await bundleHashWorker(work);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
function writeFile(bytes: Uint8Array): string {
  const path = join(work, `f${counter++}.bin`);
  writeFileSync(path, bytes);
  return path;
}

function oneShot(bytes: Uint8Array, algorithms: readonly DigestAlgorithm[]): Record<string, string> {
  return Object.fromEntries(algorithms.map((a) => [a, createHash(a).update(bytes).digest('hex')]));
}

/** Deterministic bytes of a given length. */
function bytesOf(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function collect(files: readonly FileToHash[], options: DigestFilesOptions): Promise<DigestResult[]> {
  const out: DigestResult[] = [];
  for await (const result of digestFiles(files, options)) out.push(result);
  return out;
}

const modes: [string, () => DigestFilesOptions][] = [
  ['worker threads', () => ({ worker, inThreadBelow: 0, readSize: READ, jobs: 2 })],
  ['the calling thread', () => ({ worker: null, readSize: READ })],
];

describe.each(modes)('digestFiles on %s', (_, options) => {
  it('equals one-shot node:crypto digests at the read-buffer boundaries', async () => {
    const sizes = [0, 1, READ - 1, READ, READ + 1, 2 * READ, 3 * READ + 7];
    const contents = sizes.map((size, i) => bytesOf(size, i + 1));
    const files = contents.map((bytes, i) => ({ path: `f/${i}`, file: writeFile(bytes), algorithms: ALGORITHMS }));
    const results = await collect(files, options());
    expect(results.map((r) => r.path)).toEqual(files.map((f) => f.path));
    results.forEach((result, i) => {
      expect(result.error).toBeUndefined();
      expect(result.bytes).toBe(sizes[i]);
      expect(result.digests).toEqual(oneShot(contents[i] as Uint8Array, ALGORITHMS));
    });
  });

  it('equals one-shot digests for random contents and sizes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 3 * READ + 3 }), { minLength: 1, maxLength: 6 }), fc.subarray(ALGORITHMS, { minLength: 1 }), async (contents, algorithms) => {
        const files = contents.map((bytes, i) => ({ path: `p${i}`, file: writeFile(bytes), algorithms }));
        const results = await collect(files, options());
        results.forEach((result, i) => {
          expect(result.bytes).toBe(contents[i]?.length);
          expect(result.digests).toEqual(oneShot(contents[i] as Uint8Array, algorithms));
        });
      }),
      { numRuns: 20 },
    );
  });

  it('hashes byte ranges of one file (stored zip members) as the bytes they cover (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 3 * READ + 3 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 5 }), async (bytes, cuts) => {
        const file = writeFile(bytes);
        const ranges = cuts.map(([a, b]) => {
          const start = a % bytes.length;
          return { start, length: b % (bytes.length - start + 1) };
        });
        const results = await collect(ranges.map((range, i) => ({ path: `r${i}`, file, range, algorithms: ['sm3' as const] })), options());
        results.forEach((result, i) => {
          const { start, length } = ranges[i]!;
          expect(result.bytes).toBe(length);
          expect(result.digests).toEqual(oneShot(bytes.subarray(start, start + length), ['sm3']));
        });
      }),
      { numRuns: 20 },
    );
  });

  it('reports an unreadable file as an error result and hashes the rest', async () => {
    const good = bytesOf(10_000, 7);
    const dir = join(work, `dir${counter++}`);
    mkdirSync(dir);
    const files: FileToHash[] = [
      { path: 'missing', file: join(work, 'no-such-file'), size: 5, algorithms: ['sha256'] },
      { path: 'good', file: writeFile(good), algorithms: ['sha256'] },
      { path: 'folder', file: dir, size: 0, algorithms: ['md5'] },
    ];
    const results = await collect(files, options());
    expect(results.map((r) => r.path)).toEqual(['missing', 'good', 'folder']);
    expect(results[0]).toMatchObject({ bytes: 0, digests: {}, error: expect.stringMatching(/ENOENT/) });
    expect(results[1]).toEqual({ path: 'good', bytes: 10_000, digests: oneShot(good, ['sha256']) });
    expect(results[2]).toMatchObject({ digests: {}, error: expect.stringMatching(/is a directory, not a regular file/) });
  });

  it('takes raw byte paths (names that are not UTF-8)', async () => {
    const raw = Buffer.concat([Buffer.from(`${work}/`), Buffer.from([0xd6, 0xd0]), Buffer.from('.bin')]);
    writeFileSync(raw, 'gbk');
    const [result] = await collect([{ path: '中.bin', file: new Uint8Array(raw), algorithms: ['md5'] }], options());
    expect(result).toEqual({ path: '中.bin', bytes: 3, digests: oneShot(Buffer.from('gbk'), ['md5']) });
  });
});

describe('digestFiles progress and parallelism', () => {
  it('gives the same results in request order for jobs 1 and jobs 4', async () => {
    const contents = Array.from({ length: 40 }, (_, i) => bytesOf((i * 7919) % (5 * READ), i));
    const files = contents.map((bytes, i) => ({ path: `j${i}`, file: writeFile(bytes), algorithms: ['sm3', 'md5'] as DigestAlgorithm[] }));
    const one = await collect(files, { worker, inThreadBelow: 0, readSize: READ, jobs: 1 });
    const four = await collect(files, { worker, inThreadBelow: 0, readSize: READ, jobs: 4 });
    expect(four).toEqual(one);
    expect(one.map((r) => r.path)).toEqual(files.map((f) => f.path));
    expect(one[3]?.digests).toEqual(oneShot(contents[3] as Uint8Array, ['sm3', 'md5']));
  });

  it('emits progress whose totals add up, including bytes reported during a large file', async () => {
    const large = bytesOf(PROGRESS_STEP + 12_345, 99);
    const small = Array.from({ length: 30 }, (_, i) => bytesOf(i * 100, i));
    const files = [large, ...small].map((bytes, i) => ({ path: `g${i}`, file: writeFile(bytes), algorithms: ['md5'] as DigestAlgorithm[] }));
    const total = large.length + small.reduce((a, b) => a + b.length, 0);
    for (const mode of [{ worker, inThreadBelow: 0, jobs: 2 }, { worker: null }]) {
      const events: ProgressEvent[] = [];
      await collect(files, { ...mode, onProgress: (e) => events.push(e) });
      expect(events[0]).toEqual({ files: 0, totalFiles: 31, bytes: 0, totalBytes: total });
      expect(events.at(-1)).toEqual({ files: 31, totalFiles: 31, bytes: total, totalBytes: total });
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.bytes).toBeGreaterThanOrEqual(events[i - 1]!.bytes);
        expect(events[i]!.files).toBeGreaterThanOrEqual(events[i - 1]!.files);
        expect(events[i]!.bytes).toBeLessThanOrEqual(total);
      }
    }
  });

  it('stops its workers when the caller breaks off, and can run again', async () => {
    const files = Array.from({ length: 10 }, (_, i) => ({ path: `b${i}`, file: writeFile(bytesOf(READ * 3, i)), algorithms: ['sha1'] as DigestAlgorithm[] }));
    const options = { worker, inThreadBelow: 0, readSize: READ, jobs: 2 };
    const first: DigestResult[] = [];
    for await (const result of digestFiles(files, options)) {
      first.push(result);
      if (first.length === 2) break;
    }
    expect(first.map((r) => r.path)).toEqual(['b0', 'b1']);
    expect((await collect(files, options)).length).toBe(10);
  });

  it('hashes on the calling thread when a worker cannot start, rather than failing files', async () => {
    const bytes = bytesOf(READ * 2, 5);
    const broken = pathToFileURL(join(work, 'no-worker.mjs'));
    const results = await collect([{ path: 'x', file: writeFile(bytes), algorithms: ['sha256'] }], { worker: broken, inThreadBelow: 0 });
    expect(results).toEqual([{ path: 'x', bytes: bytes.length, digests: oneShot(bytes, ['sha256']) }]);
  });
});

describe('the worker entry', () => {
  it('answers a batch with one message holding a result per file, in task order', async () => {
    const bytes = bytesOf(READ + 1, 3);
    const thread = new Worker(worker, { workerData: { readSize: READ } });
    const messages: FromWorker[] = [];
    await new Promise<void>((resolve) => {
      thread.on('message', (m: FromWorker) => {
        messages.push(m);
        if (m.type === 'done') resolve();
      });
      thread.postMessage({ type: 'batch', tasks: [{ index: 7, file: writeFile(bytes), algorithms: ['sm3'] }, { index: 8, file: join(work, 'nope'), algorithms: ['sm3'] }] });
    });
    await thread.terminate();
    expect(messages).toHaveLength(1);
    const [done] = messages;
    if (done?.type !== 'done') throw new Error('expected a done message');
    expect(done.results[0]).toEqual({ index: 7, announced: 0, result: { bytes: READ + 1, digests: oneShot(bytes, ['sm3']) } });
    expect(done.results[1]).toMatchObject({ index: 8, result: { bytes: 0, error: expect.stringMatching(/ENOENT/) } });
  });
});

describe('resolveWorkerUrl', () => {
  it('finds dist/node/hashWorker from the entry, a shared chunk or the CLI, preferring the module format', () => {
    const dist = join(work, 'dist');
    mkdirSync(join(dist, 'node'), { recursive: true });
    mkdirSync(join(dist, 'cli'), { recursive: true });
    writeFileSync(join(dist, 'node', 'hashWorker.js'), '');
    writeFileSync(join(dist, 'node', 'hashWorker.cjs'), '');
    const at = (p: string) => pathToFileURL(join(dist, p)).href;
    expect(resolveWorkerUrl(at('node/index.js'))?.href).toBe(at('node/hashWorker.js'));
    expect(resolveWorkerUrl(at('chunk-ABC.js'))?.href).toBe(at('node/hashWorker.js'));
    expect(resolveWorkerUrl(at('chunk-ABC.cjs'))?.href).toBe(at('node/hashWorker.cjs'));
    expect(resolveWorkerUrl(at('cli/main.js'))?.href).toBe(at('node/hashWorker.js'));
  });

  it('gives null from TypeScript source, so hashing stays on the calling thread', () => {
    expect(resolveWorkerUrl()).toBeNull();
    expect(resolveWorkerUrl(pathToFileURL(join(work, 'elsewhere', 'x.ts')).href)).toBeNull();
    expect(READ_SIZE).toBeGreaterThanOrEqual(1 << 20);
  });
});
