import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCatalogueXml, readCatalogue, validateCatalogue, type CatalogueXmlEntry } from '../../../src/index.js';
import { encodeGb18030 } from '../../../src/xml/index.js';
import { catalogueFixtures, catalogueXml, cleanEntries, entry2012, entry2022, faultyEntries, line2022 } from '../../fixtures/catalogue/generate.js';

const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);
const validate2022 = (overrides: Record<string, string | undefined>, options = {}) =>
  validateCatalogue(catalogueXml([entry2022(1, overrides)], { encoding: 'UTF-8' }), options);

describe('validateCatalogue: the planted faults (issue 2, must show)', () => {
  const fixtures = catalogueFixtures();

  it('accepts the clean GB18030 catalogue', () => {
    const report = validateCatalogue(fixtures['clean.gb18030.xml']!);
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ valid: true, profile: 'catalogue', summary: { errors: 0, files: 1, bytes: fixtures['clean.gb18030.xml']!.length } });
    expect(report.checks.every((c) => c.status === 'passed')).toBe(true);
  });

  it('names all three faults of the faulty GB18030 catalogue with line, column and XPath', () => {
    const report = validateCatalogue(fixtures['faulty.gb18030.xml']!, { path: 'faulty.gb18030.xml' });
    expect(report.valid).toBe(false);
    expect(report.issues).toMatchObject([
      { code: 'catalogue.date-impossible', severity: 'error', path: 'faulty.gb18030.xml', location: { line: line2022(1, '日期'), column: 5, xpath: '/文件目录/文件[1]/日期' }, received: '20150231' },
      { code: 'catalogue.security-invalid', severity: 'error', location: { line: line2022(2, '密级'), column: 5, xpath: '/文件目录/文件[2]/密级' }, received: '特密' },
      { code: 'catalogue.archival-code-duplicate', severity: 'error', location: { line: line2022(3, '档号'), xpath: '/文件目录/文件[3]/档号' }, params: { firstLine: line2022(2, '档号') } },
    ]);
    expect(report.checks).toContainEqual(expect.objectContaining({ id: 'catalogue.values', status: 'failed' }));
    expect(report.checks).toContainEqual(expect.objectContaining({ id: 'catalogue.uniqueness', status: 'failed' }));
    expect(faultyEntries).toHaveLength(3);
  });
});

describe('validateCatalogue: required items', () => {
  it.each(['顺序号', '档号', '责任者', '题名', '日期', '保管期限'])('2022 set: missing %s is an error at the entry', (field) => {
    const report = validate2022({ [field]: undefined }, { elementSet: '2022' });
    expect(report.issues).toMatchObject([{ code: 'catalogue.required-missing', severity: 'error', params: { field }, location: { line: 3, xpath: '/文件目录/文件' } }]);
  });

  it.each(['顺序号', '档号', '责任者', '题名', '日期'])('empty %s is an error at the element', (field) => {
    const report = validate2022({ [field]: '' });
    expect(report.issues).toMatchObject([{ code: 'catalogue.required-empty', params: { field }, location: { xpath: `/文件目录/文件/${field}` } }]);
  });

  it('2022 set: 密级 and 备注 must be present (may be empty) — a warning when absent', () => {
    const report = validate2022({ 密级: undefined, 备注: undefined });
    expect(report.valid).toBe(true);
    expect(report.issues).toMatchObject([
      { code: 'catalogue.element-missing', severity: 'warning', params: { field: '密级' } },
      { code: 'catalogue.element-missing', severity: 'warning', params: { field: '备注' } },
    ]);
  });

  it('文号, 页数 and 电子档案名称 are optional', () => {
    expect(validate2022({ 文号: undefined, 页数: undefined }).issues).toEqual([]);
    expect(validateCatalogue(catalogueXml([entry2012(1, { 电子档案名称: undefined })])).issues).toEqual([]);
  });

  it('2012 set (no 保管期限): 保管期限 is not required, 电子档案名称 is known', () => {
    const result = readCatalogue(catalogueXml([entry2012(1), entry2012(2)]));
    expect(result.elementSet).toBe('2012');
    expect(validateCatalogue(catalogueXml([entry2012(1), entry2012(2)])).issues).toEqual([]);
  });

  it('the element set is detected from the first entry, and can be forced', () => {
    expect(readCatalogue(catalogueXml([entry2022(1, { 保管期限: undefined })])).elementSet).toBe('2012');
    const report = validateCatalogue(catalogueXml([entry2012(1)]), { elementSet: '2022' });
    expect(report.issues).toMatchObject([{ code: 'catalogue.required-missing', params: { field: '保管期限' } }]);
  });

  it('reports unknown elements once (info) and repeated elements (warning)', () => {
    const xml = catalogueXml([entry2022(1, { 年度: '2015' }), entry2022(2, { 年度: '2015' })]).replace('<题名>', '<题名>x</题名>\n    <题名>');
    const report = validateCatalogue(xml);
    expect(report.valid).toBe(true);
    expect(report.issues).toMatchObject([
      { code: 'catalogue.field-repeated', severity: 'warning', params: { field: '题名' }, location: { xpath: '/文件目录/文件[1]/题名[2]' } },
      { code: 'catalogue.field-unknown', severity: 'info', params: { field: '年度', entry: 1 } },
    ]);
  });
});

