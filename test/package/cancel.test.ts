import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileListSource } from '../../src/browser/index.js';
import { openDirectorySource } from '../../src/node/index.js';
import { abortableSource, validatePackage } from '../../src/package/index.js';
import type { DigestResult } from '../../src/package/source.js';

/** Cancelling a validation (issue 21: the page's cancel button): an AbortSignal through `validatePackage`. */
const valid = join(import.meta.dirname, '../../examples/packages/valid');

describe('validatePackage with a signal', () => {
  it('gives the same Report when never aborted', async () => {
    const plain = await validatePackage(await openDirectorySource(valid));
    const withSignal = await validatePackage(await openDirectorySource(valid), { signal: new AbortController().signal });
    expect(withSignal.issues).toEqual(plain.issues);
    expect(withSignal.checks).toEqual(plain.checks);
  });

  it('keeps the source\'s media type and close (a tar or zip bag is still judged by its serialization)', async () => {
    const source = await openDirectorySource(valid);
    let closed = 0;
    const tar = { ...source, mediaType: 'application/x-tar', close: async () => void closed++ };
    const wrapped = abortableSource(tar, new AbortController().signal);
    expect(wrapped.mediaType).toBe('application/x-tar');
    await wrapped.close?.();
    expect(closed).toBe(1);
  });

  it('rejects with the reason, reading nothing, when already aborted', async () => {
    const source = await openDirectorySource(valid);
    let reads = 0;
    const counted = { ...source, entries: () => (reads++, source.entries()), read: (p: string) => (reads++, source.read(p)) };
    await expect(validatePackage(counted, { signal: AbortSignal.abort(new Error('cancelled')) })).rejects.toThrow('cancelled');
    expect(reads).toBe(0);
  });

  it('stops when aborted while hashing and rejects with the reason, not a Report', async () => {
    const controller = new AbortController();
    const reason = new DOMException('the user cancelled', 'AbortError');
    const run = validatePackage(await openDirectorySource(valid), { signal: controller.signal, onProgress: () => controller.abort(reason) });
    await expect(run).rejects.toBe(reason);
  });
});

describe('abortableSource', () => {
  it('ends a digest at once when aborted, without waiting for a file that takes forever', async () => {
    const source = openFileListSource([{ path: 'a.txt', blob: new Blob(['a']) }]);
    let asked: AbortSignal | undefined;
    const stuck = {
      ...source,
      // A source whose hashing never ends: only the signal can stop the caller's wait.
      digest: (_requests: unknown, options?: { signal?: AbortSignal }): AsyncIterable<DigestResult> => {
        asked = options?.signal;
        return { [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<DigestResult>>(() => undefined) }) };
      },
    };
    const controller = new AbortController();
    const iteration = (async () => {
      for await (const _ of abortableSource(stuck, controller.signal).digest([{ path: 'a.txt', algorithms: ['sm3'] }])) return 'a result';
      return 'none';
    })();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(iteration).rejects.toThrow('stop');
    expect(asked).toBe(controller.signal);
  });

  it('refuses reads and streams once aborted', async () => {
    const controller = new AbortController();
    const source = abortableSource(openFileListSource([{ path: 'a.txt', blob: new Blob(['abc']) }]), controller.signal);
    expect(new TextDecoder().decode(await source.read('a.txt'))).toBe('abc');
    controller.abort(new Error('stop'));
    await expect(source.read('a.txt')).rejects.toThrow('stop');
    await expect(source.entries()).rejects.toThrow('stop');
    const stream = source.stream('a.txt')[Symbol.asyncIterator]();
    await expect(stream.next()).rejects.toThrow('stop');
  });
});
