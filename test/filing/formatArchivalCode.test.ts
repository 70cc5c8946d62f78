import { describe, expect, it } from 'vitest';
import { ArchivalCodeFormatError, formatArchivalCode } from '../../src/index.js';

const base = { fondsCode: 'Z109', categoryCode: 'WS', year: 2011, retentionPeriod: 'Y', itemNumber: 1 };

describe('formatArchivalCode', () => {
  it('writes dat22 by default, zero-padding numbers, and omits the optional 机构 segment', () => {
    expect(formatArchivalCode({ ...base, orgCode: 'BGS' })).toBe('Z109-WS·2011-Y-BGS-0001');
    expect(formatArchivalCode(base)).toBe('Z109-WS·2011-Y-0001');
    expect(formatArchivalCode({ ...base, itemNumber: '7' })).toBe('Z109-WS·2011-Y-0007');
  });

  it('writes 类别号 levels given as an array or a ·-joined string', () => {
    const c = { fondsCode: 'J019', categoryCode: 'ZY', year: '2019', retentionPeriod: 'D30', volumeNumber: '001', itemNumber: '001' };
    expect(formatArchivalCode({ ...c, classCode: ['JC', 'CC'] }, 'dat13-2022-volume')).toBe('J019-ZY·JC·CC·2019·D30-001-001');
    expect(formatArchivalCode({ ...c, classCode: 'JC·CC' }, 'dat13-2022-volume')).toBe('J019-ZY·JC·CC·2019·D30-001-001');
  });

  it('throws a FormatError naming a missing component', () => {
    const { year: _year, ...noYear } = base;
    expect(() => formatArchivalCode(noYear)).toThrow(ArchivalCodeFormatError);
    try {
      formatArchivalCode(noYear);
    } catch (e) {
      expect((e as ArchivalCodeFormatError).issues[0]).toMatchObject({ code: 'archival-code.format-missing', params: { field: 'year' } });
      expect((e as Error).message).toBe('[dangan] Profile dat22 needs component "year"');
    }
  });

  it('refuses values that would not read back, and components the profile has no place for', () => {
    expect(() => formatArchivalCode({ ...base, itemNumber: 'A1' })).toThrow(/"itemNumber" value "A1" does not fit/);
    expect(() => formatArchivalCode({ ...base, itemNumber: -1 })).toThrow(/does not fit/);
    expect(() => formatArchivalCode({ ...base, orgCode: 'B-S' })).toThrow(/"orgCode" value "B-S"/);
    // A class level that looks like a 年度 would be read back as the 年度.
    expect(() => formatArchivalCode({ ...base, classCode: ['2011'] })).toThrow(/classCode/);
    expect(() => formatArchivalCode({ ...base, categoryCode: 'WS', volumeNumber: 3 })).toThrow(/no place for component "volumeNumber"/);
    expect(() => formatArchivalCode({ fondsCode: 'X032', categoryCode: 'WS', classCode: ['KY'], projectCode: '01', volumeNumber: 3 }, 'dat13-2022-project')).toThrow(
      /"categoryCode" value "WS"/,
    );
  });

  it('throws a RangeError for an unknown profile id', () => {
    expect(() => formatArchivalCode(base, 'nope')).toThrow(RangeError);
  });
});
