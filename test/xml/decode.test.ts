import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeXml, detectXmlEncoding, encodeGb18030, findInvalidUtf8, findUnmappableGb18030, scanGbBytes } from '../../src/xml/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const utf16 = (s: string, le: boolean) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = u & 0xff;
    out[2 * i + (le ? 1 : 0)] = u >> 8;
  }
  return out;
};
const decl = (enc: string) => `<?xml version="1.0" encoding="${enc}"?>\n`;
const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);

describe('detectXmlEncoding', () => {
  it('reads the declared label as the whole prolog decoded as latin1 would (the ASCII-prefix fast path agrees)', () => {
    // The reference: the declaration pattern on the first 512 bytes decoded by a latin1 TextDecoder.
    const reference = (bytes: Uint8Array) => /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 512)))?.[2];
    const token = fc.oneof(
      fc.constantFrom('<?xml', ' ', 'encoding', 'version="1.0"', '=', '"', "'", '>', '?>', 'UTF-8', 'gb2312', 'x'),
      fc.constantFrom<number[]>([0x80], [0x9f], [0xe9], [0xd6, 0xd0], [0xe4, 0xb8, 0xad]),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 24 }), fc.boolean(), (tokens, prefixed) => {
        const bytes = concat(prefixed ? utf8('<?xml ') : [], ...tokens.map((t) => (typeof t === 'string' ? utf8(t) : t)));
        expect(detectXmlEncoding(bytes).declared).toBe(reference(bytes));
      }),
      { numRuns: 3000 },
    );
    // A label with a byte over 0x7F is read through the decoder, as before.
    const odd = concat(utf8('<?xml version="1.0" encoding="gb'), [0x80], utf8('k"?><a/>'));
    expect(detectXmlEncoding(odd).declared).toBe(reference(odd));
    expect(detectXmlEncoding(odd).declared).toMatch(/^gb.k$/);
  });

  it('defaults to UTF-8 without BOM or declaration (XML 1.0 §4.3.3)', () => {
    expect(detectXmlEncoding(utf8('<a/>'))).toMatchObject({ name: 'UTF-8', source: 'default', bomLength: 0 });
  });
  it.each([
    ['UTF-8', 'UTF-8'],
    ['utf8', 'UTF-8'],
    ['GB18030', 'GB18030'],
    ['gb2312', 'GB2312'],
    ['GBK', 'GBK'],
  ])('reads the declared label %s as %s', (label, name) => {
    expect(detectXmlEncoding(utf8(`${decl(label)}<a/>`))).toMatchObject({ name, source: 'declaration', declared: label });
  });
  it('recognises BOMs: UTF-8, UTF-16 LE/BE, GB18030, UTF-32', () => {
    expect(detectXmlEncoding(concat([0xef, 0xbb, 0xbf], utf8('<a/>')))).toMatchObject({ name: 'UTF-8', source: 'bom', bomLength: 3 });
    expect(detectXmlEncoding(concat([0xff, 0xfe], utf16('<a/>', true)))).toMatchObject({ name: 'UTF-16LE', bomLength: 2 });
    expect(detectXmlEncoding(concat([0xfe, 0xff], utf16('<a/>', false)))).toMatchObject({ name: 'UTF-16BE', bomLength: 2 });
    expect(detectXmlEncoding(concat([0x84, 0x31, 0x95, 0x33], utf8('<a/>')))).toMatchObject({ name: 'GB18030', bomLength: 4 });
    expect(detectXmlEncoding(new Uint8Array([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0]))).toMatchObject({ name: 'UTF-32LE', bomLength: 4 });
  });
  it('sniffs BOM-less UTF-16 from "<?" (XML 1.0 Appendix F)', () => {
    expect(detectXmlEncoding(utf16(`${decl('UTF-16')}<a/>`, true))).toMatchObject({ name: 'UTF-16LE', declared: 'UTF-16' });
    expect(detectXmlEncoding(utf16(`${decl('UTF-16')}<a/>`, false))).toMatchObject({ name: 'UTF-16BE' });
  });
  it('records a BOM that contradicts the declaration', () => {
    expect(detectXmlEncoding(concat([0xef, 0xbb, 0xbf], utf8(`${decl('GB2312')}<a/>`))).bomConflict).toBe('UTF-8');
    expect(detectXmlEncoding(concat([0x84, 0x31, 0x95, 0x33], utf8(`${decl('GBK')}<a/>`))).bomConflict).toBeUndefined();
  });
});

