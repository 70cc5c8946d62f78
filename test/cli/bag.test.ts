import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from './memoryIo.js';
import { VERSION } from '../../src/version.js';

const SUITE = fileURLToPath(new URL('../fixtures/bagit-conformance-suite/', import.meta.url));


let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-bag-cli-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('dangan bag --validate', () => {
  it('exits 0 for a valid bag and prints one JSON report', async () => {
    const m = memoryIo();
    const code = await run(['bag', '--validate', join(SUITE, 'v1.0/valid/basicBag'), '--format', 'json'], m.io);
    expect(code).toBe(0);
    const report = JSON.parse(m.stdout());
    expect(report).toMatchObject({ valid: true, profile: 'bagit', summary: { errors: 0 } });
  });

  it('exits 1 for an invalid bag and names the code in text output', async () => {
    const m = memoryIo();
    const code = await run(['bag', '--validate', join(SUITE, 'v0.97/invalid/corrupt-data-file'), '--lang', 'en'], m.io);
    expect(code).toBe(1);
    expect(m.stdout()).toContain('bagit.fixity.mismatch');
    expect(m.stdout()).toContain('INVALID');
  });

  it('--no-fixity skips hashing, --fast checks Payload-Oxum only', async () => {
    const corruptTag = join(SUITE, 'v0.97/invalid/corrupt-tag-file');
    expect(await run(['bag', '--validate', corruptTag], memoryIo().io)).toBe(1);
    expect(await run(['bag', '--validate', corruptTag, '--no-fixity'], memoryIo().io)).toBe(0);
    const m = memoryIo();
    expect(await run(['bag', '--validate', join(SUITE, 'v0.97/invalid/corrupt-data-file'), '--fast', '--format', 'json'], m.io)).toBe(1);
    expect(JSON.parse(m.stdout()).issues.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['bagit.oxum.mismatch']));
  });

  it('--suppress removes lint warnings; a non-lint code is a usage error', async () => {
    const bag = join(SUITE, 'v0.97/valid/basic-bag');
    const m = memoryIo();
    await run(['bag', '--validate', bag, '--format', 'json', '--suppress', 'bagit.lint.old-version,bagit.lint.weak-algorithm'], m.io);
    expect(JSON.parse(m.stdout()).summary.warnings).toBe(0);
    const bad = memoryIo();
    expect(await run(['bag', '--validate', bag, '--suppress', 'bagit.fixity.mismatch'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('only bagit.lint.* codes');
  });

  it('exits 2 for a missing folder or conflicting flags', async () => {
    expect(await run(['bag', '--validate', join(tmp, 'nope')], memoryIo().io)).toBe(2);
    expect(await run(['bag', '--validate', tmp, '--fast', '--no-fixity'], memoryIo().io)).toBe(2);
    expect(await run(['bag'], memoryIo().io)).toBe(2);
  });
});

describe('dangan bag (create)', () => {
  it('bags a folder into --out with hard links, then validates it', async () => {
    mkdirSync(join(tmp, 'src', '文书'), { recursive: true });
    writeFileSync(join(tmp, 'src', '文书', '通知.txt'), '通知');
    const m = memoryIo();
    const code = await run(
      ['bag', join(tmp, 'src'), '--out', join(tmp, 'bag'), '--algorithm', 'sha256,sm3', '--date', '2025-03-04', '--info', 'Source-Organization=某档案馆', '--format', 'json'],
      m.io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(m.stdout())).toMatchObject({ files: 1, bytes: 6, linked: 1, copied: 0, algorithms: ['sha256', 'sm3'] });
    expect(readFileSync(join(tmp, 'bag', 'bag-info.txt'), 'utf8')).toBe(
      `Source-Organization: 某档案馆\nBag-Software-Agent: dangan ${VERSION}\nBagging-Date: 2025-03-04\nPayload-Oxum: 6.1\n`,
    );
    expect(await run(['bag', '--validate', join(tmp, 'bag')], memoryIo().io)).toBe(0);
  });

  it('reports bad creation input as a usage error (exit 2), not a stack trace', async () => {
    mkdirSync(join(tmp, 'src'));
    const m = memoryIo();
    expect(await run(['bag', join(tmp, 'src'), '--algorithm', 'crc32'], m.io)).toBe(2);
    expect(m.stderr()).toContain('unknown manifest algorithm: crc32');
    expect(m.stderr()).not.toMatch(/\n\s+at /);
    expect(await run(['bag', join(tmp, 'src'), '--copy'], memoryIo().io)).toBe(2);
    expect(await run(['bag', join(tmp, 'src'), '--info', 'novalue'], memoryIo().io)).toBe(2);
  });
});
