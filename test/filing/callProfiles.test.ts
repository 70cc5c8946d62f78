import { describe, expect, it } from 'vitest';
import { compileProfile } from '../../src/filing/profileDefinition.js';
import { parseArchivalCode } from '../../src/filing/parseArchivalCode.js';
import { getProfile } from '../../src/filing/registry.js';
import { checkSequence } from '../../src/filing/sequence.js';

/** `ParseArchivalCodeOptions.profiles`: a local 档号 scheme for one call, without touching the registry. */
const local = compileProfile({ id: 'z109-local', template: '{fondsCode}-{year}-{orgCode}-{retentionPeriod}-{itemNumber:4}', retentionPeriods: ['Y', 'D30', 'D10'] });

describe('profiles given per call', () => {
  it('auto-detection reads a local code with them and not without them', () => {
    const code = 'Z109-2024-BGS-Y-0001';
    expect(parseArchivalCode(code).valid).toBe(false);
    const read = parseArchivalCode(code, { profiles: [local] });
    expect(read.valid).toBe(true);
    expect(read.profile).toBe('z109-local');
    expect(read.components).toMatchObject({ fondsCode: 'Z109', year: '2024', orgCode: 'BGS', retentionPeriod: 'Y', itemNumber: '0001' });
    expect(parseArchivalCode(code, { profiles: [local], profile: 'z109-local' }).valid).toBe(true);
    // Nothing was registered.
    expect(getProfile('z109-local')).toBeUndefined();
    expect(parseArchivalCode(code, { profile: 'z109-local' }).issues[0]?.code).toBe('archival-code.unknown-profile');
  });

  it('built-in codes still read with their own profile', () => {
    expect(parseArchivalCode('Z109-WS·2011-Y-BGS-0001', { profiles: [local] }).profile).toBe('dat22');
  });

  it('checkSequence numbers within the local classes', () => {
    const report = checkSequence(['Z109-2024-BGS-Y-0001', 'Z109-2024-BGS-Y-0003', 'Z109-2024-BGS-Y-0002', 'Z109-2024-XZS-Y-0002'], { profiles: [local] });
    expect(report.issues.map((i) => i.code)).toEqual(['archival-code.sequence-gap']);
    expect(report.issues[0]?.received).toBe('0002');
  });
});
