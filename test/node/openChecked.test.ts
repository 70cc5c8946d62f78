import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readExactly } from '../../src/node/openChecked.js';

const dir = mkdtempSync(join(tmpdir(), 'dangan-read-exactly-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads `path` expecting `size` bytes, as a file listed at that size and read later. */
function readAs(content: string, size: number): Uint8Array {
  const path = join(dir, `f-${size}-${content.length}`);
  writeFileSync(path, content);
  const fd = openSync(path, 'r');
  try {
    return readExactly(fd, size);
  } finally {
    closeSync(fd);
  }
}

describe('readExactly (one read of size + 1 bytes)', () => {
  it('returns exactly the listed bytes', () => {
    expect(new TextDecoder().decode(readAs('0123456789', 10))).toBe('0123456789');
    expect(readAs('', 0)).toHaveLength(0);
  });

  it('refuses a file that grew or shrank since it was listed', () => {
    expect(() => readAs('0123456789', 9)).toThrow('changed while read (more than 9 bytes)');
    expect(() => readAs('x', 0)).toThrow('changed while read (more than 0 bytes)');
    expect(() => readAs('0123456789', 11)).toThrow('changed while read (ended after 10 of 11 bytes)');
  });

  it('reads a file larger than one read buffer of the kernel in full', () => {
    const big = 'x'.repeat(3 * 1024 * 1024 + 7);
    expect(readAs(big, big.length)).toHaveLength(big.length);
  });
});
