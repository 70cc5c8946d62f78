import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatArchivalCode, parseArchivalCode, retentionDates } from '../src/index.js';
import { validatePath } from '../src/node/index.js';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

/** The README's 30-second example must say what the library really does. */
describe('README example', () => {
  it('parses and formats the DA/T 22-2015 example code as shown', () => {
    expect(readme).toContain("parseArchivalCode('Z109-WS·2011-Y-BGS-0001')");
    const parsed = parseArchivalCode('Z109-WS·2011-Y-BGS-0001');
    expect(parsed.valid).toBe(true);
    expect(parsed.components?.itemNumber).toBe('0001');
    expect(formatArchivalCode(parsed.components!, 'dat22')).toBe('Z109-WS·2011-Y-BGS-0001');
  });

  it('computes the retention dates shown', () => {
    expect(readme).toContain("expiry: '2025-12-31'");
    expect(retentionDates({ year: 2015 }, { period: { kind: 'fixed', years: 10 } })).toEqual({
      status: 'counted',
      countingStart: '2016-01-01',
      expiry: '2025-12-31',
      appraisalDue: '2026-01-01',
    });
  });

  it('reports a digest mismatch with the fields the README names', async () => {
    expect(readme).toContain("code: 'fixity.mismatch', check: 'GD-1-1', aspect: 'authenticity'");
    const report = await validatePath(join(import.meta.dirname, '..', 'examples', 'packages', 'faulty'), { locale: 'en' });
    expect(report.valid).toBe(false);
    const mismatch = report.issues.find((i) => i.code === 'fixity.mismatch');
    expect(mismatch).toMatchObject({ check: 'GD-1-1', aspect: 'authenticity', severity: 'error' });
    expect(typeof mismatch?.expected).toBe('string');
    expect(mismatch?.received).not.toBe(mismatch?.expected);
  });
});
