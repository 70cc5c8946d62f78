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
