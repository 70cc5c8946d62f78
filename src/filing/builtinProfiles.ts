import type { ArchivalCodeProfileDefinition } from './profile.js';

/**
 * The built-in 档号 profiles, as data. Each cites its clause. Detection tries
 * them by `priority`, highest first (see {@link detectProfile}); profiles that
 * fix the 门类 (`{categoryCode=KJ}`) outrank the general form they refine.
 *
 * Examples (standards-paper §1.5, §2.2, §6):
 * - `dat22`: `Z109-WS·2011-Y-BGS-0001`, `A182-ZP·2022-Y-0001`
 * - `dat13-2022`: `Z109-WS·2011·Y·办公室-0001`, `A439-WS·2015·D30·003-005`, `C015-WY·TZGG·2019·D10-00001`
 * - `dat13-2022-volume`: `J019-ZY·JC·CC·2019·D30-001-001`, `J019-KU·01·2017-001-001`, `A002-RS-001-002`
 * - `dat13-2022-photo`: `K021-ZP·2019·D30-025-005`
 * - `dat13-2022-project`: `X032-KJ·KY·01-003`, `X032-KJ·JJ·02-005-054`
 * - `dat13-1994-catalogue`: `C038-001-002-003`
 *
 * All set `readBack: false`: test/filing/properties.test.ts proves for each of
 * them that every code the formatter writes reads back to the same components.
 */
export const builtinProfileDefinitions: readonly ArchivalCodeProfileDefinition[] = [
  {
    id: 'dat22',
    // DA/T 22-2015 §5.4: 全宗号-档案门类代码·年度-保管期限-机构（问题）代码-件号;
    // the 机构 segment is omitted when the scheme does not use it; a 2nd-level
    // 门类 is appended to the 门类代码 with "·"; 件号 is 4 digits, zero-padded.
    template: '{fondsCode}-{categoryCode}[·{classCode*}]·{year}-{retentionPeriod}[-{orgCode}]-{itemNumber:4}',
    title: { 'zh-CN': 'DA/T 22-2015 按件档号', en: 'DA/T 22-2015 item-level code' },
    source: { standard: 'DA/T 22-2015', clause: '§5.4', confidence: 'verified' },
    readBack: false,
    priority: 100,
    // 文书 retention: 永久, 定期30年, 定期10年 (国家档案局令第8号 第六条).
    retentionPeriods: ['Y', 'D30', 'D10'],
    orgCodeForms: ['letters3', 'digits3'],
  },
  {
    id: 'dat13-2022-project',
    // DA/T 13-2022 §5, 科技 examples: 门类·二级类别·项目号-案卷号[-页号].
    template: '{fondsCode}-{categoryCode=KJ}·{classCode*}·{projectCode}-{volumeNumber}[-{pageNumber}]',
    title: { 'zh-CN': 'DA/T 13-2022 科技档案（项目）档号', en: 'DA/T 13-2022 project (科技) code' },
    source: { standard: 'DA/T 13-2022', clause: '§5 (examples X032-KJ·KY·01-003, X032-KJ·JJ·02-005-054)', confidence: 'single-source' },
    readBack: false,
    priority: 90,
    fondsCodeForm: '[A-Z]\\d{3}',
  },
  {
    id: 'dat13-2022-photo',
    // DA/T 13-2022 §5, 照片 example: 全宗号-ZP·年度·期限-组号-件号.
    template: '{fondsCode}-{categoryCode=ZP}[·{classCode*}][·{year}][·{retentionPeriod}[·{orgCode}]]-{groupNumber}-{itemNumber}',
    title: { 'zh-CN': 'DA/T 13-2022 照片档号（组号-件号）', en: 'DA/T 13-2022 photograph code (group-item)' },
    source: { standard: 'DA/T 13-2022', clause: '§5 (example K021-ZP·2019·D30-025-005)', confidence: 'single-source' },
    readBack: false,
    priority: 85,
    fondsCodeForm: '[A-Z]\\d{3}',
  },
  {
    id: 'dat13-2022',
    // DA/T 13-2022 §5 按件: 全宗号-类别号-件号; inside 类别号 all levels are
    // joined by "·" (门类·二级…·年度·期限·机构).
    template: '{fondsCode}-{categoryCode}[·{classCode*}][·{year}][·{retentionPeriod}[·{orgCode}]]-{itemNumber}',
    title: { 'zh-CN': 'DA/T 13-2022 按件档号', en: 'DA/T 13-2022 item-level code' },
    source: { standard: 'DA/T 13-2022', clause: '§5 (按件)', confidence: 'single-source' },
    readBack: false,
    priority: 80,
    fondsCodeForm: '[A-Z]\\d{3}',
  },
  {
    id: 'dat13-2022-volume',
    // DA/T 13-2022 §5 按卷: 全宗号-类别号-案卷号-件号.
    template: '{fondsCode}-{categoryCode}[·{classCode*}][·{year}][·{retentionPeriod}[·{orgCode}]]-{volumeNumber}-{itemNumber}',
    title: { 'zh-CN': 'DA/T 13-2022 按卷档号', en: 'DA/T 13-2022 volume-level code' },
    source: { standard: 'DA/T 13-2022', clause: '§5 (按卷)', confidence: 'single-source' },
    readBack: false,
    priority: 70,
    fondsCodeForm: '[A-Z]\\d{3}',
  },
  {
    id: 'dat13-1994-catalogue',
    // DA/T 13-1994 档号结构 1: 全宗号-案卷目录号-案卷号-件（页）号.
    template: '{fondsCode}-{catalogueNumber}-{volumeNumber}-{itemNumber}',
    title: { 'zh-CN': 'DA/T 13-1994 全宗号-目录号-案卷号-件号', en: 'DA/T 13-1994 fonds-catalogue-volume-item' },
    source: { standard: 'DA/T 13-1994', clause: '档号结构 1', confidence: 'verified' },
    readBack: false,
    priority: 50,
  },
  {
    id: 'dat13-1994-class',
    // DA/T 13-1994 档号结构 2: 全宗号-类别号-案卷号-件（页）号.
    template: '{fondsCode}-{classCode*}-{volumeNumber}-{itemNumber}',
    title: { 'zh-CN': 'DA/T 13-1994 全宗号-类别号-案卷号-件号', en: 'DA/T 13-1994 fonds-class-volume-item' },
    source: { standard: 'DA/T 13-1994', clause: '档号结构 2', confidence: 'verified' },
    readBack: false,
    priority: 40,
  },
  {
    id: 'dat13-1994-project',
    // DA/T 13-1994 档号结构 3 (科技): 类别号-项目号-案卷号-件（页）号.
    template: '{classCode*}-{projectCode}-{volumeNumber}-{itemNumber}',
    title: { 'zh-CN': 'DA/T 13-1994 类别号-项目号-案卷号-件号', en: 'DA/T 13-1994 class-project-volume-item' },
    source: { standard: 'DA/T 13-1994', clause: '档号结构 3', confidence: 'verified' },
    readBack: false,
    priority: 30,
  },
];
