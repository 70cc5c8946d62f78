import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustSeverity, applySeverityPolicy, createIssue, type Issue, type Severity } from '../../src/index.js';

const warning = createIssue('catalogue.element-missing', { params: { entry: 1, element: '密级' } });
const severities: (Severity | 'off')[] = ['error', 'warning', 'info', 'off'];

describe('severity policy (shared by catalogue, BagIt, EEP)', () => {
  it('strict turns warnings into errors; an override wins over strict; off drops', () => {
    expect(warning.severity).toBe('warning');
    expect(adjustSeverity(warning)).toBe(warning); // unchanged: the same object
    expect(adjustSeverity(warning, {}, true)?.severity).toBe('error');
    expect(adjustSeverity(warning, { 'catalogue.element-missing': 'info' }, true)?.severity).toBe('info');
    expect(adjustSeverity(warning, { 'catalogue.element-missing': 'off' })).toBeUndefined();
    expect(adjustSeverity(warning, { toString: 'off' } as never)).toBe(warning); // own keys only
  });

  it('applySeverityPolicy keeps order, drops off codes and changes nothing else', () => {
    const issue = fc.record({ code: fc.constantFrom('a.x', 'b.y', 'c.z'), severity: fc.constantFrom<Severity>('error', 'warning', 'info') });
    fc.assert(
      fc.property(fc.array(issue), fc.dictionary(fc.constantFrom('a.x', 'b.y'), fc.constantFrom(...severities)), fc.boolean(), (raw, overrides, strict) => {
        const issues = raw.map((r, i) => ({ ...r, aspect: 'usability', message: String(i) }) as Issue);
        const out = applySeverityPolicy(issues, overrides, strict);
        const kept = issues.filter((i) => overrides[i.code] !== 'off');
        expect(out.map((i) => i.message)).toEqual(kept.map((i) => i.message));
        out.forEach((o, k) => {
          const before = kept[k]!;
          const expected = overrides[before.code] ?? (strict && before.severity === 'warning' ? 'error' : before.severity);
          expect(o).toEqual({ ...before, severity: expected });
        });
      }),
    );
  });
});
