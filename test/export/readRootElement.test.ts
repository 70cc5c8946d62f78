import { describe, expect, it } from 'vitest';
import { readDublinCoreXml } from '../../src/formats/dublinCore/dublinCoreXml.js';
import { readFixityManifest } from '../../src/formats/fixity/readFixityManifest.js';
import { readItemMetadataXml } from '../../src/formats/itemMetadata/readItemMetadataXml.js';
import { readRootElement } from '../../src/xml/readRootElement.js';

describe('readRootElement (shared by the export readers)', () => {
  it('returns the expected root, or reports the one found with line, column, expected and received', () => {
    expect(readRootElement('<a><b/></a>', {}, { name: 'a' }).root?.children[0]?.name).toBe('b');
    const wrong = readRootElement('\n  <x/>', { path: 'p.xml', locale: 'en' }, { name: 'a' });
    expect(wrong.root).toBeUndefined();
    expect(wrong.issues).toEqual([
      expect.objectContaining({ code: 'export.xml.root-unexpected', path: 'p.xml', location: { line: 2, column: 3 }, expected: 'a', received: 'x' }),
    ]);
    expect(readRootElement('<p:dc/>', {}, { name: 'oai_dc:dc', matches: (n) => n.endsWith(':dc') }).root?.name).toBe('p:dc');
    expect(readRootElement('<a>', {}, { name: 'a' }).issues.map((i) => i.code)).toEqual(['xml.unexpected-end']);
  });

  it('each export reader reports a wrong root the same way and reads nothing', () => {
    const cases = [
      [readDublinCoreXml('<record/>'), 'oai_dc:dc'],
      [readItemMetadataXml('<record/>'), '文件实体'],
      [readFixityManifest('<record/>'), '固化验证信息'],
    ] as const;
    for (const [result, expected] of cases) {
      expect(result.issues).toEqual([expect.objectContaining({ code: 'export.xml.root-unexpected', expected, received: 'record', location: { line: 1, column: 1 } })]);
    }
  });
});
