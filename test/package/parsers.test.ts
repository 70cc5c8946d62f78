import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePackageDescription } from '../../src/formats/description/parsePackageDescription.js';
import { digestHexLength, parseDigestAlgorithm } from '../../src/formats/fixity/fixityClaim.js';
import { parseManifestText } from '../../src/formats/fixity/parseManifestText.js';
import { parseBagManifest } from '../../src/formats/bagit/manifest.js';
import { isSafePath } from '../../src/package/layout/isSafePath.js';
import { decodeText } from '../../src/package/text/decodeText.js';
import { encodeGb18030 } from '../../src/xml/gb18030.js';

// Keys and values as a 说明文件 can carry them: no separator in a key, no line break anywhere.
const key = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[:：=\r\n]/.test(s) && s.trim() === s && s !== '');
const value = fc.string({ maxLength: 20 }).filter((s) => !/[\r\n]/.test(s)).map((s) => s.trim());
const separator = fc.constantFrom(':', '：', '=', '：');
const newline = fc.constantFrom('\r\n', '\n');

describe('parsePackageDescription', () => {
  it('reads back every key and value written as key<sep>value lines (any separator, CRLF or LF)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value, separator), { selector: ([k]) => k, maxLength: 8 }), newline, (fields, nl) => {
        const text = fields.map(([k, v, s]) => `${k}${s}${v}${nl}`).join('');
        const parsed = parsePackageDescription(text);
        expect(parsed.values).toEqual(Object.fromEntries(fields.map(([k, v]) => [k, v])));
        expect(parsed.fields.map((f) => f.location.line)).toEqual(fields.map((_, i) => i + 1));
        expect(parsed.malformedLines).toEqual([]);
      }),
    );
  });

  it('reports lines without a separator with their line and column, and keeps the first of a repeated key', () => {
    const parsed = parsePackageDescription('移交单位：甲\r\n\r\n  无分隔符的行\r\n移交单位=乙\r\n');
    expect(parsed.malformedLines).toEqual([{ line: 3, column: 3 }]);
    expect(parsed.values['移交单位']).toBe('甲');
    expect(parsed.fields).toHaveLength(2);
    expect(parsed.duplicates).toEqual([{ key: '移交单位', first: '甲', value: '乙', location: { line: 4, column: 1 } }]);
  });

  it('lists every repeat of a key after the first, and nothing when keys are unique', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, minLength: 1, maxLength: 6 }), fc.nat(), value, (fields, pick, again) => {
        const [k, v] = fields[pick % fields.length]!;
        expect(parsePackageDescription(fields.map(([a, b]) => `${a}：${b}\n`).join('')).duplicates).toEqual([]);
        const parsed = parsePackageDescription(`${fields.map(([a, b]) => `${a}：${b}\n`).join('')}${k}=${again}\n`);
        expect(parsed.duplicates).toEqual([{ key: k, first: v, value: again, location: { line: fields.length + 1, column: 1 } }]);
        expect(parsed.values[k]).toBe(v);
      }),
    );
  });
});

describe('decodeText', () => {
  it('reads UTF-8 (with or without BOM) and GB18030, and recognises UTF-16 by its BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('移', '交', '单', '位', 'a', '：', '1', '\r', '\n') }), (text) => {
        expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
        expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])).text).toBe(text);
        // GB18030 bytes that happen to be valid UTF-8 (位 = CE BB = λ) are read as UTF-8, as documented.
        const gb = encodeGb18030(text);
        if (!isUtf8(gb)) expect(decodeText(gb)).toEqual({ text, encoding: 'gb18030' });
      }),
    );
    expect(decodeText(encodeGb18030('移交单位：某局'))).toEqual({ text: '移交单位：某局', encoding: 'gb18030' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x31, 0x00])).encoding).toBe('utf-16le');
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x31])).encoding).toBe('utf-16be');
  });
});

