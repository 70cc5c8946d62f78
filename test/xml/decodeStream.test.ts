// The streaming decoder (createXmlDecodeStream) against the whole-file decoder (decodeXml), for every
// encoding it reads: the same text and the same issues (code, byte offset, line:column, quoted bytes)
// wherever the chunk boundaries fall — inside multi-byte sequences (UTF-8, GB18030 two- and four-byte,
// UTF-16 code units and surrogate pairs), inside the glibc-remapped codes, and across the 512-byte head.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeXml } from '../../src/xml/decode.js';
import { createXmlDecodeStream } from '../../src/xml/decodeStream.js';

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** Cuts the bytes at the given offsets (modulo their length, sorted) and decodes them piece by piece. */
function streamed(bytes: Uint8Array, cuts: readonly number[]) {
  const stream = createXmlDecodeStream({ path: 'a.xml' });
  const at = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort((a, b) => a - b);
  let text = '';
  let from = 0;
  const pieces: string[] = [];
  for (const cut of [...at, bytes.length]) {
    const piece = stream.push(bytes.slice(from, cut));
    pieces.push(piece);
    text += piece;
    from = cut;
  }
  text += stream.end();
  return { text, issues: stream.issues, encoding: stream.encoding?.name, decodable: stream.decodable, pieces };
}

function wholly(bytes: Uint8Array) {
  const { text, issues, encoding, decodable } = decodeXml(bytes, { path: 'a.xml' });
  return { text, issues, encoding: encoding.name, decodable };
}

const declared = (encoding: string) => ascii(`<?xml version="1.0" encoding="${encoding}"?>\n<a>`);
const cuts = fc.array(fc.nat({ max: 100_000 }), { maxLength: 14 });

// GB byte sequences: ASCII and line ends, GB2312 characters, GBK-only and four-byte characters, the
// seven codes glibc maps differently (FE51 … A3A0), and invalid ones (lone 80/FF, a lead with a bad
// trail, a four-byte form with a bad third byte, a retired four-byte code, a lead cut by the end).
const GB_PIECES: number[][] = [
  ascii('x'), ascii('\n'), ascii('\r\n'), ascii('\r'), ascii('<b>1</b>'),
  [0xd6, 0xd0], [0xb5, 0xb5], [0xb0, 0xb8], // 中 档 案
  [0x81, 0x40], [0xfe, 0x4f], // GBK only
  [0x81, 0x30, 0x81, 0x30], [0x95, 0x32, 0x82, 0x36], // four-byte (BMP, plane 2)
  [0xfe, 0x51], [0xfe, 0x52], [0xfe, 0x6c], [0xa3, 0xa0], // remapped
  [0x80], [0xff], [0xd6, 0x20], [0x81, 0x30, 0x20, 0x30], [0x82, 0x35, 0x90, 0x37], [0xd6],
];
const GB_VALID = GB_PIECES.slice(0, 16);

// What makes the interesting part lie beyond the 512-byte head, where chunk boundaries fall.
const PADS: number[][] = [[], ascii(' '.repeat(600)), Array.from({ length: 300 }, (_, i) => (i % 2 ? 0xd0 : 0xd6)), ascii('\n'.repeat(700))];

const bytesOf = (...parts: number[][]) => new Uint8Array(parts.flat());

