import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGb18030, encodeGb18030, findUnmappableGb18030, scanGbBytes } from '../../src/xml/index.js';

const platform = new TextDecoder('gb18030');
/** GB 18030 as decodeXml reads it (the platform decoder with glibc's GB 18030-2022 two-byte mappings). */
const gb = { decode: (bytes: Uint8Array) => decodeGb18030(platform, bytes, 0, scanGbBytes(bytes, 0, 'GB18030').remapped) };
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('encodeGb18030', () => {
  it('writes the GB 18030 bytes of known characters (1, 2 and 4 bytes)', () => {
    expect(hex(encodeGb18030('A中文'))).toBe('41d6d0cec4');
    expect(hex(encodeGb18030('·'))).toBe('a1a4'); // U+00B7, the 档号 间隔号 (DA/T 13-2022)
    expect(hex(encodeGb18030('\u0080'))).toBe('81308130'); // first four-byte BMP sequence
    expect(hex(encodeGb18030('\u{10000}'))).toBe('90308130'); // supplementary planes start here
    expect(hex(encodeGb18030('\u{10FFFF}'))).toBe('e3329a35');
    expect(hex(encodeGb18030('\uFFFD'))).toBe('8431a437');
  });

  it('round-trips every mappable BMP code point through the GB 18030 decoding of decodeXml', () => {
    let text = '';
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (findUnmappableGb18030(ch) < 0) text += ch;
    }
    expect(text.length).toBeGreaterThan(63_000);
    expect(gb.decode(encodeGb18030(text))).toBe(text);
  });

  it('property: decode(encode(s)) === s for arbitrary strings of mappable code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        fc.pre(findUnmappableGb18030(s) < 0);
        expect(gb.decode(encodeGb18030(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('property: Chinese text (CJK, ideographic punctuation, astral ideographs) always round-trips', () => {
    const cjk = fc.oneof(
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.integer({ min: 0x3000, max: 0x303f }),
      fc.integer({ min: 0x20000, max: 0x2a6df }),
      fc.integer({ min: 0x20, max: 0x7e }),
    );
    fc.assert(
      fc.property(fc.array(cjk, { maxLength: 100 }), (cps) => {
        const s = String.fromCodePoint(...cps);
        expect(findUnmappableGb18030(s)).toBe(-1);
        expect(gb.decode(encodeGb18030(s))).toBe(s);
      }),
    );
  });

  it('throws a RangeError for a lone surrogate unless onUnmappable replaces it', () => {
    expect(() => encodeGb18030('a\uD800b')).toThrow(RangeError);
    expect(findUnmappableGb18030('a\uD800b')).toBe(1);
    const bytes = encodeGb18030('a\uD800b', { onUnmappable: (cp) => `&#x${cp.toString(16)};` });
    expect(gb.decode(bytes)).toBe('a&#xd800;b');
  });
});
