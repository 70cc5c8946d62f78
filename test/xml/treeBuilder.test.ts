import { describe, expect, it } from 'vitest';
import { createLineIndex } from '../../src/xml/lineIndex.js';
import { defaultXmlLimits } from '../../src/xml/limits.js';
import { createXmlTreeBuilder } from '../../src/xml/treeBuilder.js';
import { scanWellFormed } from '../../src/xml/wellFormed.js';

function build(text: string) {
  const lines = createLineIndex(text);
  const builder = createXmlTreeBuilder(text, lines);
  const codes: string[] = [];
  const { fatal } = scanWellFormed(text, defaultXmlLimits, (code) => codes.push(code), lines, builder);
  return { root: builder.root(), fatal, codes };
}

describe('createXmlTreeBuilder', () => {
  it('builds the tree in the scan: names, attributes, text, CDATA and positions', () => {
    const { root, fatal } = build('<文件目录 版本="2022&amp;x">\n  <文件><题名>A &lt; B<![CDATA[ <c> ]]></题名></文件>\n  <文件><题名/></文件>\n</文件目录>');
    expect(fatal).toBe(false);
    expect(root?.name).toBe('文件目录');
    expect(root?.attributes['版本']).toBe('2022&x');
    expect(root?.text).toBe(''); // only indentation between children
    const [first, second] = root!.children;
    expect(first?.child('题名')?.text).toBe('A < B <c> ');
    expect(first?.child('题名')?.location).toEqual({ line: 2, column: 7, xpath: '/文件目录/文件[1]/题名' });
    expect(second?.xpath).toBe('/文件目录/文件[2]');
    expect(second?.child('题名')?.text).toBe('');
  });

  it('gives [n] only to names that repeat among siblings', () => {
    const { root } = build('<a><b/><c/><b/></a>');
    expect(root?.children.map((e) => e.xpath)).toEqual(['/a/b[1]', '/a/c', '/a/b[2]']);
  });

  it('keeps mixed content text and resolves character references', () => {
    const { root } = build('<p>x <i>y</i> &#x4E2D;</p>');
    expect(root?.text).toBe('x  中');
    expect(root?.child('i')?.text).toBe('y');
  });

  it('normalises whitespace in attribute values (XML 1.0 §3.3.3)', () => {
    const { root } = build('<a k="1\t2\n3"/>');
    expect(root?.attributes['k']).toBe('1 2 3');
  });

  it('attribute maps have no prototype, so no name reaches Object.prototype', () => {
    const { root } = build('<a toString="x"/>');
    expect(Object.getPrototypeOf(root!.attributes)).toBeNull();
    expect(root?.attributes['toString']).toBe('x');
  });
});