describe('validateCatalogue: values', () => {
  it.each([
    ['20150231', 'catalogue.date-impossible'],
    ['20151301', 'catalogue.date-impossible'],
    ['20150015', 'catalogue.date-impossible'],
    ['2015031', 'catalogue.date-invalid'],
    ['2015年3月1日', 'catalogue.date-invalid'],
    ['abcdefgh', 'catalogue.date-invalid'],
  ])('日期 %s → %s', (date, code) => {
    expect(validate2022({ 日期: date }).issues).toMatchObject([{ code, severity: 'error', expected: 'YYYYMMDD', received: date }]);
  });

  it.each(['20150301', '20150300', '20150000', '[20150301]', '20000229'])('日期 %s is valid', (date) => {
    expect(validate2022({ 日期: date }).issues).toEqual([]);
  });

  it('日期 in YYYY-MM-DD is read but warned about', () => {
    expect(validate2022({ 日期: '2015-03-01' }).issues).toMatchObject([{ code: 'catalogue.date-not-basic', severity: 'warning', expected: '20150301' }]);
  });

  it.each(['绝密', '机密', '秘密', '', '无'])('密级 %j is valid', (value) => {
    expect(validate2022({ 密级: value }).issues).toEqual([]);
  });

  it.each(['特密', 'secret', '机密★10年'])('密级 %j is an error', (value) => {
    expect(validate2022({ 密级: value }).issues).toMatchObject([{ code: 'catalogue.security-invalid', aspect: 'security', received: value }]);
  });

  it.each(['公开', '限制', '内部'])('密级 %j is an access value: a warning', (value) => {
    expect(validate2022({ 密级: value }).issues).toMatchObject([{ code: 'catalogue.security-not-classification', severity: 'warning' }]);
  });

  it.each(['永久', 'Y', 'D30', 'D10', '定期30年', '30年', '长期', '短期'])('保管期限 %j is valid', (value) => {
    expect(validate2022({ 保管期限: value }).issues).toEqual([]);
  });

  it.each(['D', '永远', 'D0', '三十年'])('保管期限 %j is an error', (value) => {
    expect(validate2022({ 保管期限: value }).issues).toMatchObject([{ code: 'catalogue.retention-invalid', received: value }]);
  });

  it.each(['0', '-1', '1.5', 'three'])('页数 %j is an error', (value) => {
    expect(validate2022({ 页数: value }).issues).toMatchObject([{ code: 'catalogue.page-count-invalid', received: value }]);
  });

  it.each(['0', 'A1', '1.0'])('顺序号 %j is an error', (value) => {
    expect(validate2022({ 顺序号: value }).issues).toMatchObject([{ code: 'catalogue.sequence-invalid', received: value }]);
  });
});

