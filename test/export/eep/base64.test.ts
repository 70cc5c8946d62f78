import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../src/index.js';

describe('encodeBase64 / decodeBase64', () => {
  it('round-trips any bytes and agrees with Node’s encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40_000 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        const decoded = decodeBase64(text);
        expect(decoded.ok && [...decoded.bytes]).toEqual([...bytes]);
      }),
      { numRuns: 200 },
    );
  });

  it('ignores RFC 2045 line breaks and spaces', () => {
    const decoded = decodeBase64(' 5qGj\r\n5qGI\n');
    expect(decoded.ok && new TextDecoder().decode(decoded.bytes)).toBe('档案');
  });

  it('reports the first non-Base64 character with its index', () => {
    expect(decodeBase64('5qGj5q!I')).toEqual({ ok: false, index: 6, reason: 'character' });
    expect(decodeBase64('5qGj档案')).toEqual({ ok: false, index: 4, reason: 'character' });
  });

  it('refuses padding that is not at the end and lengths not a multiple of 4', () => {
    expect(decodeBase64('ab=c')).toMatchObject({ ok: false, reason: 'padding' });
    expect(decodeBase64('a===')).toMatchObject({ ok: false, reason: 'padding' });
    expect(decodeBase64('YQ==YQ==')).toMatchObject({ ok: false, reason: 'padding' });
    expect(decodeBase64('YWJ')).toEqual({ ok: false, index: 3, reason: 'length' });
  });

  it('decodes 1- and 2-byte tails', () => {
    const one = decodeBase64('YQ==');
    const two = decodeBase64('YWI=');
    expect(one.ok && [...one.bytes]).toEqual([97]);
    expect(two.ok && [...two.bytes]).toEqual([97, 98]);
  });

  it('round-trips multi-MB content', () => {
    const bytes = new Uint8Array(16 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    const text = encodeBase64(bytes);
    expect(text.length).toBe(4 * Math.ceil(bytes.length / 3));
    const decoded = decodeBase64(text);
    expect(decoded.ok && decoded.bytes.length).toBe(bytes.length);
    expect(decoded.ok && decoded.bytes[12_345_678]).toBe(bytes[12_345_678]);
    // The speed (16 MiB each way, linear not quadratic) is measured in base64.bench.ts
    // (`npx vitest bench test/export/eep`): a wall-clock bound here failed under load.
  });
});
