import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineIndex, parseXml, readXml, walkElements } from '../../src/xml/index.js';

const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);
const first = (text: string, options = {}) => parseXml(text, options).issues[0];

const CATALOGUE = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<文件目录>',
  '  <文件 状态="在库">',
  '    <顺序号>1</顺序号>',
  '    <题名>A &amp; B &#x4E2D;&#20013;<![CDATA[<原文>]]></题名>',
  '    <备注/>',
  '  </文件>',
  '  <文件><顺序号>2</顺序号><日期>20150301</日期></文件>',
  '</文件目录>',
].join('\n');

describe('parseXml: tree and locations', () => {
  const { root, issues } = parseXml(CATALOGUE);

  it('builds the element tree with resolved references and CDATA', () => {
    expect(issues).toEqual([]);
    expect(root?.name).toBe('文件目录');
    expect(root?.childrenNamed('文件')).toHaveLength(2);
    const entry = root!.children[0]!;
    expect(entry.attributes).toEqual({ 状态: '在库' });
    expect(entry.child('题名')?.text).toBe('A & B 中中<原文>');
    expect(entry.child('备注')?.text).toBe('');
    expect(entry.text).toBe(''); // indentation only
  });

  it('gives every element a 1-based line:column and an XPath', () => {
    const entries = root!.childrenNamed('文件');
    expect(root!.location).toEqual({ line: 2, column: 1, xpath: '/文件目录' });
    expect(entries[0]!.location).toEqual({ line: 3, column: 3, xpath: '/文件目录/文件[1]' });
    expect(entries[0]!.child('题名')!.location).toEqual({ line: 5, column: 5, xpath: '/文件目录/文件[1]/题名' });
    expect(entries[1]!.child('日期')!.location).toEqual({ line: 8, column: 19, xpath: '/文件目录/文件[2]/日期' });
  });

  it('counts columns in UTF-16 code units after astral characters, and lines after CR LF', () => {
    const r = parseXml('<a>\r\n😀😀<b/>\r<c/></a>');
    expect(r.root!.child('b')!.location).toMatchObject({ line: 2, column: 5 });
    expect(r.root!.child('c')!.location).toMatchObject({ line: 3, column: 1 });
  });

  it('walks elements in document order', () => {
    expect([...walkElements(root!)].map((e) => e.name)).toEqual(['文件目录', '文件', '顺序号', '题名', '备注', '文件', '顺序号', '日期']);
  });

  it('serialises to acyclic JSON', () => {
    expect(JSON.parse(JSON.stringify(root))).toMatchObject({ name: '文件目录', children: [{ name: '文件', attributes: { 状态: '在库' } }, {}] });
  });

  it('keeps names that are only dangerous as object keys, and attribute whitespace normalised', () => {
    const r = parseXml('<a toString="x\ty"><hasOwnProperty>1</hasOwnProperty></a>');
    expect(r.root!.attributes.toString).toBe('x y');
    expect(r.root!.child('hasOwnProperty')!.text).toBe('1');
  });
});

