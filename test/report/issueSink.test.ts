import { describe, expect, it } from 'vitest';
import { BAG_CHECKS } from '../../src/formats/bagit/checks.js';
import { EEP_FORMAT_CHECKS, eepCheckOfIssueCode } from '../../src/formats/eep/checks.js';
import { createIssue } from '../../src/report/createIssue.js';
import { createIssueSink } from '../../src/report/issueSink.js';
import { buildReport } from '../../src/report/report.js';

/** The one issue sink every validator collects through (issue 15). */
describe('createIssueSink', () => {
  it('stamps the check id, caps per code under the same check and lists every check', () => {
    const sink = createIssueSink({ checks: BAG_CHECKS, locale: 'en', maxIssuesPerCode: 2 });
    sink.ran('bagit.declaration');
    for (let i = 0; i < 5; i++) sink.report('bagit.payload.unlisted', { path: `data/${i}`, params: { path: `data/${i}` } }, 'bagit.completeness');
    const issues = sink.issues();
    expect(issues.map((i) => [i.code, i.checkId])).toEqual([
      ['bagit.payload.unlisted', 'bagit.completeness'],
      ['bagit.payload.unlisted', 'bagit.completeness'],
      ['limits.issues-truncated', 'bagit.completeness'],
    ]);
    expect(issues[2]?.received).toBe(3);
    const statuses = Object.fromEntries(sink.checks().map((c) => [c.id, c.status]));
    expect(statuses).toMatchObject({ 'bagit.declaration': 'passed', 'bagit.completeness': 'passed', 'bagit.oxum': 'skipped' });
    // buildReport decides failure from the issues the sink stamped.
    const report = buildReport({ profile: 'bagit', issues, checks: sink.checks() });
    expect(report.checks.find((c) => c.id === 'bagit.completeness')?.status).toBe('failed');
    expect(report.checks.find((c) => c.id === 'bagit.declaration')?.status).toBe('passed');
  });

  it('finds the check of a code, applies the policy, and keeps the issue its own aspect unless the check decides it', () => {
    const sink = createIssueSink({ checks: EEP_FORMAT_CHECKS, checkOf: eepCheckOfIssueCode, policy: (issue) => (issue.code === 'eep.unsigned' ? undefined : { ...issue, severity: 'warning' }) });
    const domain = createIssue('eep.value.domain', { params: { element: 'a', value: 'b', allowed: 'c' } });
    expect(sink.add(domain)).toBe(true);
    expect(sink.add(createIssue('eep.unsigned'))).toBe(false);
    const [kept] = sink.issues();
    expect(kept).toMatchObject({ code: 'eep.value.domain', checkId: 'eep.value-domain', severity: 'warning', aspect: domain.aspect });
    expect(sink.issues()).toHaveLength(1);

    const decided = createIssueSink({ checks: [{ id: 'x', aspect: 'security', dat70: 'GD-4-3', mode: 'auto' }], aspectAndItemOfCheck: true });
    decided.add(domain, 'x');
    expect(decided.issues()[0]).toMatchObject({ checkId: 'x', aspect: 'security', check: 'GD-4-3' });
  });
});
