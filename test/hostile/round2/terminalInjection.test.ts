import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import type { Report } from '../../../src/report/report.js';
import { memoryIo } from '../../cli/memoryIo.js';

// Issue 23 class 7: names and values from a package reach the text report; none may
// drive the terminal (ESC, OSC, BEL, C1 CSI), forge a line (CR, LF, U+2028) or a
// GitHub Actions workflow command (a line starting ::), or reorder text (U+202E).
const tmp = mkdtempSync(join(tmpdir(), 'dangan-injection-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const valid = join(import.meta.dirname, '../../fixtures/packages/cases/valid');
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

const evilName = '正文\u001b]0;owned\u0007\n::error title=CI::forged\r\u202efdp.exe';
// XML 1.0 admits C1 controls, U+202E and line breaks in text, so 题名 / 计算机文件名 / 说明文件 carry them.
const evilTitle = '通知\u009b31m\n::error title=x::y\u202e';

function hostilePackage(): string {
  const dir = join(tmp, 'pkg');
  cpSync(valid, dir, { recursive: true });
  const item = join(dir, 'Z109/WS/Z109-WS·2024-Y-BGS-0001');
  writeFileSync(join(item, evilName), 'unlisted'); // a file no metadata names
  const metadata = join(item, '电子档案元数据.XML');
  writeFileSync(
    metadata,
    readFileSync(metadata, 'utf8')
      .replace('<题名>关于印发档案工作规定的通知</题名>', `<题名>${evilTitle}</题名>`)
      .replace('<计算机文件名>正文.pdf</计算机文件名>', '<计算机文件名>正文\u0085\n::warning::x\u2066.pdf</计算机文件名>'),
  );
  const description = join(dir, '说明文件.TXT');
  writeFileSync(description, readFileSync(description, 'utf8').replace('档案数量：2', '档案数量：2\u009b\u202e::x'));
  return dir;
}

async function validate(dir: string, format: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, stdout, stderr } = memoryIo();
  const code = await run(['validate', dir, '--format', format, '--lang', 'en', '--no-fixity'], io);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('terminal and CI-log injection (issue 23, class 7)', () => {
  it('--format text: one line per issue, every control and bidi character escaped, no line starts with ::', async () => {
    const dir = hostilePackage();
    const json = await validate(dir, 'json');
    const report = JSON.parse(json.stdout) as Report;
    const text = await validate(dir, 'text');
    expect(text.code).toBe(1);
    expect(json.code).toBe(1);
    expect(text.stderr).toBe('');
    expect(RAW.test(text.stdout)).toBe(false);
    const lines = text.stdout.split('\n');
    expect(lines.some((line) => line.startsWith('::'))).toBe(false);
    // Header, blank + aspect heading per aspect, one line per issue, blank + summary, trailing newline.
    const aspects = new Set(report.issues.map((i) => i.aspect)).size;
    const manual = report.checks.some((c) => c.status === 'manual') ? 2 : 0;
    expect(lines.length).toBe(1 + 2 * aspects + report.issues.length + manual + 2 + 1);
    // The hostile names and values are reported, and shown escaped.
    expect(text.stdout).toContain('\\x1b]0;owned\\x07\\n::error title=CI::forged\\r\\u202efdp.exe');
    expect(text.stdout).toContain('\\x9b31m\\n::error title=x::y\\u202e');
  });

  it('JSON keeps the exact names: the unlisted file at its real path, the 题名 and 计算机文件名 verbatim', async () => {
    const report = JSON.parse((await validate(hostilePackage(), 'json')).stdout) as Report;
    const paths = report.issues.map((i) => i.path);
    expect(paths).toContain(`Z109/WS/Z109-WS·2024-Y-BGS-0001/${evilName}`);
    const quoted = JSON.stringify(report.issues.map((i) => [i.message, i.expected, i.received]));
    expect(quoted).toContain(JSON.stringify(evilTitle).slice(1, -1));
    expect(quoted).toContain(JSON.stringify('正文\u0085\n::warning::x\u2066.pdf').slice(1, -1));
  });

  it('SARIF and JUnit encode the names losslessly (JSON string / XML character reference), not escaped for terminals', async () => {
    const dir = hostilePackage();
    const sarif = JSON.parse((await validate(dir, 'sarif')).stdout) as { runs: { results: { locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = sarif.runs[0]!.results.flatMap((r) => r.locations ?? []).map((l) => decodeURIComponent(l.physicalLocation.artifactLocation.uri));
    expect(uris.some((uri) => uri.endsWith(evilName))).toBe(true);
    const junit = (await validate(dir, 'junit')).stdout;
    expect(RAW.test(junit.replace(/[\n\r\t]/g, ''))).toBe(false);
  });
});

describe('terminal and CI-log injection in the other commands’ text output (issue 23, class 7)', () => {
  async function text(args: string[], stdin = ''): Promise<string> {
    const m = memoryIo(stdin);
    await run(args, m.io);
    return m.stdout() + m.stderr();
  }
  const checkSafe = (out: string) => {
    expect(RAW.test(out.replace(/[\n\t]/g, ''))).toBe(false);
    expect(out.split('\n').some((line) => line.startsWith('::'))).toBe(false);
  };

  it('code parse and code check escape the code they quote', async () => {
    const code = 'Z109-WS·2024-Y-BGS-0001\u001b]0;owned\u0007';
    const parsed = await text(['code', 'parse', code, '\n::error::forged']);
    checkSafe(parsed);
    expect(parsed).toContain('\\x1b]0;owned\\x07');
    checkSafe(await text(['code', 'check', '-'], `${code}\n::error::x\u202e\n`));
  });

  it('retention due and transfer-due escape 题名 cells: a tab or line feed cannot add a column or a line', async () => {
    const items = JSON.stringify([
      { title: '会议\t纪要\n::error::forged\u202e', year: 2000, retentionPeriod: 'D10' },
      { title: '通知\u009b31m', year: 2000, retentionPeriod: 'D10', archivalCode: 'Z109-WS·2000-D10-BGS-0001' },
    ]);
    const due = await text(['retention', 'due', '-', '--as-of', '2030-01-01'], items);
    checkSafe(due);
    const row = due.split('\n').find((line) => line.startsWith('1\t'));
    expect(row?.split('\t')[1]).toBe('会议\\t纪要\\n::error::forged\\u202e');
    checkSafe(await text(['retention', 'transfer-due', '-', '--as-of', '2030-01-01'], items));
    checkSafe(await text(['retention', 'lookup', '\u001b[2J会计凭证']));
  });

  it('classify escapes every catalogue cell', async () => {
    const items = JSON.stringify([{ title: '通知\u001b[31m\n::error::x', date: '20240105', retentionPeriod: 'Y', orgCode: 'BGS', author: '办公室\u202e', pageCount: 2 }]);
    const out = await text(['classify', '-', '--scheme', '年度-机构-保管期限', '--fonds', 'Z109'], items);
    checkSafe(out);
    expect(out).toContain('通知\\x1b[31m\\n::error::x');
  });
});