describe('parseXml: malformed input becomes an issue with line:column', () => {
  it.each([
    ['<a><b></a>', 'xml.mismatched-tag', 1, 7],
    ['<a>\n<b>\n</c></a>', 'xml.mismatched-tag', 3, 1],
    ['<a></a><b/>', 'xml.multiple-roots', 1, 8],
    ['<a/>junk', 'xml.content-outside-root', 1, 5],
    ['text<a/>', 'xml.content-outside-root', 1, 1],
    ['', 'xml.no-root', 1, 1],
    ['<!-- only -->', 'xml.no-root', 1, 14],
    ['<a x="1" x="2"/>', 'xml.duplicate-attribute', 1, 10],
    ['<a x=1/>', 'xml.malformed', 1, 6],
    ['<a x="1"y="2"/>', 'xml.malformed', 1, 9],
    ['<a b="<"/>', 'xml.malformed', 1, 7],
    ['<1a/>', 'xml.malformed', 1, 1],
    ['< a/>', 'xml.malformed', 1, 1],
    ['<a></b >', 'xml.mismatched-tag', 1, 4],
    ['</a>', 'xml.malformed', 1, 1],
    [' <?xml version="1.0"?><a/>', 'xml.malformed', 1, 2],
    ['<a/><![CDATA[x]]>', 'xml.malformed', 1, 5],
    ['<a><!ELEMENT x ANY></a>', 'xml.malformed', 1, 4],
    ['<a><!DOCTYPE a></a>', 'xml.malformed', 1, 4],
  ])('%j → %s at %i:%i', (text, code, line, column) => {
    const r = parseXml(text);
    expect(r.root).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ code, severity: 'error', location: { line, column } });
  });

  it('reports a truncated file at its end, naming the unclosed element and where it opened', () => {
    const whole = '<?xml version="1.0"?>\n<文件目录>\n  <文件>\n    <档号>Z109-WS·2011-Y-BGS-0001</档号>\n  </文件>\n</文件目录>\n';
    for (let cut = 30; cut < whole.length - 8; cut += 5) {
      const text = whole.slice(0, cut);
      const issue = first(text);
      const end = createLineIndex(text).locate(text.length);
      expect(issue, JSON.stringify(text)).toMatchObject({ code: 'xml.unexpected-end', location: end });
    }
    expect(first('<文件目录>\n  <文件>\n    <档')).toMatchObject({
      params: { name: '文件', openLine: 2 },
      location: { line: 3, column: 7 },
      message: '文件意外结束（可能被截断）：第 2 行开始的元素 <文件> 未闭合',
    });
  });

  it('reports bad references without stopping, and leaves them as written', () => {
    const r = parseXml('<a>&foo; a & b &#0; &#x110000; ok &lt;</a>');
    expect(codes(r)).toEqual(['xml.entity-undefined', 'xml.reference-invalid', 'xml.reference-invalid', 'xml.reference-invalid']);
    expect(r.issues[0]).toMatchObject({ params: { name: 'foo' }, location: { line: 1, column: 4 } });
    expect(r.root!.text).toBe('&foo; a & b &#0; &#x110000; ok <');
  });

  it('reports characters XML forbids, with the first position and the count', () => {
    const r = parseXml('<a>\n x\u0001y\u0002</a>');
    expect(r.issues).toMatchObject([{ code: 'xml.invalid-char', params: { codePoint: 'U+0001', count: 2 }, location: { line: 2, column: 3 } }]);
    expect(r.root?.text).toBe('\n x\u0001y\u0002');
  });

  it('property: arbitrary text never throws and is either a tree or has an error with a location', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[<>/a-c ="'&;!?\[\]\-\n]*$/)), (text) => {
        const r = parseXml(text);
        if (r.root === undefined) {
          expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
        }
        for (const issue of r.issues) {
          expect(issue.location?.line).toBeGreaterThanOrEqual(1);
          expect(issue.location?.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseXml: hardening', () => {
  it('refuses an internal entity declaration before parsing (no expansion)', () => {
    const r = parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>');
    expect(r.root).toBeUndefined();
    expect(r.issues).toMatchObject([{ code: 'xml.doctype-forbidden', aspect: 'security', severity: 'error', params: { entities: 'x' } }]);
  });

  it('refuses XXE (external entity) and parameter entities', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE 文件目录 [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<文件目录>&xxe;</文件目录>';
    expect(first(xxe)).toMatchObject({ code: 'xml.doctype-forbidden', location: { line: 2, column: 1 } });
    const param = '<!DOCTYPE a [<!ENTITY % ext SYSTEM "http://evil.example/x.dtd"> %ext;]><a/>';
    expect(first(param)).toMatchObject({ code: 'xml.doctype-forbidden', params: { entities: 'ext' } });
  });

  it('refuses billion laughs without expanding it', () => {
    const laughs = ['<!ENTITY lol "lol">'];
    for (let k = 1; k <= 9; k++) laughs.push(`<!ENTITY lol${k} "${`&lol${k === 1 ? '' : k - 1};`.repeat(10)}">`);
    const text = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${laughs.join('\n')}\n]>\n<lolz>&lol9;</lolz>`;
    const r = parseXml(text);
    expect(r.root).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'xml.doctype-forbidden', params: { entities: 'lol, lol1, lol2, lol3, lol4, …' } });
  });

  it('ignores, with a warning, a DOCTYPE without entity declarations; never loads the DTD', () => {
    const r = parseXml('<!DOCTYPE 文件目录 SYSTEM "http://example.invalid/目录.dtd" [<!-- <!ENTITY no "x"> --> <!ELEMENT 文件目录 ANY>]><文件目录/>');
    expect(r.root?.name).toBe('文件目录');
    expect(r.issues).toMatchObject([{ code: 'xml.doctype-ignored', severity: 'warning', aspect: 'security' }]);
  });

  it('refuses prototype-polluting names', () => {
    expect(first('<__proto__/>')).toMatchObject({ code: 'xml.name-reserved', aspect: 'security' });
    expect(first('<a constructor="x"/>')).toMatchObject({ code: 'xml.name-reserved', location: { column: 4 } });
  });

  it('enforces the depth limit at the first element too deep, without recursion trouble', () => {
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    const r = parseXml(deep);
    expect(r.root).toBeUndefined();
    expect(r.issues).toMatchObject([{ code: 'xml.limit-depth', aspect: 'security', params: { limit: 100 }, location: { line: 1, column: 301 } }]);
    expect(parseXml('<a><b><c/></b></a>', { limits: { maxDepth: 3 } }).root).toBeDefined();
    expect(first('<a><b><c/></b></a>', { limits: { maxDepth: 2 } })).toMatchObject({ code: 'xml.limit-depth', received: 3 });
  });

  it('enforces text, attribute and size limits', () => {
    expect(first(`<a>${'x'.repeat(11)}</a>`, { limits: { maxTextLength: 10 } })).toMatchObject({ code: 'xml.limit-text', received: 11 });
    expect(first(`<a><![CDATA[${'x'.repeat(11)}]]></a>`, { limits: { maxTextLength: 10 } })).toMatchObject({ code: 'xml.limit-text' });
    expect(parseXml(`<a>${'x'.repeat(10)}</a>`, { limits: { maxTextLength: 10 } }).issues).toEqual([]);
    expect(first('<a x="1" y="2" z="3"/>', { limits: { maxAttributes: 2 } })).toMatchObject({ code: 'xml.limit-attributes', received: 3 });
    expect(first('<a/>', { limits: { maxLength: 3 } })).toMatchObject({ code: 'xml.limit-size', received: 4 });
  });

  it('accepts more depth when asked (the parser limit follows the option)', () => {
    const text = `${'<a>'.repeat(150)}${'</a>'.repeat(150)}`;
    const r = parseXml(text, { limits: { maxDepth: 200 } });
    expect(r.issues).toEqual([]);
    let depth = 0;
    for (let e = r.root; e; e = e.children[0]) depth++;
    expect(depth).toBe(150);
  });
});

describe('readXml', () => {
  it('decodes and parses, returning the encoding and the issues of both steps', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="GB2312"?>\n<a>中</a>');
    const r = readXml(bytes, { path: '目录文件.XML', locale: 'en' });
    expect(r.encoding?.name).toBe('GB2312');
    expect(r.root?.text).toBe('中');
    expect(r.issues).toMatchObject([{ code: 'xml.encoding-mismatch', path: '目录文件.XML' }]);
  });
  it('stops after an undecodable encoding', () => {
    const r = readXml(new TextEncoder().encode('<?xml version="1.0" encoding="EBCDIC-XX"?><a/>'));
    expect(r.root).toBeUndefined();
    expect(codes(r)).toEqual(['xml.encoding-unknown']);
  });
  it('property: arbitrary bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = readXml(bytes);
        expect(Array.isArray(r.issues)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('createLineIndex', () => {
  it('treats \\n, \\r\\n and lone \\r as one line end each', () => {
    const index = createLineIndex('a\nb\r\nc\rd');
    expect([0, 2, 3, 5, 7].map((o) => index.locate(o))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 2, column: 2 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
  it('property: agrees with counting line breaks in the prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab\r\n]*$/), fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        const prefix = text.slice(0, offset).replace(/\r\n/g, '\n').replace(/\r/g, '\n');
        const parts = prefix.split('\n');
        // a \r at offset-1 followed by \n at offset: the position is still on the \r's line
        const expected = text[offset - 1] === '\r' && text[offset] === '\n' ? null : { line: parts.length, column: parts.at(-1)!.length + 1 };
        if (expected) expect(createLineIndex(text).locate(offset)).toEqual(expected);
      }),
    );
  });
  it('property: one index asked in any order (it is built lazily) answers as a fresh index per query', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab\r\n]{0,200}$/), fc.array(fc.integer({ min: -2, max: 210 }), { maxLength: 30 }), (text, offsets) => {
        const shared = createLineIndex(text);
        for (const offset of offsets) expect(shared.locate(offset)).toEqual(createLineIndex(text).locate(offset));
        // Growing past the first table size (64 line starts) keeps earlier answers.
        const long = 'x\n'.repeat(300);
        const index = createLineIndex(long);
        expect([index.locate(599), index.locate(2), index.locate(130)]).toEqual([
          { line: 300, column: 2 },
          { line: 2, column: 1 },
          { line: 66, column: 1 },
        ]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('parseXml: surrogates', () => {
  it('accepts surrogate pairs and reports lone surrogates', () => {
    expect(parseXml('<a>😀𠀀</a>').issues).toEqual([]);
    const r = parseXml('<a>\uD800x😀\uDC00</a>');
    expect(r.issues).toMatchObject([{ code: 'xml.invalid-char', params: { codePoint: 'U+D800', count: 2 }, location: { column: 4 } }]);
  });
});
