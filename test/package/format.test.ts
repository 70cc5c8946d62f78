import { describe, expect, it } from 'vitest';
import { createCheckRun } from '../../src/package/checks/checkRun.js';
import { checkContentFormats } from '../../src/package/format/checkContentFormats.js';
import { identifyFormat } from '../../src/package/format/identifyFormat.js';
import { scanContent } from '../../src/package/format/scanContent.js';
import type { PackageSource } from '../../src/package/source.js';
// @ts-expect-error -- plain JS fixture helper without types
import { buildZip } from '../fixtures/packages/zip.mjs';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

/** A source of one file that streams it in chunks of `size` bytes. */
function chunked(data: Uint8Array, size: number): PackageSource {
  return {
    name: 'mem',
    entries: async () => [{ path: 'f', kind: 'file', size: data.length }],
    read: async () => data,
    async *stream() {
      for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
    },
    async *digest() {},
  };
}

describe('identifyFormat', () => {
  it('identifies each archival format and executable by its signature', () => {
    const zip = (name: string) => new Uint8Array(buildZip([{ name, data: 'x' }]));
    const cases: [Uint8Array, string | undefined][] = [
      [bytes('%PDF-1.4\n'), 'pdf'],
      [bytes([0x89], 'PNG\r\n\x1a\n'), 'png'],
      [bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
      [bytes('II*\0'), 'tiff'],
      [bytes('MM\0*'), 'tiff'],
      [bytes('RIFF', [0, 0, 0, 0], 'WAVE'), 'wav'],
      [bytes([0, 0, 0, 0x18], 'ftypmp42'), 'mp4'],
      [bytes('ID3', [4, 0]), 'mp3'],
      [bytes([0xff, 0xfb, 0x90]), 'mp3'],
      [zip('OFD.xml'), 'ofd'],
      [zip('word/document.xml'), 'docx'],
      [zip('xl/workbook.xml'), 'xlsx'],
      [zip('ppt/presentation.xml'), 'pptx'],
      [zip('readme.txt'), 'zip'],
      [bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'ole2'],
      [bytes('MZ', [0x90, 0]), 'pe'],
      [bytes([0x7f], 'ELF'), 'elf'],
      [bytes([0xcf, 0xfa, 0xed, 0xfe]), 'mach-o'],
      [bytes('#!/bin/sh\n'), 'script'],
      [bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?><a/>'), 'xml'],
      [bytes('  <文件实体/>'.replace('文件实体', 'x')), 'xml'],
      [bytes('hello'), undefined],
      [new Uint8Array(0), undefined],
    ];
    for (const [data, expected] of cases) expect(identifyFormat(data), Buffer.from(data).toString('latin1')).toBe(expected);
  });
});

describe('scanContent', () => {
  const encrypted = bytes('%PDF-1.7\n', 'x'.repeat(100_000), 'trailer << /Encrypt 3 0 R >>\n%%EOF');
  it('finds markers across chunk boundaries at any chunk size, reading the file once', async () => {
    for (const size of [1, 3, 7, 4096, 65536, 1 << 20]) {
      const scan = await scanContent(chunked(encrypted, size), 'f', 1 << 30, encrypted.length);
      expect(scan.format, String(size)).toBe('pdf');
      expect([...scan.markers], String(size)).toEqual(['pdf-encrypt']);
      expect(scan.complete).toBe(true);
    }
  });

  it('marks a PDF without %%EOF and a zip without its end record as truncated, at any chunk size', async () => {
    const whole = bytes('%PDF-1.7\n', 'x'.repeat(5000), '\n%%EOF\n');
    const cut = whole.subarray(0, 3000);
    const zipped = new Uint8Array(buildZip([{ name: 'OFD.xml', data: 'y'.repeat(3000) }]));
    for (const size of [1, 7, 1000, 1 << 16]) {
      expect((await scanContent(chunked(whole, size), 'f', 1 << 30, whole.length)).markers.has('truncated'), `whole ${size}`).toBe(false);
      expect((await scanContent(chunked(cut, size), 'f', 1 << 30, cut.length)).markers.has('truncated'), `cut ${size}`).toBe(true);
      expect((await scanContent(chunked(zipped, size), 'f', 1 << 30, zipped.length)).markers.has('truncated'), `zip ${size}`).toBe(false);
      const zipCut = zipped.subarray(0, zipped.length - 30);
      expect((await scanContent(chunked(zipCut, size), 'f', 1 << 30, zipCut.length)).markers.has('truncated'), `zip cut ${size}`).toBe(true);
    }
    // A source that delivers fewer bytes than the entry's size is truncated too.
    expect((await scanContent(chunked(cut, 512), 'f', 1 << 30, whole.length)).markers.has('truncated')).toBe(true);
  });

  it('only identifies files over the limit, and marks macros, encrypted OOXML and encrypted zip entries', async () => {
    const over = await scanContent(chunked(encrypted, 4096), 'f', 1000, encrypted.length);
    expect(over).toMatchObject({ format: 'pdf', complete: false });
    expect(over.markers.size).toBe(0);
    const docm = new Uint8Array(buildZip([{ name: 'word/document.xml', data: 'x' }, { name: 'word/vbaProject.bin', data: 'v' }]));
    expect([...(await scanContent(chunked(docm, 5), 'f', 1 << 30, docm.length)).markers]).toEqual(['vba-project']);
    const ole = bytes([0xd0, 0xcf, 0x11, 0xe0], [...Buffer.from('EncryptedPackage', 'utf16le')]);
    expect([...(await scanContent(chunked(ole, 2), 'f', 1 << 30, ole.length)).markers]).toEqual(['encrypted-package']);
    const locked = new Uint8Array(buildZip([{ name: 'a.txt', data: Buffer.alloc(20), encrypted: true }]));
    expect([...(await scanContent(chunked(locked, 64), 'f', 1 << 30, locked.length)).markers]).toEqual(['zip-entry-encrypted']);
    const empty = await scanContent(chunked(new Uint8Array(0), 1), 'f', 1, 0);
    expect(empty.format).toBeUndefined();
  });
});

describe('PDF/A marker (ISO 19005 XMP pdfaid:part)', () => {
  /** A one-page-less PDF whose catalogue points to an XMP metadata stream holding `xmp`. */
  const pdfWithXmp = (xmp: string) => {
    const packet = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${xmp}</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    return bytes(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Metadata 3 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n',
      `3 0 obj\n<< /Type /Metadata /Subtype /XML /Length ${packet.length} >>\nstream\n${packet}\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    );
  };
  const pdfaElement = pdfWithXmp('<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>');
  const pdfaAttribute = pdfWithXmp('<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="1" pdfaid:conformance="A"/>');
  // The same XMP without the PDF/A identification schema (a Dublin Core title only).
  const plain = pdfWithXmp('<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>pdfaid</dc:title></rdf:Description>');

  it('marks a PDF whose XMP carries pdfaid:part, as element or attribute, at any chunk size; not one without', async () => {
    for (const size of [1, 5, 11, 4096]) {
      for (const [name, data, expected] of [['element', pdfaElement, true], ['attribute', pdfaAttribute, true], ['plain', plain, false]] as const) {
        const scan = await scanContent(chunked(data, size), 'f', 1 << 30, data.length);
        expect(scan.format, `${name} ${size}`).toBe('pdf');
        expect(scan.markers.has('pdf-a'), `${name} ${size}`).toBe(expected);
        expect(scan.markers.has('truncated'), `${name} ${size}`).toBe(false);
      }
    }
  });

  it('names the format "PDF (PDF/A)" in a package report only when the marker is there', async () => {
    const received = async (data: Uint8Array) => {
      // Named .png: the extension disagrees with the bytes, so the report names the detected format.
      const source = chunked(data, 64);
      const run = createCheckRun({ locale: 'en' });
      await checkContentFormats(source, [{ entry: { path: 'a.png', kind: 'file', size: data.length }, formatInfo: 'PNG' }], run, 1 << 30);
      return run.finish({ profile: 'dat93', files: 1, bytes: data.length }).issues.map((i) => [i.code, i.received]);
    };
    expect(await received(pdfaElement)).toEqual([
      ['content.format-mismatch', 'PDF (PDF/A)'],
      ['content.format-mismatch', 'PDF (PDF/A)'],
    ]);
    expect(await received(plain)).toEqual([
      ['content.format-mismatch', 'PDF'],
      ['content.format-mismatch', 'PDF'],
    ]);
  });

  describe('a 格式信息 that declares PDF/A', () => {
    const issues = async (data: Uint8Array, formatInfo: string, scanLimit = 1 << 30) => {
      const run = createCheckRun({ locale: 'en' });
      await checkContentFormats(chunked(data, 64), [{ entry: { path: '正文.pdf', kind: 'file', size: data.length }, formatInfo }], run, scanLimit);
      return run.finish({ profile: 'dat93', files: 1, bytes: data.length }).issues.map((i) => [i.code, i.severity, i.received]);
    };

    it('warns when the PDF carries no PDF/A identification, however PDF/A is written', async () => {
      for (const formatInfo of ['PDF/A', 'PDF/A-1b', 'pdf/a-2u', 'PDFA', 'PDF-A', 'PDF/A格式', 'application/pdf; PDF/A-3']) {
        expect(await issues(plain, formatInfo), formatInfo).toEqual([['content.pdfa-unconfirmed', 'warning', 'PDF']]);
      }
    });

    it('is satisfied by pdfaid:part, and says nothing when only PDF is declared', async () => {
      expect(await issues(pdfaElement, 'PDF/A-2b')).toEqual([]);
      expect(await issues(pdfaAttribute, 'PDF/A-1a')).toEqual([]);
      for (const formatInfo of ['PDF', 'application/pdf', 'PDF Archive 1.7', 'PDF 1.7']) expect(await issues(plain, formatInfo), formatInfo).toEqual([]);
    });

    it('does not guess when the file was too large to search', async () => {
      expect(await issues(plain, 'PDF/A', 16)).toEqual([['content.scan-skipped', 'info', undefined]]);
    });
  });
});
