import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFileSync } from '../../../src/node/hashing/hashFileSync.js';

const work = mkdtempSync(join(tmpdir(), 'dangan-range-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('hashFileSync over a byte range (a stored zip member)', () => {
  it('property: digests exactly the bytes of the range, whatever the read size', () => {
    const file = join(work, 'data.bin');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 5000 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 700 }), (data, a, b, readSize) => {
        writeFileSync(file, data);
        const start = a % data.length;
        const length = b % (data.length - start + 1);
        const result = hashFileSync(file, ['sha256', 'sm3'], Buffer.allocUnsafe(readSize), undefined, undefined, { start, length });
        const slice = data.subarray(start, start + length);
        expect(result).toEqual({
          bytes: length,
          digests: { sha256: createHash('sha256').update(slice).digest('hex'), sm3: createHash('sm3').update(slice).digest('hex') },
        });
      }),
      { numRuns: 150 },
    );
  });

  it('reports a range that runs past the end of the file as an error, not a short digest', () => {
    const file = join(work, 'short.bin');
    writeFileSync(file, Buffer.alloc(100, 1));
    const result = hashFileSync(file, ['md5'], Buffer.allocUnsafe(64), undefined, undefined, { start: 90, length: 20 });
    expect(result.digests).toEqual({});
    expect(result.bytes).toBe(10);
    expect(result.error).toMatch(/unexpected end of file: 10 of 20 bytes from offset 90/);
  });
});
