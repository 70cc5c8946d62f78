import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readItemMetadata, type ValueText } from '../../src/formats/itemMetadata/readItemMetadata.js';
import { readItemMetadataDocument } from '../../src/formats/itemMetadata/readItemMetadataXml.js';
import { readXml } from '../../src/xml/parse.js';

// The names the walker reads, a few it does not, and a prefixed one (matched exactly: not 题名).
const NAMES = [
  '来源', '档号', '内容描述', '形式特征', '存储位置', '权限管理', '文件数据', '文档', '文档数据', '编码', '电子属性', '数字摘要',
  '计算机文件名', '计算机文件大小', '格式信息', '文档创建程序', '题名', '责任者', '日期', '年度', '保管期限', '室编件号', '立档单位名称',
  '主题词', '授权', '授权对象', '授权行为', '当前位置', '脱机载体编号', '脱机载体存址', '缩微号', '知识产权说明', '控制标识',
  '信息系统描述', '附注', '数字化属性', '扫描分辨率', '扫描色彩模式', '编码数据', '文档序号', '文档主从声明', '聚合层次', '电子文件号',
  '其他', 'ns:题名',
];
// Text as it may be written: whitespace, references, CDATA, comments and processing instructions between pieces.
const PIECES = [' ', '\n  ', '\r\n', 'a', ' 值 ', '&amp;', '&#x4E2D;', '&lt;b&gt;', '<![CDATA[ c<d> ]]>', '<![CDATA[]]>', '<!-- k -->', '<?pi x?>', '\t'];
const ATTRIBUTES = ['', ' 算法="SM3"', ' 算法=" s&#x4D;3\t"', ' 主题词表名称="表"', ' 主题词表名称=""', ' x:算法="MD5" xmlns:x="urn:x"'];

interface Node {
  name: string;
  attributes: string;
  content: (string | Node)[];
}

const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name: fc.constantFrom(...NAMES),
    attributes: fc.constantFrom(...ATTRIBUTES),
    content: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 2, arbitrary: tie('node') }), { maxLength: 5 }),
  }),
})).node;

const write = (n: Node): string => (n.content.length === 0 ? `<${n.name}${n.attributes}/>` : `<${n.name}${n.attributes}>${n.content.map((c) => (typeof c === 'string' ? c : write(c))).join('')}</${n.name.split(' ')[0]}>`);

const documents = fc
  .record({ root: fc.constantFrom('文件实体', 'p:文件实体'), children: fc.array(node, { maxLength: 8 }), crlf: fc.boolean() })
  .map(({ root, children, crlf }) => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${root.startsWith('p:') ? ' xmlns:p="urn:p"' : ''}>\n${children.map(write).join('\n')}\n</${root}>`;
    return crlf ? xml.replace(/\n/g, '\r\n') : xml;
  });

/** The model and its locations, in order, as JSON (key order included). */
const asJson = (reading: { metadata: unknown; locations: ReadonlyMap<string, unknown> } | undefined) => JSON.stringify(reading && { metadata: reading.metadata, locations: [...reading.locations] });

describe('readItemMetadataDocument: the walker fed by the scan gives what it gives fed by the element tree', () => {
  it('the same model (values, key order) and the same locations, in the same order, for any 文件实体 (trimmed and exact)', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom<ValueText>('trimmed', 'exact'), (xml, text) => {
        const { root } = readXml(xml);
        expect(root).toBeDefined();
        const events = readItemMetadataDocument(xml, { keep: (v) => v, text });
        expect(events.issues).toEqual([]);
        expect(events.root).toEqual({ name: root!.name, location: root!.location });
        expect(asJson(events.reading)).toBe(asJson(readItemMetadata(root!, (v) => v, text)));
        // Map-like lookups answer as the Map does.
        const tree = readItemMetadata(root!, (v) => v, text).locations;
        for (const key of [...tree.keys(), 'files[99]', '档号/页号']) {
          expect(events.reading!.locations.get(key)).toEqual(tree.get(key));
          expect(events.reading!.locations.has(key)).toBe(tree.has(key));
        }
        expect(events.reading!.locations.size).toBe(tree.size);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a fixture-shaped item: values trimmed, nested 电子属性 with 数字摘要, locations with [n] only where names repeat', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<文件实体>
  <档号> Z109-WS·2024-Y-BGS-0001 <年度>2024</年度><年度>1999</年度></档号>
  <内容描述><题名> 关于 &amp; <![CDATA[<x>]]></题名><主题词 主题词表名称="表">甲</主题词><主题词>乙</主题词></内容描述>
  <文件数据><文档><文档数据><编码><电子属性><计算机文件名>a.pdf</计算机文件名><数字摘要 算法="SM3">00</数字摘要></电子属性></编码>
  <编码><电子属性><计算机文件名>b.pdf</计算机文件名></电子属性><编码数据>
  </编码数据></编码></文档数据></文档></文件数据>
  <其他><电子属性><计算机文件名>c.pdf</计算机文件名><电子属性><计算机文件名>d.pdf</计算机文件名></电子属性></电子属性></其他>
</文件实体>`;
    const { reading, root, otherRoot } = readItemMetadataDocument(new TextEncoder().encode(xml));
    expect(otherRoot).toBeUndefined();
    expect(root).toEqual({ name: '文件实体', location: { line: 2, column: 1, xpath: '/文件实体' } });
    const { metadata, locations } = reading!;
    expect(metadata.archivalCode).toEqual({ text: 'Z109-WS·2024-Y-BGS-0001', year: '2024' });
    expect(metadata.description).toEqual({ title: '关于 & <x>', descriptors: ['甲', '乙'], descriptorThesauri: ['表', undefined] });
    expect(metadata.files.map((f) => f.fileName)).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
    expect(metadata.files[0]!.digests).toEqual([{ algorithm: 'SM3', value: '00' }]);
    expect(metadata.documents[0]!.data[0]!.encodings).toEqual([{ file: 0 }, { file: 1, content: '\n  ' }]); // no children: its whitespace is its text, as written
    expect(locations.get('档号/年度')).toEqual({ line: 3, column: 32, xpath: '/文件实体/档号/年度[1]' });
    expect(locations.get('files[1]/计算机文件名')).toEqual({ line: 6, column: 13, xpath: '/文件实体/文件数据/文档/文档数据/编码[2]/电子属性/计算机文件名' });
    expect(locations.get('files[2]')?.xpath).toBe('/文件实体/其他/电子属性');
    expect(locations.get('files[3]')).toBeUndefined();
  });

  it('names another root without reading it, and gives nothing for a document that is not well-formed', () => {
    const other = readItemMetadataDocument('<文件><题名>x</题名></文件>');
    expect(other).toEqual({ otherRoot: { name: '文件', location: { line: 1, column: 1, xpath: '/文件' } }, issues: [] });
    const broken = readItemMetadataDocument('<文件实体><题名>x</题目></文件实体>');
    expect(broken.reading).toBeUndefined();
    expect(broken.root).toBeUndefined();
    expect(broken.issues.map((i) => [i.code, i.location?.line, i.location?.column])).toEqual([['xml.mismatched-tag', 1, 12]]);
  });
});
