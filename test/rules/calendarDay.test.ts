import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, toCalendarDay } from '../../src/rules/_calendar.js';

describe('toCalendarDay', () => {
  it('writes every day as date-fns format(date, "yyyy-MM-dd") does, years before 1 and past 9999 included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 12000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const date = dayOf(year, month, day);
        expect(toCalendarDay(date)).toBe(format(date, 'yyyy-MM-dd'));
      }),
      { numRuns: 2000 },
    );
    expect(toCalendarDay(dayOf(2015, 2, 29))).toBe('2015-03-01');
  });
});
