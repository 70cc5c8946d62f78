import { describe, expect, it } from 'vitest';
import { detectProfile, formatArchivalCode, matchingProfiles, parseArchivalCode, type ArchivalCodeComponents } from '../../src/index.js';

// Every example of standards-paper §1.5 (DA/T 22-2015), §2.2 (DA/T 13-2022),
// §2.1 (DA/T 13-1994) and §6, with the components it must yield.
const examples: readonly { code: string; profile: string; components: ArchivalCodeComponents; note: string }[] = [
  {
    note: 'DA/T 22-2015 §5.4 worked example',
    code: 'Z109-WS·2011-Y-BGS-0001',
    profile: 'dat22',
    components: { fondsCode: 'Z109', categoryCode: 'WS', year: '2011', retentionPeriod: 'Y', orgCode: 'BGS', itemNumber: '0001' },
  },
  {
    note: 'DA/T 22-2015 without 机构 segment (photos)',
    code: 'A182-ZP·2022-Y-0001',
    profile: 'dat22',
    components: { fondsCode: 'A182', categoryCode: 'ZP', year: '2022', retentionPeriod: 'Y', itemNumber: '0001' },
  },
  {
    note: 'DA/T 13-2022 按件 文书 with a Chinese 机构 name',
    code: 'Z109-WS·2011·Y·办公室-0001',
    profile: 'dat13-2022',
    components: { fondsCode: 'Z109', categoryCode: 'WS', year: '2011', retentionPeriod: 'Y', orgCode: '办公室', itemNumber: '0001' },
  },
  {
    note: 'DA/T 13-2022 按件 文书, 问题代码 003',
    code: 'A439-WS·2015·D30·003-005',
    profile: 'dat13-2022',
    components: { fondsCode: 'A439', categoryCode: 'WS', year: '2015', retentionPeriod: 'D30', orgCode: '003', itemNumber: '005' },
  },
  {
    note: 'DA/T 13-2022 no 机构 segment',
    code: 'Z008-WS·2019·Y-037',
    profile: 'dat13-2022',
    components: { fondsCode: 'Z008', categoryCode: 'WS', year: '2019', retentionPeriod: 'Y', itemNumber: '037' },
  },
  {
    note: 'DA/T 13-2022 录音',
    code: 'J019-LY·2019·Y-001',
    profile: 'dat13-2022',
    components: { fondsCode: 'J019', categoryCode: 'LY', year: '2019', retentionPeriod: 'Y', itemNumber: '001' },
  },
  {
    note: 'DA/T 13-2022 实物',
    code: 'B168-SW·2015·Y-001',
    profile: 'dat13-2022',
    components: { fondsCode: 'B168', categoryCode: 'SW', year: '2015', retentionPeriod: 'Y', itemNumber: '001' },
  },
  {
    note: 'DA/T 13-2022 网页, 5-digit 件号',
    code: 'C015-WY·TZGG·2019·D10-00001',
    profile: 'dat13-2022',
    components: { fondsCode: 'C015', categoryCode: 'WY', classCode: ['TZGG'], year: '2019', retentionPeriod: 'D10', itemNumber: '00001' },
  },
  {
    note: 'DA/T 13-2022 会计: 门类·类别·年度-案卷号-件号',
    code: 'J019-KU·01·2017-001-001',
    profile: 'dat13-2022-volume',
    components: { fondsCode: 'J019', categoryCode: 'KU', classCode: ['01'], year: '2017', volumeNumber: '001', itemNumber: '001' },
  },
  {
    note: 'DA/T 13-2022 专业: 门类·二级·三级·年度·期限-案卷号-件号',
    code: 'J019-ZY·JC·CC·2019·D30-001-001',
    profile: 'dat13-2022-volume',
    components: {
      fondsCode: 'J019',
      categoryCode: 'ZY',
      classCode: ['JC', 'CC'],
      year: '2019',
      retentionPeriod: 'D30',
      volumeNumber: '001',
      itemNumber: '001',
    },
  },
  {
    note: 'DA/T 13-2022 人事: 全宗-门类-案卷号-件号',
    code: 'A002-RS-001-002',
    profile: 'dat13-2022-volume',
    components: { fondsCode: 'A002', categoryCode: 'RS', volumeNumber: '001', itemNumber: '002' },
  },
  {
    note: 'DA/T 13-2022 照片: …-组号-件号',
    code: 'K021-ZP·2019·D30-025-005',
    profile: 'dat13-2022-photo',
    components: { fondsCode: 'K021', categoryCode: 'ZP', year: '2019', retentionPeriod: 'D30', groupNumber: '025', itemNumber: '005' },
  },
  {
    note: 'DA/T 13-2022 科技 (科研) project: 门类·二级·项目号-案卷号',
    code: 'X032-KJ·KY·01-003',
    profile: 'dat13-2022-project',
    components: { fondsCode: 'X032', categoryCode: 'KJ', classCode: ['KY'], projectCode: '01', volumeNumber: '003' },
  },
  {
    note: 'DA/T 13-2022 基建 project ending in 页号',
    code: 'X032-KJ·JJ·02-005-054',
    profile: 'dat13-2022-project',
    components: { fondsCode: 'X032', categoryCode: 'KJ', classCode: ['JJ'], projectCode: '02', volumeNumber: '005', pageNumber: '054' },
  },
  {
    note: 'legacy 全宗-目录号-案卷号-件号 (DA/T 13-1994 structure 1)',
    code: 'C038-001-002-003',
    profile: 'dat13-1994-catalogue',
    components: { fondsCode: 'C038', catalogueNumber: '001', volumeNumber: '002', itemNumber: '003' },
  },
  {
    note: 'field practice, DA/T 22 form with a 2-letter 机构 (warning only)',
    code: 'A182-WS·2022-Y-XZ-0001',
    profile: 'dat22',
    components: { fondsCode: 'A182', categoryCode: 'WS', year: '2022', retentionPeriod: 'Y', orgCode: 'XZ', itemNumber: '0001' },
  },
];

