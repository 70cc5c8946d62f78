import { describe, expect, it } from 'vitest';
import { groupIssuesByCheck } from '../../src/report/format/checkInfo.js';
import { formatJunit } from '../../src/report/format/junit.js';
import { formatSarif } from '../../src/report/format/sarif.js';
import type { Issue } from '../../src/report/issue.js';
import { buildReport } from '../../src/report/report.js';
import { readXml } from '../../src/xml/parse.js';

const issue = (code: string, extra: Partial<Issue> = {}): Issue => ({ code, aspect: 'integrity', severity: 'error', message: `msg ${code}`, ...extra });

// A report of another validator (no resolver): checks named like BagIt stages.
const report = buildReport({
  profile: 'bagit',
  checks: [
    { id: 'bagit.oxum', status: 'failed' },
    { id: 'bagit.fixity', status: 'passed' },
    { id: 'bagit.fetch', status: 'skipped' },
  ],
  issues: [
    issue('bagit.oxum.mismatch', { message: 'a <b> & "c"\u0001', path: 'bag-info.txt', location: { line: 3, column: 1 }, expected: '1.2', received: '1.3' }),
    issue('bagit.fixity.weak', { severity: 'warning' }),
    issue('other.code'),
  ],
});

describe('groupIssuesByCheck', () => {
  it('falls back to the longest check id prefixing the code, else a group named by the code', () => {
    const groups = groupIssuesByCheck(report);
    expect([...groups].map(([id, list]) => [id, list.map((i) => i.code)])).toEqual([
      ['bagit.oxum', ['bagit.oxum.mismatch']],
      ['bagit.fixity', ['bagit.fixity.weak']],
      ['bagit.fetch', []],
      ['other.code', ['other.code']],
    ]);
    // A resolver only places issues that carry no check id (reports made by hand).
    const unstamped = { ...report, issues: report.issues.map(({ checkId: _checkId, ...rest }) => rest) };
    expect(groupIssuesByCheck(unstamped, () => 'bagit.fetch').get('bagit.fetch')).toHaveLength(3);
    expect(report.issues.map((i) => i.checkId)).toEqual(['bagit.oxum', 'bagit.fixity', 'other.code']);
    expect(report.checks.map((c) => [c.id, c.status, c.issues])).toEqual([
      ['bagit.oxum', 'failed', [0]],
      ['bagit.fixity', 'passed', [1]],
      ['bagit.fetch', 'skipped', []],
      ['other.code', 'failed', [2]],
    ]);
  });
});

describe('formatJunit', () => {
  it('writes well-formed XML: errors fail, warnings pass with system-out, skipped are skipped, markup escaped', () => {
    const { root, issues } = readXml(formatJunit(report, { toolVersion: '9.9.9' }));
    expect(issues).toEqual([]);
    const suite = root!.child('testsuite')!;
    expect(suite.attributes).toMatchObject({ name: 'dangan.bagit', tests: '4', failures: '2', skipped: '1' });
    const byName = Object.fromEntries(suite.childrenNamed('testcase').map((t) => [t.attributes.name, t]));
    const failure = byName['bagit.oxum']!.child('failure')!;
    expect(failure.attributes.message).toBe('a <b> & "c"\ufffd');
    expect(failure.text).toBe('[error] bagit.oxum.mismatch bag-info.txt:3:1: a <b> & "c"\ufffd (expected "1.2", received "1.3")');
    expect(byName['bagit.fixity']!.child('failure')).toBeUndefined();
    expect(byName['bagit.fixity']!.child('system-out')!.text).toContain('[warning] bagit.fixity.weak');
    expect(byName['bagit.fetch']!.child('skipped')).toBeDefined();
    expect(byName['other.code']!.child('failure')).toBeDefined();
    expect(suite.child('properties')!.childrenNamed('property').map((p) => p.attributes.value)).toEqual(['false', '9.9.9']);
  });
});

describe('formatSarif', () => {
  it('writes a 2.1.0 log whose results point at rules by id and index, with regions only where located', () => {
    const log = JSON.parse(formatSarif(report, { describe: (id) => (id === 'bagit.oxum' ? { title: 'Oxum', severity: 'error', aspect: 'integrity' } : undefined) }));
    const [run] = log.runs;
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['bagit.oxum', 'bagit.fixity', 'bagit.fetch', 'other.code']);
    expect(run.tool.driver.rules[0]).toMatchObject({ shortDescription: { text: 'Oxum' }, defaultConfiguration: { level: 'error' }, properties: { aspect: 'integrity', status: 'failed' } });
    expect(run.results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['bagit.oxum', 0, 'error'],
      ['bagit.fixity', 1, 'warning'],
      ['other.code', 3, 'error'],
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'bag-info.txt', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1 } });
    expect(run.results[0].properties).toMatchObject({ code: 'bagit.oxum.mismatch', expected: '1.2', received: '1.3' });
    expect(run.results[1].locations).toBeUndefined();
    expect(run.properties).toMatchObject({ profile: 'bagit', valid: false });
  });
});
