import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dublinCoreElements, dublinCoreFromMetadata, type DublinCoreRecord } from '../../src/formats/dublinCore/dublinCore.js';
import { readDublinCoreXml, writeDublinCoreXml } from '../../src/formats/dublinCore/dublinCoreXml.js';
import { encodeXmlDocument } from '../../src/xml/encodeXmlDocument.js';
import { xmlText } from './arbitraries.js';
import { sampleMetadata } from './samples.js';

const record: fc.Arbitrary<DublinCoreRecord> = fc
  .array(fc.tuple(fc.constantFrom(...dublinCoreElements), fc.array(xmlText, { minLength: 1, maxLength: 3 })), { maxLength: 8 })
  .map((pairs) => Object.fromEntries(pairs) as DublinCoreRecord);

describe('Dublin Core XML', () => {
  it('round-trips any record in oai_dc form: read(write(x)) equals x', () => {
    fc.assert(
      fc.property(record, fc.constantFrom('UTF-8' as const, 'GB18030' as const), (dc, encoding) => {
        const bytes = encodeXmlDocument(writeDublinCoreXml(dc, encoding), encoding);
        const result = readDublinCoreXml(bytes);
        expect(result.issues).toEqual([]);
        // Element order is DCMES order on output; compare as maps.
        expect(result.record).toEqual(dc);
      }),
      { numRuns: 200 },
    );
  });

  it('writes the oai_dc container with both namespaces', () => {
    const xml = writeDublinCoreXml({ title: ['A & B'], identifier: ['Z109-WS·2011-Y-BGS-0001'] });
    expect(xml).toContain('<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">');
    expect(xml).toContain('<dc:title>A &amp; B</dc:title>');
  });

  it('maps DA/T 46 metadata through the crosswalk (W3CDTF date, identifiers, publisher)', () => {
    expect(dublinCoreFromMetadata(sampleMetadata)).toEqual({
      title: ['关于 <办公用房> 调整的 "通知" & 附件'],
      creator: ['某市人民政府办公室'],
      publisher: ['某市人民政府办公室'],
      date: ['2011-03-02'],
      format: ['PDF/A-1b'],
      identifier: ['Z109-WS·2011-Y-BGS-0001', 'e-0001'],
      rights: ['开放'],
    });
    const unknownDay = { ...sampleMetadata, description: { ...sampleMetadata.description, date: '[20110300]' } };
    expect(dublinCoreFromMetadata(unknownDay).date).toEqual(['2011-03']);
  });

  it('reports a wrong root', () => {
    expect(readDublinCoreXml('<record/>').issues[0]?.code).toBe('export.xml.root-unexpected');
  });
});
