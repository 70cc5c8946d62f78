import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { readXml } from '../../src/xml/parse.js';
import { catalogueFixtures, catalogueXml, entry2022 } from '../fixtures/catalogue/generate.js';
import { memoryIo } from '../cli/memoryIo.js';

/**
 * One verdict everywhere (issue 15, must show): for every package of the
 * fixture corpus under every profile, and every catalogue fixture, the failed
 * checks of the JSON report, the failed JUnit testcases and the rule ids of
 * SARIF error results are the same set; JUnit and SARIF list exactly the
 * report's checks; and each issue's check id names a check the report lists.
 */
const fixtures = join(import.meta.dirname, '../fixtures/packages');
interface Case {
  package: string;
}
interface ProfileIndex {
  passing: Record<string, string>;
  checks: Record<string, { pass: string; fail?: Case[]; warn?: Case[] }>;
}
const index = JSON.parse(readFileSync(join(fixtures, 'cases.json'), 'utf8')) as { profiles: Record<string, ProfileIndex> };
const packages = [
  ...new Set(
    Object.values(index.profiles).flatMap((p) => [
      ...Object.values(p.passing),
      ...Object.values(p.checks).flatMap((c) => [c.pass, ...(c.fail ?? []), ...(c.warn ?? [])].map((x) => (typeof x === 'string' ? x : x.package))),
    ]),
  ),
].sort();

interface Verdict {
  exit: number;
  checks: string[];
  failed: string[];
}

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  const m = memoryIo();
  const code = await run(args, m.io);
  return { code, stdout: m.stdout() };
}

/** The three views of one run: JSON, JUnit, SARIF. */
async function verdicts(args: string[]): Promise<{ json: Verdict; junit: Verdict; sarif: Verdict }> {
  const json = await cli([...args, '--format', 'json']);
  const report = JSON.parse(json.stdout) as { checks: { id: string; status: string; issues?: number[] }[]; issues: { checkId?: string; severity: string }[] };
  const listed = report.checks.map((c) => c.id);
  for (const issue of report.issues) expect(listed, JSON.stringify(issue)).toContain(issue.checkId);
  // Each check lists exactly its issues, and fails exactly when one is an error.
  report.checks.forEach((c) => {
    expect((c.issues ?? []).map((i) => report.issues[i]!.checkId)).toEqual((c.issues ?? []).map(() => c.id));
    expect(c.status === 'failed', c.id).toBe((c.issues ?? []).some((i) => report.issues[i]!.severity === 'error'));
  });
  expect(report.issues.length).toBe(report.checks.reduce((n, c) => n + (c.issues?.length ?? 0), 0));

  const junit = await cli([...args, '--format', 'junit']);
  const { root, issues: xmlIssues } = readXml(junit.stdout);
  expect(xmlIssues).toEqual([]);
  const cases = root!.child('testsuite')!.childrenNamed('testcase');
  const idOf = (name: string) => name.split(' ')[0]!;

  const sarif = await cli([...args, '--format', 'sarif']);
  const log = JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[] };
  const [sarifRun] = log.runs;
  return {
    json: { exit: json.code, checks: listed, failed: report.checks.filter((c) => c.status === 'failed').map((c) => c.id).sort() },
    junit: {
      exit: junit.code,
      checks: cases.map((t) => idOf(t.attributes.name!)),
      failed: cases.filter((t) => t.child('failure')).map((t) => idOf(t.attributes.name!)).sort(),
    },
    sarif: {
      exit: sarif.code,
      checks: sarifRun!.tool.driver.rules.map((r) => r.id),
      failed: [...new Set(sarifRun!.results.filter((r) => r.level === 'error').map((r) => r.ruleId))].sort(),
    },
  };
}

function expectAgreement(v: { json: Verdict; junit: Verdict; sarif: Verdict }): void {
  expect(v.junit).toEqual(v.json);
  expect(v.sarif).toEqual(v.json);
  // 2: the input could not be opened (a truncated zip); the report still says why, in every format.
  if (v.json.exit === 2) expect(v.json.failed.length).toBeGreaterThan(0);
  else expect(v.json.exit).toBe(v.json.failed.length > 0 ? 1 : 0);
}

