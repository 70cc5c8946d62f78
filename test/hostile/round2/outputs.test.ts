import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJobs } from '../../../src/cli/jobs.js';
import { run } from '../../../src/cli/run.js';
import type { Report } from '../../../src/report/report.js';
import { requireBuiltDist } from '../../builtDist.js';
import { memoryIo } from '../../cli/memoryIo.js';

// Issue 23 class 10 (outputs), --jobs and --format jsonl.
const tmp = mkdtempSync(join(tmpdir(), 'dangan-outputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cases = join(import.meta.dirname, '../../fixtures/packages/cases');

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, stdout, stderr } = memoryIo();
  const code = await run(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

function copyCase(name: string): string {
  const dir = join(tmp, `${name}-${Math.random().toString(36).slice(2)}`);
  cpSync(join(cases, name), dir, { recursive: true });
  return dir;
}

const oneLine = (stderr: string) => stderr.trimEnd().split('\n').length === 1 && !/\n\s+at /.test(stderr);

describe('--output (issue 23, class 10)', () => {
  it('into the package: refused with exit 2 and one line, 目录文件.XML untouched', async () => {
    const dir = copyCase('valid');
    const catalogue = join(dir, '目录文件.XML');
    const before = readFileSync(catalogue);
    const result = await cli('validate', dir, '--format', 'json', '--output', catalogue);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(true);
    expect(result.stderr).toContain('inside the input');
    expect(readFileSync(catalogue).equals(before)).toBe(true);
    // Through a symbolic link to the package too.
    const link = join(tmp, 'link-to-pkg');
    symlinkSync(dir, link);
    expect((await cli('validate', dir, '--output', join(link, 'report.json'))).code).toBe(2);
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
  });

  it('at the zip being validated: refused, the zip unchanged', async () => {
    const zip = join(tmp, 'pkg.zip');
    cpSync(join(cases, 'security.entries--encrypted-entry.zip'), zip);
    const before = readFileSync(zip);
    const result = await cli('validate', zip, '--output', zip);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the input itself');
    expect(oneLine(result.stderr)).toBe(true);
    expect(readFileSync(zip).equals(before)).toBe(true);
  });

  it('a missing folder, a folder, /dev/full: exit 2 with a one-line message', async () => {
    const dir = join(cases, 'valid');
    const missing = await cli('validate', dir, '--output', join(tmp, 'no/such/folder/r.json'));
    expect([missing.code, oneLine(missing.stderr)]).toEqual([2, true]);
    expect(missing.stderr).toContain('does not exist');
    const folder = join(tmp, 'a-folder');
    mkdirSync(folder);
    const isFolder = await cli('validate', dir, '--output', folder);
    expect([isFolder.code, oneLine(isFolder.stderr)]).toEqual([2, true]);
    expect(isFolder.stderr).toContain('it is a folder');
    const full = await cli('validate', dir, '--format', 'json', '--output', '/dev/full');
    expect([full.code, oneLine(full.stderr)]).toEqual([2, true]);
    expect(full.stderr).toContain('ENOSPC');
  });
});

describe('--jobs (issue 23)', () => {
  it('is capped at the number of cores, with a warning on stderr', () => {
    const err: string[] = [];
    expect(parseJobs('1000', { stderr: { write: (s: string) => err.push(s) } }, 2)).toBe(2);
    expect(err.join('')).toContain('--jobs 1000 is more than the 2 cores');
    expect(parseJobs('2', { stderr: { write: (s: string) => err.push(s) } }, 2)).toBe(2);
    expect(err).toHaveLength(1);
  });

  it('validate --jobs 1000 warns and still validates', async () => {
    const result = await cli('validate', join(cases, 'valid'), '--jobs', '1000', '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^dangan: --jobs 1000 is more than the \d+ cores of this machine; using \d+\n$/);
  });
});

describe('--format jsonl', () => {
  it('one JSON object per issue, then a summary line; the same issues as --format json', async () => {
    const pkg = join(cases, 'content.link--missing');
    const json = JSON.parse((await cli('validate', pkg, '--format', 'json')).stdout) as Report;
    const jsonl = await cli('validate', pkg, '--format', 'jsonl');
    expect(jsonl.code).toBe(1);
    const lines = jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    // Issues stream as they are found (docs/report.md): the summary's checks list no issue indexes, each issue line names its check.
    const checks = json.checks.map(({ issues, ...check }) => check);
    expect(lines.at(-1)).toEqual({ type: 'summary', valid: false, profile: json.profile, summary: json.summary, checks });
    const key = (issue: object) => JSON.stringify(issue, Object.keys(issue).sort());
    const streamed = lines.slice(0, -1).map(({ type, ...issue }) => (expect(type).toBe('issue'), issue));
    expect(streamed.map(key).sort()).toEqual(json.issues.map(key).sort());
    expect(streamed.length).toBeGreaterThan(0);
  });
});

const DIST = requireBuiltDist('stdout on a full disk (built binary)');
describe.skipIf(!DIST.fresh)(`stdout on a full disk${DIST.reason}`, () => {
  it('exits 2 (not 1, "invalid") with one line on stderr and no stack trace', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${DIST.bin}" validate "${join(cases, 'content.link--missing')}" --format json > /dev/full`], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('dangan: cannot write to standard output: ENOSPC\n');
  });
});
