import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFileDigest } from '../../../src/node/hashing/emptyFileDigest.js';
import { createContentScanner } from '../../../src/package/format/contentScanner.js';
import { findBytes } from '../../../src/node/hashing/findBytes.js';
import { hashFileSync, READ_SIZE } from '../../../src/node/hashing/hashFileSync.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dangan-empty-'));
  writeFileSync(join(work, 'empty.txt'), '');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('emptyFileDigest', () => {
  it('gives the digests of empty input (RFC 1321 A.5, FIPS 180-4, GB/T 32905-2016)', () => {
    expect(emptyFileDigest(['md5', 'sha1', 'sha256', 'sm3'])).toEqual({
      bytes: 0,
      digests: {
        md5: 'd41d8cd98f00b204e9800998ecf8427e',
        sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        sm3: '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b',
      },
    });
  });

  it('equals what reading an empty file gives, scan included', () => {
    const scanner = createContentScanner(0, 1 << 20, findBytes);
    const read = hashFileSync(join(work, 'empty.txt'), ['sm3', 'md5'], Buffer.allocUnsafe(READ_SIZE), undefined, scanner);
    expect(emptyFileDigest(['sm3', 'md5'], { limit: 1 << 20 })).toEqual(read);
  });

  it('gives each call its own digests and scan objects', () => {
    const a = emptyFileDigest(['md5'], { limit: 1 });
    const b = emptyFileDigest(['md5'], { limit: 1 });
    expect(a.digests).not.toBe(b.digests);
    expect(a.scan?.markers).not.toBe(b.scan?.markers);
  });
});
