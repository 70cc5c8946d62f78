import { runtimeHashName } from '../../../src/formats/fixity/vocabulary.js';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BAG_ALGORITHMS,
  checkBagPath,
  decodeBagPath,
  encodeBagPath,
  formatBagManifest,
  formatPayloadOxum,
  formatBagInfo,
  parseBagDeclaration,
  parseBagVersion,
  parseFetchFile,
  parseBagManifest,
  parsePayloadOxum,
  parseBagInfo,
  resolveBagTagEncoding,
  bagInfoValues,
} from '../../../src/package/bagit/index.js';
import { isFetchUrl } from '../../../src/formats/bagit/fetchFile.js';
import { splitLines } from '../../../src/formats/bagit/tagText.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const codes = (text: string) => parseBagDeclaration(utf8(text)).issues.map((i) => i.code);

/** Characters that stress the manifest path grammar: spaces, %, CR/LF, tabs, CJK, NFD. */
const pathChar = fc.constantFrom('a', 'Z', ' ', '%', '%25', '%0A', '\n', '\r', '\t', '*', '档', '案', 'e\u0301', '/', '~', '.');
const payloadPath = fc.array(pathChar, { minLength: 1, maxLength: 12 }).map((parts) => `data/${parts.join('')}`);

describe('manifest path encoding (RFC 8493 §2.1.3)', () => {
  it('property: encode then decode (1.0) returns the path unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (path) => decodeBagPath(encodeBagPath(path), true) === path));
    fc.assert(fc.property(payloadPath, (path) => decodeBagPath(encodeBagPath(path), true) === path));
  });

  it('decodes only CR, LF and (from 1.0) %; other %xx stay literal', () => {
    expect(decodeBagPath('data/%7Etest1.txt', true)).toBe('data/%7Etest1.txt');
    expect(decodeBagPath('data/%test2.txt', false)).toBe('data/%test2.txt');
    expect(decodeBagPath('data/a%0d%0Ab', false)).toBe('data/a\r\nb');
    expect(decodeBagPath('data/%25', false)).toBe('data/%25');
    expect(decodeBagPath('data/%250A', true)).toBe('data/%0A');
    expect(encodeBagPath('a\r\n%')).toBe('a%0D%0A%25');
  });
});

describe('manifest lines', () => {
  it('property: formatBagManifest then parseBagManifest keeps every digest and path', () => {
    const entry = fc.record({ digest: fc.stringMatching(/^[0-9a-f]{64}$/), path: payloadPath });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const parsed = parseBagManifest(formatBagManifest(entries), 64);
        expect(parsed.malformed).toEqual([]);
        expect(parsed.lines.map((l) => ({ digest: l.digest, path: decodeBagPath(l.written, true) }))).toEqual(entries);
      }),
    );
  });

  it('reads single-space, tab, CRLF, upper-case hex and the md5sum * marker; flags bad lines with their number', () => {
    const text = 'ABCDEF0123456789abcdef0123456789 *data/x y\r\n\r\n900150983cd24fb0d6963f7d28e17f72\tdata/t\nnot-a-digest data/z\n900150983cd24fb0d6963f7d28e17f72\n';
    const parsed = parseBagManifest(text, 32);
    expect(parsed.lines).toEqual([
      { digest: 'abcdef0123456789abcdef0123456789', written: 'data/x y', md5sumMarker: true, line: 1 },
      { digest: '900150983cd24fb0d6963f7d28e17f72', written: 'data/t', md5sumMarker: false, line: 3 },
    ]);
    expect(parsed.malformed.map((l) => l.line)).toEqual([4, 5]);
    expect(parseBagManifest('900150983cd24fb0d6963f7d28e17f72 data/a', 64).malformed).toHaveLength(1);
  });

  it('splits lines at CRLF, LF and CR alike', () => {
    expect(splitLines('a\r\nb\rc\nd').map((l) => [l.text, l.line])).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4]]);
    expect(splitLines('')).toEqual([]);
  });
});

