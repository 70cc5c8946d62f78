import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from './memoryIo.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/digitisation');
const tmp = mkdtempSync(join(tmpdir(), 'dangan-digitisation-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const io = memoryIo();
  const code = await run(['digitisation', ...args], io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('dangan digitisation check', () => {
  it('exit 0 on a valid batch, with statistics after the text report', async () => {
    const { code, stdout } = await cli('check', join(FIXTURES, 'valid/batch'), '--catalogue', join(FIXTURES, 'valid/目录文件.XML'), '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('VALID');
    expect(stdout).toContain('Pages by dpi: 300 8');
  });

  it('zh-CN statistics name colour modes in Chinese (DA/T 46 M55: 黑白二值 / 灰度 / 彩色)', async () => {
    const { stdout } = await cli('check', join(FIXTURES, 'valid/batch'), '--catalogue', join(FIXTURES, 'valid/目录文件.XML'));
    const line = stdout.split('\n').find((l) => l.startsWith('按色彩模式'));
    expect(line).toMatch(/(黑白二值|灰度|彩色) \d+/);
    expect(line).not.toMatch(/bilevel|grayscale|colour/);
  });

  it('exit 1 on the faults batch; JSON is exactly one Report; the CSV and statistics files are written', async () => {
    const csv = join(tmp, 'entries.csv');
    const stats = join(tmp, 'stats.json');
    const { code, stdout } = await cli('check', join(FIXTURES, 'faults/batch'), '--catalogue', join(FIXTURES, 'faults/catalogue.csv'), '--format', 'json', '--colour-mode', 'colour', '--csv', csv, '--stats', stats);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ valid: false, profile: 'digitisation' });
    expect(report.issues.map((i: { code: string }) => i.code)).toContain('digitisation.file-corrupt');
    expect(readFileSync(csv, 'utf8').split('\r\n')).toHaveLength(11);
    expect(JSON.parse(readFileSync(stats, 'utf8'))).toMatchObject({ layout: 'folder-per-code', files: 20, pagesByFormat: { jpeg: 17, png: 1, tiff: 1 } });
  });

  it('JUnit and SARIF group issues by the digitisation checks', async () => {
    const args = ['check', join(FIXTURES, 'faults/batch'), '--catalogue', join(FIXTURES, 'faults/catalogue.csv')];
    const junit = await cli(...args, '--format', 'junit');
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(/<testcase[^>]*name="digitisation.resolution [^"]*"[^/]*?>\s*<failure[^>]*type="digitisation.dpi-low"/);
    const sarif = JSON.parse((await cli(...args, '--format', 'sarif')).stdout);
    const rules = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toContain('digitisation.integrity');
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'digitisation.duplicate')).toBeDefined();
  });

  it('sampling: --sample and --seed give the same sample twice', async () => {
    const args = ['check', join(FIXTURES, 'faults/batch'), '--catalogue', join(FIXTURES, 'faults/catalogue.csv'), '--sample', '30%', '--seed', '9', '--format', 'json'];
    const [a, b] = [await cli(...args), await cli(...args)];
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).issues.find((i: { code: string }) => i.code === 'digitisation.sample').params.sampled).toBe(3);
  });

  it('exit 2 on usage errors and unopenable input', async () => {
    expect((await cli('check', join(FIXTURES, 'valid/batch'))).code).toBe(2);
    expect((await cli('check', join(FIXTURES, 'valid/batch'), '--catalogue', 'x.csv', '--sample', 'lots')).code).toBe(2);
    expect((await cli('check', join(tmp, 'nothing'), '--catalogue', join(FIXTURES, 'valid/catalogue.csv'), '--format', 'json')).code).toBe(2);
    expect((await cli('inspect')).code).toBe(2);
  });
});
