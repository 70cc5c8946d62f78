import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReferences, readXml, scanXml, walkElements, type XmlEventHandler } from '../../src/xml/index.js';

/** Records the event stream of scanXml as readable strings. */
function events(input: string | Uint8Array): { log: string[]; complete: boolean } {
  const log: string[] = [];
  const result = scanXml(input, {}, ({ text, lines }) => {
    const handler: XmlEventHandler = {
      startElement: (name, offset, attributes) => {
        const { line, column } = lines.locate(offset);
        log.push(`<${name}${attributes.map(([k, v]) => ` ${k}=${v}`).join('')}>@${line}:${column}`);
      },
      endElement: (name) => log.push(`</${name}>`),
      text: (from, to) => log.push(`text:${JSON.stringify(text.slice(from, to))}`),
      cdata: (from, to) => log.push(`cdata:${JSON.stringify(text.slice(from, to))}`),
    };
    return handler;
  });
  return { log, complete: result.complete };
}

describe('scanXml', () => {
  it('streams start, end, text and CDATA events with raw ranges and locations', () => {
    const { log, complete } = events('<?xml version="1.0"?>\n<目录 a="1&amp;2">\n<文件/>x &lt;<![CDATA[<y>]]></目录>');
    expect(complete).toBe(true);
    expect(log).toEqual([
      '<目录 a=1&amp;2>@2:1',
      'text:"\\n"',
      '<文件>@3:1',
      '</文件>',
      'text:"x &lt;"',
      'cdata:"<y>"',
      '</目录>',
    ]);
  });

  it('stops at the first fatal error and says so', () => {
    const { log, complete } = events('<a><b></a>');
    expect(complete).toBe(false);
    expect(log).toEqual(['<a>@1:1', '<b>@1:4']);
  });

  it('decodes bytes first and reports encoding issues with the scan', () => {
    const result = scanXml(new TextEncoder().encode('<?xml version="1.0" encoding="GB2312"?><a>中</a>'));
    expect(result.complete).toBe(true);
    expect(result.encoding?.name).toBe('GB2312');
    expect(result.issues.map((i) => i.code)).toEqual(['xml.encoding-mismatch']);
  });

  it('property: the event stream describes the same elements and text as the readXml tree', () => {
    const leaf = fc.constantFrom('甲', 'b', 'a &amp; b', '&#x4E2D;', ' ', '');
    const tree: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.tuple(fc.constantFrom('文件', '题名', 'x'), fc.array(fc.oneof(leaf, tie('node')), { maxLength: 3 })).map(
        ([name, children]) => `<${name}>${children.join('')}</${name}>`,
      ),
    })).node as fc.Arbitrary<string>;
    fc.assert(
      fc.property(tree, (xml) => {
        // Each element's own text, in start-tag order, as the stream tells it.
        const elements: { name: string; text: string; children: number }[] = [];
        const open: number[] = [];
        scanXml(xml, {}, ({ text }) => ({
          startElement: (name) => {
            const parent = open.at(-1);
            if (parent !== undefined) elements[parent]!.children++;
            open.push(elements.push({ name, text: '', children: 0 }) - 1);
          },
          endElement: () => void open.pop(),
          text: (from, to) => {
            elements[open.at(-1)!]!.text += decodeReferences(text.slice(from, to));
          },
        }));
        const fromStream = elements.map((e) => ({ name: e.name, text: e.children > 0 && e.text.trim() === '' ? '' : e.text }));
        const { root } = readXml(xml);
        expect(fromStream).toEqual([...walkElements(root!)].map((e) => ({ name: e.name, text: e.text })));
      }),
    );
  });
});

describe('scanXml: source offsets', () => {
  it('maps every element range back to the input as written (BOM and CRLF kept)', () => {
    const piece = fc.constantFrom('<a>', '</a>', '<b x="1"/>', 'text', '\r\n', '\r', '\n', ' ');
    fc.assert(
      fc.property(fc.boolean(), fc.array(piece, { maxLength: 12 }), (bom, pieces) => {
        const input = `${bom ? '\uFEFF' : ''}<r>${pieces.join('').replace(/<a>|<\/a>/g, '')}<a>x\r\ny</a></r>`;
        const ranges: [number, number][] = [];
        let source = '';
        let prepared = '';
        const scan = scanXml(input, {}, (context) => {
          source = context.source;
          prepared = context.text;
          const open: number[] = [];
          return {
            startElement: (_name, offset) => void open.push(offset),
            endElement: (_name, _offset, end) => void ranges.push([open.pop()!, end]),
          };
        });
        expect(scan.complete).toBe(true);
        expect(source).toBe(input);
        for (const [start, end] of ranges) {
          const raw = source.slice(scan.context!.sourceOffset(start), scan.context!.sourceOffset(end - 1) + 1);
          expect(raw.replace(/\r\n?/g, '\n')).toBe(prepared.slice(start, end));
          expect(raw.startsWith('<') && raw.endsWith('>')).toBe(true);
        }
        const a = ranges.at(-2)!;
        expect(source.slice(scan.context!.sourceOffset(a[0]), scan.context!.sourceOffset(a[1] - 1) + 1)).toBe('<a>x\r\ny</a>');
      }),
      { numRuns: 200 },
    );
  });
});
