import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDirectorySource } from '../../src/node/directorySource.js';
import { openZipSource } from '../../src/node/zipSource.js';
import { checkOfIssueCode, packageCheckIds, packageChecks } from '../../src/package/checks/registry.js';
import type { PackageSource } from '../../src/package/source.js';
import { validatePackage } from '../../src/package/validatePackage.js';
import { packageIssues } from '../../src/report/messages/package.js';

/**
 * Walks test/fixtures/packages/cases.json (written by generate.mjs): every
 * automated check has a passing package and at least one failing package; a
 * failing package yields exactly the listed issue codes, among them one of
 * its check, and that check is `failed`; the passing package has no issue.
 */
const fixtures = join(import.meta.dirname, '../fixtures/packages');
const index = JSON.parse(readFileSync(join(fixtures, 'cases.json'), 'utf8')) as {
  passing: Record<string, string>;
  checks: Record<string, { pass: string; fail: { package: string; expect: string[] }[] }>;
};

async function open(rel: string): Promise<PackageSource> {
  const path = join(fixtures, rel);
  return rel.endsWith('.zip') ? openZipSource(path) : openDirectorySource(path);
}

async function validate(rel: string) {
  const source = await open(rel);
  try {
    return await validatePackage(source);
  } finally {
    await source.close?.();
  }
}

describe('fixture corpus', () => {
  it('has a case for every automated check, and manual checks are never passed', async () => {
    const automated = packageCheckIds.filter((id) => packageChecks[id].mode === 'auto');
    expect(Object.keys(index.checks).sort()).toEqual([...automated].sort());
    const report = await validate(index.passing.valid!);
    for (const id of packageCheckIds.filter((i) => packageChecks[i].mode === 'manual')) {
      expect(report.checks.find((c) => c.id === id)?.status).toBe('manual');
    }
  });

  for (const [name, rel] of Object.entries(index.passing)) {
    it(`passing package ${name}: valid, no issue, every automated check passed`, async () => {
      const report = await validate(rel);
      expect(report.issues).toEqual([]);
      expect(report.valid).toBe(true);
      expect(report.profile).toBe('dat93');
      for (const check of report.checks) {
        expect(check.status, check.id).toBe(packageChecks[check.id as keyof typeof packageChecks].mode === 'manual' ? 'manual' : 'passed');
      }
    });
  }

  for (const [check, { fail }] of Object.entries(index.checks)) {
    for (const { package: rel, expect: codes } of fail) {
      it(`${check}: ${rel} yields exactly ${codes.join(', ')}`, async () => {
        const report = await validate(rel);
        expect([...new Set(report.issues.map((i) => i.code))].sort()).toEqual([...codes].sort());
        expect(report.issues.some((i) => checkOfIssueCode(i.code) === check)).toBe(true);
        expect(report.checks.find((c) => c.id === check)?.status).toBe('failed');
        for (const issue of report.issues) {
          const owner = checkOfIssueCode(issue.code)!;
          expect(issue.aspect).toBe(packageChecks[owner].aspect);
          if (Object.hasOwn(packageIssues, issue.code)) expect(issue.message).not.toMatch(/\{\w+\}/);
          if ('dat70' in packageChecks[owner]) expect(issue.check).toBe((packageChecks[owner] as { dat70: string }).dat70);
        }
      });
    }
  }
});
