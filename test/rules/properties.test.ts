import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInSchedules, classifyItems, findRetentionRule, loadSchedule } from '../../src/rules/index.js';

describe('built-in schedules as data', () => {
  it.each(Object.values(builtInSchedules).map((s) => [s.id, s] as const))('%s round-trips through JSON and loadSchedule unchanged', (_id, schedule) => {
    const loaded = loadSchedule(JSON.stringify(schedule));
    expect(loaded.ok && loaded.schedule).toEqual(JSON.parse(JSON.stringify(schedule)));
  });

  it.each(Object.values(builtInSchedules).map((s) => [s.id, s] as const))('%s: every row is found by its code, its name and each alias', (_id, schedule) => {
    expect(new Set(schedule.rules.map((r) => r.id)).size).toBe(schedule.rules.length);
    for (const rule of schedule.rules) {
      expect(findRetentionRule(schedule, rule.code)).toMatchObject({ status: 'found', rule: { id: rule.id } });
      expect(findRetentionRule(schedule, rule.name)).toMatchObject({ status: 'found', rule: { id: rule.id } });
      for (const alias of rule.aliases) {
        const hit = findRetentionRule(schedule, alias);
        // an alias may be shared or equal another row's name; then the lookup must not guess
        if (hit.status === 'found') expect([rule.id, ...schedule.rules.filter((r) => r.name === alias).map((r) => r.id)]).toContain(hit.rule.id);
        else expect(hit.status === 'ambiguous' && hit.candidates.map((c) => c.rule.id)).toContain(rule.id);
      }
    }
  });

  it('every row carries a source', () => {
    for (const schedule of Object.values(builtInSchedules)) {
      for (const rule of schedule.rules) expect(rule.source.standard.length, `${schedule.id}/${rule.id}`).toBeGreaterThan(0);
    }
  });
});

describe('classifyItems (property)', () => {
  const row = fc.record({
    title: fc.constantFrom('通知', '报告', '请示', '批复'),
    author: fc.constant('某局'),
    date: fc.tuple(fc.integer({ min: 2014, max: 2016 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`),
    retentionPeriod: fc.constantFrom('Y', 'D30', 'D10'),
    orgCode: fc.constantFrom('BGS', 'RSC', 'CWK'),
    pageCount: fc.integer({ min: 1, max: 40 }),
  });

  it('numbers every class 1..n, in date order with input order breaking ties, whatever the scheme', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom('年度-机构-保管期限', '年度-保管期限-机构', '年度-保管期限', '保管期限-年度'), (rows, scheme) => {
        const r = classifyItems(rows, { scheme, fondsCode: 'Z109', box: { maxItems: 7, maxPages: 60 } });
        if (r.issues.length > 0 || r.items.length !== rows.length) return false;
        for (const cls of r.classes) {
          const members = r.items.filter((i) => i.classKey === cls.key);
          if (!members.every((m, k) => m.itemNumber === k + 1)) return false;
          for (let k = 1; k < members.length; k++) {
            const [a, b] = [members[k - 1]!, members[k]!];
            if (a.item.date > b.item.date || (a.item.date === b.item.date && a.index > b.index)) return false;
          }
        }
        const boxed = r.boxes.reduce((n, b) => n + b.itemCount, 0);
        return boxed === rows.length && new Set(r.items.map((i) => i.archivalCode)).size === rows.length;
      }),
    );
  });
});
