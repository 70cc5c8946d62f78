import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { wrapTransferPackage } from '../../src/node/createBag.js';
import type { Report } from '../../src/report/report.js';
import { memoryIo } from './memoryIo.js';

const SUITE = fileURLToPath(new URL('../fixtures/bagit-conformance-suite/', import.meta.url));
const CASES = join(import.meta.dirname, '../fixtures/packages/cases');
const corruptData = join(SUITE, 'v0.97/invalid/corrupt-data-file');
const corruptTag = join(SUITE, 'v0.97/invalid/corrupt-tag-file');
const oldBag = join(SUITE, 'v0.97/valid/basic-bag');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-validate-bag-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]) {
  const m = memoryIo();
  const code = await run(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

async function report(args: string[]): Promise<{ code: number; report: Report }> {
  const { code, stdout } = await cli(['validate', ...args, '--format', 'json']);
  return { code, report: JSON.parse(stdout) as Report };
}

const status = (r: Report, id: string) => r.checks.find((c) => c.id === id)?.status;

describe('dangan validate <bag> --fast (Payload-Oxum only, like bagit-python)', () => {
  it('finds a payload file whose size changed, from Payload-Oxum alone, and skips completeness and fixity', async () => {
    const { code, report: r } = await report([corruptData, '--fast']);
    expect(code).toBe(1);
    expect(r.profile).toBe('bagit');
    expect(r.issues.map((i) => i.code)).toContain('bagit.oxum.mismatch');
    expect([status(r, 'bagit.oxum'), status(r, 'bagit.completeness'), status(r, 'bagit.fixity')]).toEqual(['failed', 'skipped', 'skipped']);
  });

  it('does not hash: a corrupt tag file fails the full check but passes --fast', async () => {
    expect((await cli(['validate', corruptTag])).code).toBe(1);
    const { code, report: r } = await report([corruptTag, '--fast']);
    expect(code).toBe(0);
    expect(status(r, 'bagit.fixity')).toBe('skipped');
  });

  it('gives the same report as dangan bag --validate --fast, with --profile bagit or detected', async () => {
    const viaBag = await cli(['bag', '--validate', corruptData, '--fast', '--format', 'json']);
    expect((await cli(['validate', corruptData, '--fast', '--format', 'json'])).stdout).toBe(viaBag.stdout);
    expect((await cli(['validate', corruptData, '--fast', '--profile', 'bagit', '--format', 'json'])).stdout).toBe(viaBag.stdout);
  });
});

describe('dangan validate <bag> --suppress', () => {
  it('leaves the named lint warnings out and keeps checks and validity', async () => {
    const full = await report([oldBag]);
    expect(full.report.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['bagit.lint.old-version', 'bagit.lint.weak-algorithm']));
    const quiet = await report([oldBag, '--suppress', 'bagit.lint.old-version, bagit.lint.weak-algorithm']);
    expect(quiet.code).toBe(0);
    expect(quiet.report.issues.filter((i) => i.code === 'bagit.lint.old-version' || i.code === 'bagit.lint.weak-algorithm')).toEqual([]);
    expect(quiet.report.summary.warnings).toBe(full.report.summary.warnings - 2);
    // Check ids and statuses are unchanged; each check's issue indices point into the shorter list.
    const statuses = (r: typeof full) => r.report.checks.map(({ id, status }) => `${id}:${status}`);
    expect(statuses(quiet)).toEqual(statuses(full));
  });

  it('with --fast, as bag --validate does it', async () => {
    const viaBag = await cli(['bag', '--validate', oldBag, '--fast', '--suppress', 'bagit.lint.old-version', '--format', 'json']);
    const viaValidate = await cli(['validate', oldBag, '--fast', '--suppress', 'bagit.lint.old-version', '--format', 'json']);
    expect(viaValidate.code).toBe(0);
    expect(viaValidate.stdout).toBe(viaBag.stdout);
    expect(viaValidate.stdout).not.toContain('bagit.lint.old-version');
  });

  it('keeps the dat93 check of a bagged 移交信息包', async () => {
    const bag = join(tmp, 'wrapped');
    await wrapTransferPackage(join(CASES, 'valid'), bag, { algorithms: ['md5'], baggingDate: '2025-01-02' });
    const full = await report([bag]);
    expect(full.report.issues.map((i) => i.code)).toContain('bagit.lint.weak-algorithm');
    const quiet = await report([bag, '--suppress', 'bagit.lint.weak-algorithm']);
    expect(quiet.code).toBe(0);
    expect(quiet.report.issues.map((i) => i.code)).not.toContain('bagit.lint.weak-algorithm');
    expect(quiet.report.checks.map((c) => c.id)).toContain('fixity.digest');
    const verdicts = (r: typeof full.report) => r.checks.map(({ id, status }) => ({ id, status }));
    expect(verdicts(quiet.report)).toEqual(verdicts(full.report));
  });
});

describe('dangan validate: --fast and --suppress are for bags only', () => {
  it('exits 2 with a clear message on a dat93 package, an explicit other profile or an .eep file', async () => {
    const dat93 = await cli(['validate', join(CASES, 'valid'), '--fast']);
    expect(dat93.code).toBe(2);
    expect(dat93.stderr).toContain('BagIt bags only; valid is a dat93 package');
    expect(dat93.stdout).toBe('');
    const explicit = await cli(['validate', oldBag, '--profile', 'dat93', '--suppress', 'bagit.lint.old-version']);
    expect(explicit.code).toBe(2);
    expect(explicit.stderr).toContain('not --profile dat93');
  });

  it('exits 2 for --fast with --no-fixity and for a code that is not a lint warning', async () => {
    const both = await cli(['validate', oldBag, '--fast', '--no-fixity']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--fast and --no-fixity exclude each other');
    const notLint = await cli(['validate', oldBag, '--suppress', 'bagit.fixity.mismatch']);
    expect(notLint.code).toBe(2);
    expect(notLint.stderr).toContain('only bagit.lint.* codes can be suppressed, not bagit.fixity.mismatch');
  });

  it('a zip that cannot be opened still gives one input.unreadable report and exit 2', async () => {
    const broken = join(tmp, 'broken.zip');
    writeFileSync(broken, Buffer.from('PK\x03\x04 not really a zip', 'latin1'));
    const { code, report: r } = await report([broken, '--fast']);
    expect(code).toBe(2);
    expect(r.issues.map((i) => i.code)).toEqual(['input.unreadable']);
  });

  it('lists both flags in the help', async () => {
    const help = await cli(['validate', '--help']);
    expect(help.stdout + help.stderr).toMatch(/--fast[\s\S]*--suppress/);
  });
});
