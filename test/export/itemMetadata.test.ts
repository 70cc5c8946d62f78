import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readItemMetadataXml } from '../../src/formats/itemMetadata/readItemMetadataXml.js';
import { writeItemMetadataXml } from '../../src/formats/itemMetadata/writeItemMetadataXml.js';
import { encodeXmlDocument } from '../../src/xml/encodeXmlDocument.js';
import { itemMetadata } from './arbitraries.js';
import { sampleMetadata } from './samples.js';
import { xmllintSchema } from './xmllint.js';
import { readItemMetadata } from '../../src/formats/itemMetadata/readItemMetadata.js';
import { readXml } from '../../src/xml/parse.js';

describe('DA/T 46 item metadata XML (文件实体)', () => {
  it('writes 文件实体 in DA/T 48 附录A order with the EEP ID pattern, mixed 档号 and a digest in 电子属性', () => {
    const xml = writeItemMetadataXml(sampleMetadata);
    expect(xml).toContain('<文件实体>\n  <聚合层次>文件</聚合层次>\n  <来源>');
    expect(xml).toContain('<档号>Z109-WS·2011-Y-BGS-0001\n    <全宗号>Z109</全宗号>');
    expect(xml).toContain('<题名>关于 &lt;办公用房&gt; 调整的 &quot;通知&quot; &amp; 附件</题名>');
    expect(xml).toContain('<文档数据 文档数据ID="修改0-文档1-文档数据1">');
    expect(xml).toContain('<编码 编码ID="修改0-文档1-文档数据1-编码1">');
    expect(xml).toContain(`<数字摘要 算法="SM3">${'ab'.repeat(32)}</数字摘要>`);
    expect(xml.indexOf('<附注')).toBe(-1);
  });

  it('round-trips any metadata: read(write(x)) equals x, in UTF-8 and GB18030', () => {
    fc.assert(
      fc.property(itemMetadata, fc.constantFrom('UTF-8' as const, 'GB18030' as const), (metadata, encoding) => {
        const bytes = encodeXmlDocument(writeItemMetadataXml(metadata, encoding), encoding);
        const result = readItemMetadataXml(bytes);
        expect(result.issues).toEqual([]);
        expect(result.metadata).toEqual(metadata);
      }),
      { numRuns: 100 },
    );
  });

  it('reports missing required elements and a bad size with their location', () => {
    const xml = writeItemMetadataXml(sampleMetadata).replace(/<题名>.*<\/题名>\n/, '').replace('<计算机文件大小>1234<', '<计算机文件大小>12x<');
    const result = readItemMetadataXml(xml, { locale: 'en', path: 'a/电子档案元数据.XML' });
    expect(result.metadata).toBeUndefined();
    expect(result.issues.map((i) => [i.code, i.params?.element ?? i.params?.field])).toEqual([
      ['export.xml.element-missing', '题名'],
      ['export.value.invalid', '计算机文件大小'],
    ]);
    expect(result.issues[0]).toMatchObject({ path: 'a/电子档案元数据.XML', location: { line: 16, column: 3 } }); // the 内容描述 that lacks it
    expect(readItemMetadataXml('<文件目录/>').issues[0]?.code).toBe('export.xml.root-unexpected');
    const unknown = readItemMetadataXml(writeItemMetadataXml(sampleMetadata).replace('算法="SM3"', '算法="CRC32"'));
    expect(unknown.issues.map((i) => [i.code, i.received])).toEqual([['export.value.invalid', 'CRC32']]);
  });

  it('passes xmllint --schema item-metadata.xsd; a wrong 密级 fails it', () => {
    const ok = xmllintSchema('item-metadata.xsd', encodeXmlDocument(writeItemMetadataXml(sampleMetadata)));
    expect(ok.output).toContain('validates');
    const bad = xmllintSchema('item-metadata.xsd', writeItemMetadataXml({ ...sampleMetadata, description: { ...sampleMetadata.description, securityClassification: '内部' } }));
    expect(bad.status).not.toBe(0);
  });

  it('one walk, one model: what validation reads (trimmed) is the typed view with its text trimmed, 文件数据 and all', () => {
    const trim = (value: unknown): unknown =>
      typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : Array.isArray(value) ? value.map(trim) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v)])) : value;
    fc.assert(
      fc.property(itemMetadata, (m) => {
        const { root } = readXml(writeItemMetadataXml(m));
        const { metadata: read, locations } = readItemMetadata(root!);
        const typed = readItemMetadataXml(writeItemMetadataXml(m)).metadata!;
        const files = typed.documents.flatMap((d) => d.data.flatMap((data) => data.encodings));
        // The model holds every part of 文件实体 the typed view holds; the view is derived from it.
        expect(read.description.title).toBe(typed.description.title.trim());
        expect(read.archivalCode.itemNumber).toBe(typed.archivalCode.agencyItemNumber === undefined ? undefined : String(typed.archivalCode.agencyItemNumber));
        expect(read.storage.offlineMediumIds).toEqual(trim(typed.storage.offlineMediumIds));
        expect(read.rights.authorizations).toEqual(trim(typed.rights.authorizations ?? []));
        expect(read.description.descriptors).toEqual(trim((typed.description.descriptors ?? []).map((d) => d.value)));
        expect(read.files.map((f) => [f.fileName, f.fileSize, f.digests[0]?.value])).toEqual(files.map((f) => [f.fileName.trim(), String(f.fileSize), f.digest?.value]));
        expect(read.documents.map((d) => d.data.map((data) => data.encodings.map((e) => e.file)))).toEqual(
          typed.documents.map((d, i) => d.data.map((data, n) => data.encodings.map((_, k) => files.indexOf(typed.documents[i]!.data[n]!.encodings[k]!)))),
        );
        expect(locations.get('documents[0]/data[0]/encodings[0]')?.line).toBeGreaterThan(locations.get('文件数据')!.line);
      }),
      { numRuns: 40 },
    );
  });
});
