// Issue 23 class 11: a file swapped between listing and reading — for a link to an outside file, a
// FIFO, another file — is a reported error, never a read of something else and never a hang: files
// are opened once, non-blocking, without following links, and checked by the handle they are read
// through (fstat: regular file, same device, inode and size as listed).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDirectorySource } from '../../src/node/directorySource.js';
import type { DigestResult, PackageSource } from '../../src/package/source.js';
import { validatePackage } from '../../src/package/validatePackage.js';

const VALID = join(import.meta.dirname, '../fixtures/packages/cases/valid');
const PDF = 'Z109/WS/Z109-WS·2024-Y-BGS-0001/正文.pdf';
const tmp = mkdtempSync(join(tmpdir(), 'dangan-races-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A copy of the valid package, listed; then `swap` changes the file at PDF behind the listing. */
async function listedThenSwapped(swap: (file: string, canary: string) => void): Promise<{ source: PackageSource; canary: string }> {
  const dir = join(tmp, `p${n++}`);
  cpSync(VALID, dir, { recursive: true });
  const canary = join(tmp, `canary-${n}`);
  writeFileSync(canary, `outside the package ${n}: its digest must never appear\n`.repeat(40));
  const source = await openDirectorySource(dir);
  await source.entries();
  swap(join(dir, PDF), canary);
  return { source, canary };
}

async function digestOf(source: PackageSource): Promise<DigestResult> {
  for await (const result of source.digest([{ path: PDF, algorithms: ['sha256'] }])) return result;
  throw new Error('no result');
}

const swaps: [string, (file: string, canary: string) => void, RegExp][] = [
  ['a link to a file outside the package', (file, canary) => (unlinkSync(file), symlinkSync(canary, file)), /symbolic link/],
  ['a FIFO (a read would block forever)', (file) => (unlinkSync(file), execFileSync('mkfifo', [file])), /FIFO/],
  ['another file of the same size', (file) => {
    const bytes = readFileSync(file);
    bytes[0] = (bytes[0] as number) ^ 0xff;
    writeFileSync(`${file}.new`, bytes);
    renameSync(`${file}.new`, file);
  }, /replaced by another file/],
  ['the same file, grown', (file) => appendFileSync(file, 'more'), /changed since it was listed/],
];

describe('a file swapped after listing', () => {
  for (const [what, swap, reason] of swaps) {
    it(`${what}: read, stream and digest fail with the reason; the package report names the file`, async () => {
      const { source, canary } = await listedThenSwapped(swap);
      await expect(source.read(PDF)).rejects.toThrow(reason);
      await expect((async () => {
        for await (const _ of source.stream(PDF)) void _;
      })()).rejects.toThrow(reason);
      const digest = await digestOf(source);
      expect(digest.error).toMatch(reason);
      expect(digest.digests).toEqual({});
      const report = await validatePackage(source, { locale: 'en' });
      expect(report.valid).toBe(false);
      const json = JSON.stringify(report);
      expect(report.issues.some((i) => i.path === PDF && i.severity === 'error')).toBe(true);
      expect(json).toMatch(reason);
      const outside = createHash('sha256').update(readFileSync(canary)).digest('hex');
      expect(json).not.toContain(outside);
    }, 20_000);
  }
});
