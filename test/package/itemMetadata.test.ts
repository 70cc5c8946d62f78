import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCheckRun } from '../../src/package/checks/checkRun.js';
import { checkItemMetadata } from '../../src/package/dat93/checkItemMetadata.js';
import { dat46ElementRules } from '../../src/formats/itemMetadata/dat46Elements.js';
import { readItemMetadata } from '../../src/formats/itemMetadata/readItemMetadata.js';
import { isInDomain } from '../../src/formats/itemMetadata/valueDomains.js';
import { metadataValueTypes } from '../../src/formats/itemMetadata/valueTypes.js';
import { readXml } from '../../src/xml/parse.js';

const fixture = join(import.meta.dirname, '../fixtures/packages/cases/valid/Z109/WS/Z109-WS·2024-Y-BGS-0002/电子档案元数据.XML');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes 文件实体 XML from values keyed by rule path, nesting by path segments. */
function writeEntity(values: Record<string, string>): string {
  const groups = new Map<string, string[]>();
  let top = '';
  for (const rule of dat46ElementRules) {
    const value = values[rule.path];
    if (value === undefined) continue;
    const [first, second] = rule.path.split('/');
    if (second === undefined) top += `<${first}>${esc(value)}</${first}>`;
    else groups.set(first!, [...(groups.get(first!) ?? []), `<${second}>${esc(value)}</${second}>`]);
  }
  const nested = [...groups].map(([name, children]) => `<${name}>${children.join('')}</${name}>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<文件实体>${top}\n${nested}\n<电子属性><计算机文件名>a.pdf</计算机文件名><计算机文件大小>1</计算机文件大小></电子属性></文件实体>`;
}

describe('readItemMetadata', () => {
  it('reads the fixture: values, nested 电子属性 with 数字摘要, and element locations', () => {
    const { root, issues } = readXml(readFileSync(fixture));
    expect(issues).toEqual([]);
    const { metadata, locations } = readItemMetadata(root!);
    expect(metadata.archivalCode).toEqual({ text: 'Z109-WS·2024-Y-BGS-0002', fondsCode: 'Z109', year: '2024', retentionPeriod: '永久', orgCode: 'BGS', itemNumber: '0002' });
    expect(metadata.provenance.creatingUnit).toBe('某市人民政府办公室');
    expect(metadata.description).toMatchObject({ title: '关于召开档案工作会议的函', date: '20240320', documentType: '函', securityClassification: '公开' });
    expect(metadata.files).toEqual([
      { formatInfo: 'OFD', fileName: '正文.ofd', fileSize: '214', digests: [{ algorithm: 'SHA256', value: expect.stringMatching(/^[0-9a-f]{64}$/) }] },
    ]);
    expect(locations.get('档号/年度')).toMatchObject({ line: 6 });
    expect(locations.get('files[0]/计算机文件名')?.line).toBe(10);
  });

  it('reads back every DA/T 46 value written at its path (any text, trimmed)', () => {
    const text = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/g, 'x').trim());
    const values = fc.record(Object.fromEntries(dat46ElementRules.map((r) => [r.path, text])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
    fc.assert(
      fc.property(values, (written) => {
        const { root, issues } = readXml(writeEntity(written));
        expect(issues).toEqual([]);
        const { metadata } = readItemMetadata(root!);
        for (const rule of dat46ElementRules) {
          const [group, key] = rule.field.split('.');
          const holder = (key === undefined ? metadata : (metadata as unknown as Record<string, Record<string, unknown>>)[group!]) as Record<string, unknown>;
          expect(holder[key ?? group!], rule.path).toBe(written[rule.path]);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('metadata value rules', () => {
  it('types: 年度 4 digits, 日期 a real day, integers with leading zeros allowed', () => {
    expect(metadataValueTypes.gYear.test('2024')).toBe(true);
    expect(metadataValueTypes.gYear.test('24')).toBe(false);
    expect(metadataValueTypes.date.test('20240229')).toBe(true);
    expect(metadataValueTypes.date.test('20230229')).toBe(false);
    expect(metadataValueTypes.positiveInteger.test('0001')).toBe(true);
    expect(metadataValueTypes.positiveInteger.test('0000')).toBe(false);
    expect(metadataValueTypes.nonNegativeInteger.test('0')).toBe(true);
    expect(metadataValueTypes.nonNegativeInteger.test('1.5')).toBe(false);
  });

  it('domains: 保管期限 via the model parser, 密级 DA/T 46 list plus GB/T 7156 levels', () => {
    for (const v of ['永久', 'Y', 'D30', '定期10年', '长期']) expect(isInDomain(v, 'retentionPeriod'), v).toBe(true);
    expect(isInDomain('很久', 'retentionPeriod')).toBe(false);
    for (const v of ['公开', '限制', '秘密', '机密', '绝密', '内部', '无']) expect(isInDomain(v, 'securityClassification'), v).toBe(true);
    expect(isInDomain('保密', 'securityClassification')).toBe(false);
  });

  it('an entity missing its 电子属性 and 件号 reports both, with the root location', () => {
    const { root } = readXml('<文件实体><来源><立档单位名称>甲</立档单位名称></来源><档号><年度>2024</年度><保管期限>永久</保管期限></档号><内容描述><题名>题</题名><责任者>甲</责任者><日期>20240101</日期><密级>公开</密级></内容描述></文件实体>');
    const run = createCheckRun({ locale: 'en' });
    checkItemMetadata(readItemMetadata(root!), 'm.xml', run, root!.location);
    const issues = run.finish({ profile: 'dat93', files: 0, bytes: 0 }).issues;
    expect(issues.map((i) => [i.code, i.params?.element])).toEqual([
      ['metadata.element-missing', '电子属性'],
      ['metadata.element-missing', '室编件号/馆编件号'],
    ]);
    expect(issues[0]?.location).toEqual({ line: 1, column: 1, xpath: '/文件实体' });
  });
});

describe('日期 form', () => {
  it('reads YYYY-MM-DD but warns that DA/T 22-2015 writes 8 digits; 8 digits, 00 parts and [考证日期] pass', () => {
    const codes = (date: string) => {
      const { root } = readXml(`<文件实体><来源><立档单位名称>甲</立档单位名称></来源><档号><年度>2024</年度><保管期限>永久</保管期限><室编件号>1</室编件号></档号><内容描述><题名>题</题名><责任者>甲</责任者><日期>${date}</日期><密级>公开</密级></内容描述><电子属性><计算机文件名>a</计算机文件名><计算机文件大小>1</计算机文件大小></电子属性></文件实体>`);
      const run = createCheckRun();
      checkItemMetadata(readItemMetadata(root!), 'm.xml', run, root!.location);
      return run.finish({ profile: 'dat93', files: 0, bytes: 0 }).issues.map((i) => [i.code, i.severity, i.expected]);
    };
    expect(codes('2024-03-01')).toEqual([['metadata.date-not-basic', 'warning', '20240301']]);
    expect(codes('20240301')).toEqual([]);
    expect(codes('20240300')).toEqual([]);
    expect(codes('[20240301]')).toEqual([]);
    expect(codes('20240231')).toEqual([['metadata.type-invalid', 'error', undefined]]);
  });
});
