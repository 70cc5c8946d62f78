import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltDist } from '../builtDist.js';
import { comparableReport } from '../comparableReport.js';

/**
 * Issue 22, beyond one machine: `dangan validate --shard I/N` run as separate processes for
 * N = 1, 2 and 4, merged with `dangan report merge` (or `mergeShardReports`), gives the report
 * of one whole run, ordering aside — for the whole fixture corpus (every case of
 * test/fixtures/packages/cases, and one standalone .eep, each validated through
 * `--from LIST --format jsonl`, so one process per shard) and for a 2,000-item
 * 移交信息包 (4,000 content files) with planted faults, more than 1,000 of them
 * `fixity.mismatch`, so the per-code cap is merged too. `bench/shard.mjs` runs 10,000 items.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const DIST = requireBuiltDist('the shard runs (separate processes of the built CLI)');
const CASES = join(ROOT, 'test', 'fixtures', 'packages', 'cases');
const SHARD_COUNTS = [1, 2, 4] as const;

interface Issue {
  code: string;
  checkId?: string;
  [key: string]: unknown;
}
interface Report {
  valid: boolean;
  profile: string;
  summary: Record<string, number>;
  checks: { id: string; status: string; issues?: number[] }[];
  issues: Issue[];
  shard?: { index: number; count: number; package: string };
}

/** Runs the built CLI as its own process; resolves to exit code and output. */
function dangan(args: readonly string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DIST.bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** Two at a time: the machine has two cores. */
async function inPairs<T>(jobs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

function shardArgs(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => ['--shard', `${i}/${n}`]);
}

let work: string;
beforeAll(() => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.tmp', 'shard-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the fixture corpus: shards merged equal the single run', () => {
  it('every case (and a standalone .eep), N = 1, 2, 4, one --from process per shard', async () => {
    const cases = readdirSync(CASES).sort();
    expect(cases.length).toBeGreaterThan(60);
    const paths = [...cases.map((c) => relative(ROOT, join(CASES, c))), relative(ROOT, join(CASES, 'eep.content--base64', '正文.eep'))];
    const list = join(work, 'corpus.txt');
    writeFileSync(list, `# the fixture corpus\n\n${paths.join('\n')}\n`);
    const runs = [[], ...SHARD_COUNTS.flatMap(shardArgs)];
    const results = await inPairs(runs.map((extra) => () => dangan(['validate', '--from', list, '--format', 'jsonl', '--lang', 'en', ...extra])));
    const byRun = results.map(({ code, stdout, stderr }) => {
      expect(stderr).toBe('');
      // Some cases are invalid; none is unopenable.
      expect(code).toBe(1);
      const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Report & { type: string; path: string });
      expect(lines.map((l) => l.path)).toEqual(paths);
      return lines;
    });
    const { mergeShardReports } = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as {
      mergeShardReports: (r: { name: string; report: Report }[], o?: { locale?: string }) => { ok: boolean; report?: Report; refusal?: Issue };
    };
    let run = 1;
    let contentSplit = 0;
    for (const n of SHARD_COUNTS) {
      const shards = byRun.slice(run, run + n);
      run += n;
      paths.forEach((path, p) => {
        const { type, path: _path, ...single } = byRun[0]![p]!;
        expect(type).toBe('report');
        expect(single.shard).toBeUndefined();
        const parts = shards.map((lines, i) => {
          const { type: _t, path: _p, ...report } = lines[p]!;
          expect(report.shard).toMatchObject({ index: i, count: n });
          return { name: `${path}#${i}`, report: report as Report };
        });
        if (n > 1 && new Set(parts.map((s) => s.report.issues.length)).size > 1) contentSplit++;
        const merged = mergeShardReports(parts, { locale: 'en' });
        expect(merged.ok, `${path} N=${n}: ${merged.refusal?.message as string}`).toBe(true);
        expect(comparableReport(merged.report!), `${path} merged from ${n} shards`).toEqual(comparableReport(single as Report));
      });
    }
    // The split did something: some packages' shards found different content issues.
    expect(contentSplit).toBeGreaterThan(5);
  }, 300_000);
});

