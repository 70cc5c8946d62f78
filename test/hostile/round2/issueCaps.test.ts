import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePackage } from '../../../src/package/validatePackage.js';
import type { PackageEntry, PackageSource } from '../../../src/package/source.js';
import { capIssuesPerCode } from '../../../src/report/capIssues.js';
import { createIssue } from '../../../src/report/createIssue.js';
import { formatSarif } from '../../../src/report/format/sarif.js';
import type { Issue } from '../../../src/report/issue.js';
import { mergeReports } from '../../../src/package/mergeReports.js';

// Issue 23 class 8: limits.path-length, limits.entry-name and bagit.* escaped the
// per-code cap (100,000 issues: 76 MB JSON, 101 MB SARIF at 844 MB RSS).

/** A bag of `n` empty payload files, each under a path longer than 260 and with a control character in its name. */
function hostileBag(n: number): PackageSource {
  const tag = new TextEncoder().encode('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  // A manifest that lists none of them: each is also bagit.payload.unlisted.
  const manifest = new TextEncoder().encode(`${'0'.repeat(64)}  data/other.txt\n`);
  const entries: PackageEntry[] = [
    { path: 'bagit.txt', kind: 'file', size: tag.length },
    { path: 'manifest-sha256.txt', kind: 'file', size: manifest.length },
    { path: 'data', kind: 'directory', size: 0 },
  ];
  const deep = 'd'.repeat(300);
  for (let i = 0; i < n; i += 1) entries.push({ path: `data/${deep}/f${i}\u0001.txt`, kind: 'file', size: 0 });
  return {
    name: 'caps',
    entries: async () => entries,
    read: async (path) => (path === 'bagit.txt' ? tag : path === 'manifest-sha256.txt' ? manifest : new Uint8Array()),
    stream: async function* () {},
    digest: async function* (requests) {
      for (const r of requests) yield { path: r.path, bytes: 0, digests: {} };
    },
  };
}

describe('issue caps (issue 23, class 8)', () => {
  it('100,000 over-long, badly named entries: at most 1,000 issues per code plus one truncation issue per code saying how many were dropped', { timeout: 60_000 }, async () => {
    const n = 100_000;
    // The budget is 5 s of CPU (process.cpuUsage), not of wall clock, which a shared machine stretches.
    const cpu = process.cpuUsage();
    const report = await validatePackage(hostileBag(n), { locale: 'en', fixity: false });
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1e6).toBeLessThan(5);
    expect(process.memoryUsage().rss).toBeLessThan(512 * 1024 * 1024);
    const byCode = new Map<string, number>();
    for (const issue of report.issues) byCode.set(issue.code, (byCode.get(issue.code) ?? 0) + 1);
    for (const [code, count] of byCode) if (code !== 'limits.issues-truncated') expect(count, code).toBeLessThanOrEqual(1000);
    const truncated = report.issues.filter((i) => i.code === 'limits.issues-truncated');
    const dropped = Object.fromEntries(truncated.map((i) => [i.params?.code, i.received]));
    expect(dropped['limits.path-length']).toBe(n - 1000);
    expect(dropped['limits.entry-name']).toBe(n - 1000);
    expect(dropped['bagit.payload.unlisted']).toBe(n - 1000);
    expect(report.valid).toBe(false);
    expect(report.issues.find((i) => i.code === 'limits.path-length')?.path).toBe(`data/${'d'.repeat(300)}/f0\u0001.txt`);
    // The whole report, in the largest format, stays small.
    const sarif = formatSarif(report);
    expect(sarif.length).toBeLessThan(8 * 1024 * 1024);
  });

  it('property: capIssuesPerCode keeps the first k of each code in order and counts the rest, also across merged reports', () => {
    const issue = (code: 'limits.path-length' | 'limits.entry-name', i: number): Issue => createIssue(code, { path: `p${i}` });
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (picks, k) => {
        const issues = picks.map((p, i) => issue(p ? 'limits.path-length' : 'limits.entry-name', i));
        const capped = capIssuesPerCode(issues, { maxPerCode: k });
        for (const code of ['limits.path-length', 'limits.entry-name']) {
          const all = issues.filter((i) => i.code === code);
          expect(capped.filter((i) => i.code === code)).toEqual(all.slice(0, k));
          const summary = capped.filter((i) => i.code === 'limits.issues-truncated' && i.params?.code === code);
          expect(summary.map((i) => i.received)).toEqual(all.length > k ? [all.length - k] : []);
        }
        // Capping again (as a merge of capped reports does) keeps the totals.
        const twice = capIssuesPerCode([...capped, ...capped], { maxPerCode: k });
        const total = (list: Issue[], code: string) => list.filter((i) => i.code === code).length + Number(list.find((i) => i.code === 'limits.issues-truncated' && i.params?.code === code)?.received ?? 0);
        for (const code of ['limits.path-length', 'limits.entry-name']) expect(total(twice, code)).toBe(2 * total(capped, code));
      }),
    );
  });

  it('merged reports (one per .eep) are capped too', () => {
    const part = { valid: false, profile: 'eep', summary: { errors: 0, warnings: 0, infos: 0, files: 1, bytes: 0 }, checks: [], issues: Array.from({ length: 600 }, (_, i) => createIssue('eep.signature.invalid', { path: `${i}.eep`, params: { id: 'x' } })) };
    const merged = mergeReports('eep', [part, part, part]);
    expect(merged.issues.filter((i) => i.code === 'eep.signature.invalid')).toHaveLength(1000);
    expect(merged.issues.find((i) => i.code === 'limits.issues-truncated')?.received).toBe(800);
  });
});
