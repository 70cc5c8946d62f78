import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from './memoryIo.js';


let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-code-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('dangan code parse', () => {
  it('prints components as JSON and exits 0 for valid codes', async () => {
    const m = memoryIo();
    const exit = await run(['code', 'parse', 'Z109-WS·2011-Y-BGS-0001', 'K021-ZP·2019·D30-025-005', '--format', 'json'], m.io);
    expect(exit).toBe(0);
    const results = JSON.parse(m.stdout());
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      input: 'Z109-WS·2011-Y-BGS-0001',
      valid: true,
      profile: 'dat22',
      components: { fondsCode: 'Z109', orgCode: 'BGS', itemNumber: '0001' },
    });
    expect(results[1]).toMatchObject({ profile: 'dat13-2022-photo', components: { groupNumber: '025', itemNumber: '005' } });
  });

  it('prints readable text with issues, exits 1 when any code is invalid, and honours --profile and --lang', async () => {
    const m = memoryIo();
    const exit = await run(['code', 'parse', 'Z109-WS·2011-X-BGS-0001', '--profile', 'dat22', '--lang', 'en'], m.io);
    expect(exit).toBe(1);
    expect(m.stdout()).toContain('[dat22] INVALID');
    expect(m.stdout()).toContain('error archival-code.malformed GD-1-7 Segment 3 "X"');
  });

  it('--strict turns a tolerated deviation into an error', async () => {
    expect(await run(['code', 'parse', 'Z109-WS·2011-Y-BGS-1'], memoryIo().io)).toBe(0);
    const m = memoryIo();
    expect(await run(['code', 'parse', 'Z109-WS·2011-Y-BGS-1', '--strict'], m.io)).toBe(1);
    expect(m.stdout()).toContain('件号: 1');
    expect(m.stdout()).toContain('错误 archival-code.number-width');
  });

  it('exits 2 for an unknown profile or action', async () => {
    const m = memoryIo();
    expect(await run(['code', 'parse', 'x', '--profile', 'nope'], m.io)).toBe(2);
    expect(m.stderr()).toContain('unknown --profile nope');
    expect(await run(['code', 'frobnicate'], memoryIo().io)).toBe(2);
    expect(await run(['code'], memoryIo().io)).toBe(2);
  });
});

describe('dangan code format', () => {
  it('writes a code from field=value pairs, zero-padding numbers', async () => {
    const m = memoryIo();
    const args = ['code', 'format', 'fondsCode=Z109', 'categoryCode=WS', 'year=2011', 'retentionPeriod=Y', 'orgCode=BGS', 'itemNumber=1'];
    expect(await run(args, m.io)).toBe(0);
    expect(m.stdout()).toBe('Z109-WS·2011-Y-BGS-0001\n');
  });

  it('writes DA/T 13-2022 forms with --profile and JSON output', async () => {
    const m = memoryIo();
    const args = ['code', 'format', 'fondsCode=J019', 'categoryCode=ZY', 'classCode=JC·CC', 'year=2019', 'retentionPeriod=D30'];
    expect(await run([...args, 'volumeNumber=001', 'itemNumber=001', '--profile', 'dat13-2022-volume', '--format', 'json'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout())).toEqual({ code: 'J019-ZY·JC·CC·2019·D30-001-001', profile: 'dat13-2022-volume' });
  });

  it('exits 1 with the issue when a component is missing, 2 for an unknown field', async () => {
    const m = memoryIo();
    expect(await run(['code', 'format', 'fondsCode=Z109', '--lang', 'en'], m.io)).toBe(1);
    expect(m.stderr()).toContain('archival-code.format-missing');
    expect(m.stderr()).toContain('needs component "categoryCode"');
    expect(await run(['code', 'format', 'fonds=Z109'], memoryIo().io)).toBe(2);
  });
});

describe('dangan code check', () => {
  it('reads stdin, reports one JSON Report and exits 0 for a clean list', async () => {
    const m = memoryIo('Z109-WS·2011-Y-BGS-0001\nZ109-WS·2011-Y-BGS-0002\n\n');
    expect(await run(['code', 'check', '--format', 'json'], m.io)).toBe(0);
    const report = JSON.parse(m.stdout());
    expect(report).toMatchObject({ valid: true, profile: 'auto', summary: { errors: 0, warnings: 0 } });
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual(['GD-1-7', 'GD-1-8', 'GD-2-6']);
  });

  it('reads a file, gives file line numbers and exits 1 when any code is invalid', async () => {
    const file = join(tmp, 'codes.txt');
    writeFileSync(file, '\uFEFFZ109-WS·2011-Y-BGS-0001\r\n\r\nZ109-WS·2011-X-BGS-0002\r\nZ109-WS·2011-Y-BGS-0001\r\n');
    const m = memoryIo();
    expect(await run(['code', 'check', file, '--format', 'json', '--lang', 'en'], m.io)).toBe(1);
    const report = JSON.parse(m.stdout());
    expect(report.valid).toBe(false);
    expect(report.issues.map((i: { code: string; location: { line: number }; path: string }) => [i.code, i.location.line, i.path])).toEqual([
      ['archival-code.malformed', 3, file],
      ['archival-code.duplicate', 4, file],
    ]);
  });

  it('prints a text report and exits 2 for a file that cannot be read', async () => {
    const m = memoryIo('Z109-WS·2011-Y-BGS-0001\nZ109-WS·2011-Y-BGS-0003\n');
    expect(await run(['code', 'check', '-', '--lang', 'en'], m.io)).toBe(0);
    expect(m.stdout()).toContain('archival-code.sequence-gap GD-2-6');
    expect(await run(['code', 'check', join(tmp, 'missing.txt')], memoryIo().io)).toBe(2);
  });
});

describe('dangan code next', () => {
  it('allocates the next number from existing codes in a file', async () => {
    const file = join(tmp, 'existing.txt');
    writeFileSync(file, 'Z109-WS·2011-Y-BGS-0001\nZ109-WS·2011-Y-BGS-0007\nZ109-WS·2011-Y-XZS-0020\n');
    const m = memoryIo();
    expect(await run(['code', 'next', 'Z109-WS·2011-Y-BGS', '--from', file], m.io)).toBe(0);
    expect(m.stdout()).toBe('Z109-WS·2011-Y-BGS-0008\n');
    const j = memoryIo('Z008-WS·2019·Y-037\n');
    expect(await run(['code', 'next', 'Z008-WS·2019·Y', '--from', '-', '--format', 'json'], j.io)).toBe(0);
    expect(JSON.parse(j.stdout())).toMatchObject({ code: 'Z008-WS·2019·Y-038', number: 38, profile: 'dat13-2022' });
  });

  it('exits 1 when the class key cannot form a valid code', async () => {
    const m = memoryIo();
    expect(await run(['code', 'next', 'Z109-WS·2011-X'], m.io)).toBe(1);
    expect(m.stderr()).toContain('archival-code.malformed');
  });
});

describe('dangan code profiles', () => {
  it('lists the profiles in detection order', async () => {
    const m = memoryIo();
    expect(await run(['code', 'profiles', '--format', 'json'], m.io)).toBe(0);
    const ids = JSON.parse(m.stdout()).map((p: { id: string }) => p.id);
    expect(ids.slice(0, 2)).toEqual(['dat22', 'dat13-2022-project']);
    expect(ids).toContain('dat13-1994-catalogue');
  });
});
