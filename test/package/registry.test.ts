import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCheckRun } from '../../src/package/checks/checkRun.js';
import { describePackageCheck } from '../../src/package/checks/describeCheck.js';
import { checkOfIssueCode, packageCheckIds, packageChecks } from '../../src/package/checks/registry.js';
import { issueCatalogue } from '../../src/report/messages/index.js';
import { packageIssues } from '../../src/report/messages/package.js';

describe('package check registry', () => {
  it('maps every package issue code to exactly one check, and every exact code it lists is catalogued', () => {
    for (const code of Object.keys(packageIssues)) expect(checkOfIssueCode(code), code).toBeDefined();
    for (const id of packageCheckIds) {
      const check = packageChecks[id];
      for (const pattern of check.codes as readonly string[]) {
        if (pattern.endsWith('*')) expect(Object.keys(issueCatalogue).some((c) => c.startsWith(pattern.slice(0, -1))), pattern).toBe(true);
        else {
          expect(Object.hasOwn(issueCatalogue, pattern), pattern).toBe(true);
          expect(checkOfIssueCode(pattern)).toBe(id);
        }
      }
      // A manual check has codes only when a caller's engine can do it (GD-4-1/GD-4-2 with an antivirus engine).
      expect(check.mode === 'manual' ? check.codes.every((code) => code.startsWith('antivirus.')) : check.codes.length > 0, id).toBe(true);
      if ('dat70' in check) expect(check.dat70).toMatch(/^GD-[1-4]-\d+$/);
      expect(check.source.length).toBeGreaterThan(0);
    }
  });

  it('resolves exact codes before prefixes and the longest prefix first', () => {
    expect(checkOfIssueCode('xml.doctype-forbidden')).toBe('security.xml-entities');
    expect(checkOfIssueCode('xml.limit-depth')).toBe('security.xml-entities');
    expect(checkOfIssueCode('xml.malformed')).toBe('xml.readable');
    expect(checkOfIssueCode('archival-code.duplicate')).toBe('metadata.uniqueness');
    expect(checkOfIssueCode('archival-code.sequence-gap')).toBe('metadata.sequence');
    expect(checkOfIssueCode('archival-code.malformed')).toBe('archival-code.format');
    expect(checkOfIssueCode('bagit.oxum.bad')).toBeUndefined();
  });

  it('is documented row by row in docs/checks.md (id, DA/T 70 item, aspect, severity)', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/checks.md'), 'utf8');
    const rows = doc.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => /^\| `([^`]+)`/.exec(r)?.[1])).toEqual(packageCheckIds);
    for (const [i, id] of packageCheckIds.entries()) {
      const cells = rows[i]!.split(' | ');
      const check = packageChecks[id];
      expect(cells[1], id).toBe('dat70' in check ? check.dat70 : '—');
      expect(cells[2], id).toContain(check.aspect);
      expect(cells[3], id).toContain(check.severity);
    }
  });

  it('describes checks for the formatters in both locales', () => {
    expect(describePackageCheck('fixity.digest', 'en')).toEqual({ title: 'Fixity: digests match', aspect: 'authenticity', severity: 'error', dat70: 'GD-1-1', yj: 'YJ-1-1', confidence: 'verified' });
    expect(describePackageCheck('security.entries')?.dat70).toBeUndefined();
    expect(describePackageCheck('nope')).toBeUndefined();
  });
});

describe('createCheckRun', () => {
  it('applies the check aspect, DA/T 70 item and severity override; off skips the check; manual is never passed', () => {
    const run = createCheckRun({ locale: 'en', severity: { 'metadata.length': 'error', 'metadata.type': 'off' } });
    run.ran('metadata.domain');
    run.report('metadata.too-long', { path: 'a.xml', params: { element: '题名', length: 600, max: 500 } });
    run.report('metadata.type-invalid', { params: { element: '年度', value: '24', expectedType: 'a year' } });
    const report = run.finish({ profile: 'dat93', files: 1, bytes: 2 });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'metadata.too-long', severity: 'error', aspect: 'authenticity', check: 'GD-1-2', path: 'a.xml' });
    expect(report.issues[0]?.message).toBe('Metadata element "题名" is 600 characters long, over 500');
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect(status).toMatchObject({ 'metadata.length': 'failed', 'metadata.domain': 'passed', 'metadata.type': 'skipped', 'security.virus-scan': 'manual', 'fixity.digest': 'skipped' });
    expect(report.valid).toBe(false);
    expect(report.summary).toEqual({ errors: 1, warnings: 0, infos: 0, files: 1, bytes: 2 });
  });

  it('keeps info-only checks passed and throws for a code no check owns (programmer error)', () => {
    const run = createCheckRun();
    run.report('content.format-unidentified', { path: 'x.bin' });
    expect(run.finish({ profile: 'dat93', files: 0, bytes: 0 }).checks.find((c) => c.id === 'content.format')?.status).toBe('passed');
    expect(() => run.report('input.unreadable')).toThrow(/belongs to no package check/);
  });
});