describe('parseManifestText', () => {
  const segment = fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('档', '号', 'a', 'B', '0', '-', '·', '.', ' ') }).filter((s) => s.trim() === s);
  it('reads back digest and path of every line; blank and # lines are skipped; a leading * is dropped', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[0-9a-f]{32}$/), fc.array(segment, { minLength: 1, maxLength: 3 }), fc.boolean()), { maxLength: 6 }), (lines) => {
        const text = ['# comment', '', ...lines.map(([d, p, star]) => `${d.toUpperCase()}  ${star ? '*' : ''}${p.join('/')}`)].join('\n');
        const parsed = parseManifestText(text);
        expect(parsed.malformed).toEqual([]);
        expect(parsed.lines.map((l) => [l.digest, l.path])).toEqual(lines.map(([d, p]) => [d, p.join('/')]));
        expect(parsed.lines.map((l) => l.location.line)).toEqual(lines.map((_, i) => i + 3));
      }),
    );
    expect(parseManifestText('not-a-digest\n').malformed).toEqual([1]);
  });
});

describe('parseDigestAlgorithm', () => {
  it('reads the spellings of 固化信息 and BagIt, and knows each digest length', () => {
    expect(['SM3', 'sha256', 'SHA-256', 'Sha_1', 'MD5', 'sha512'].map(parseDigestAlgorithm)).toEqual(['sm3', 'sha256', 'sha256', 'sha1', 'md5', 'sha512']);
    expect(parseDigestAlgorithm('GOST')).toBeUndefined();
    // SHA-3 and BLAKE2 as dangan, BagIt manifests and Python hashlib spell them (issue 18 item 5).
    expect(['SHA3-256', 'sha3_512', 'sha3-224', 'SHA3_384', 'BLAKE2b-512', 'blake2b', 'blake2s', 'blake2s-256'].map(parseDigestAlgorithm)).toEqual([
      'sha3-256', 'sha3-512', 'sha3-224', 'sha3-384', 'blake2b-512', 'blake2b-512', 'blake2s-256', 'blake2s-256',
    ]);
    expect(parseDigestAlgorithm('sha3')).toBeUndefined();
    expect(parseDigestAlgorithm('constructor')).toBeUndefined();
    expect(digestHexLength.sm3).toBe(64);
  });
});

describe('isSafePath', () => {
  const safeSegment = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[\\/\0]/.test(s) && s !== '.' && s !== '..' && !/^[A-Za-z]:/.test(s) && !s.startsWith('~'));
  it('accepts relative paths of ordinary segments and refuses any escaping, absolute or empty segment', () => {
    fc.assert(
      fc.property(fc.array(safeSegment, { minLength: 1, maxLength: 5 }), fc.constantFrom('..', '.', ''), fc.nat(5), (segments, bad, at) => {
        expect(isSafePath(segments.join('/'))).toBe(true);
        const broken = [...segments];
        broken.splice(at % (segments.length + 1), 0, bad);
        expect(isSafePath(broken.join('/'))).toBe(false);
        expect(isSafePath(`/${segments.join('/')}`)).toBe(false);
      }),
    );
    for (const path of ['C:/Windows/x', 'a\\..\\b', '~/x', 'a/\0b']) expect(isSafePath(path), path).toBe(false);
  });
});

describe('one manifest-line grammar (issue 15)', () => {
  it('parseManifestText and parseBagManifest accept and split the same lines, whatever the whitespace', () => {
    const space = fc.constantFrom(' ', '  ', '\t', ' \t', '\u3000', '\u00a0', '\u3000 ', ' \u3000');
    const path = fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('a', '档', '/', '.', ' ', '*', '\u3000') });
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{32}$/), space, path, (digest, gap, p) => {
        const line = `${digest}${gap}${p}`;
        const dat93 = parseManifestText(line);
        const bag = parseBagManifest(line, 32);
        expect(dat93.lines.length).toBe(bag.lines.length);
        if (bag.lines[0]) expect(dat93.lines[0]!.path).toBe(bag.lines[0].written.normalize('NFC'));
      }),
    );
  });
});
