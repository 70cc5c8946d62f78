import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from './memoryIo.js';
import { requireBuiltDist } from '../builtDist.js';
import { encodeGb18030 } from '../../src/xml/index.js';
import { catalogueFixtures, catalogueXml, entry2022, line2022 } from '../fixtures/catalogue/generate.js';

// The binary test needs a build of the current sources (skipped, with the reason printed, when dist/ is missing or stale).
const DIST = requireBuiltDist('dangan catalogue check (built binary)');
const BIN = DIST.bin;


let tmp: string;
let clean: string;
let faulty: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-catalogue-cli-'));
  const fixtures = catalogueFixtures();
  clean = join(tmp, '目录文件.XML');
  faulty = join(tmp, 'faulty.xml');
  writeFileSync(clean, fixtures['clean.gb18030.xml']!);
  writeFileSync(faulty, fixtures['faulty.gb18030.xml']!);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PLANTED = [
  { code: 'catalogue.date-impossible', line: line2022(1, '日期') },
  { code: 'catalogue.security-invalid', line: line2022(2, '密级') },
  { code: 'catalogue.archival-code-duplicate', line: line2022(3, '档号') },
];

describe('dangan catalogue check', () => {
  it('exits 0 on the clean GB18030 catalogue', async () => {
    const m = memoryIo();
    expect(await run(['catalogue', 'check', clean], m.io)).toBe(0);
    expect(m.stdout()).toContain('通过 [catalogue]');
  });

  it('exits 1 on the faulty one; --format json names the three planted faults with line numbers', async () => {
    const m = memoryIo();
    expect(await run(['catalogue', 'check', faulty, '--format', 'json'], m.io)).toBe(1);
    const report = JSON.parse(m.stdout());
    expect(report).toMatchObject({ valid: false, profile: 'catalogue', summary: { errors: 3 } });
    expect(report.issues.map((i: { code: string; location: { line: number } }) => ({ code: i.code, line: i.location.line }))).toEqual(PLANTED);
    expect(report.issues[0].path).toBe('faulty.xml');
  });

  it('prints English text with line:column, and writes --output', async () => {
    const m = memoryIo();
    const out = join(tmp, 'report.txt');
    expect(await run(['catalogue', 'check', faulty, '--lang', 'en', '--output', out], m.io)).toBe(1);
    expect(m.stdout()).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('INVALID [catalogue]');
    expect(text).toContain(`catalogue.security-invalid faulty.xml:${line2022(2, '密级')}:5 Entry 2: 密级 "特密" is not 绝密, 机密 or 秘密`);
  });

  it('honours --severity and --strict (an explicit severity wins over --strict)', async () => {
    const relaxed = ['catalogue.date-impossible', 'catalogue.security-invalid', 'catalogue.archival-code-duplicate'].map((c) => `${c}=warning`).join(',');
    expect(await run(['catalogue', 'check', faulty, '--severity', relaxed], memoryIo().io)).toBe(0);
    expect(await run(['catalogue', 'check', faulty, '--severity', relaxed, '--strict'], memoryIo().io)).toBe(0);
    const warningOnly = join(tmp, 'warning-only.xml');
    writeFileSync(warningOnly, encodeGb18030(catalogueXml([entry2022(1, { 备注: undefined })], { encoding: 'GB18030' })));
    expect(await run(['catalogue', 'check', warningOnly], memoryIo().io)).toBe(0);
    expect(await run(['catalogue', 'check', warningOnly, '--strict'], memoryIo().io)).toBe(1);
    expect(await run(['catalogue', 'check', warningOnly, '--strict', '--severity', 'catalogue.element-missing=off'], memoryIo().io)).toBe(0);
  });

  it('exits 2 with a JSON report for a file that cannot be read', async () => {
    const m = memoryIo();
    expect(await run(['catalogue', 'check', join(tmp, 'missing.xml'), '--format', 'json'], m.io)).toBe(2);
    expect(JSON.parse(m.stdout())).toMatchObject({ valid: false, issues: [{ code: 'input.unreadable', params: { reason: 'ENOENT' } }] });
  });

  it.each([
    [['catalogue'], 'missing sub-command'],
    [['catalogue', 'lint', 'x.xml'], 'unknown sub-command'],
    [['catalogue', 'check'], 'exactly one <file>'],
    [['catalogue', 'check', 'a', 'b'], 'exactly one <file>'],
    [['catalogue', 'check', 'a', '--element-set', '2020'], '--element-set must be one of'],
    [['catalogue', 'check', 'a', '--severity', 'x=loud'], '--severity expects'],
    [['catalogue', 'check', 'a', '--format', 'yaml'], 'unknown --format'],
    [['catalogue', 'check', 'a', '--bogus'], 'Unknown option'],
  ])('exits 2 on usage errors: %j', async (argv, message) => {
    const m = memoryIo();
    expect(await run(argv, m.io)).toBe(2);
    expect(m.stderr()).toContain(message);
  });

  it('is listed in dangan --help', async () => {
    const m = memoryIo();
    await run(['--help'], m.io);
    expect(m.stdout()).toContain('catalogue');
  });
});

describe.skipIf(!DIST.fresh)(`dangan catalogue check (built binary)${DIST.reason}`, () => {
  it('exits 1 on the faulty catalogue and 0 on the clean one', () => {
    const result = spawnSync(process.execPath, [BIN, 'catalogue', 'check', faulty, '--format', 'json'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.issues.map((i: { code: string; location: { line: number } }) => ({ code: i.code, line: i.location.line }))).toEqual(PLANTED);
    expect(() => execFileSync(process.execPath, [BIN, 'catalogue', 'check', clean])).not.toThrow();
  });
});
