// The chunked scan (createXmlScanStream: a file read in pieces) against the whole-input scan (scanXml):
// for any document and any chunk boundaries — inside multi-byte characters, names, "]]>", "-->", "?>",
// CRLF pairs, surrogate pairs — the same events with the same offsets, and the same issues with the
// same line:column.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createXmlScanStream, scanXml, type ParseXmlOptions, type XmlStreamContext } from '../../src/xml/scan.js';
import type { XmlEventHandler } from '../../src/xml/wellFormed.js';
import { encodeGb18030 } from '../../src/xml/gb18030.js';
import { mutatedDocument, xmlDocument } from './differential/differential.js';
import { loadXml10Tests } from './w3c/suite.js';

type Event = readonly (string | number)[];

function recorder(context: XmlStreamContext, events: Event[]): XmlEventHandler {
  return {
    startElement: (name, offset, attributes) => events.push(['start', name, offset, ...attributes.flat()]),
    endElement: (name, offset, end) => events.push(['end', name, offset, end]),
    text: (from, to) => events.push(['text', from, to, context.slice(from, to)]),
    cdata: (from, to) => events.push(['cdata', from, to, context.slice(from, to)]),
  };
}

function whole(input: Uint8Array | string, options: ParseXmlOptions = {}) {
  const events: Event[] = [];
  const { complete, issues, encoding } = scanXml(input, options, (context) => recorder(context, events));
  return { complete, issues, encoding, events };
}

/** Cuts the input at the given offsets (taken modulo its length, sorted) and scans it piece by piece. */
function chunked(input: Uint8Array | string, cuts: readonly number[], options: ParseXmlOptions = {}) {
  const events: Event[] = [];
  const stream = createXmlScanStream(options, (context) => recorder(context, events));
  const at = [...new Set(cuts.map((c) => (input.length === 0 ? 0 : c % input.length)))].sort((a, b) => a - b);
  let from = 0;
  for (const cut of [...at, input.length]) {
    stream.push(input.slice(from, cut));
    from = cut;
  }
  const { complete, issues, encoding } = stream.end();
  return { complete, issues, encoding, events };
}

function everyN(length: number, n: number): number[] {
  return Array.from({ length: Math.ceil(length / n) }, (_, i) => i * n);
}

const cuts = fc.array(fc.nat({ max: 100_000 }), { maxLength: 12 });

// The encoding is detected from the first 512 bytes (as decodeXml does), so they are decoded as one piece:
// padding makes the interesting part of a small document lie beyond them, where chunk boundaries fall.
const PADDINGS = ['\n'.repeat(600), '中'.repeat(200), `<!--${'𠮷'.repeat(150)}-->`, 'x'.repeat(600)];
const padding = fc.tuple(fc.constantFrom(...PADDINGS.map((p) => new TextEncoder().encode(p))), fc.nat());

/** Inserts the padding at a position of the bytes (both scans read the same bytes: only equality matters). */
function padded(bytes: Uint8Array, [pad, at]: [Uint8Array, number]): Uint8Array {
  const k = at % (bytes.length + 1);
  return new Uint8Array([...bytes.subarray(0, k), ...pad, ...bytes.subarray(k)]);
}

/** After the XML declaration (if any): 600 newlines, so the rest of a small document is read in chunks. */
function afterDeclaration(bytes: Uint8Array): Uint8Array {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const end = head.startsWith('<?xml') ? head.indexOf('?>') + 2 : 0;
  return end < 2 && head.startsWith('<?xml') ? bytes : padded(bytes, [new TextEncoder().encode('\n'.repeat(600)), end]);
}