describe('standard examples', () => {
  it.each(examples)('$code ($note) parses under $profile', ({ code, profile, components }) => {
    const detected = parseArchivalCode(code, { currentYear: 2026 });
    expect(detected.valid).toBe(true);
    expect(detected.profile).toBe(profile);
    expect(detected.components).toEqual(components);
    expect(detected.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(detectProfile(code)).toBe(profile);
    // Read with the profile named explicitly, and written back unchanged.
    expect(parseArchivalCode(code, { profile }).components).toEqual(components);
    expect(formatArchivalCode(components, profile)).toBe(code);
  });

  it('reads the DA/T 13-1994 class and project structures when asked', () => {
    expect(parseArchivalCode('J001-WS·A1-012-003', { profile: 'dat13-1994-class' }).components).toEqual({
      fondsCode: 'J001',
      classCode: ['WS', 'A1'],
      volumeNumber: '012',
      itemNumber: '003',
    });
    expect(parseArchivalCode('KY-P07-003-012', { profile: 'dat13-1994-project' }).components).toEqual({
      classCode: ['KY'],
      projectCode: 'P07',
      volumeNumber: '003',
      itemNumber: '012',
    });
    // Structure 3 has no 全宗号, so it is indistinguishable from structure 2:
    // detection prefers the higher priority, as documented.
    expect(matchingProfiles('KY-P07-003-012')).toEqual(['dat13-1994-class', 'dat13-1994-project']);
    expect(detectProfile('KY-P07-003-012')).toBe('dat13-1994-class');
  });

  it('a 2-letter 机构 under dat22 is a warning only', () => {
    const r = parseArchivalCode('A182-WS·2022-Y-XZ-0001');
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['archival-code.org-code-form', 'warning']]);
  });
});