/** A 移交信息包 of `items` items, 2 content files each, built with `dangan build`; returns its folder. */
function buildPackage(dir: string, items: number): string {
  const stage = join(dir, 'stage');
  mkdirSync(join(stage, 'files'), { recursive: true });
  const rows = Array.from({ length: items }, (_, i) => {
    const n = i + 1;
    const code = `Z109-WS·2020-Y-BGS-${String(n).padStart(4, '0')}`;
    const folder = join(stage, 'files', code);
    mkdirSync(folder);
    for (const name of ['正文.pdf', '附件1.pdf']) writeFileSync(join(folder, name), `%PDF-1.7\n% ${code} ${name} ${'x'.repeat(n % 97)}\n%%EOF\n`);
    return { sequenceNumber: n, archivalCode: code, author: '某市档案馆', title: `第${n}件测试文件`, date: '20200101', retentionPeriod: 'Y', pageCount: 1 };
  });
  writeFileSync(join(stage, 'catalogue.json'), JSON.stringify(rows));
  const out = join(dir, 'pkg');
  const built = spawnSync(process.execPath, [DIST.bin, 'build', join(stage, 'catalogue.json'), join(stage, 'files'), '-o', out, '--fonds-name', '某市档案馆', '--format', 'json', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(built.status, built.stderr + built.stdout.slice(0, 2000)).toBe(0);
  rmSync(stage, { recursive: true, force: true });
  return out;
}

function contentFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.pdf'))
    .sort()
    .map((p) => join(dir, p));
}

describe('a 1,000-item package with planted faults: shards merged equal the single run', () => {
  const ITEMS = 1000;
  let pkg: string;
  beforeAll(() => {
    pkg = buildPackage(join(work, 'big'), ITEMS);
    const files = contentFiles(pkg);
    expect(files).toHaveLength(2 * ITEMS);
    files.forEach((file, i) => {
      const bytes = readFileSync(file);
      if (i % 5 < 3) {
        // One byte changed, same size: fixity.mismatch (1,200 of them: over the 1,000 cap).
        bytes[bytes.length - 8] = bytes[bytes.length - 8]! ^ 0x20;
        writeFileSync(file, bytes);
      } else if (i % 401 === 3) {
        // A PNG where a PDF is declared, same size: content.format-mismatch and fixity.mismatch.
        Buffer.from('\x89PNG\r\n\x1a\n', 'latin1').copy(bytes, 0);
        writeFileSync(file, bytes);
      } else if (i % 397 === 4) {
        // An executable (MZ): security.executables.
        Buffer.from('MZ\x90\x00', 'latin1').copy(bytes, 0);
        writeFileSync(file, bytes);
      }
    });
    // Structure faults, the same in every shard: a missing and an unlisted file.
    unlinkSync(files[5]!);
    writeFileSync(join(files[7]!, '..', '多余.pdf'), '%PDF-1.7\n%%EOF\n');
  }, 300_000);

  it('N = 1, 2, 4 shard processes merged by dangan report merge (json, text, junit agree)', async () => {
    const runs = [[], ...SHARD_COUNTS.flatMap(shardArgs)];
    const results = await inPairs(runs.map((extra) => () => dangan(['validate', pkg, '--format', 'json', '--quiet', ...extra])));
    for (const r of results) expect(r.code, r.stderr).toBe(1);
    const reports = results.map((r) => JSON.parse(r.stdout) as Report);
    const single = reports[0]!;
    const codes = (r: Report) => r.issues.map((i) => i.code);
    expect(codes(single).filter((c) => c === 'fixity.mismatch')).toHaveLength(1000);
    const truncated = single.issues.find((i) => i.code === 'limits.issues-truncated' && (i.params as { code: string }).code === 'fixity.mismatch');
    expect(truncated?.received).toBeGreaterThan(150);
    for (const code of ['content.format-mismatch', 'content.missing', 'content.unlisted', 'fixity.file-missing']) expect(codes(single)).toContain(code);
    let run = 1;
    for (const n of SHARD_COUNTS) {
      const files = reports.slice(run, run + n).map((report, i) => {
        const file = join(work, `shard-${n}-${i}.json`);
        writeFileSync(file, JSON.stringify(report));
        return file;
      });
      run += n;
      if (n > 1) {
        // Each shard hashed only its share: fewer mismatches found than the whole run's.
        for (const file of files) {
          const part = JSON.parse(readFileSync(file, 'utf8')) as Report;
          const listed = part.issues.filter((i) => i.code === 'fixity.mismatch').length;
          const left = part.issues.find((i) => i.code === 'limits.issues-truncated' && (i.params as { code: string }).code === 'fixity.mismatch')?.received ?? 0;
          expect(listed + (left as number)).toBeLessThan(1000 + (truncated!.received as number));
        }
      }
      const merged = await dangan(['report', 'merge', ...files.reverse(), '--format', 'json']);
      expect(merged.code, merged.stderr).toBe(1);
      expect(comparableReport(JSON.parse(merged.stdout) as Report), `merged from ${n} shards`).toEqual(comparableReport(single));
    }
  }, 300_000);
});

describe('dangan report merge refuses shards that do not make one run (exit 2)', () => {
  let parts: string[];
  beforeAll(async () => {
    const pkg = join(CASES, 'fixity.digest--mismatch');
    const results = await inPairs([0, 1, 2].map((i) => () => dangan(['validate', pkg, '--format', 'json', '--shard', `${i}/3`])));
    parts = results.map((r, i) => {
      const file = join(work, `refuse-${i}.json`);
      writeFileSync(file, r.stdout);
      return file;
    });
  }, 120_000);

  it('a missing, a repeated shard, another N, another package, not a shard report', async () => {
    const other = join(work, 'other.json');
    // Another listing (an unlisted file more): the fingerprint covers paths, kinds and sizes.
    writeFileSync(other, (await dangan(['validate', join(CASES, 'content.completeness--unlisted'), '--format', 'json', '--shard', '2/3'])).stdout);
    const otherN = join(work, 'other-n.json');
    writeFileSync(otherN, (await dangan(['validate', join(CASES, 'fixity.digest--mismatch'), '--format', 'json', '--shard', '1/2'])).stdout);
    const whole = join(work, 'whole.json');
    writeFileSync(whole, (await dangan(['validate', join(CASES, 'fixity.digest--mismatch'), '--format', 'json'])).stdout);
    const cases: [string[], RegExp][] = [
      [[parts[0]!, parts[1]!], /shard 2 is not given/],
      [[parts[0]!, parts[1]!, parts[1]!, parts[2]!], /Shard 1 is given twice/],
      [[parts[0]!, parts[1]!, otherN], /one of 2 shards, the others of 3/],
      [[parts[0]!, parts[1]!, other], /another package/],
      [[parts[0]!, whole], /not a shard report/],
    ];
    for (const [files, message] of cases) {
      const result = await dangan(['report', 'merge', ...files, '--lang', 'en']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
    const zh = await dangan(['report', 'merge', parts[0]!]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('缺少分片');
    const ok = await dangan(['report', 'merge', ...parts, '--format', 'junit']);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toContain('<testsuites');
  }, 120_000);

  it('--shard must be I/N with 0 <= I < N', async () => {
    for (const bad of ['4/4', '1', '2/-1', '0/0', 'a/b']) {
      const result = await dangan(['validate', join(CASES, 'valid'), '--shard', bad]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain('--shard must be I/N');
    }
  }, 60_000);
});

describe('validate --from LIST --format jsonl', () => {
  it('one report line per listed path; a missing path is its own line with input.unreadable; exit code the worst', async () => {
    const list = join(work, 'intake.txt');
    writeFileSync(list, `# today's intake\n${join(CASES, 'valid')}\n\n${join(work, 'no-such-package')}\n`);
    const result = await dangan(['validate', '--from', list, '--format', 'jsonl', '--lang', 'en']);
    expect(result.code).toBe(2);
    const lines = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Report & { path: string });
    expect(lines.map((l) => [l.path, l.valid])).toEqual([
      [join(CASES, 'valid'), true],
      [join(work, 'no-such-package'), false],
    ]);
    expect(lines[1]!.issues.map((i) => [i.code, i.message])).toEqual([['input.unreadable', 'The input cannot be read: ENOENT']]);
    const valid = join(work, 'valid.txt');
    writeFileSync(valid, `${join(CASES, 'valid')}\n${join(CASES, 'valid-bag')}\n`);
    const output = join(work, 'out.jsonl');
    expect((await dangan(['validate', '--from', valid, '--format', 'jsonl', '--output', output])).code).toBe(0);
    expect(readFileSync(output, 'utf8').trimEnd().split('\n')).toHaveLength(2);
    const bad = await dangan(['validate', '--from', valid, '--format', 'json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from needs --format jsonl');
    expect(statSync(output).size).toBeGreaterThan(0);
  }, 120_000);
});
