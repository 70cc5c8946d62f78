// The content tee of digestFiles: the bytes hashed are handed on, on the same reads, with backpressure.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHashWorker } from './hashWorkerBundle.js';
import { digestFiles, type DigestFilesOptions, type FileToHash } from '../../../src/node/hashing/digestFiles.js';
import { TEE_CREDIT } from '../../../src/node/hashing/teeRing.js';
import type { ContentSink, ContentTee, DigestResult } from '../../../src/package/source.js';

let work: string;
let worker: URL;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dangan-tee-'));
  worker = await bundleHashWorker(work);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

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

/** A tee that records every file's chunks and end, for the paths it accepts. */
function recordingTee(accept: (path: string) => boolean = () => true): ContentTee & { files: Map<string, { chunks: Uint8Array[]; ended?: { error?: string } }> } {
  const files = new Map<string, { chunks: Uint8Array[]; ended?: { error?: string } }>();
  return {
    files,
    open(path) {
      if (!accept(path)) return undefined;
      const record: { chunks: Uint8Array[]; ended?: { error?: string } } = { chunks: [] };
      files.set(path, record);
      return {
        async write(chunk) {
          record.chunks.push(chunk);
        },
        end(error) {
          record.ended = error === undefined ? {} : { error };
        },
      } satisfies ContentSink;
    },
  };
}

async function collect(files: readonly FileToHash[], options: DigestFilesOptions): Promise<DigestResult[]> {
  const out: DigestResult[] = [];
  for await (const result of digestFiles(files, options)) out.push(result);
  return out;
}

const modes: [string, () => DigestFilesOptions][] = [
  ['worker threads', () => ({ worker, inThreadBelow: 0, readSize: 4096, jobs: 2 })],
  ['the calling thread', () => ({ worker: null, readSize: 4096 })],
];

describe.each(modes)('digestFiles with a tee on %s', (_, options) => {
  it('hands on exactly the bytes hashed, in order, each file ended once; a file the tee declines gets nothing', async () => {
    const contents = [0, 1, 4095, 4096, 4097, 50_000].map((size, i) => bytesOf(size, i + 3));
    const files: FileToHash[] = contents.map((bytes, i) => {
      const file = join(work, `t${i}-${Math.random()}.bin`);
      writeFileSync(file, bytes);
      return { path: `f${i}`, file, algorithms: ['sm3'] };
    });
    files.push({ path: 'missing', file: join(work, 'no-such-file'), size: 5, algorithms: ['sm3'] });
    const tee = recordingTee((path) => path !== 'f2');
    const results = await collect(files, { ...options(), tee });
    contents.forEach((bytes, i) => {
      expect(results[i]?.digests.sm3).toBe(createHash('sm3').update(bytes).digest('hex'));
      const record = tee.files.get(`f${i}`);
      if (i === 2) return expect(record).toBeUndefined();
      expect(record?.ended).toEqual({});
      expect(Buffer.concat(record?.chunks ?? [])).toEqual(Buffer.from(bytes));
    });
    // A read that fails ends its sink with the reason, so the tee's owner does not take it as whole.
    expect(results.at(-1)?.error).toBeDefined();
    expect(tee.files.get('missing')?.ended?.error).toEqual(results.at(-1)?.error);
  });
});

describe('digestFiles with a tee on worker threads', () => {
  it('waits for a slow sink: a worker sends at most TEE_CREDIT bytes ahead of what the sink has taken', async () => {
    const readSize = 1 << 20;
    const bytes = bytesOf(3 * TEE_CREDIT, 9);
    const file = join(work, 'big.bin');
    writeFileSync(file, bytes);
    const received: Uint8Array[] = [];
    const held: (() => void)[] = [];
    let ended: { error?: string } | undefined;
    const tee: ContentTee = {
      open: () => ({
        write(chunk) {
          received.push(chunk);
          return new Promise<void>((resolve) => held.push(resolve));
        },
        end: (error) => void (ended = error === undefined ? {} : { error }),
      }),
    };
    const running = collect([{ path: 'big', file, algorithms: ['sha256'] }], { worker, inThreadBelow: 0, readSize, jobs: 1, tee });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const ahead = received.reduce((n, c) => n + c.length, 0);
    expect(ahead).toBeGreaterThan(0);
    expect(ahead).toBeLessThanOrEqual(TEE_CREDIT + readSize);
    expect(ended).toBeUndefined();
    // Taking the chunks lets the worker go on to the end.
    const release = setInterval(() => held.splice(0).forEach((resolve) => resolve()), 5);
    const [result] = await running;
    clearInterval(release);
    expect(result?.digests.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(ended).toEqual({});
    expect(Buffer.concat(received).equals(Buffer.from(bytes))).toBe(true);
  });
});
