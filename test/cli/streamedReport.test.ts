import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltDist } from '../builtDist.js';
import { run } from '../../src/cli/run.js';
import { memoryIo } from './memoryIo.js';

/**
 * `dangan validate --format jsonl` streams a 移交信息包's issues: a package with
 * 120,000 fixity claims naming files that are not there (120,000 errors) is
 * validated by the built CLI in a child process that measures the live heap
 * (after a full collection) when issue lines 1,000 and 100,000 are written and
 * at exit. Streamed, line 1,000 is written while the run still holds its
 * claims (well above the heap at exit), and the 99,000 issues between the two
 * add nothing; held, they would add about 99,000 × 0.3 KB ≈ 30 MB.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const DIST = requireBuiltDist('the streamed jsonl report (the built CLI in a child process)');
const CLAIMS = 120_000;
let work: string;
let pkg: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dangan-streamed-'));
  pkg = join(work, 'pkg');
  cpSync(join(ROOT, 'examples', 'packages', 'valid'), pkg, { recursive: true });
  // 固化验证信息.XML naming files the package does not hold: one fixity.file-missing each.
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<固化验证信息>\n';
  for (let i = 0; i < CLAIMS; i++) {
    xml += `  <文件>\n    <路径>Z109/WS/缺失/${i}.pdf</路径>\n    <算法>SM3</算法>\n    <数字摘要>${'0'.repeat(64)}</数字摘要>\n  </文件>\n`;
  }
  writeFileSync(join(pkg, '其他', '固化验证信息.XML'), `${xml}</固化验证信息>\n`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('validate --format jsonl streams the issues', () => {
  it.runIf(DIST.fresh)('writes 120,000 issue lines while validating, the live heap flat from line 1,000 to line 100,000', () => {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', join(ROOT, 'test', 'cli', 'streamedReportHeap.mjs'), '1000', '100000', DIST.bin, 'validate', pkg, '--format', 'jsonl', '--all-issues', '--lang', 'en'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const measured = JSON.parse(child.stderr.trim().split('\n').at(-1) as string) as { lines: number; heapAtFirst: number; heapAtLast: number; heapAtExit: number; code: number; lastLine: string };
    expect(measured.code).toBe(1);
    // Every claim's issue, then the summary line.
    expect(measured.lines).toBeGreaterThanOrEqual(CLAIMS + 1);
    const summary = JSON.parse(measured.lastLine) as { type: string; valid: boolean; summary: { errors: number }; checks: { id: string; status: string; issues?: number[] }[] };
    expect(summary.type).toBe('summary');
    expect(summary.valid).toBe(false);
    expect(summary.summary.errors).toBeGreaterThanOrEqual(CLAIMS);
    expect(summary.checks.find((c) => c.id === 'fixity.digest')?.status).toBe('failed');
    // Streamed: the summary lists no issue indexes (each issue line names its checkId).
    expect(summary.checks.every((c) => c.issues === undefined)).toBe(true);
    const mb = (bytes: number) => bytes / 2 ** 20;
    // Written during the run (its claims alive), not after it.
    expect(mb(measured.heapAtFirst - measured.heapAtExit)).toBeGreaterThan(20);
    expect(mb(measured.heapAtLast - measured.heapAtFirst)).toBeLessThan(8);
  });
});

describe('a streamed jsonl report says what the json report says', () => {
  it('the same issues, summary and check statuses for the faulty example, with and without a policy', async () => {
    const faulty = join(ROOT, 'examples', 'packages', 'faulty');
    for (const extra of [[], ['--strict', '--severity', 'content.unlisted=off,fixity.mismatch=warning']]) {
      const json = memoryIo();
      const jsonl = memoryIo();
      const jsonCode = await run(['validate', faulty, '--format', 'json', '--lang', 'en', ...extra], json.io);
      const jsonlCode = await run(['validate', faulty, '--format', 'jsonl', '--lang', 'en', ...extra], jsonl.io);
      expect(jsonlCode).toBe(jsonCode);
      const report = JSON.parse(json.stdout()) as { valid: boolean; summary: unknown; checks: { id: string; status: string }[]; issues: unknown[] };
      const lines = jsonl.stdout().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const summary = lines.at(-1) as { valid: boolean; summary: unknown; checks: { id: string; status: string }[] };
      const issues = lines.slice(0, -1).map(({ type, ...issue }) => (expect(type).toBe('issue'), JSON.stringify(issue)));
      expect(report.issues.length).toBeGreaterThan(3);
      expect(issues.sort()).toEqual(report.issues.map((i) => JSON.stringify(i)).sort());
      expect(summary.valid).toBe(report.valid);
      expect(summary.summary).toEqual(report.summary);
      expect(summary.checks.map((c) => [c.id, c.status])).toEqual(report.checks.map((c) => [c.id, c.status]));
    }
  });

  it('--max-entries lowers or raises the entry limit; a malformed count is a usage error', async () => {
    const valid = join(ROOT, 'examples', 'packages', 'valid');
    const low = memoryIo();
    expect(await run(['validate', valid, '--format', 'json', '--max-entries', '5'], low.io)).toBe(1);
    expect((JSON.parse(low.stdout()) as { issues: { code: string; expected: number }[] }).issues[0]).toMatchObject({ code: 'limits.entries', expected: 5 });
    expect(await run(['validate', valid, '--format', 'json', '--max-entries', '2000000'], memoryIo().io)).toBe(0);
    const bad = memoryIo();
    expect(await run(['validate', valid, '--max-entries', '1e6'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('--max-entries');
  });

  it('--all-issues needs --format jsonl', async () => {
    const { io, stderr } = memoryIo();
    expect(await run(['validate', join(ROOT, 'examples', 'packages', 'valid'), '--format', 'json', '--all-issues'], io)).toBe(2);
    expect(stderr()).toContain('--all-issues');
  });
});