describe('decodeXml', () => {
  const text = '<文件目录><文件><题名>关于档案工作的通知</题名></文件></文件目录>';

  it('decodes UTF-8 with and without BOM and without issues', () => {
    for (const bytes of [utf8(decl('UTF-8') + text), concat([0xef, 0xbb, 0xbf], utf8(text))]) {
      const r = decodeXml(bytes);
      expect(r.issues).toEqual([]);
      expect(r.text.endsWith(text)).toBe(true);
      expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    }
  });

  it.each(['GB18030', 'GB2312'])('decodes %s bytes and reports nothing', (label) => {
    const r = decodeXml(encodeGb18030(decl(label) + text));
    expect(r.issues).toEqual([]);
    expect(r.encoding.name).toBe(label);
    expect(r.text).toBe(decl(label) + text);
  });

  it('decodes a GB18030 BOM', () => {
    const r = decodeXml(concat([0x84, 0x31, 0x95, 0x33], encodeGb18030(text)));
    expect(r.issues).toEqual([]);
    expect(r.text).toBe(text);
  });

  it('reads GBK but warns that it is not one of the three listed encodings', () => {
    const r = decodeXml(encodeGb18030(decl('GBK') + text));
    expect(r.text).toBe(decl('GBK') + text);
    expect(r.issues).toMatchObject([{ code: 'xml.encoding-not-listed', severity: 'warning', received: 'GBK' }]);
  });

  it('warns when a file declared GB2312 holds GBK or GB18030-only characters', () => {
    const r = decodeXml(encodeGb18030(`${decl('GB2312')}<a>镕𠀀</a>`)); // 镕 is GBK, not GB2312
    expect(r.issues).toMatchObject([{ code: 'xml.encoding-beyond-declared', severity: 'warning', location: { line: 2, column: 4 } }]);
    expect(r.text).toContain('镕𠀀');
    expect(codes(decodeXml(encodeGb18030(`${decl('GBK')}<a>𠀀</a>`)))).toContain('xml.encoding-beyond-declared');
  });

  it.each([
    [true, 'UTF-16LE'],
    [false, 'UTF-16BE'],
  ])('decodes UTF-16 (little-endian %s) but reports it as unsupported', (le, name) => {
    const bom = le ? [0xff, 0xfe] : [0xfe, 0xff];
    const r = decodeXml(concat(bom, utf16(text, le)));
    expect(r.text).toBe(text);
    expect(r.decodable).toBe(true);
    expect(r.issues).toMatchObject([{ code: 'xml.encoding-unsupported', severity: 'error', received: name }]);
  });

  it('refuses UTF-32 and unknown encodings as undecodable', () => {
    const r32 = decodeXml(new Uint8Array([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0]));
    expect(r32).toMatchObject({ decodable: false, text: '' });
    expect(codes(r32)).toEqual(['xml.encoding-unsupported']);
    const unknown = decodeXml(utf8(`${decl('x-klingon')}<a/>`));
    expect(unknown.decodable).toBe(false);
    expect(unknown.issues[0]).toMatchObject({ code: 'xml.encoding-unknown', received: 'X-KLINGON' });
  });

  it('reports an encoding TextDecoder knows but the 2012 rule does not allow (Big5)', () => {
    const r = decodeXml(utf8(`${decl('Big5')}<a/>`));
    expect(r.decodable).toBe(true);
    expect(r.issues).toMatchObject([{ code: 'xml.encoding-unsupported', received: 'BIG5' }]);
  });

  it('reports invalid UTF-8 with its byte offset and line:column', () => {
    const bytes = concat(utf8('<a>\n  中'), [0xc3, 0x28], utf8('</a>'));
    const r = decodeXml(bytes);
    expect(r.issues).toMatchObject([
      { code: 'xml.invalid-utf8', severity: 'error', params: { offset: 9 }, location: { line: 2, column: 4 }, received: 'C3 28 3C 2F' },
    ]);
  });

  it('reports GB18030 bytes under a UTF-8 declaration as invalid UTF-8', () => {
    const r = decodeXml(encodeGb18030(`${decl('UTF-8')}<a>档案</a>`));
    expect(codes(r)).toEqual(['xml.invalid-utf8']);
  });

  it('reads UTF-8 bytes under a GB2312 declaration as UTF-8 and reports the mismatch', () => {
    const r = decodeXml(utf8(decl('GB2312') + text));
    expect(r.issues).toMatchObject([{ code: 'xml.encoding-mismatch', severity: 'error', expected: 'GB2312', received: 'UTF-8' }]);
    expect(r.text).toBe(decl('GB2312') + text);
  });

  it('reads even one UTF-8 Chinese character under a GB2312 declaration as UTF-8', () => {
    const r = decodeXml(utf8(`${decl('GB2312')}<a>档</a>`));
    expect(codes(r)).toEqual(['xml.encoding-mismatch']);
    expect(r.text).toContain('<a>档</a>');
  });

  it('reads genuine GB18030 that is accidentally valid UTF-8 as GB18030 (號 = CC 96, U+0316 in UTF-8)', () => {
    const bytes = encodeGb18030(`${decl('GB18030')}<a>號</a>`);
    expect(findInvalidUtf8(bytes, 0)).toBe(-1); // the bytes are valid UTF-8…
    const r = decodeXml(bytes);
    expect(r.issues).toEqual([]); // …but the declaration wins
    expect(r.text).toBe(`${decl('GB18030')}<a>號</a>`);
  });

  it('the declaration wins when both readings are plausible: 塡紡 in UTF-8 is 濉·础 in GB2312', () => {
    const r = decodeXml(utf8(`${decl('GB2312')}<a>塡紡</a>`));
    expect(r.issues).toEqual([]);
    expect(r.text).toContain(`<a>${new TextDecoder('gb18030').decode(utf8('塡紡'))}</a>`);
  });

  it('the declaration wins when the UTF-8 reading has no CJK (GB2312 text only)', () => {
    // C3 A9 is é in UTF-8 and 茅 in GB2312: no CJK in the UTF-8 reading, so no strong evidence.
    const r = decodeXml(encodeGb18030(`${decl('GB2312')}<a>茅</a>`));
    expect(r.issues).toEqual([]);
    expect(r.text).toContain('<a>茅</a>');
  });

  it('property: Chinese text saved as UTF-8 under a GB declaration is a mismatch and read as UTF-8', () => {
    const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((cp) => String.fromCodePoint(cp));
    fc.assert(
      fc.property(fc.array(fc.oneof(hanzi, fc.constantFrom('，', '。', '·', 'A', ' ')), { minLength: 1, maxLength: 20 }), fc.constantFrom('GB2312', 'GBK', 'GB18030'), (chars, name) => {
        const body = `<a>${chars.join('')}</a>`;
        fc.pre(/[\u4e00-\u9fa5，。]/.test(body));
        const bytes = utf8(decl(name) + body);
        // Bytes whose GB reading is all GB2312 common characters are ambiguous: the declaration wins (below).
        const gb = scanGbBytes(bytes, 0, 'GB2312');
        fc.pre(gb.invalidAt >= 0 || gb.beyondAt >= 0);
        const r = decodeXml(bytes);
        expect(codes(r).sort()).toEqual(['xml.encoding-mismatch', ...(name === 'GBK' ? ['xml.encoding-not-listed'] : [])]);
        expect(r.text).toBe(decl(name) + body);
      }),
      { numRuns: 300 },
    );
  });

  it('property: any GB18030 document reads back as written, valid UTF-8 by accident or not', () => {
    const unit = fc.oneof(fc.constantFrom('號', '档', '·', '<', '&amp;'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const body = `<a>${parts.join('').replace(/[<&\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, '')}</a>`;
        fc.pre(findUnmappableGb18030(body) < 0); // a few private-use characters have no GB18030 bytes
        const r = decodeXml(encodeGb18030(decl('GB18030') + body));
        expect(r.issues).toEqual([]);
        expect(r.text).toBe(decl('GB18030') + body);
      }),
      { numRuns: 500 },
    );
  });

  it('does not call ASCII-only bytes under a GB declaration a mismatch', () => {
    expect(decodeXml(utf8(`${decl('GB2312')}<a>x</a>`)).issues).toEqual([]);
  });

  it('reports invalid GB18030 sequences with their offset', () => {
    const r = decodeXml(concat(utf8(`${decl('GB18030')}<a>`), [0xd6, 0x20], utf8('</a>')));
    expect(r.issues).toMatchObject([{ code: 'xml.invalid-bytes', params: { encoding: 'GB18030', offset: 44 }, location: { line: 2, column: 4 } }]);
  });

  it('reports a BOM/declaration conflict and follows the BOM', () => {
    const r = decodeXml(concat([0xef, 0xbb, 0xbf], utf8(`${decl('GB2312')}<a>中</a>`)));
    expect(codes(r)).toEqual(['xml.encoding-bom-conflict']);
    expect(r.text).toContain('<a>中</a>');
  });

  it('localises messages', () => {
    const [issue] = decodeXml(utf8(decl('GB2312') + text), { locale: 'en', path: '目录文件.XML' }).issues;
    expect(issue).toMatchObject({ path: '目录文件.XML', message: 'The XML declaration says "GB2312" but the bytes are UTF-8; they were read as UTF-8' });
  });
});