describe('bag-info.txt (RFC 8493 §2.2.2)', () => {
  it('property: formatBagInfo then parseBagInfo keeps labels, values and order', () => {
    const label = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
    const value = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ').trim());
    fc.assert(
      fc.property(fc.array(fc.tuple(label, value), { maxLength: 8 }), (tags) => {
        const parsed = parseBagInfo(formatBagInfo(tags));
        expect(parsed.malformed).toEqual([]);
        expect(parsed.tags.map((t) => [t.label, t.value])).toEqual(tags);
      }),
    );
  });

  it('unfolds continuation lines, keeps repeated labels, looks labels up case-insensitively, accepts odd colon spacing', () => {
    const parsed = parseBagInfo('External-Description: Uncompressed greyscale\r\n   papers collection.\r\nTest-Tag : 3\nTest-Tag    :   5\ncontact-name: b\n\nContact-Name: a\n');
    expect(parsed.tags.map((t) => [t.label, t.value, t.line])).toEqual([
      ['External-Description', 'Uncompressed greyscale papers collection.', 1],
      ['Test-Tag', '3', 3],
      ['Test-Tag', '5', 4],
      ['contact-name', 'b', 5],
      ['Contact-Name', 'a', 7],
    ]);
    expect(bagInfoValues(parsed.tags, 'CONTACT-NAME').map((t) => t.value)).toEqual(['b', 'a']);
    expect(parseBagInfo('  starts folded\nno colon here\n: empty label\n').malformed.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(() => formatBagInfo([['Bad:Label', 'x']])).toThrow(TypeError);
    expect(() => formatBagInfo([['Label', 'two\nlines']])).toThrow(TypeError);
  });

  it('property: Payload-Oxum formats and parses back', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (octets, streams) => {
        expect(parsePayloadOxum(formatPayloadOxum({ octets, streams }))).toEqual({ octets, streams });
      }),
    );
    expect(parsePayloadOxum('58.2')).toEqual({ octets: 58, streams: 2 });
    expect(parsePayloadOxum('58')).toBeUndefined();
    expect(parsePayloadOxum('a.b')).toBeUndefined();
    // Beyond 2^53 − 1 a count would be rounded, so 9007199254740993 could match a total of 9007199254740992.
    expect(parsePayloadOxum('9007199254740993.2')).toBeUndefined();
    expect(parsePayloadOxum('9007199254740991.2')).toEqual({ octets: Number.MAX_SAFE_INTEGER, streams: 2 });
  });
});

describe('fetch.txt (RFC 8493 §2.2.3)', () => {
  it('parses URL, length or "-", and a path with spaces; checks URLs without fetching', () => {
    const parsed = parseFetchFile('http://localhost:8989/a%201.txt - data/test 1.txt\r\nhttps://x.org/b 12 data/b\nbroken-line\n');
    expect(parsed.lines).toEqual([
      { url: 'http://localhost:8989/a%201.txt', length: undefined, written: 'data/test 1.txt', line: 1 },
      { url: 'https://x.org/b', length: 12, written: 'data/b', line: 2 },
    ]);
    expect(parsed.malformed.map((l) => l.line)).toEqual([3]);
    expect(isFetchUrl('file:///tmp/x')).toBe(true);
    expect(isFetchUrl('data/x')).toBe(false);
    expect(isFetchUrl('http://')).toBe(false);
  });
});

describe('path safety (RFC 8493 §5.1)', () => {
  it.each([
    ['../../../README.md', 'bagit.path.traversal'],
    ['\\.\\./\\.\\./README.md', 'bagit.path.traversal'],
    ['data/..\\..\\x', 'bagit.path.traversal'],
    ['/tmp/foo', 'bagit.path.absolute'],
    ['C:\\Windows\\System32\\setx.exe', 'bagit.path.drive'],
    ['c:relative', 'bagit.path.drive'],
    ['\\\\?\\UNC\\server\\share', 'bagit.path.unc'],
    ['//server/share', 'bagit.path.unc'],
    ['~/foo', 'bagit.path.home'],
    ['~root/foo', 'bagit.path.home'],
    ['%HomeDrive%\\Windows', 'bagit.path.variable'],
    ['data//x', 'bagit.path.malformed'],
    ['data/./x', 'bagit.path.malformed'],
    ['data/x/', 'bagit.path.malformed'],
    ['data/a\u0000b', 'bagit.path.malformed'],
  ])('%s → %s', (path, code) => {
    expect(checkBagPath(path)?.code).toBe(code);
  });

  it.each(['data/%7Etest1.txt', 'data/%test2.txt', 'data/dir1/~test3.txt', 'data/100%和50%.txt', 'data/a..b', 'data/...', 'bag-info.txt'])('%s is safe', (path) => {
    expect(checkBagPath(path)).toBeUndefined();
  });
});