describe('chunked scan = whole scan', () => {
  it('property: generated and mutated UTF-8 documents, random byte boundaries (inside characters, names, delimiters)', () => {
    fc.assert(
      fc.property(mutatedDocument, padding, cuts, (doc, pad, at) => {
        expect(chunked(doc, at)).toEqual(whole(doc));
        const bytes = padded(doc, pad);
        expect(chunked(bytes, at.map((c) => 512 + (c % 200)))).toEqual(whole(bytes));
      }),
      { numRuns: 1500, seed: 22 },
    );
  });

  it('property: one byte at a time, and one UTF-16 unit at a time for text', () => {
    fc.assert(
      fc.property(mutatedDocument, padding, (doc, pad) => {
        const bytes = padded(doc, pad);
        expect(chunked(bytes, everyN(bytes.length, 1))).toEqual(whole(bytes));
        const text = new TextDecoder().decode(bytes);
        expect(chunked(text, everyN(text.length, 1))).toEqual(whole(text));
      }),
      { numRuns: 300, seed: 93 },
    );
  });

  it('property: text with CRLF, lone CR, surrogate pairs, "]]>", "-->", "?>" cut anywhere', () => {
    const piece = fc.constantFrom('\r\n', '\r', '\n', '𠮷', '中', ']]>', ']]', '-->', '--', '?>', '&amp;', '&#x20BB7;', '&bad', '\u0001', '\uD800', ' ');
    const doc = fc.tuple(xmlDocument, fc.array(fc.tuple(fc.nat(), piece), { maxLength: 4 })).map(([d, inserts]) => {
      let s = d;
      for (const [at, p] of inserts) s = s.slice(0, at % (s.length + 1)) + p + s.slice(at % (s.length + 1));
      return s;
    });
    fc.assert(
      fc.property(doc, cuts, (text, at) => {
        expect(chunked(text, at)).toEqual(whole(text));
        const bytes = afterDeclaration(new TextEncoder().encode(text));
        expect(chunked(bytes, at.map((c) => c % 1200))).toEqual(whole(bytes));
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('property: GB18030 documents (decoded as they stream, the remaps and the evidence test included)', () => {
    fc.assert(
      fc.property(xmlDocument, cuts, (doc, at) => {
        const declared = doc.replace(/^<\?xml[^?]*\?>/, '');
        const bytes = encodeGb18030(`<?xml version="1.0" encoding="GB18030"?>${declared.replace(/é/g, '档')}`);
        expect(chunked(bytes, at)).toEqual(whole(bytes));
      }),
      { numRuns: 300, seed: 18030 },
    );
  });

  it('keeps invalid-byte offsets and line:column exact when the bad sequence straddles a chunk boundary', () => {
    const head = new TextEncoder().encode(`<?xml version="1.0"?>\n<a>\n${'  档案\r\n'.repeat(80)}  `);
    const bytes = new Uint8Array([...head, 0xe6, 0xa1, 0x41, ...new TextEncoder().encode('</a>\n')]);
    const expected = whole(bytes);
    expect(expected.issues.map((i) => i.code)).toContain('xml.invalid-utf8');
    for (let cut = 1; cut < bytes.length; cut++) expect(chunked(bytes, [cut, cut + 1, cut + 3])).toEqual(expected);
    for (let n = 1; n <= 5; n++) expect(chunked(bytes, everyN(bytes.length, n))).toEqual(expected);
    // A truncated last character: the decoder's flush finds it.
    const cut = bytes.slice(0, head.length + 2);
    expect(chunked(cut, everyN(cut.length, 1))).toEqual(whole(cut));
  });

  it('keeps the limits in chunked mode: names, attribute values, text runs, depth, issue caps', () => {
    const limits = { maxNameLength: 20, maxAttributeValueLength: 30, maxTextLength: 40, maxDepth: 3, maxIssuesPerCode: 2 };
    const documents = [
      `<a${'b'.repeat(50)}/>`,
      `<a x="${'v'.repeat(100)}"/>`,
      `<a>${'t'.repeat(200)}</a>`,
      `<a>${'t'.repeat(200)}`,
      '<a><b><c><d/></c></b></a>',
      `<a>${'&bad; '.repeat(10)}</a>`,
      `<a><![CDATA[${'c'.repeat(100)}]]></a>`,
    ];
    for (const doc of documents) {
      const expected = whole(doc, { limits });
      expect(expected.complete && expected.issues.length === 0).toBe(false);
      for (const n of [1, 3, 7, 16]) expect(chunked(doc, everyN(doc.length, n), { limits })).toEqual(expected);
    }
  });

  it('W3C XML 1.0 suite: every document (600 newlines after its XML declaration), cut every 1, 7 and 64 bytes', async () => {
    const tests = await loadXml10Tests();
    expect(tests.length).toBeGreaterThan(1000);
    for (const test of tests) {
      const bytes = afterDeclaration(new Uint8Array(readFileSync(test.file)));
      const expected = whole(bytes);
      for (const n of [1, 7, 64]) {
        const got = chunked(bytes, everyN(bytes.length, n));
        if (JSON.stringify(got) !== JSON.stringify(expected)) expect({ id: test.id, n, ...got }).toEqual({ id: test.id, n, ...expected });
      }
    }
  }, 120_000);
});