describe('createXmlDecodeStream = decodeXml', () => {
  it('property: GB18030, GBK and GB2312 declarations over valid and invalid GB bytes, cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GB18030', 'GBK', 'GB2312'),
        fc.constantFrom(...PADS),
        fc.array(fc.constantFrom(...GB_PIECES), { maxLength: 60 }),
        cuts,
        (encoding, pad, body, at) => {
          const bytes = bytesOf(declared(encoding), pad, ...body);
          expect(streamed(bytes, at)).toMatchObject(wholly(bytes));
        },
      ),
      { numRuns: 800, seed: 18030 },
    );
  });

  it('property: one byte at a time over GB text with every issue kind, each at its offset and line:column', () => {
    fc.assert(
      fc.property(fc.constantFrom('GB18030', 'GB2312'), fc.array(fc.constantFrom(...GB_PIECES), { maxLength: 40 }), (encoding, body) => {
        const bytes = bytesOf(declared(encoding), PADS[1]!, ...body);
        const every = Array.from({ length: bytes.length }, (_, i) => i);
        expect(streamed(bytes, every)).toMatchObject(wholly(bytes));
      }),
      { numRuns: 150, seed: 2312 },
    );
  });

  it('property: arbitrary bytes from the GB decoder\'s state boundaries (leads, digits, trails, put-back ASCII), cut anywhere', () => {
    const edge = [0x0a, 0x0d, 0x20, 0x30, 0x35, 0x39, 0x3f, 0x40, 0x51, 0x7e, 0x7f, 0x80, 0x81, 0x84, 0x90, 0xa0, 0xa1, 0xa3, 0xd6, 0xe3, 0xfe, 0xff];
    fc.assert(
      fc.property(fc.constantFrom('GB18030', 'GBK', 'GB2312'), fc.constantFrom(...PADS.slice(0, 2)), fc.array(fc.constantFrom(...edge), { maxLength: 120 }), cuts, (encoding, pad, body, at) => {
        const bytes = bytesOf(declared(encoding), pad, body);
        expect(streamed(bytes, at)).toMatchObject(wholly(bytes));
      }),
      { numRuns: 1500, seed: 93 },
    );
  });

  it('property: a GB declaration over UTF-8 bytes (the evidence test), and GB files that begin like UTF-8', () => {
    const utf8 = (text: string) => Array.from(new TextEncoder().encode(text));
    // Plausible Chinese UTF-8, implausible UTF-8 (a combining mark), and GB characters that are not UTF-8.
    const pieces: number[][] = [ascii('x\n'), utf8('关于'), utf8('档案'), utf8('é'), utf8('\u0316'), [0xd6, 0xd0], [0xb5, 0xb5]];
    fc.assert(
      fc.property(fc.constantFrom('GB18030', 'GB2312'), fc.constantFrom(...PADS.slice(0, 2)), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), cuts, (encoding, pad, body, at) => {
        const bytes = bytesOf(declared(encoding), pad, ...body);
        expect(streamed(bytes, at)).toMatchObject(wholly(bytes));
      }),
      { numRuns: 600, seed: 8 },
    );
  });

  it('property: UTF-16LE and UTF-16BE with their BOM (code units and surrogate pairs cut anywhere; unpaired surrogates)', () => {
    const units = fc.array(fc.oneof(fc.constantFrom(0x61, 0x0a, 0x0d, 0x6863, 0xd842, 0xdfb7, 0x3c, 0x3e), fc.integer({ min: 0, max: 0xffff })), { maxLength: 400 });
    fc.assert(
      fc.property(fc.boolean(), units, cuts, (little, body, at) => {
        const all = [0xfeff, ...Array.from('<?xml version="1.0" encoding="UTF-16"?>\n<a>', (c) => c.charCodeAt(0)), ...body];
        const bytes = new Uint8Array(all.length * 2);
        all.forEach((u, i) => {
          bytes[2 * i + (little ? 0 : 1)] = u & 0xff;
          bytes[2 * i + (little ? 1 : 0)] = u >> 8;
        });
        const got = streamed(bytes, at);
        expect(got).toMatchObject(wholly(bytes));
        expect(got.encoding).toBe(little ? 'UTF-16LE' : 'UTF-16BE');
      }),
      { numRuns: 400, seed: 16 },
    );
  });

  it('streams a GB18030 file: text comes out chunk by chunk, not all at the end', () => {
    const line = [...ascii('<b>'), 0xb5, 0xb5, 0xb0, 0xb8, 0xfe, 0x51, ...ascii('</b>\n')];
    const bytes = bytesOf(declared('GB18030'), ...Array.from({ length: 5000 }, () => line));
    const every = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) => i * 4096);
    const got = streamed(bytes, every);
    expect(got).toMatchObject(wholly(bytes));
    // After the head, each 4 KiB piece gives its own text: nothing waits for the end.
    expect(got.pieces.slice(1, -1).every((piece) => piece.length > 1000)).toBe(true);
    expect(got.text).toContain('档案\u{20087}');
  });

  it('holds a GB-declared UTF-8 file to its end (the mismatch needs the whole file), and reports it once', () => {
    const bytes = bytesOf(declared('GB18030'), ...Array.from({ length: 3000 }, () => Array.from(new TextEncoder().encode('关于档案\n'))));
    const got = streamed(bytes, Array.from({ length: 30 }, (_, i) => i * 1024));
    expect(got).toMatchObject(wholly(bytes));
    expect(got.issues.map((issue) => issue.code)).toEqual(['xml.encoding-mismatch']);
    expect(got.text).toContain('关于档案');
  });
});
