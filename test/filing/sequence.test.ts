import { describe, expect, it } from 'vitest';
import { checkSequence, compareArchivalCodes, nextItemNumber, sortArchivalCodes, naturalCompare } from '../../src/index.js';

describe('compareArchivalCodes', () => {
  it('orders numbers numerically, retention Y > D30 > D10, and missing 机构 first', () => {
    const codes = [
      'Z109-WS·2011-D10-BGS-0001',
      'Z109-WS·2011-Y-BGS-10',
      'Z109-WS·2011-D30-BGS-0001',
      'Z109-WS·2011-Y-BGS-0002',
      'Z109-WS·2010-D10-0001',
      'Z109-WS·2011-Y-0001',
    ];
    expect([...codes].sort((a, b) => compareArchivalCodes(a, b))).toEqual([
      'Z109-WS·2010-D10-0001',
      'Z109-WS·2011-Y-0001',
      'Z109-WS·2011-Y-BGS-0002',
      'Z109-WS·2011-Y-BGS-10',
      'Z109-WS·2011-D30-BGS-0001',
      'Z109-WS·2011-D10-BGS-0001',
    ]);
    expect(sortArchivalCodes(codes)).toEqual([...codes].sort((a, b) => compareArchivalCodes(a, b)));
  });

  it('orders 全宗号 naturally, legacy 长期 between 永久 and 定期, 短期 last, and junk after codes', () => {
    expect(sortArchivalCodes(['A10-WS·2011-Y-0001', 'A2-WS·2011-Y-0001'])).toEqual(['A2-WS·2011-Y-0001', 'A10-WS·2011-Y-0001']);
    expect(
      sortArchivalCodes(['Z109-WS·2003-D-0001', 'Z109-WS·2003-D10-0001', 'Z109-WS·2003-C-0001', 'Z109-WS·2003-Y-0001']),
    ).toEqual(['Z109-WS·2003-Y-0001', 'Z109-WS·2003-C-0001', 'Z109-WS·2003-D10-0001', 'Z109-WS·2003-D-0001']);
    expect(sortArchivalCodes(['zzz', 'Z109-WS·2011-Y-0001', '!!'])).toEqual(['Z109-WS·2011-Y-0001', '!!', 'zzz']);
  });

  it('orders volumes and items of DA/T 13-2022 codes by number whatever the width', () => {
    expect(sortArchivalCodes(['J019-KU·01·2017-002-001', 'J019-KU·01·2017-001-010', 'J019-KU·01·2017-001-9'])).toEqual([
      'J019-KU·01·2017-001-9',
      'J019-KU·01·2017-001-010',
      'J019-KU·01·2017-002-001',
    ]);
  });

  it('naturalCompare compares digit runs by value', () => {
    expect(naturalCompare('A2', 'A10')).toBeLessThan(0);
    expect(naturalCompare('A10', 'A2')).toBeGreaterThan(0);
    expect(naturalCompare('B1', 'A9')).toBeGreaterThan(0);
    expect(naturalCompare('A01', 'A1')).toBeGreaterThan(0);
  });
});

describe('nextItemNumber', () => {
  const existing = ['Z109-WS·2011-Y-BGS-0001', 'Z109-WS·2011-Y-BGS-0002', 'Z109-WS·2011-Y-BGS-0005', 'Z109-WS·2011-Y-XZS-0009'];

  it('allocates one more than the highest number in the class, padded to the profile width', () => {
    expect(nextItemNumber(existing, 'Z109-WS·2011-Y-BGS')).toEqual({
      valid: true,
      code: 'Z109-WS·2011-Y-BGS-0006',
      number: 6,
      text: '0006',
      field: 'itemNumber',
      profile: 'dat22',
      issues: [],
    });
  });

  it('starts a new class at 1, normalising the class key', () => {
    expect(nextItemNumber(existing, 'Z109－WS・2011－D30－BGS').code).toBe('Z109-WS·2011-D30-BGS-0001');
  });

  it('keeps the width used in a DA/T 13-2022 class, and allocates 案卷号 or 页号 where the code ends in one', () => {
    expect(nextItemNumber(['Z008-WS·2019·Y-037', 'Z008-WS·2019·Y-036'], 'Z008-WS·2019·Y').code).toBe('Z008-WS·2019·Y-038');
    const page = nextItemNumber(['X032-KJ·JJ·02-005-054'], 'X032-KJ·JJ·02-005');
    expect(page).toMatchObject({ code: 'X032-KJ·JJ·02-005-055', field: 'pageNumber', profile: 'dat13-2022-project' });
    expect(nextItemNumber([], 'J019-KU·01·2017-001', { width: 3 }).code).toBe('J019-KU·01·2017-001-001');
  });

  it('reports a class key that cannot form a valid code', () => {
    const r = nextItemNumber([], 'Z109-WS·2011-X');
    expect(r.valid).toBe(false);
    expect(r.issues[0]?.code).toBe('archival-code.malformed');
  });
});

