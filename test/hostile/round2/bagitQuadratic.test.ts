import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import type { Report } from '../../../src/report/report.js';
import { memoryIo } from '../../cli/memoryIo.js';

// Issue 23 class 2: a BagIt manifest listing many missing files made the
// case-twin lookup scan the manifest once per missing entry (40,000 lines: 180 s).
const tmp = mkdtempSync(join(tmpdir(), 'dangan-bag-quadratic-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function bagWithMissing(n: number): string {
  const dir = join(tmp, `bag-${n}`);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  writeFileSync(join(dir, 'data/a.txt'), 'a');
  const lines = ['ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  data/a.txt'];
  // Case variants of one another and of present files too, so the twin index is exercised.
  for (let i = 0; i < n; i += 1) lines.push(`${'0'.repeat(64)}  data/${i % 2 ? 'Missing' : 'missing'}-${i}.txt`);
  lines.push(`ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  data/A.txt`);
  writeFileSync(join(dir, 'manifest-sha256.txt'), `${lines.join('\n')}\n`);
  return dir;
}

describe('BagIt manifest of 40,000 missing files (issue 23, class 2; before the fix 180 s)', () => {
  it('is reported within the 5 s budget: bagit.payload.missing at each path (capped), exit 1; the case twin still resolves', { timeout: 60_000 }, async () => {
    const bag = bagWithMissing(40_000);
    const { io, stdout, stderr } = memoryIo();
    // The budget is 5 s of CPU (process.cpuUsage), not of wall clock, which a shared machine stretches.
    const cpu = process.cpuUsage();
    const code = await run(['validate', bag, '--format', 'json', '--no-fixity'], io);
    const used = process.cpuUsage(cpu);
    const seconds = (used.user + used.system) / 1e6;
    expect(stderr()).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout()) as Report;
    const missing = report.issues.filter((i) => i.code === 'bagit.payload.missing');
    expect(missing[0]?.path).toBe('data/missing-0.txt');
    expect(missing.length).toBeLessThanOrEqual(1000);
    // The rest are counted in one truncation issue, not listed.
    const truncated = report.issues.find((i) => i.code === 'limits.issues-truncated' && i.params?.code === 'bagit.payload.missing');
    expect(truncated?.received).toBe(40_000 - missing.length);
    // data/A.txt is missing but listed with the digest of the present data/a.txt: resolved to it, not missing.
    expect(report.issues.some((i) => i.path === 'data/A.txt' && i.code === 'bagit.payload.missing')).toBe(false);
    expect(seconds).toBeLessThan(5);
  });
});
