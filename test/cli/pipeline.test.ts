import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { Report } from '../../src/report/report.js';
import { memoryIo } from './memoryIo.js';

// classify → build → validate, as README shows it, on the inputs shipped in examples/pipeline;
// then the CI controls of validate (--strict, --severity) and --code-profiles on every command that reads 档号.
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const ITEMS = join(EXAMPLES, 'pipeline', 'items.csv');
const FILES = join(EXAMPLES, 'pipeline', 'files');
const FAULTY = join(EXAMPLES, 'packages', 'faulty');
const tmp = mkdtempSync(join(tmpdir(), 'dangan-pipeline-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const m = memoryIo();
  const code = await run(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}
const json = (stdout: string) => JSON.parse(stdout) as Report;

describe('classify → build → validate', () => {
  it('chains through the CSV catalogue that classify writes', async () => {
    const classified = await cli('classify', ITEMS, '--fonds', 'Z109', '--format', 'csv');
    expect(classified.code).toBe(0);
    const lines = classified.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('序号,档号,文号,责任者,题名,日期,密级,页数,备注');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['Z109-WS·2024-Y-BGS-0001', 'Z109-WS·2024-D10-BGS-0001', 'Z109-WS·2024-D30-RSC-0001']);
    const catalogue = join(tmp, '归档文件目录.csv');
    writeFileSync(catalogue, classified.stdout);
    const out = join(tmp, '移交信息包');
    const built = await cli('build', catalogue, FILES, '-o', out, '--fonds-name', '某市人民政府办公室', '--match-column', '文号', '--format', 'json');
    expect(built.code, built.stdout).toBe(0);
    expect(json(built.stdout).summary.files).toBe(3);
    const validated = await cli('validate', out, '--strict', '--format', 'json');
    expect(validated.code, validated.stdout).toBe(0);
    expect(json(validated.stdout)).toMatchObject({ valid: true, profile: 'dat93' });
  });

  it('build also reads the JSON that classify --format json prints', async () => {
    const classified = await cli('classify', ITEMS, '--fonds', 'Z109', '--format', 'json');
    const file = join(tmp, 'classified.json');
    writeFileSync(file, classified.stdout);
    expect(Object.keys(JSON.parse(classified.stdout))).toContain('boxes');
    const built = await cli('build', file, FILES, '-o', join(tmp, 'from-json'), '--fonds-name', '某市人民政府办公室', '--match-column', '文号', '--format', 'json');
    expect(built.code, built.stdout).toBe(0);
    expect(json(built.stdout).summary.files).toBe(3);
  });

  it('rejects an unknown --format for classify (exit 2)', async () => {
    expect((await cli('classify', ITEMS, '--fonds', 'Z109', '--format', 'xml')).code).toBe(2);
  });
});

describe('validate --severity and --strict', () => {
  it('relaxes the faulty package to valid when every error code is set to warning, and --strict makes it fail again', async () => {
    const found = json((await cli('validate', FAULTY, '--format', 'json')).stdout);
    const errors = [...new Set(found.issues.filter((i) => i.severity === 'error').map((i) => i.code))];
    expect(errors.length).toBeGreaterThan(0);
    const relaxed = await cli('validate', FAULTY, '--format', 'json', '--severity', errors.map((c) => `${c}=warning`).join(','));
    expect(relaxed.code).toBe(0);
    expect(json(relaxed.stdout)).toMatchObject({ valid: true, summary: { errors: 0 } });
  });

  it('--strict fails a package whose only issues are warnings; a per-code override still wins over it', async () => {
    const found = json((await cli('validate', FAULTY, '--format', 'json')).stdout);
    const [first, ...rest] = [...new Set(found.issues.map((i) => i.code))];
    // One code left as a warning (by its own rule here, as a relaxed fact would be), the others off.
    const onlyWarnings = ['--severity', rest.map((c) => `${c}=off`).join(','), '--severity', `${first}=warning`];
    const lenient = await cli('validate', FAULTY, '--format', 'json', ...onlyWarnings);
    expect(lenient.code).toBe(0);
    expect(json(lenient.stdout).summary).toMatchObject({ errors: 0, warnings: found.issues.filter((i) => i.code === first).length });
    const strict = await cli('validate', FAULTY, '--format', 'json', '--strict', '--severity', rest.map((c) => `${c}=off`).join(','));
    expect(strict.code).toBe(1);
    const strictRelaxed = await cli('validate', FAULTY, '--format', 'json', '--strict', ...onlyWarnings);
    expect(strictRelaxed.code).toBe(0);
  });

  it('turns codes off: the issues go and their checks pass', async () => {
    const found = json((await cli('validate', FAULTY, '--format', 'json')).stdout);
    const codes = [...new Set(found.issues.map((i) => i.code))];
    const off = await cli('validate', FAULTY, '--format', 'json', ...codes.flatMap((c) => ['--severity', `${c}=off`]));
    const report = json(off.stdout);
    expect(off.code).toBe(0);
    expect(report.issues).toEqual([]);
    expect(report.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(report.checks.filter((c) => c.status === 'manual').length).toBe(found.checks.filter((c) => c.status === 'manual').length);
  });

  it('exits 2 on a malformed --severity', async () => {
    expect((await cli('validate', FAULTY, '--severity', 'fixity.mismatch=fatal')).code).toBe(2);
    expect((await cli('validate', FAULTY, '--severity', 'fixity.mismatch')).code).toBe(2);
  });
});

describe('--code-profiles FILE.json', () => {
  const profiles = join(tmp, 'city-archive.json');
  writeFileSync(profiles, JSON.stringify([{ id: 'city-archive', template: '{fondsCode}-{categoryCode}-{year}-{orgCode}-{retentionPeriod}-{itemNumber:4}', retentionPeriods: ['Y', 'D30', 'D10'] }]));

  it('code parse reads a code of the custom profile', async () => {
    const r = await cli('code', 'parse', 'J001-WS-2020-BGS-D30-0007', '--code-profiles', profiles, '--profile', 'city-archive', '--format', 'json');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('"itemNumber"');
  });

  it('classify numbers with it, build and validate accept its codes', async () => {
    const classified = await cli('classify', ITEMS, '--fonds', 'Z109', '--format', 'csv', '--code-profiles', profiles, '--profile', 'city-archive');
    expect(classified.code, classified.stderr).toBe(0);
    expect(classified.stdout).toContain('Z109-WS-2024-BGS-Y-0001');
    const catalogue = join(tmp, 'city.csv');
    writeFileSync(catalogue, classified.stdout);
    const out = join(tmp, 'city-package');
    const built = await cli('build', catalogue, FILES, '-o', out, '--fonds-name', '某市人民政府办公室', '--fonds-code', 'Z109', '--category', 'WS', '--match-column', '文号', '--code-profiles', profiles, '--format', 'json');
    expect(built.code, built.stdout).toBe(0);
    const validated = await cli('validate', out, '--code-profiles', profiles, '--format', 'json');
    expect(validated.code, validated.stdout).toBe(0);
  });

  it('exits 2 for a file that is missing, not JSON, or holds an invalid definition', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{ "id": "x", "template": "{nope}" }');
    const notJson = join(tmp, 'not.json');
    writeFileSync(notJson, '{');
    for (const file of [join(tmp, 'missing.json'), notJson, bad]) {
      const r = await cli('code', 'parse', 'Z109-WS·2011-Y-BGS-0001', '--code-profiles', file);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toContain('--code-profiles');
    }
  });
});
