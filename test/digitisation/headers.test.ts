import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatOfExtension, readerOver, readImageInfo, sniffImageFormat } from '../../src/digitisation/headers/readImageInfo.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/digitisation');
const CODE = (n: number) => `Z109-WS·2024-Y-BGS-${String(n).padStart(4, '0')}`;
const bytes = (rel: string) => new Uint8Array(readFileSync(join(FIXTURES, rel)));
const info = (b: Uint8Array) => readImageInfo(readerOver(b));

describe('readImageInfo on ImageMagick output', () => {
  it('reads a JPEG: JFIF density, SOF size, colour', async () => {
    expect(await info(bytes(`valid/batch/${CODE(1)}/0001.jpg`))).toEqual({ format: 'jpeg', pages: 1, width: 85, height: 110, xDpi: 300, yDpi: 300, bitsPerSample: 8, components: 3, colourMode: 'colour' });
  });

  it('reads 150 dpi and grayscale where they were encoded', async () => {
    expect((await info(bytes(`faults/batch/${CODE(3)}/0002.jpg`))).xDpi).toBe(150);
    expect((await info(bytes(`faults/batch/${CODE(4)}/0002.jpg`))).colourMode).toBe('grayscale');
  });

  it('counts the pages of a multi-page TIFF through its IFD chain', async () => {
    const tiff = await info(bytes(`multipage/batch/${CODE(1)}.tif`));
    expect(tiff).toMatchObject({ format: 'tiff', pages: 2, xDpi: 300, colourMode: 'colour', bitsPerSample: 8, width: 85 });
    expect(tiff.corrupt).toBeUndefined();
  });

  it('reads a PDF: page count from the page tree, resolution estimated from the image over the MediaBox', async () => {
    expect(await info(bytes(`multipage/batch/${CODE(2)}.pdf`))).toMatchObject({ format: 'pdf', pages: 3, xDpi: 300, yDpi: 300, dpiEstimated: true, colourMode: 'colour' });
  });

  it('reads a PNG: IHDR and pHYs', async () => {
    const png = await info(bytes(`faults/batch/${CODE(7)}/0002.jpg`));
    expect(png).toMatchObject({ format: 'png', xDpi: 300, width: 85 });
    expect(png.corrupt).toBeUndefined();
  });

  it('finds the planted corruption: truncated JPEG, TIFF IFD past the end', async () => {
    expect((await info(bytes(`faults/batch/${CODE(5)}/0002.jpg`))).corrupt).toMatch(/EOI/);
    expect((await info(bytes(`faults/batch/${CODE(6)}/0002.tif`))).corrupt).toMatch(/IFD at offset \d+ is past the end/);
  });

  it('finds truncation in every format by cutting valid files', async () => {
    for (const rel of [`valid/batch/${CODE(1)}/0001.jpg`, `multipage/batch/${CODE(2)}.pdf`, `faults/batch/${CODE(7)}/0002.jpg`]) {
      const whole = bytes(rel);
      expect((await info(whole)).corrupt, rel).toBeUndefined();
      expect((await info(whole.subarray(0, whole.length - 20))).corrupt, rel).toBeDefined();
    }
    // A TIFF whose strips run past the end once cut (ImageMagick writes the IFD after the strips: cut the strip data instead).
    const tiff = bytes(`multipage/batch/${CODE(1)}.tif`);
    expect((await info(tiff.subarray(0, 200))).corrupt).toBeDefined();
  });

  it('sniffs formats and extensions', () => {
    expect(sniffImageFormat(bytes(`multipage/batch/${CODE(1)}.tif`))).toBe('tiff');
    expect(sniffImageFormat(new Uint8Array([0, 1, 2]))).toBeUndefined();
    expect(formatOfExtension('a/b.JPEG')).toBe('jpeg');
    expect(formatOfExtension('a.b/c')).toBeUndefined();
  });

  it('reads a JPEG 2000 image header and resolution box', async () => {
    // jP signature, ftyp, jp2h{ihdr, res{resc 11811 px/m ≈ 300 dpi}}, jp2c ending in EOC.
    const box = (type: string, body: number[]) => [...u32(body.length + 8), ...[...type].map((c) => c.charCodeAt(0)), ...body];
    const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    const u16 = (n: number) => [(n >>> 8) & 255, n & 255];
    const ihdr = box('ihdr', [...u32(110), ...u32(85), ...u16(3), 7, 7, 0, 0]);
    const resc = box('resc', [...u16(11811), ...u16(1), ...u16(11811), ...u16(1), 0, 0]);
    const file = new Uint8Array([...box('jP  ', [13, 10, 0x87, 10]), ...box('ftyp', [...'jp2 '].map((c) => c.charCodeAt(0))), ...box('jp2h', [...ihdr, ...box('res ', resc)]), ...box('jp2c', [0xff, 0x4f, 0xff, 0xd9])]);
    expect(await info(file)).toMatchObject({ format: 'jp2', width: 85, height: 110, components: 3, bitsPerSample: 8, colourMode: 'colour', xDpi: 300 });
    expect(await info(file.subarray(0, file.length - 1))).toHaveProperty('corrupt');
  });
});

describe('readImageInfo on OFD (GB/T 33190-2016)', () => {
  const ofd = (pages: number, root = 'Doc_0/Document.xml') => {
    const enc = (text: string) => new TextEncoder().encode(text);
    const list = Array.from({ length: pages }, (_, i) => `<ofd:Page ID="${i + 2}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('');
    return zipSync({
      'OFD.xml': enc(`<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"><ofd:DocBody><ofd:DocRoot>${root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
      'Doc_0/Document.xml': enc(`<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages>${list}</ofd:Pages></ofd:Document>`),
      'Doc_0/Pages/Page_0/Content.xml': enc('<ofd:Page/>'),
    });
  };

  it('counts the pages its document root lists', async () => {
    expect(await info(ofd(3))).toEqual({ format: 'ofd', pages: 3 });
  });

  it('reports a missing document root and a broken zip as corrupt', async () => {
    expect((await info(ofd(2, 'Doc_9/Document.xml'))).corrupt).toMatch(/not found/);
    const broken = ofd(2);
    expect((await info(broken.subarray(0, broken.length - 30))).corrupt).toBeDefined();
  });
});

describe('readImageInfo on hostile bytes (fuzz)', () => {
  const seeds = [`valid/batch/${CODE(1)}/0001.jpg`, `multipage/batch/${CODE(1)}.tif`, `multipage/batch/${CODE(2)}.pdf`, `faults/batch/${CODE(7)}/0002.jpg`].map(bytes);

  it('never throws, hangs or loops on mutated files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), fc.nat(), async (which, edits, cut) => {
        const file = new Uint8Array(seeds[which]!);
        for (const [at, value] of edits) file[at % file.length] = value;
        const result = await info(file.subarray(0, file.length - (cut % 64)));
        expect(typeof result).toBe('object');
        if (result.pages !== undefined) expect(result.pages).toBeLessThanOrEqual(100_000);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on random bytes behind each signature', async () => {
    const heads = [[0xff, 0xd8, 0xff], [0x49, 0x49, 42, 0], [0x4d, 0x4d, 0, 42], [0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10], [0, 0, 0, 12, 0x6a, 0x50, 0x20, 0x20, 13, 10, 0x87, 10], [...'%PDF-1.4'].map((c) => c.charCodeAt(0))];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: heads.length - 1 }), fc.uint8Array({ maxLength: 600 }), async (which, rest) => {
        const result = await info(new Uint8Array([...heads[which]!, ...rest]));
        expect(result.format).toBeDefined();
      }),
      { numRuns: 600 },
    );
  });
});
