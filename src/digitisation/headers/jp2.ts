import { latin1, roundDpi, u16, u32, type ByteReader, type ImageInfo } from './imageInfo.js';

const MAX_BOXES = 4096;

interface Box {
  type: string;
  /** Offset of the box's content. */
  start: number;
  /** Offset just past the box. */
  end: number;
}

/**
 * Reads a JPEG 2000 (JP2, ISO/IEC 15444-1 Annex I) file's header facts: the
 * image header box (size, components, bit depth) and the capture or display
 * resolution box (`resc`/`resd`, pixels per metre, converted to dpi). The
 * contiguous codestream box must lie inside the file and end with the EOC
 * marker (FF D9); otherwise the file is reported `corrupt`.
 *
 * @param reader - The file's bytes.
 * @returns What the header says.
 * @example
 * await readJp2Info(readerOver(bytes)) //=> { format: 'jp2', components: 3, … }
 */
export async function readJp2Info(reader: ByteReader): Promise<ImageInfo> {
  const info: ImageInfo = { format: 'jp2', pages: 1 };
  const top = await boxes(reader, 0, reader.size);
  if (typeof top === 'string') return { ...info, corrupt: top };
  const header = top.find((b) => b.type === 'jp2h');
  if (header) {
    const inner = await boxes(reader, header.start, header.end);
    if (typeof inner === 'string') return { ...info, corrupt: inner };
    const ihdr = inner.find((b) => b.type === 'ihdr');
    if (ihdr) {
      const data = await reader.read(ihdr.start, 14);
      info.height = u32(data, 0, false);
      info.width = u32(data, 4, false);
      info.components = u16(data, 8, false);
      info.bitsPerSample = ((data[10] ?? 0) & 0x7f) + 1;
      info.colourMode = info.components >= 3 ? 'colour' : info.bitsPerSample === 1 ? 'bilevel' : 'grayscale';
    }
    const res = inner.find((b) => b.type === 'res ');
    if (res) {
      const parts = await boxes(reader, res.start, res.end);
      const box = typeof parts === 'string' ? undefined : (parts.find((b) => b.type === 'resc') ?? parts.find((b) => b.type === 'resd'));
      if (box) {
        const d = await reader.read(box.start, 10);
        const exponent = (byte: number) => (byte > 127 ? byte - 256 : byte);
        const ppm = (n: number, dd: number, e: number) => (dd === 0 ? 0 : (n / dd) * 10 ** e);
        const y = ppm(u16(d, 0, false), u16(d, 2, false), exponent(d[8] ?? 0));
        const x = ppm(u16(d, 4, false), u16(d, 6, false), exponent(d[9] ?? 0));
        if (x > 0 && y > 0) {
          info.xDpi = roundDpi(x * 0.0254);
          info.yDpi = roundDpi(y * 0.0254);
        }
      }
    }
  }
  const codestream = top.find((b) => b.type === 'jp2c');
  if (!codestream) return { ...info, corrupt: 'no codestream box (jp2c)' };
  const eoc = await reader.read(codestream.end - 2, 2);
  if (eoc[0] !== 0xff || eoc[1] !== 0xd9) return { ...info, corrupt: 'the codestream does not end with EOC (FF D9): the file is truncated' };
  return info;
}

async function boxes(reader: ByteReader, start: number, end: number): Promise<Box[] | string> {
  const out: Box[] = [];
  let offset = start;
  while (offset + 8 <= end && out.length < MAX_BOXES) {
    const header = await reader.read(offset, 16);
    let length = u32(header, 0, false);
    let headerLength = 8;
    if (length === 1) {
      length = u32(header, 8, false) * 0x100000000 + u32(header, 12, false);
      headerLength = 16;
    } else if (length === 0) length = end - offset;
    const type = latin1(header, 4, 8);
    if (length < headerLength || offset + length > end) return `box ${JSON.stringify(type)} at byte ${offset} runs past the end of its ${end}-byte container`;
    out.push({ type, start: offset + headerLength, end: offset + length });
    offset += length;
  }
  return out;
}
