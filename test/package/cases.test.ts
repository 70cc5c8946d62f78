import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDirectorySource } from '../../src/node/directorySource.js';
import { verifyEepSignature } from '../../src/node/eep/verifyEepSignature.js';
import { openZipSource } from '../../src/node/zipSource.js';
import { checkOfIssueCode, packageCheckIds, packageChecks } from '../../src/package/checks/registry.js';
import { EEP_CHECKS, eepCheckOfIssueCode } from '../../src/package/eep/checks.js';
import type { PackageSource } from '../../src/package/source.js';
import { validatePackage } from '../../src/package/validatePackage.js';
import type { Issue } from '../../src/report/issue.js';
import { issueCatalogue } from '../../src/report/messages/index.js';
import type { Report } from '../../src/report/report.js';

/**
 * Walks test/fixtures/packages/cases.json (written by generate.mjs), profile by
 * profile (dat93, eep, bagit): every check is either covered (a passing
 * package and at least one failing or, for a check that only warns, warning
 * package) or listed as manual; a failing package yields exactly the listed
 * issue codes, among them one of its check, and that check is `failed`; a
 * warning package yields exactly its codes, all warnings, and the check stays
 * `passed`; passing packages have no issue and every automated check passed.
 */
const fixtures = join(import.meta.dirname, '../fixtures/packages');

interface Case {
  package: string;
  expect: string[];
}
interface ProfileIndex {
  passing: Record<string, string>;
  checks: Record<string, { pass: string; fail?: Case[]; warn?: Case[] }>;
  manual: string[];
}
const index = JSON.parse(readFileSync(join(fixtures, 'cases.json'), 'utf8')) as { profiles: Record<'dat93' | 'eep' | 'bagit', ProfileIndex> };

/** What the walk needs to know of a profile's checks. */
interface ProfileChecks {
  /** Every check id the profile's reports list, or `undefined` to read it from the passing report. */
  ids?: readonly string[];
  /** The check an issue code belongs to, where codes map to checks (bagit stages do not). */
  checkOf?: (code: string) => string | undefined;
  /** The aspect an issue of a check must carry. */
  aspectOf: (issue: Issue, check: string) => string;
}

const profiles: Record<'dat93' | 'eep' | 'bagit', ProfileChecks> = {
  dat93: {
    ids: packageCheckIds,
    checkOf: checkOfIssueCode,
    // dat93 issues take their check's aspect.
    aspectOf: (issue) => packageChecks[checkOfIssueCode(issue.code)!].aspect,
  },
  eep: {
    ids: EEP_CHECKS.map((c) => c.id),
    checkOf: eepCheckOfIssueCode,
    // EEP issues keep their code's aspect (src/formats/eep/checks.ts).
    aspectOf: (issue) => catalogued(issue.code)!.aspect,
  },
  bagit: { aspectOf: (issue) => catalogued(issue.code)!.aspect },
};

function catalogued(code: string) {
  return Object.hasOwn(issueCatalogue, code) ? issueCatalogue[code as keyof typeof issueCatalogue] : undefined;
}

async function open(rel: string): Promise<PackageSource> {
  const path = join(fixtures, rel);
  return rel.endsWith('.zip') ? openZipSource(path) : openDirectorySource(path);
}

async function validate(rel: string): Promise<Report> {
  const source = await open(rel);
  try {
    return await validatePackage(source, { verifySignature: verifyEepSignature });
  } finally {
    await source.close?.();
  }
}

const codesOf = (report: Report) => [...new Set(report.issues.map((i) => i.code))].sort();
const statusOf = (report: Report, id: string) => report.checks.find((c) => c.id === id)?.status;

for (const [profile, { ids, checkOf, aspectOf }] of Object.entries(profiles)) {
  const { passing, checks, manual } = index.profiles[profile as keyof typeof profiles];

  describe(`fixture corpus: ${profile}`, () => {
    it('covers every check: a case per automated check, the manual ones listed and reported manual', async () => {
      const report = await validate(Object.values(passing)[0]!);
      const all = ids ?? report.checks.map((c) => c.id);
      expect(report.checks.map((c) => c.id)).toEqual([...all]);
      expect([...Object.keys(checks), ...manual].sort()).toEqual([...all].sort());
      expect(Object.keys(checks).filter((id) => manual.includes(id))).toEqual([]);
      for (const id of manual) expect(statusOf(report, id), id).toBe('manual');
      for (const [id, { fail = [], warn = [] }] of Object.entries(checks)) expect(fail.length + warn.length, id).toBeGreaterThan(0);
    });

    for (const [name, rel] of Object.entries(passing)) {
      it(`passing package ${name}: valid, no issue, every automated check passed`, async () => {
        const report = await validate(rel);
        expect(report.issues).toEqual([]);
        expect(report.valid).toBe(true);
        expect(report.profile).toBe(profile);
        for (const check of report.checks) expect(check.status, check.id).toBe(manual.includes(check.id) ? 'manual' : 'passed');
      });
    }

    for (const [check, { pass, fail = [], warn = [] }] of Object.entries(checks)) {
      it(`${check}: its passing package ${pass} passes it`, async () => {
        expect(statusOf(await validate(pass), check)).toBe('passed');
      });

      for (const [kind, cases] of [['fail', fail], ['warn', warn]] as const) {
        for (const { package: rel, expect: codes } of cases) {
          it(`${check}: ${rel} yields exactly ${codes.join(', ')} (${kind})`, async () => {
            const report = await validate(rel);
            expect(report.profile).toBe(profile);
            expect(codesOf(report)).toEqual([...codes].sort());
            if (checkOf) expect(report.issues.some((i) => checkOf(i.code) === check)).toBe(true);
            if (kind === 'fail') {
              expect(statusOf(report, check)).toBe('failed');
            } else {
              expect(report.issues.map((i) => i.severity)).toEqual(report.issues.map(() => 'warning'));
              expect(statusOf(report, check)).toBe('passed');
            }
            for (const issue of report.issues) {
              expect(issue.aspect, issue.code).toBe(aspectOf(issue, check));
              expect(issue.message, issue.code).not.toMatch(/\{\w+\}/);
              if (profile === 'dat93') {
                const owner = packageChecks[checkOfIssueCode(issue.code)!];
                if ('dat70' in owner) expect(issue.check).toBe(owner.dat70);
              }
            }
          });
        }
      }
    }
  });
}