describe('checkSequence', () => {
  it('passes a complete run in every class, in any order', () => {
    const report = checkSequence(['Z109-WS·2011-Y-BGS-0002', 'Z109-WS·2011-Y-BGS-0001', 'Z109-WS·2011-D30-BGS-0001']);
    expect(report.valid).toBe(true);
    expect(report.issues).toEqual([]);
    expect(report.checks.map(({ id, status }) => ({ id, status }))).toEqual([
      { id: 'GD-1-7', status: 'passed' },
      { id: 'GD-1-8', status: 'passed' },
      { id: 'GD-2-6', status: 'passed' },
    ]);
  });

  it('reports gaps (GD-2-6) with the missing range and the line, as warnings unless strict', () => {
    const codes = ['Z109-WS·2011-Y-BGS-0001', 'Z109-WS·2011-Y-BGS-0004', 'Z109-WS·2011-Y-BGS-0005'];
    const report = checkSequence(codes, { path: 'codes.txt', locale: 'en' });
    expect(report.valid).toBe(true);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      code: 'archival-code.sequence-gap',
      check: 'GD-2-6',
      aspect: 'integrity',
      severity: 'warning',
      path: 'codes.txt',
      location: { line: 2, column: 1 },
      expected: '0002',
      received: '0004',
      message: '件号 itemNumber 0002–0003 missing in "Z109-WS·2011-Y-BGS"',
    });
    const strict = checkSequence(codes, { strict: true });
    expect(strict.valid).toBe(false);
    expect(strict.checks[2]).toMatchObject({ id: 'GD-2-6', status: 'failed' });
  });

  it('reports a class that does not start at 1 as a gap', () => {
    const report = checkSequence(['Z109-WS·2011-Y-BGS-0003']);
    expect(report.issues[0]).toMatchObject({ code: 'archival-code.sequence-gap', params: { from: '0001', to: '0002' } });
  });

  it('reports duplicates (GD-1-8), also when written with different padding', () => {
    const report = checkSequence(['Z109-WS·2011-Y-BGS-0001', 'Z109-WS·2011-Y-BGS-0002', 'Z109-WS·2011-Y-BGS-1']);
    expect(report.valid).toBe(false);
    const dup = report.issues.find((i) => i.code === 'archival-code.duplicate');
    expect(dup).toMatchObject({ check: 'GD-1-8', location: { line: 3, column: 1 }, params: { firstLine: 1 } });
    expect(report.checks[1]).toMatchObject({ id: 'GD-1-8', status: 'failed' });
  });

  it('reports numbering that continues the previous class instead of restarting', () => {
    const report = checkSequence([
      'Z109-WS·2011-Y-BGS-0001',
      'Z109-WS·2011-Y-BGS-0002',
      'Z109-WS·2011-Y-XZS-0003',
      'Z109-WS·2011-Y-XZS-0004',
    ]);
    expect(report.valid).toBe(false);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      code: 'archival-code.sequence-not-restarted',
      check: 'GD-2-6',
      severity: 'error',
      location: { line: 3, column: 1 },
      params: { classKey: 'Z109-WS·2011-Y-XZS', previous: 'Z109-WS·2011-Y-BGS', first: '0003' },
    });
  });

  it('carries each invalid code\'s conformity issues (GD-1-7) with its line', () => {
    const report = checkSequence(['Z109-WS·2011-Y-BGS-0001', 'Z109-WS·2011-X-BGS-0002']);
    expect(report.valid).toBe(false);
    expect(report.issues[0]).toMatchObject({ code: 'archival-code.malformed', check: 'GD-1-7', location: { line: 2, column: 1 } });
    expect(report.checks[0]).toMatchObject({ id: 'GD-1-7', status: 'failed' });
  });

  it('checks 页号 within a volume and 案卷号 within a project separately', () => {
    const report = checkSequence(['X032-KJ·JJ·02-005-001', 'X032-KJ·JJ·02-005-003', 'X032-KJ·JJ·02-001', 'X032-KJ·JJ·02-002']);
    expect(report.issues.map((i) => [i.code, i.params?.classKey])).toEqual([['archival-code.sequence-gap', 'X032-KJ·JJ·02-005']]);
  });
});