describe('validateCatalogue: duplicates', () => {
  it('reports a repeated 顺序号 (01 = 1) at the later entry, naming the first line', () => {
    const report = validateCatalogue(catalogueXml([entry2022(1), entry2022(2, { 顺序号: '01' })], { encoding: 'UTF-8' }));
    expect(report.issues).toMatchObject([
      { code: 'catalogue.sequence-duplicate', location: { line: line2022(2, '顺序号'), xpath: '/文件目录/文件[2]/顺序号' }, params: { firstLine: line2022(1, '顺序号') } },
    ]);
  });

  it('reports every repetition of a 档号 and nothing for distinct ones', () => {
    const same = entry2022(1).档号;
    const report = validateCatalogue(catalogueXml([entry2022(1), entry2022(2, { 档号: same }), entry2022(3, { 档号: same }), entry2022(4)]));
    expect(codes(report)).toEqual(['catalogue.archival-code-duplicate', 'catalogue.archival-code-duplicate']);
    expect(report.issues.map((i) => i.params?.entry)).toEqual([2, 3]);
  });
});

describe('validateCatalogue: structure, levels and encodings', () => {
  it('reads 案卷目录.XML (卷 level)', () => {
    const xml = catalogueXml([entry2022(1), entry2022(2)], { root: '案卷目录', entry: '案卷' });
    const read = readCatalogue(xml);
    expect(read).toMatchObject({ level: 'volume', elementSet: '2022' });
    expect(read.entries.map((e) => e.location.xpath)).toEqual(['/案卷目录/案卷[1]', '/案卷目录/案卷[2]']);
    expect(validateCatalogue(xml).issues).toEqual([]);
  });

  it('reports an unexpected root and still reads its entries', () => {
    const xml = catalogueXml([entry2022(1, { 日期: 'x' })], { root: '目录' });
    expect(codes(validateCatalogue(xml))).toEqual(['catalogue.root-unexpected', 'catalogue.date-invalid']);
  });

  it('reports children that are not entries, and an empty catalogue', () => {
    const xml = '<文件目录><文件>x</文件><说明>y</说明></文件目录>';
    expect(codes(validateCatalogue(xml))).toContain('catalogue.entry-unexpected');
    expect(validateCatalogue('<文件目录/>').issues).toMatchObject([{ code: 'catalogue.empty', severity: 'warning' }]);
  });

  it('accepts UTF-8, GB18030 and GB2312; refuses UTF-16 but still checks the entries', () => {
    const text = (enc: string) => catalogueXml(cleanEntries, { encoding: enc });
    expect(validateCatalogue(new TextEncoder().encode(text('UTF-8'))).valid).toBe(true);
    expect(validateCatalogue(encodeGb18030(text('GB2312'))).valid).toBe(true);
    const t16 = text('UTF-16').replace('<日期>20150301', '<日期>20150231');
    const utf16 = new Uint8Array(2 + t16.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < t16.length; i++) {
      utf16[2 + 2 * i] = t16.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = t16.charCodeAt(i) >> 8;
    }
    const report = validateCatalogue(utf16);
    expect(codes(report)).toEqual(['xml.encoding-unsupported', 'catalogue.date-impossible']);
    expect(report.checks).toContainEqual(expect.objectContaining({ id: 'catalogue.encoding', status: 'failed' }));
  });

  it('turns malformed XML into a report with skipped catalogue checks', () => {
    const truncated = catalogueXml(cleanEntries, { encoding: 'UTF-8' }).slice(0, 200);
    const report = validateCatalogue(truncated);
    expect(report.valid).toBe(false);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'xml.unexpected-end' });
    expect(report.checks.map(({ id, status }) => ({ id, status }))).toEqual([
      { id: 'catalogue.encoding', status: 'passed' },
      { id: 'catalogue.well-formed', status: 'failed' },
      { id: 'catalogue.structure', status: 'skipped' },
      { id: 'catalogue.required-items', status: 'skipped' },
      { id: 'catalogue.values', status: 'skipped' },
      { id: 'catalogue.uniqueness', status: 'skipped' },
    ]);
  });

  it('refuses a catalogue with a DOCTYPE entity (XXE)', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE 文件目录 [<!ENTITY x SYSTEM "file:///etc/passwd">]><文件目录><文件><题名>&x;</题名></文件></文件目录>';
    expect(validateCatalogue(xml).issues).toMatchObject([{ code: 'xml.doctype-forbidden', aspect: 'security' }]);
  });
});

