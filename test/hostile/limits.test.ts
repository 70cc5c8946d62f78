import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLimits, refuseEntries, resolveLimits, screenLimits, unportableNameReason, withLimitIssues } from '../../src/package/limits.js';
import type { PackageEntry } from '../../src/package/source.js';
import { validatePackage } from '../../src/package/validatePackage.js';
import { defaultXmlLimits } from '../../src/xml/limits.js';
import { readXml } from '../../src/xml/parse.js';
import { buildReport } from '../../src/report/report.js';
import { memorySource } from './fuzzTargets.js';

const file = (path: string, size = 10, compressedSize?: number): PackageEntry => ({ path, kind: 'file', size, ...(compressedSize !== undefined ? { compressedSize } : {}) });
const codes = (entries: PackageEntry[], overrides = {}) => screenLimits(entries, resolveLimits(overrides), 'en').issues.map((i) => i.code);

describe('Limits', () => {
  it('is one object: the XML limits are the XML layer’s own defaults', () => {
    for (const [key, value] of Object.entries(defaultXmlLimits)) expect(defaultLimits[key as keyof typeof defaultLimits]).toBe(value);
  });

  it('resolveLimits keeps defaults for unset keys and refuses non-positive overrides', () => {
    expect(resolveLimits({ maxEntries: 5 })).toEqual({ ...defaultLimits, maxEntries: 5 });
    expect(resolveLimits({ maxEntries: undefined })).toEqual(defaultLimits);
    expect(() => resolveLimits({ maxDepth: 0 })).toThrow(RangeError);
    expect(() => resolveLimits({ maxFileBytes: Number.NaN })).toThrow(RangeError);
  });

  it('stops at the entry count and the total bytes, before anything else', () => {
    const many = Array.from({ length: 11 }, (_, i) => file(`f${i}`));
    expect(screenLimits(many, resolveLimits({ maxEntries: 10 })).stop).toBe(true);
    expect(codes(many, { maxEntries: 10 })).toEqual(['limits.entries']);
    expect(codes(many, { maxEntries: 11 })).toEqual([]);
    expect(codes([file('a', 600), file('b', 500)], { maxTotalBytes: 1000 })).toEqual(['limits.total-bytes']);
  });

  it('refuses a too-large file and a too-highly compressed entry, but not a small regular one', () => {
    const big = screenLimits([file('big', 101), file('ok', 100)], resolveLimits({ maxFileBytes: 100 }));
    expect([...big.refused]).toEqual(['big']);
    const bomb = screenLimits([file('bomb', 64 * 2 ** 20, 65_000), file('small', 100_000, 10)], resolveLimits());
    expect(bomb.issues.map((i) => [i.code, i.received])).toEqual([['limits.compression-ratio', 1032]]);
    expect([...bomb.refused]).toEqual(['bomb']);
  });

  it('reports each duplicate name once, long paths and unportable names', () => {
    expect(codes([file('a/x'), file('a/x'), file('a/x')])).toEqual(['limits.entry-duplicate']);
    expect(codes([file(`${'d/'.repeat(200)}x`)])).toEqual(['limits.path-length']);
    expect(codes([file('a\nb')])).toEqual(['limits.entry-name']);
  });

  it('unportableNameReason: control characters, Windows device names and characters, trailing dot or space', () => {
    expect(unportableNameReason('Z109/WS/正文.pdf')).toBeUndefined();
    expect(unportableNameReason('a/CON')).toMatch(/CON/);
    expect(unportableNameReason('a/aux.txt')).toMatch(/aux\.txt/);
    expect(unportableNameReason('a/CONSOLE.txt')).toBeUndefined();
    expect(unportableNameReason('a/b\u0001')).toMatch(/U\+0001/);
    expect(unportableNameReason('a/b?.pdf')).toMatch(/\?/);
    expect(unportableNameReason('a/b.')).toMatch(/dot or space/);
  });

  it('a refused file is never read: read and stream throw, digest answers with an error, others pass through', async () => {
    const source = refuseEntries(memorySource(new Map([['a', new Uint8Array([1])], ['b', new Uint8Array([2])]])), new Set(['a']));
    await expect(source.read('a')).rejects.toThrow(/limit/);
    await expect(source.read('b')).resolves.toEqual(new Uint8Array([2]));
    await expect((async () => { for await (const _ of source.stream('a')) void _; })()).rejects.toThrow(/limit/);
    const results = [];
    for await (const r of source.digest([{ path: 'a', algorithms: ['sha256'] }, { path: 'b', algorithms: ['sha256'] }])) results.push(r);
    expect(results.map((r) => [r.path, r.error !== undefined])).toEqual([['a', true], ['b', false]]);
  });

  it('limit issues fail security.entries and come first', () => {
    const report = buildReport({ profile: 'dat93', issues: [], checks: [{ id: 'security.entries', status: 'passed' }] });
    const screening = screenLimits([file('x', 10)], resolveLimits({ maxFileBytes: 1 }));
    const merged = withLimitIssues(report, screening);
    expect(merged.checks.map(({ id, status }) => ({ id, status }))).toEqual([{ id: 'security.entries', status: 'failed' }]);
    expect(merged.valid).toBe(false);
    expect(withLimitIssues(report, { issues: [] })).toBe(report);
  });

  it('validatePackage honours every entry limit as an issue, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 64 }), async (maxEntries, maxFileBytes) => {
        const files = new Map(Array.from({ length: 6 }, (_, i) => [`P/f${i}.txt`, new Uint8Array(i * 10)] as const));
        const report = await validatePackage(memorySource(files), { limits: { maxEntries, maxFileBytes } });
        const got = new Set(report.issues.map((i) => i.code));
        expect(got.has('limits.entries')).toBe(maxEntries < 7);
        if (maxEntries >= 7) expect(got.has('limits.file-bytes')).toBe(maxFileBytes < 50);
      }),
      { numRuns: 40 },
    );
  });

  it('validatePackage passes the XML part of the limits to every XML it reads', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { VALID_PACKAGE } = await import('./paths.js');
    const files = new Map<string, Uint8Array>();
    const walk = (rel: string) => {
      for (const name of readdirSync(join(VALID_PACKAGE, rel))) {
        const path = rel ? `${rel}/${name}` : name;
        if (statSync(join(VALID_PACKAGE, path)).isDirectory()) walk(path);
        else files.set(path, new Uint8Array(readFileSync(join(VALID_PACKAGE, path))));
      }
    };
    walk('');
    expect((await validatePackage(memorySource(files))).valid).toBe(true);
    const shallow = await validatePackage(memorySource(files), { limits: { maxDepth: 2 } });
    const depthPaths = shallow.issues.filter((i) => i.code === 'xml.limit-depth').map((i) => i.path);
    expect(depthPaths).toContain('目录文件.XML');
    expect(depthPaths.some((p) => p?.endsWith('电子档案元数据.XML'))).toBe(true);
  });

  it('the XML time budget stops a long scan with xml.limit-time', () => {
    const text = `<r>${'<a/>'.repeat(300_000)}</r>`;
    expect(readXml(text, { limits: { maxMilliseconds: 1 } }).issues.map((i) => i.code)).toContain('xml.limit-time');
    expect(readXml(text).issues.map((i) => i.code)).not.toContain('xml.limit-time');
  });
});
