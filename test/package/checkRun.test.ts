import { describe, expect, it } from 'vitest';
import { createCheckRun } from '../../src/package/checks/checkRun.js';
import { defaultLimits } from '../../src/package/limits.js';

const finish = (run: ReturnType<typeof createCheckRun>) => run.finish({ profile: 'dat93', files: 0, bytes: 0 });

describe('createCheckRun', () => {
  it('lists at most maxIssuesPerCode issues of one code and counts the rest in one limits.issues-truncated', () => {
    const run = createCheckRun({ locale: 'en', limits: { maxIssuesPerCode: 3 } });
    for (let i = 0; i < 10; i += 1) run.report('content.unlisted', { path: `a/${i}.txt`, params: { file: `a/${i}.txt` } });
    run.report('content.missing', { path: 'a/x.pdf', params: { file: 'x.pdf', folder: 'a' } });
    const report = finish(run);
    expect(report.issues.filter((i) => i.code === 'content.unlisted').map((i) => i.path)).toEqual(['a/0.txt', 'a/1.txt', 'a/2.txt']);
    const truncated = report.issues.filter((i) => i.code === 'limits.issues-truncated');
    expect(truncated).toHaveLength(1);
    expect(truncated[0]).toMatchObject({ severity: 'info', received: 7, expected: 3, aspect: 'integrity', check: 'GD-2-11' });
    expect(truncated[0]!.message).toBe('3 issues "content.unlisted" are listed; 7 more are left out');
    expect(report.issues.filter((i) => i.code === 'content.missing')).toHaveLength(1);
    expect(report.checks.find((c) => c.id === 'content.completeness')?.status).toBe('failed');
  });

  it('defaults to 1,000 per code and adds no summary at or below it', () => {
    expect(defaultLimits.maxIssuesPerCode).toBe(1000);
    const run = createCheckRun();
    for (let i = 0; i < 1000; i += 1) run.report('content.unlisted', { path: `a/${i}`, params: { file: `a/${i}` } });
    const report = finish(run);
    expect(report.issues).toHaveLength(1000);
    expect(report.issues.some((i) => i.code === 'limits.issues-truncated')).toBe(false);
  });

  it('does not report an unlisted file as also not covered by fixity, but reports other uncovered files', () => {
    const run = createCheckRun();
    run.report('content.unlisted', { path: 'a/extra.txt', params: { file: 'a/extra.txt' } });
    run.report('fixity.not-covered', { path: 'a/extra.txt' });
    run.report('fixity.not-covered', { path: 'a/listed.pdf' });
    const report = finish(run);
    expect(report.issues.map((i) => [i.code, i.path])).toEqual([
      ['content.unlisted', 'a/extra.txt'],
      ['fixity.not-covered', 'a/listed.pdf'],
    ]);
  });

  it('an unlisted file past the cap still subsumes its fixity.not-covered', () => {
    const run = createCheckRun({ limits: { maxIssuesPerCode: 2 } });
    for (let i = 0; i < 5; i += 1) run.report('content.unlisted', { path: `a/${i}`, params: { file: `a/${i}` } });
    for (let i = 0; i < 5; i += 1) run.report('fixity.not-covered', { path: `a/${i}` });
    const report = finish(run);
    expect(report.issues.map((i) => i.code)).toEqual(['content.unlisted', 'content.unlisted', 'limits.issues-truncated']);
    expect(report.checks.find((c) => c.id === 'fixity.coverage')?.status).toBe('skipped');
  });

  it('applies per-check severity overrides through the shared policy; off drops the issues and skips the check', () => {
    const run = createCheckRun({ severity: { 'content.completeness': 'info', 'fixity.coverage': 'off' } });
    run.report('content.unlisted', { path: 'a/extra.txt', params: { file: 'a/extra.txt' } });
    run.report('fixity.not-covered', { path: 'a/b.pdf' });
    run.ran('fixity.coverage');
    const report = finish(run);
    expect(report.issues.map((i) => [i.code, i.severity])).toEqual([['content.unlisted', 'info']]);
    expect(report.checks.find((c) => c.id === 'content.completeness')?.status).toBe('passed');
    expect(report.checks.find((c) => c.id === 'fixity.coverage')?.status).toBe('skipped');
  });
});