describe('validateCatalogue: streaming', () => {
  it('checks the entries read before a fatal error, and marks unfinished checks skipped', () => {
    const whole = catalogueXml([entry2022(1, { 页数: '0' }), entry2022(2), entry2022(3)], { encoding: 'UTF-8' });
    const cut = whole.slice(0, whole.indexOf('<题名>', whole.indexOf('<文件>', whole.indexOf('<文件>') + 1)));
    const report = validateCatalogue(cut);
    expect(codes(report)).toEqual(['catalogue.page-count-invalid', 'xml.unexpected-end']);
    expect(report.issues[0]?.location?.xpath).toBe('/文件目录/文件[1]/页数');
    expect(report.checks).toContainEqual(expect.objectContaining({ id: 'catalogue.values', status: 'failed' }));
    expect(report.checks).toContainEqual(expect.objectContaining({ id: 'catalogue.uniqueness', status: 'skipped' }));
    expect(readCatalogue(cut).entries).toEqual([]);
  });

  it('gives a lone entry an XPath without [1], and several entries their index', () => {
    expect(validate2022({ 页数: '0' }).issues[0]?.location?.xpath).toBe('/文件目录/文件/页数');
    const two = readCatalogue(catalogueXml([entry2022(1), entry2022(2)]));
    expect(two.entries.map((e) => e.fields['页数']?.location.xpath)).toEqual(['/文件目录/文件[1]/页数', '/文件目录/文件[2]/页数']);
  });

  it('reads the same entries as the element tree of readXml (locations, values)', async () => {
    const { readXml } = await import('../../../src/xml/index.js');
    const xml = catalogueFixtures()['faulty.gb18030.xml']!;
    const { root } = readXml(xml);
    const { entries } = readCatalogue(xml);
    const fromTree = root!.childrenNamed('文件').map((e) => e.children.map((c) => ({ value: c.text.trim(), text: c.text, location: c.location })));
    expect(entries.map((e) => Object.values(e.fields))).toEqual(fromTree);
  });

  it('resolves references and CDATA in field values, and ignores nested elements', () => {
    const xml = '<文件目录><文件><题名>A &amp; B<![CDATA[ <C> ]]>&#x4E2D;<注>x</注></题名></文件></文件目录>';
    expect(readCatalogue(xml).entries[0]?.fields['题名']?.value).toBe('A & B <C> 中');
    expect(readCatalogue('<文件目录><文件><题名> x\u3000</题名></文件></文件目录>').entries[0]?.fields['题名']).toMatchObject({ value: 'x', text: ' x\u3000' });
  });
});

describe('validateCatalogue: options', () => {
  it('localises messages (en)', () => {
    const report = validate2022({ 页数: '0' }, { locale: 'en' });
    expect(report.issues[0]?.message).toBe('Entry 1: 页数 "0" is not a positive integer');
    expect(validate2022({ 页数: '0' }).issues[0]?.message).toBe('第 1 条的页数“0”不是正整数');
  });

  it('strict turns warnings into errors; overrides relax or drop a code', () => {
    const overrides = { 密级: undefined };
    expect(validate2022(overrides).valid).toBe(true);
    expect(validate2022(overrides, { strict: true })).toMatchObject({ valid: false, issues: [{ severity: 'error' }] });
    expect(validate2022(overrides, { strict: true, severity: { 'catalogue.element-missing': 'info' } }).valid).toBe(true);
    expect(validate2022(overrides, { severity: { 'catalogue.element-missing': 'off' } }).issues).toEqual([]);
    expect(validate2022({ 页数: '0' }, { severity: { 'catalogue.page-count-invalid': 'warning' } }).valid).toBe(true);
  });
});

