import { createHash } from 'node:crypto';
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

  it('every algorithm Node offers and the BagIt world names round-trips: bag --algorithm X, then validate (issue 18 item 3)', async () => {
    mkdirSync(join(tmp, 'src', '文书'), { recursive: true });
    writeFileSync(join(tmp, 'src', '文书', '通知.txt'), '通知');
    writeFileSync(join(tmp, 'src', 'empty'), '');
    const algorithms = ['sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'blake2b-512', 'blake2s-256'] as const;
    const runtime = { 'blake2b-512': 'blake2b512', 'blake2s-256': 'blake2s256' } as Record<string, string>;
    for (const algorithm of algorithms) {
      const out = join(tmp, `bag-${algorithm}`);
      const m = memoryIo();
      expect(await run(['bag', join(tmp, 'src'), '--out', out, '--copy', '--algorithm', algorithm, '--format', 'json'], m.io), m.stderr()).toBe(0);
      const manifest = readFileSync(join(out, `manifest-${algorithm}.txt`), 'utf8');
      // The digest is the one Node computes independently, not just any hex of the right length.
      const expected = createHash(runtime[algorithm] ?? algorithm).update('通知').digest('hex');
      expect(manifest).toContain(`${expected}  data/文书/通知.txt`);
      expect(readFileSync(join(out, `tagmanifest-${algorithm}.txt`), 'utf8')).toContain(`manifest-${algorithm}.txt`);
      const v = memoryIo();
      expect(await run(['validate', out, '--format', 'json'], v.io), algorithm).toBe(0);
      const report = JSON.parse(v.stdout());
      expect(report.checks.find((c: { id: string }) => c.id === 'bagit.fixity')?.status).toBe('passed');
      // A flipped payload byte is caught by the new algorithm alone.
      writeFileSync(join(out, 'data', '文书', '通知.txt'), '通告');
      const bad = memoryIo();
      expect(await run(['validate', out, '--format', 'json'], bad.io), algorithm).toBe(1);
      expect(JSON.parse(bad.stdout()).issues.map((i: { code: string }) => i.code)).toContain('bagit.fixity.mismatch');
    }
  });

  it('validates bagit-python manifest names (manifest-sha3_256.txt, manifest-blake2b.txt) as sha3-256 and blake2b-512', async () => {
    for (const [python, node] of [['sha3_256', 'sha3-256'], ['blake2b', 'blake2b512'], ['blake2s', 'blake2s256']] as const) {
      const bag = join(tmp, `py-${python}`);
      mkdirSync(join(bag, 'data'), { recursive: true });
      writeFileSync(join(bag, 'data', 'a.txt'), 'abc');
      writeFileSync(join(bag, 'bagit.txt'), 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n');
      writeFileSync(join(bag, 'bag-info.txt'), 'Payload-Oxum: 3.1\n');
      writeFileSync(join(bag, `manifest-${python}.txt`), `${createHash(node).update('abc').digest('hex')}  data/a.txt\n`);
      const m = memoryIo();
      expect(await run(['validate', bag, '--format', 'json'], m.io), python).toBe(0);
      const report = JSON.parse(m.stdout());
      expect(report.issues.map((i: { code: string }) => i.code)).not.toContain('bagit.manifest.unsupported-algorithm');
      expect(report.checks.find((c: { id: string }) => c.id === 'bagit.fixity')?.status).toBe('passed');
    }
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