describe('bagit.txt (RFC 8493 §2.1.1)', () => {
  it('accepts the two required lines, with LF, CRLF or no final newline', () => {
    for (const text of ['BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'BagIt-Version: 0.97\r\nTag-File-Character-Encoding: UTF-8']) {
      expect(codes(text)).toEqual([]);
    }
    expect(parseBagDeclaration(utf8('BagIt-Version: 0.96\nTag-File-Character-Encoding: UTF-8')).version).toEqual({ major: 0, minor: 96 });
  });

  it('rejects a BOM, a missing or malformed version, a missing or unknown encoding, and extra lines', () => {
    expect(codes('\uFEFFBagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')).toEqual(['bagit.bagit-txt.bom']);
    expect(codes('BagIt-Version: .97\nTag-File-Character-Encoding: UTF-8\n')).toContain('bagit.bagit-txt.version-invalid');
    expect(codes('Tag-File-Character-Encoding: UTF-8\n')).toEqual(expect.arrayContaining(['bagit.bagit-txt.version-missing', 'bagit.bagit-txt.encoding-missing']));
    expect(codes('BagIt-Version: 0.97\n')).toEqual(['bagit.bagit-txt.encoding-missing']);
    expect(codes('BagIt-Version: 1.0\nTag-File-Character-Encoding: KLINGON\n')).toEqual(['bagit.bagit-txt.encoding-unsupported']);
    expect(codes('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nExtra: x\n')).toEqual(['bagit.bagit-txt.extra-line']);
    expect(codes('BagIt-Version: 0.98\nTag-File-Character-Encoding: UTF-8\n')).toEqual(['bagit.bagit-txt.version-unknown']);
    expect(parseBagDeclaration(new Uint8Array([0x42, 0xff, 0xfe])).issues.map((i) => i.code)).toEqual(['bagit.bagit-txt.not-utf8']);
  });

  it('RFC 8493 §2.1.1: a version outside 0.93–1.0 (0.92, 1.1, 2.0) is an error, not a warning', () => {
    for (const version of ['0.92', '1.1', '2.0', '0.100']) {
      const parsed = parseBagDeclaration(utf8(`BagIt-Version: ${version}\nTag-File-Character-Encoding: UTF-8\n`));
      expect(parsed.issues.map((i) => i.code), version).toEqual(['bagit.bagit-txt.version-unsupported']);
      expect(parsed.issues[0]?.details).toMatchObject({ expected: '0.93–1.0', received: version, location: { line: 1, column: 1 } });
    }
    for (const version of ['0.93', '0.97', '1.0']) expect(codes(`BagIt-Version: ${version}\nTag-File-Character-Encoding: UTF-8\n`), version).toEqual([]);
  });

  it('RFC 8493 §2.1.1 "exactly two lines": a blank or whitespace-only line is an extra line, wherever it is', () => {
    const extra = (text: string) => parseBagDeclaration(utf8(text)).issues.filter((i) => i.code === 'bagit.bagit-txt.extra-line').map((i) => i.details?.location?.line);
    expect(extra('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n\n')).toEqual([3]);
    expect(extra('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n  \t\n')).toEqual([3]);
    expect(extra('BagIt-Version: 1.0\r\nTag-File-Character-Encoding: UTF-8\r\n\r\n')).toEqual([3]);
    expect(codes('BagIt-Version: 1.0\n\nTag-File-Character-Encoding: UTF-8\n')).toEqual(['bagit.bagit-txt.encoding-missing', 'bagit.bagit-txt.extra-line']);
  });

  it('forbids whitespace before the colon in 1.0 only, and warns on trailing whitespace', () => {
    expect(codes('BagIt-Version : 1.0\nTag-File-Character-Encoding : UTF-8\n')).toEqual(['bagit.bagit-txt.whitespace', 'bagit.bagit-txt.whitespace']);
    expect(codes('BagIt-Version:  1.0\nTag-File-Character-Encoding: UTF-8\n')).toEqual(['bagit.bagit-txt.whitespace']);
    expect(codes('BagIt-Version : 0.97\nTag-File-Character-Encoding : UTF-8\n')).toEqual([]);
    expect(codes('BagIt-Version: 1.0 \nTag-File-Character-Encoding: UTF-8\n')).toEqual(['bagit.bagit-txt.trailing-whitespace']);
  });

  it('parses versions M.N only', () => {
    expect(parseBagVersion('1.0')).toEqual({ major: 1, minor: 0 });
    expect(parseBagVersion('.97')).toBeUndefined();
    expect(parseBagVersion('1')).toBeUndefined();
  });
});

describe('tag-file encodings', () => {
  it('decodes UTF-16 by its BOM (big-endian without one), ISO-8859-1 byte for byte, GB18030, and refuses bad UTF-8', () => {
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x6f, 0x22]);
    const le = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x22, 0x6f]);
    expect(resolveBagTagEncoding('UTF-16')?.decode(be)).toBe('A\u6f22');
    expect(resolveBagTagEncoding('utf-16')?.decode(le)).toBe('A\u6f22');
    expect(resolveBagTagEncoding('UTF-16')?.decode(new Uint8Array([0x00, 0x41]))).toBe('A');
    expect(resolveBagTagEncoding('ISO-8859-1')?.decode(new Uint8Array([0x41, 0x80, 0xe9, 0xff]))).toBe('A\u0080\u00e9\u00ff');
    expect(resolveBagTagEncoding('GB18030')?.decode(new Uint8Array([0xd6, 0xd0]))).toBe('中');
    expect(resolveBagTagEncoding('UTF-8')?.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(resolveBagTagEncoding('UTF-8')?.decode(new Uint8Array([0xc3]))).toBeUndefined();
    expect(resolveBagTagEncoding('UTF-8')?.utf8).toBe(true);
    expect(resolveBagTagEncoding('x-unknown')).toBeUndefined();
  });

  it('keeps the empty-file digest of every algorithm right (used for dropped OS artefacts)', () => {
    for (const a of BAG_ALGORITHMS) {
      expect(a.emptyDigest).toBe(createHash(runtimeHashName(a.name)).digest('hex'));
      expect(a.emptyDigest).toHaveLength(a.hexLength);
    }
  });
});