describe('readCatalogue', () => {
  it('returns every field with its element location', () => {
    const { entries, issues, encoding } = readCatalogue(catalogueFixtures()['clean.gb18030.xml']!);
    expect(issues).toEqual([]);
    expect(encoding?.name).toBe('GB18030');
    expect(entries).toHaveLength(3);
    const second = entries[1] as CatalogueXmlEntry;
    expect(second.index).toBe(2);
    expect(second.fields['档号']).toEqual({ value: 'Z109-WS·2015-Y-BGS-0002', text: 'Z109-WS·2015-Y-BGS-0002', location: { line: line2022(2, '档号'), column: 5, xpath: '/文件目录/文件[2]/档号' } });
    expect(second.fields['密级']?.value).toBe('');
  });

  it('property: written entries read back field for field', () => {
    const text = fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\p{L}\p{N} ·\-&<>]/gu, '').trim());
    fc.assert(
      fc.property(fc.array(fc.record({ 档号: text, 题名: text, 责任者: text }), { minLength: 1, maxLength: 5 }), (specs) => {
        const { entries } = readCatalogue(encodeGb18030(catalogueXml(specs, { encoding: 'GB18030' })));
        expect(entries.map((e) => ({ 档号: e.fields['档号']?.value, 题名: e.fields['题名']?.value, 责任者: e.fields['责任者']?.value }))).toEqual(specs);
      }),
    );
  });
});

describe('validateCatalogue never throws', () => {
  it('property: arbitrary bytes always give a Report', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const report = validateCatalogue(bytes);
        expect(report.profile).toBe('catalogue');
        expect(report.valid).toBe(report.summary.errors === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: mutated catalogues (bytes flipped, cut, spliced) always give a Report', () => {
    const base = catalogueFixtures()['faulty.gb18030.xml']!;
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.nat(base.length), fc.uint8Array({ maxLength: 8 }), (at, cut, insert) => {
        const bytes = new Uint8Array([...base.subarray(0, at), ...insert, ...base.subarray(at + 1, Math.max(at + 1, cut))]);
        const report = validateCatalogue(bytes);
        expect(['catalogue']).toContain(report.profile);
        for (const issue of report.issues) expect(typeof issue.message).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('checkCatalogueXml', () => {
  it('property: one pass gives the report of validateCatalogue and the entries of readCatalogue, even for mutated files', () => {
    const base = catalogueFixtures()['faulty.gb18030.xml']!;
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.nat(base.length), fc.uint8Array({ maxLength: 8 }), (at, cut, insert) => {
        const bytes = new Uint8Array([...base.subarray(0, at), ...insert, ...base.subarray(at + 1, Math.max(at + 1, cut))]);
        const entries: CatalogueXmlEntry[] = [];
        const { report, complete } = checkCatalogueXml(bytes, {}, (entry) => entries.push(entry));
        const read = readCatalogue(bytes);
        expect(report.issues).toEqual(validateCatalogue(bytes).issues);
        expect(complete).toBe(read.elementSet !== undefined);
        if (complete) expect(entries).toEqual(read.entries);
      }),
      { numRuns: 300 },
    );
  });

  it('hands over every entry of the faulty catalogue with its locations', () => {
    const bytes = catalogueFixtures()['faulty.gb18030.xml']!;
    const entries: CatalogueXmlEntry[] = [];
    const { report, complete } = checkCatalogueXml(bytes, {}, (entry) => entries.push(entry));
    expect(complete).toBe(true);
    expect(report.valid).toBe(false);
    expect(entries.length).toBeGreaterThan(1);
    expect(entries[0]?.location.xpath).toBe('/文件目录/文件[1]');
  });
});
