import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wrapTransferPackage } from '../../src/node/createBag.js';
import { validatePackage } from '../../src/package/validatePackage.js';
import { openDirectorySource } from '../../src/node/directorySource.js';
import { createCheckRun } from '../../src/package/checks/checkRun.js';
import { readItems } from '../../src/package/dat93/readItems.js';
import { validateTransferPackage } from '../../src/package/dat93/validateTransferPackage.js';
import { prefetchDigests } from '../../src/package/fixity/prefetchDigests.js';
import { findPackageRoot, mapPackageLayout } from '../../src/package/layout/packageLayout.js';
import type { DigestRequest, DigestResult, PackageSource } from '../../src/package/source.js';

const cases = join(import.meta.dirname, '../fixtures/packages/cases');

/** Wraps a source and records what is read how. */
function recording(source: PackageSource, options: { scans: boolean }) {
  const log = { digested: [] as DigestRequest[], streamed: [] as string[], read: [] as string[], digestCalls: 0 };
  const wrapped: PackageSource = {
    name: source.name,
    entries: () => source.entries(),
    read: (path, o) => (log.read.push(path), source.read(path, o)),
    stream: (path) => (log.streamed.push(path), source.stream(path)),
    async *digest(requests, o) {
      log.digestCalls++;
      log.digested.push(...requests);
      // A source that cannot scan: it drops the request's scan and returns none (like a browser source).
      const asked = options.scans ? requests : requests.map(({ scan: _scan, ...r }) => r);
      for await (const result of source.digest(asked, o)) {
        if (options.scans) yield result;
        else {
          const { scan: _scan, ...rest } = result;
          yield rest;
        }
      }
    },
  };
  return { source: wrapped, log };
}

const FIXTURES = ['valid', 'content.encryption--pdf', 'content.format--truncated-pdf', 'content.format--png-as-pdf', 'security.executables--macro', 'fixity.digest--mismatch', 'fixity.coverage--uncovered'];

describe('each content byte is read once', () => {
  for (const name of FIXTURES) {
    it(`${name}: content files are hashed and scanned on one read, and the report equals the fallback's`, async () => {
      const fused = recording(await openDirectorySource(join(cases, name)), { scans: true });
      const fallback = recording(await openDirectorySource(join(cases, name)), { scans: false });
      const fusedReport = await validateTransferPackage(fused.source, { locale: 'en' });
      const fallbackReport = await validateTransferPackage(fallback.source, { locale: 'en' });
      expect(fusedReport).toEqual(fallbackReport);
      // Scanning source: nothing hashed is streamed again, and no digest is computed twice.
      const hashed = fused.log.digested.map((r) => r.path);
      expect(fused.log.streamed.filter((p) => hashed.includes(p))).toEqual([]);
      const pairs = fused.log.digested.flatMap((r) => r.algorithms.map((a) => `${r.path} ${a}`));
      expect(new Set(pairs).size).toBe(pairs.length);
      // Source that does not scan: the core scanner reads every content file instead (streamed, or read whole when small).
      expect(hashed.length).toBeGreaterThan(0);
      expect(hashed.filter((p) => !fallback.log.streamed.includes(p) && !fallback.log.read.includes(p))).toEqual([]);
    });
  }

  it('hashing starts before the fixity check, and no digest is computed twice when the guess was short', async () => {
    // 'valid' declares MD5 in its first item and SM3 / SHA-256 elsewhere: the prefetch guesses MD5.
    const { source, log } = recording(await openDirectorySource(join(cases, 'valid')), { scans: true });
    await validateTransferPackage(source);
    // The prefetch is fed item by item (the first item's files, then the second's), then one call for what it lacked.
    expect(log.digestCalls).toBe(3);
    expect(log.digested[0]?.algorithms).toEqual(['md5']);
    const pairs = log.digested.flatMap((r) => r.algorithms.map((a) => `${r.path} ${a}`));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(log.digested.filter((r) => r.scan !== undefined).map((r) => r.path)).toEqual(log.digested.slice(0, 2).map((r) => r.path));
  });
});

describe('prefetchDigests', () => {
  it('answers covered requests from the prefetch, hashes the rest on demand, in request order', async () => {
    const base = await openDirectorySource(join(cases, 'valid'));
    const files = (await base.entries()).filter((e) => e.kind === 'file').map((e) => e.path);
    const { source, log } = recording(base, { scans: true });
    const prefetch = prefetchDigests(source, files.slice(0, 3).map((path) => ({ path, algorithms: ['sha256'] })));
    const asked: DigestRequest[] = [
      { path: files[2] as string, algorithms: ['sha256'] },
      { path: files[0] as string, algorithms: ['md5'] },
      { path: files[1] as string, algorithms: ['sha256'] },
      { path: files[4] as string, algorithms: ['sha256'] },
    ];
    const got: DigestResult[] = [];
    for await (const r of prefetch.source.digest(asked)) got.push(r);
    await prefetch.settled;
    const direct: DigestResult[] = [];
    for await (const r of base.digest(asked)) direct.push(r);
    expect(got).toEqual(direct);
    // The prefetch (3 files) and one on-demand call for what it did not cover (md5 of file 0, file 4).
    expect(log.digestCalls).toBe(2);
    expect(log.digested.slice(3).map((r) => [r.path, r.algorithms])).toEqual([[files[0], ['md5']], [files[4], ['sha256']]]);
  });
});

describe('readItems', () => {
  it('parses each metadata file in turn with a bounded read-ahead window', async () => {
    const base = await openDirectorySource(join(cases, 'valid'));
    const { source, log } = recording(base, { scans: true });
    const entries = await source.entries();
    const layout = mapPackageLayout(entries, findPackageRoot(entries) as string);
    const run = createCheckRun();
    const seen: number[] = [];
    const items = await readItems(source, layout, run, 1 << 20, () => seen.push(log.read.length));
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((i) => i.reading !== undefined)).toBe(true);
    // When item k is handed over, at most k + 1 + 16 files have been asked for.
    seen.forEach((reads, k) => expect(reads).toBeLessThanOrEqual(k + 1 + 16));
  });
});

describe('a bagged 移交信息包', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dangan-single-read-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('hashes each payload file once for the bag and the payload together, with the same report', async () => {
    const copy = join(tmp, 'src');
    cpSync(join(cases, 'valid'), copy, { recursive: true });
    const bag = join(tmp, 'bag');
    await wrapTransferPackage(copy, bag, { algorithms: ['sha1'] });
    const { source, log } = recording(await openDirectorySource(bag), { scans: true });
    const report = await validatePackage(source, { locale: 'en' });
    const plain = await validatePackage(recording(await openDirectorySource(bag), { scans: false }).source, { locale: 'en' });
    expect(report).toEqual(plain);
    expect(report.profile).toBe('bagit');
    const pairs = log.digested.flatMap((r) => r.algorithms.map((a) => `${r.path} ${a}`));
    expect(new Set(pairs).size).toBe(pairs.length);
    // The first request (the payload's prefetch) already carries the bag's manifest algorithm.
    expect(log.digested[0]?.path.startsWith('data/')).toBe(true);
    expect(log.digested[0]?.algorithms).toContain('sha1');
  });
});
