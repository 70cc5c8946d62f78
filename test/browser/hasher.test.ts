import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { createWorkerHasher, inThreadHasher, openFileListSource, openZipBlobSource, serveDigestTasks, type BlobFile, type DigestWorker } from '../../src/browser/index.js';
import { validatePackage } from '../../src/package/index.js';
import type { DigestResult, PackageSource } from '../../src/package/source.js';
import type { Report } from '../../src/report/index.js';

/**
 * Hashing off the calling thread (issue 21): `createWorkerHasher` runs the
 * sources' digest tasks on workers that call `serveDigestTasks`. Node has no
 * Web Worker, so each "worker" here is the far end of a MessageChannel (a
 * Blob crosses it as it crosses to a Worker, structured-cloned by
 * reference); the page test runs real Web Workers in chromium.
 */
interface Channel extends DigestWorker {
  terminated: boolean;
}
function channelWorker(serve = true): Channel {
  const { port1, port2 } = new MessageChannel();
  if (serve) serveDigestTasks(port2 as unknown as Parameters<typeof serveDigestTasks>[0]);
  const worker: Channel = {
    terminated: false,
    postMessage: (message) => port1.postMessage(message),
    get onmessage() {
      return port1.onmessage as DigestWorker['onmessage'];
    },
    set onmessage(handler) {
      port1.onmessage = handler as typeof port1.onmessage;
    },
    terminate() {
      worker.terminated = true;
      port1.close();
      port2.close();
    },
  };
  return worker;
}

function folderFiles(root: string): BlobFile[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => ({ path: relative(root, join(d.parentPath, d.name)).split(sep).join('/'), blob: new Blob([readFileSync(join(d.parentPath, d.name))]) }));
}

async function zipOf(files: BlobFile[]): Promise<Blob> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addBuffer(Buffer.from(await f.blob.arrayBuffer()), f.path, { mtime: new Date(Date.UTC(2024, 0, 1)) });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Blob([Buffer.concat(chunks)]);
}

const essence = (r: Report) => ({ valid: r.valid, checks: r.checks.map((c) => `${c.id}:${c.status}`), issues: r.issues.map((i) => `${i.code} ${i.severity} ${i.path ?? ''} ${i.received ?? ''}`) });

