// GB 18030 as glibc's iconv (and so libxml2) reads and writes it, byte for byte, against the
// decoder of decodeXml and encodeGb18030 — GB 18030-2022 (issue 14). Needs iconv and xmllint.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeXml, encodeGb18030, findUnmappableGb18030, readXml } from '../../src/xml/index.js';

/** Runs iconv; throws when it cannot be run (the test needs it), returns null when it rejects the input. */
function iconv(from: string, to: string, input: Uint8Array): Buffer | null {
  const run = spawnSync('iconv', ['-f', from, '-t', to], { input, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`iconv could not be run: ${run.error.message}`);
  return run.status === 0 ? run.stdout : null;
}

const PROLOG = '<?xml version="1.0" encoding="GB18030"?>\n<a>';
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const fourBytes = (pointer: number, lead = 0x81) => [
  lead + Math.floor(pointer / 12600),
  0x30 + (Math.floor(pointer / 1260) % 10),
  0x81 + (Math.floor(pointer / 10) % 126),
  0x30 + (pointer % 10),
];
const RETIRED = [...Array.from({ length: 8 }, (_, i) => 19_057 + i), ...Array.from({ length: 10 }, (_, i) => 39_076 + i)];

describe('GB 18030 decoding equals glibc iconv', () => {
  it('on every two-byte sequence (23,940)', () => {
    const pairs: number[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
    const body = Uint8Array.from(pairs);
    const decoded = decodeXml(concat(ascii(PROLOG), body));
    expect(decoded.issues).toEqual([]);
    expect(decoded.text).toBe(PROLOG + iconv('GB18030', 'UTF-8', body)!.toString('utf8'));
  });

  it('on every four-byte sequence of the BMP block, the 18 retired ones being errors in both', () => {
    const retired = new Set(RETIRED);
    const body = Uint8Array.from(Array.from({ length: 39_420 }, (_, p) => p).filter((p) => !retired.has(p)).flatMap((p) => fourBytes(p)));
    const decoded = decodeXml(concat(ascii(PROLOG), body));
    expect(decoded.issues).toEqual([]);
    expect(decoded.text).toBe(PROLOG + iconv('GB18030', 'UTF-8', body)!.toString('utf8'));
    for (const pointer of RETIRED) {
      const bytes = concat(ascii(`${PROLOG}x\n`), fourBytes(pointer), ascii('</a>'));
      expect(iconv('GB18030', 'UTF-8', Uint8Array.from(fourBytes(pointer)))).toBeNull();
      expect(decodeXml(bytes).issues).toMatchObject([{ code: 'xml.invalid-bytes', params: { offset: PROLOG.length + 2 }, location: { line: 3, column: 1 } }]);
    }
  });

  it('on the supplementary planes (every 499th code point and both ends)', () => {
    const pointers = [0, 0xfffff, ...Array.from({ length: 2102 }, (_, i) => i * 499)];
    const body = Uint8Array.from(pointers.flatMap((p) => fourBytes(p, 0x90)));
    expect(decodeXml(concat(ascii(PROLOG), body)).text).toBe(PROLOG + iconv('GB18030', 'UTF-8', body)!.toString('utf8'));
  });

  it('FE51 FE52 FE6C FE76 are U+20087 U+20089 U+215D7 U+2298F (GB 18030-2022, glibc, libxml2), not private use', () => {
    const bytes = concat(ascii(PROLOG), [0xfe, 0x51, 0xfe, 0x52, 0xfe, 0x6c, 0xfe, 0x76], ascii('</a>'));
    expect(readXml(bytes).root?.text).toBe('\u{20087}\u{20089}\u{215D7}\u{2298F}');
    const dir = mkdtempSync(join(tmpdir(), 'dangan-gb-'));
    try {
      writeFileSync(join(dir, 'a.xml'), bytes);
      const lint = spawnSync('xmllint', ['--nonet', '--encode', 'UTF-8', join(dir, 'a.xml')], { encoding: 'utf8' });
      if (lint.error) throw new Error(`xmllint could not be run: ${lint.error.message}`);
      expect(lint.stdout).toContain('<a>\u{20087}\u{20089}\u{215D7}\u{2298F}</a>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['84 31 A5 30', [0x84, 0x31, 0xa5, 0x30]],
    ['FE 39 FE 39', [0xfe, 0x39, 0xfe, 0x39]],
    ['E3 32 9A 36', [0xe3, 0x32, 0x9a, 0x36]],
    ['FD 30 81 30', [0xfd, 0x30, 0x81, 0x30]],
    ['80', [0x80]],
  ])('%s maps to nothing: an error with its byte offset and line:column, as iconv refuses it', (_, seq) => {
    expect(iconv('GB18030', 'UTF-8', Uint8Array.from(seq))).toBeNull();
    const bytes = concat(ascii(`${PROLOG}\n x`), seq, ascii('</a>'));
    const { issues } = readXml(bytes);
    expect(issues[0]).toMatchObject({ code: 'xml.invalid-bytes', severity: 'error', params: { offset: PROLOG.length + 3 }, location: { line: 3, column: 3 } });
  });
});

describe('GB 18030 encoding equals glibc iconv', () => {
  it('on every BMP code point both can write; the private-use code points neither can write are refused', () => {
    let text = '';
    const unmappable: number[] = [];
    for (let cp = 0x80; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (findUnmappableGb18030(String.fromCharCode(cp)) < 0) text += String.fromCharCode(cp);
      else unmappable.push(cp);
    }
    expect(Buffer.from(encodeGb18030(text)).equals(iconv('UTF-8', 'GB18030', new TextEncoder().encode(text))!)).toBe(true);
    expect(unmappable.length).toBe(24);
    for (const cp of unmappable) expect(iconv('UTF-8', 'GB18030', new TextEncoder().encode(String.fromCharCode(cp))), `U+${cp.toString(16)}`).toBeNull();
  });

  it('remaining difference: U+20087 and the five other plane-2 characters of FE51… are written with their four-byte codes, where iconv writes FE51…; both read back the same', () => {
    const text = '\u{20087}\u{20089}\u{200CC}\u{215D7}\u{2298F}\u{241FE}';
    const ours = encodeGb18030(text);
    const glibc = iconv('UTF-8', 'GB18030', new TextEncoder().encode(text))!;
    expect(Array.from(ours)).toEqual([...text].flatMap((c) => fourBytes(c.codePointAt(0)! - 0x10000, 0x90)));
    expect(glibc.toString('hex')).toBe('fe51fe52fe53fe6cfe76fe91');
    expect(iconv('GB18030', 'UTF-8', ours)!.toString('utf8')).toBe(text);
    expect(decodeXml(concat(ascii('<?xml version="1.0" encoding="GB18030"?>'), glibc)).text).toBe(`<?xml version="1.0" encoding="GB18030"?>${text}`);
  });
});
