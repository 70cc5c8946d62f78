import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCatalogueXml } from '../../src/formats/catalogue/readCatalogueXml.js';
import { writeCatalogueXml } from '../../src/formats/catalogue/writeCatalogueXml.js';
import type { CatalogueEntry } from '../../src/model/catalogueEntry.js';
import { encodeXmlDocument } from '../../src/xml/encodeXmlDocument.js';
import { catalogueEntry } from './arbitraries.js';
import { xmllintSchema } from './xmllint.js';

const sample: CatalogueEntry[] = [
  { sequenceNumber: 1, archivalCode: 'Z109-WS·2011-Y-BGS-0001', documentNumber: '某发〔2011〕1号', author: '某局', title: '关于 <A&B> 的"通知"', date: '20110301', retentionPeriod: 'Y', securityClassification: '秘密', pageCount: 3, remarks: '' },
  { sequenceNumber: 2, archivalCode: 'Z109-WS·2011-Y-BGS-0002', author: '某局办公室', title: '[某局会议纪要]', date: '[20110300]', retentionPeriod: 'D30', pageCount: 12 },
];

describe('目录文件.XML', () => {
  it('writes the 2022 element set with required empty elements and no absent optional ones', () => {
    const xml = writeCatalogueXml(sample);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<文件目录>\n  <文件>\n    <顺序号>1</顺序号>')).toBe(true);
    expect(xml).toContain('<题名>关于 &lt;A&amp;B&gt; 的&quot;通知&quot;</题名>');
    expect(xml).toContain('<密级/>');
    expect(xml.match(/<备注\/>/g)).toHaveLength(2);
    expect(xml.match(/<文号>/g)).toHaveLength(1);
    expect(xml).not.toContain('电子档案名称');
  });

  it('round-trips 2022 and 2012 editions at item and volume level: read(write(x)) equals x', () => {
    const cases = [
      { edition: '2022' as const, arb: catalogueEntry({ retention: true }) },
      { edition: '2012' as const, arb: catalogueEntry({ retention: true, electronicName: true }) },
    ];
    for (const { edition, arb } of cases) {
      fc.assert(
        fc.property(fc.array(arb, { maxLength: 6 }), fc.constantFrom('item' as const, 'volume' as const), (records, level) => {
          const bytes = encodeXmlDocument(writeCatalogueXml(records, { edition, level }));
          const result = readCatalogueXml(bytes);
          expect(result.issues).toEqual([]);
          expect(result.level).toBe(level);
          expect(result.records).toEqual(records);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('round-trips GB18030 documents, the declaration matching the bytes', () => {
    fc.assert(
      fc.property(fc.array(catalogueEntry({ retention: true }), { maxLength: 5 }), (entries) => {
        const text = writeCatalogueXml(entries, { encoding: 'GB18030' });
        expect(text.startsWith('<?xml version="1.0" encoding="GB18030"?>')).toBe(true);
        const bytes = encodeXmlDocument(text, 'GB18030');
        const result = readCatalogueXml(bytes);
        expect(result.issues).toEqual([]);
        expect(result.records).toEqual(entries);
      }),
      { numRuns: 150 },
    );
    const bytes = encodeXmlDocument(writeCatalogueXml(sample, { encoding: 'GB18030' }), 'GB18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // GB18030 bytes, not UTF-8
    expect(new TextDecoder('gb18030').decode(bytes)).toContain('<档号>Z109-WS·2011-Y-BGS-0001</档号>');
  });

  it('reports malformed XML, a wrong root and a missing element with line and column', () => {
    const malformed = readCatalogueXml('<文件目录>\n<文件></文件目录>');
    expect(malformed.issues[0]).toMatchObject({ code: 'xml.mismatched-tag', severity: 'error', location: { line: 2 } });
    const root = readCatalogueXml('<目录/>');
    // The package's catalogue reader serves here too: one code for a wrong root.
    expect(root.issues[0]).toMatchObject({ code: 'catalogue.root-unexpected', severity: 'error', received: '目录', location: { line: 1, column: 1 } });
    const missing = readCatalogueXml('<文件目录>\n  <文件><顺序号>1</顺序号><档号>A</档号><责任者>x</责任者><日期>20110301</日期></文件>\n</文件目录>', { locale: 'en' });
    expect(missing.issues).toHaveLength(1);
    // A lone entry's XPath has no [1] step (the reader's convention); a second entry's has [2].
    expect(missing.issues[0]).toMatchObject({ code: 'export.xml.element-missing', location: { line: 2, column: 3, xpath: '/文件目录/文件' } });
    expect(missing.issues[0]!.message).toBe('文件 lacks the required element 题名');
    const second = readCatalogueXml(writeCatalogueXml(sample).replace('<题名>[某局会议纪要]</题名>', ''));
    expect(second.records.map((r) => r.archivalCode)).toEqual([sample[0]!.archivalCode]);
    expect(second.issues).toEqual([expect.objectContaining({ code: 'export.xml.element-missing', location: expect.objectContaining({ xpath: '/文件目录/文件[2]' }) })]);
    expect(readCatalogueXml('<!DOCTYPE x [<!ENTITY a "b">]><文件目录/>').issues[0]?.code).toBe('xml.doctype-forbidden');
  });

  it('passes xmllint --schema against the shipped XSDs (2022 and 2012)', () => {
    const ok2022 = xmllintSchema('catalogue-2022.xsd', encodeXmlDocument(writeCatalogueXml(sample)));
    expect(ok2022.output).toContain('validates');
    expect(ok2022.status).toBe(0);
    const with2012 = sample.map((r) => ({ ...r, electronicFileName: `${r.archivalCode}.pdf` }));
    expect(xmllintSchema('catalogue-2012.xsd', encodeXmlDocument(writeCatalogueXml(with2012, { edition: '2012', level: 'volume' }))).status).toBe(0);
    // The XSD is not a rubber stamp: a bad date fails.
    const bad = xmllintSchema('catalogue-2022.xsd', writeCatalogueXml([{ ...sample[1]!, date: '2011-03' }]));
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain('日期');
  });
});