async function all(results: AsyncIterable<DigestResult>): Promise<DigestResult[]> {
  const out: DigestResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

describe('createWorkerHasher', () => {
  it.each(['valid', 'faulty'])('gives the Report of the in-thread hasher for the %s example, as a folder and as a zip, on at most `jobs` workers', async (name) => {
    const files = folderFiles(join(import.meta.dirname, '../../examples/packages', name));
    const zip = await zipOf(files);
    const made: Channel[] = [];
    const hasher = createWorkerHasher({ createWorker: () => (made.push(channelWorker()), made.at(-1) as Channel), jobs: 3 });
    try {
      const pairs: [PackageSource, PackageSource][] = [
        [openFileListSource(files), openFileListSource(files, undefined, { hasher })],
        [await openZipBlobSource(zip), await openZipBlobSource(zip, undefined, { hasher })],
      ];
      for (const [inThread, onWorkers] of pairs) expect(essence(await validatePackage(onWorkers))).toEqual(essence(await validatePackage(inThread)));
      expect(made.length).toBeGreaterThan(0);
      expect(made.length).toBeLessThanOrEqual(3);
    } finally {
      hasher.close();
    }
  });

  it('gives results in request order whatever the finishing order, with progress up to the total', async () => {
    const sizes = [3 << 20, 10, 1 << 20, 0, 5];
    const files = sizes.map((n, i) => ({ path: `f${i}.bin`, blob: new Blob([new Uint8Array(n).fill(i)]) }));
    const hasher = createWorkerHasher({ createWorker: () => channelWorker(), jobs: 3 });
    const events: number[] = [];
    try {
      const source = openFileListSource(files, undefined, { hasher });
      const results = await all(source.digest(files.map((f) => ({ path: f.path, algorithms: ['sha256'] as const })), { onProgress: (e) => events.push(e.bytes) }));
      expect(results.map((r) => r.path)).toEqual(files.map((f) => f.path));
      for (const [i, r] of results.entries()) expect(r.digests.sha256).toBe(createHash('sha256').update(new Uint8Array(sizes[i] ?? 0).fill(i)).digest('hex'));
      expect(events.at(-1)).toBe(sizes.reduce((a, b) => a + b, 0));
      expect(events.every((b, i) => i === 0 || b >= (events[i - 1] ?? 0))).toBe(true);
    } finally {
      hasher.close();
    }
  });

  it('records a zip member CRC-32 mismatch found on a worker as the source finding', async () => {
    const zip = new Uint8Array(await (await zipOf([{ path: 'a.txt', blob: new Blob(['hello']) }])).arrayBuffer());
    // Flip the stored CRC-32 in the local header (offset 14) and the central directory record (offset 16).
    const central = Buffer.from(zip).lastIndexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    zip[14] = (zip[14] ?? 0) ^ 0xff;
    zip[central + 16] = (zip[central + 16] ?? 0) ^ 0xff;
    const hasher = createWorkerHasher({ createWorker: () => channelWorker(), jobs: 1 });
    try {
      const source = await openZipBlobSource(new Blob([zip]), undefined, { hasher });
      const [result] = await all(source.digest([{ path: 'a.txt', algorithms: ['md5'] }]));
      expect(result?.error).toMatch(/CRC-32/);
      expect(source.findings?.().map((f) => [f.code, f.path])).toEqual([['zip.crc-mismatch', 'a.txt']]);
    } finally {
      hasher.close();
    }
  });

  it('stops when aborted: the iteration throws the reason and the busy worker is terminated', async () => {
    const made: Channel[] = [];
    // A worker that never answers: only the abort can end its task.
    const hasher = createWorkerHasher({ createWorker: () => (made.push(channelWorker(false)), made.at(-1) as Channel), jobs: 2 });
    const source = openFileListSource([{ path: 'big.bin', blob: new Blob([new Uint8Array(1000)]) }], undefined, { hasher });
    const controller = new AbortController();
    const iteration = all(source.digest([{ path: 'big.bin', algorithms: ['sm3'] }], { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(new Error('cancelled by the user'));
    await expect(iteration).rejects.toThrow('cancelled by the user');
    expect(made.map((w) => w.terminated)).toEqual([true]);
    hasher.close();
  });

  it('turns a worker that fails into an error result, never a throw', async () => {
    const failing: DigestWorker = {
      onmessage: null,
      onerror: null,
      postMessage() {
        queueMicrotask(() => failing.onerror?.({ message: 'blocked by CSP', preventDefault() {} } as ErrorEvent));
      },
      terminate() {},
    };
    const hasher = createWorkerHasher({ createWorker: () => failing, jobs: 1 });
    const source = openFileListSource([{ path: 'a.txt', blob: new Blob(['a']) }], undefined, { hasher });
    const [result] = await all(source.digest([{ path: 'a.txt', algorithms: ['sha256'] }]));
    expect(result?.error).toMatch(/hashing worker failed: blocked by CSP/);
    expect(result?.digests).toEqual({});
  });

  it('reads byte ranges on a worker as slices give them (transferred back), a range past the end cut', async () => {
    const bytes = new Uint8Array(3 << 20).map((_, i) => (i * 7919) % 251);
    const blob = new Blob([bytes]);
    const ranges = [[10, 100], [200, 30], [1_800_000, 70_000], [(3 << 20) - 10, 100]] as const;
    const expected = ranges.map(([start, length]) => [...bytes.subarray(start, start + length)]);
    const hasher = createWorkerHasher({ createWorker: () => channelWorker(), jobs: 1 });
    try {
      expect((await hasher.read(blob, ranges)).map((b) => [...b])).toEqual(expected);
      expect((await inThreadHasher.read(blob, ranges)).map((b) => [...b])).toEqual(expected);
    } finally {
      hasher.close();
    }
  });
});