describe('one verdict: dangan validate over the fixture corpus, every profile', () => {
  it('covers every case of the corpus', () => {
    expect(packages.length).toBeGreaterThan(60);
  });
  for (const profile of ['auto', 'dat93', 'eep', 'bagit']) {
    it(`--profile ${profile}: JSON, JUnit and SARIF fail the same checks for all ${packages.length} packages`, async () => {
      for (const rel of packages) {
        const v = await verdicts(['validate', join(fixtures, rel), '--profile', profile, '--lang', 'en']);
        expect({ rel, ...v.json }, rel).toEqual({ rel, ...v.junit });
        expectAgreement(v);
      }
    }, 240_000);
  }

  // The rest of the fixture corpus: the hostile zips and EEPs, and the vendored BagIt conformance suite.
  const hostile = join(import.meta.dirname, '../fixtures/hostile/cases');
  const suite = join(import.meta.dirname, '../fixtures/bagit-conformance-suite');
  const more = [
    ...readdirSync(hostile).filter((n) => /\.(zip|eep)$/.test(n)).map((n) => join(hostile, n)),
    ...readdirSync(suite, { recursive: true, encoding: 'utf8' })
      .filter((rel) => rel.split(/[\\/]/).length === 3 && existsSync(join(suite, rel, 'bagit.txt')))
      .map((rel) => join(suite, rel)),
  ].sort();
  it('covers the hostile cases and the BagIt conformance suite', () => {
    expect(more.length).toBeGreaterThan(50);
  });
  for (const profile of ['auto', 'dat93', 'eep', 'bagit']) {
    it(`--profile ${profile}: the three formats agree on every hostile case and conformance bag`, async () => {
      for (const path of more) {
        const v = await verdicts(['validate', path, '--profile', profile]);
        expect({ path, ...v.json }, path).toEqual({ path, ...v.junit });
        expectAgreement(v);
      }
    }, 240_000);
  }

  it('the BagIt-Version case fails bagit.declaration in every format (no stray testcase)', async () => {
    const v = await verdicts(['validate', join(fixtures, 'cases/bagit.declaration--version-invalid'), '--profile', 'bagit']);
    expect(v.json.failed).toEqual(['bagit.declaration']);
    expect(v.junit.checks).not.toContain('bagit.bagit-txt.version-invalid');
    expectAgreement(v);
  });
});

describe('one verdict: dangan catalogue check, every catalogue fixture', () => {
  let tmp: string;
  const files: Record<string, string> = {};
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'dangan-one-verdict-'));
    const all: Record<string, Uint8Array | string> = {
      ...catalogueFixtures(),
      'truncated.xml': catalogueXml([entry2022(1, {}), entry2022(2, {})], { encoding: 'UTF-8' }).slice(0, 200),
      'doctype.xml': '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><归档文件目录>&x;</归档文件目录>',
      'empty-root.xml': '<?xml version="1.0" encoding="UTF-8"?><归档文件目录/>',
      'wrong-root.xml': '<?xml version="1.0" encoding="UTF-8"?><other/>',
    };
    for (const [name, bytes] of Object.entries(all)) writeFileSync((files[name] = join(tmp, name)), bytes);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('faulty.gb18030.xml: 6 testcases for 6 checks; values and uniqueness fail in JUnit as in JSON', async () => {
    const v = await verdicts(['catalogue', 'check', files['faulty.gb18030.xml']!]);
    expect(v.junit.checks).toHaveLength(6);
    expect(v.json.failed).toEqual(['catalogue.uniqueness', 'catalogue.values']);
    expectAgreement(v);
  });

  it('every fixture: the three formats agree', async () => {
    for (const name of Object.keys(files)) {
      const v = await verdicts(['catalogue', 'check', files[name]!]);
      expect({ name, ...v.junit }).toEqual({ name, ...v.json });
      expectAgreement(v);
    }
  });
});
