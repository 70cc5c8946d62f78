import { describe, expect, it } from 'vitest';
import { buildReport, createIssue, mergeShardReports, type Issue, type Report } from '../../src/index.js';
import { ownsPathOf, packageFingerprint, shardOfPath } from '../../src/package/shard.js';

const ENTRIES = [{ path: 'a/正文.pdf', kind: 'file' as const, size: 10 }];
const shardOf = (index: number, count: number) => ({ index, count, package: packageFingerprint(ENTRIES) });
const mismatch = (path: string): Issue => ({ ...createIssue('fixity.mismatch', { path, params: { algorithm: 'SM3', source: 'x' }, expected: 'a', received: 'b' }), checkId: 'fixity.digest' });
const structural = (n: number): Issue => ({ ...createIssue('content.unlisted', { path: `s/${n}`, params: { file: `s/${n}` } }), checkId: 'content.completeness' });

/** A shard's report made as a validator makes it: capped by buildReport. */
function shard(index: number, count: number, issues: Issue[], max: number): Report {
  return buildReport({ profile: 'dat93', issues, checks: [{ id: 'fixity.digest', status: 'passed' }, { id: 'content.completeness', status: 'passed' }], files: 1, bytes: 10, maxIssuesPerCode: max, shard: shardOf(index, count) });
}

describe('shardOfPath', () => {
  it('is FNV-1a of the NFC UTF-8 path, modulo N: fixed values, the same for NFD input', () => {
    // FNV-1a 32 of "a" is 0xe40c292c.
    expect(shardOfPath('a', 1_000_000_007)).toBe(0xe40c292c % 1_000_000_007);
    expect(shardOfPath('e\u0301.pdf', 7)).toBe(shardOfPath('é.pdf', 7));
    const paths = Array.from({ length: 4000 }, (_, i) => `Z109/WS/${String(i).padStart(4, '0')}/正文.pdf`);
    const counts = [0, 0, 0, 0];
    for (const p of paths) counts[shardOfPath(p, 4)]! += 1;
    // Spread evenly (each within 10 % of a quarter), and every path owned by exactly one shard.
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(100);
    for (const p of paths) expect([0, 1, 2, 3].filter((i) => ownsPathOf({ index: i, count: 4 })(p))).toHaveLength(1);
  });
});

describe('mergeShardReports', () => {
  it('a structure code capped alike in every shard keeps one count; a content code adds the shards’ counts up', () => {
    const max = 3;
    const content = Array.from({ length: 10 }, (_, i) => mismatch(`c/${String(i).padStart(2, '0')}`));
    const structure = Array.from({ length: 5 }, (_, i) => structural(i));
    const whole = buildReport({ profile: 'dat93', issues: [...structure, ...content], checks: [{ id: 'fixity.digest', status: 'passed' }, { id: 'content.completeness', status: 'passed' }], files: 1, bytes: 10, maxIssuesPerCode: max });
    const owner = (path: string) => shardOfPath(path, 2);
    const parts = [0, 1].map((i) => shard(i, 2, [...structure, ...content.filter((c) => owner(c.path!) === i)], max));
    const merged = mergeShardReports(parts.map((report, i) => ({ name: `${i}.json`, report })), { maxIssuesPerCode: max });
    expect(merged.ok).toBe(true);
    const report = (merged as { report: Report }).report;
    const left = (r: Report, code: string) => r.issues.find((i) => i.code === 'limits.issues-truncated' && i.params?.code === code)?.received;
    expect(left(report, 'content.unlisted')).toBe(2);
    expect(left(report, 'fixity.mismatch')).toBe(7);
    expect(report.summary).toEqual(whole.summary);
    // Content issues over the cap are listed in path order, as the whole run hashes them.
    expect(report.issues.filter((i) => i.code === 'fixity.mismatch').map((i) => i.path)).toEqual(['c/00', 'c/01', 'c/02']);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual(whole.checks.map((c) => [c.id, c.status]));
    expect(report.checks[0]!.status).toBe('failed');
    expect(new Set(report.issues.map((i) => JSON.stringify(i)))).toEqual(new Set(whole.issues.map((i) => JSON.stringify(i))));
    expect(report.shard).toBeUndefined();
  });

  it('refuses what is not the N shards of one package, naming the file', () => {
    const a = shard(0, 2, [], 10);
    const b = shard(1, 2, [], 10);
    const refusal = (reports: Report[]) => {
      const merged = mergeShardReports(reports.map((report, i) => ({ name: `r${i}.json`, report })), { locale: 'en' });
      return merged.ok ? undefined : [merged.refusal.code, merged.refusal.message];
    };
    expect(refusal([a, b])).toBeUndefined();
    expect(refusal([a])).toEqual(['shard.missing', 'Shards are missing: of 2, shard 1 is not given']);
    expect(refusal([a, a, b])?.[0]).toBe('shard.duplicate');
    expect(refusal([a, shard(1, 3, [], 10)])?.[0]).toBe('shard.count-mismatch');
    expect(refusal([a, { ...b, shard: { ...b.shard!, package: '0000000000000000' } }])?.[0]).toBe('shard.package-mismatch');
    expect(refusal([a, { ...b, summary: { ...b.summary, files: 2 } }])?.[0]).toBe('shard.package-mismatch');
    const { shard: _none, ...whole } = b;
    expect(refusal([a, whole])).toEqual(['shard.not-a-shard', '"r1.json" is not a shard report (it has no shard field; make one with dangan validate --shard I/N --format json)']);
    expect(refusal([])?.[0]).toBe('shard.missing');
  });
});