describe('byte scanners', () => {
  it('findInvalidUtf8 rejects overlongs, surrogates, truncation and values above U+10FFFF', () => {
    expect(findInvalidUtf8(utf8('ok 中文 😀'))).toBe(-1);
    expect(findInvalidUtf8(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe(1); // overlong '/'
    expect(findInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(findInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // > U+10FFFF
    expect(findInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe4, 0xb8]))).toBe(2); // truncated
  });
  it('findInvalidUtf8 agrees with a fatal TextDecoder on arbitrary bytes', async () => {
    const fc = (await import('fast-check')).default;
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        expect(findInvalidUtf8(bytes) < 0).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
  it('scanGbBytes separates GB2312, GBK and four-byte sequences', () => {
    expect(scanGbBytes(encodeGb18030('中文'), 0, 'GB2312')).toEqual({ invalidAt: -1, beyondAt: -1, hasMultibyte: true, remapped: [] });
    expect(scanGbBytes(encodeGb18030('a镕'), 0, 'GB2312').beyondAt).toBe(1);
    expect(scanGbBytes(encodeGb18030('a镕'), 0, 'GBK').beyondAt).toBe(-1);
    expect(scanGbBytes(encodeGb18030('ab€'), 0, 'GBK').beyondAt).toBe(-1);
    expect(scanGbBytes(encodeGb18030('ab😀'), 0, 'GBK').beyondAt).toBe(2);
    expect(scanGbBytes(new Uint8Array([0x61, 0xff]), 0, 'GB18030').invalidAt).toBe(1);
  });
});
