import { latin1, roundDpi, type ByteReader, type ColourMode, type ImageInfo } from './imageInfo.js';

/** Bytes searched at each end of a PDF for the page tree and the first image. */
const WINDOW = 64 * 1024;

/**
 * Reads a PDF's structure and, where present, its first image's facts (ISO
 * 32000-1 §7.5 file structure, §8.9.5 image dictionaries). The file must end
 * with `startxref` pointing at an `xref` table or a cross-reference stream
 * object inside the file, and `%%EOF`; otherwise it is `corrupt`. The page
 * count is the largest `/Count` of a `/Type /Pages` dictionary found in the
 * first and last 64 KiB (absent when the page tree is in compressed object
 * streams). The resolution is estimated from the first image's pixel width
 * over the first page's MediaBox width, as a scanned page fills its page.
 *
 * @param reader - The file's bytes.
 * @returns What the structure says.
 * @example
 * await readPdfInfo(readerOver(bytes)) //=> { format: 'pdf', pages: 3, xDpi: 300, dpiEstimated: true, … }
 */
export async function readPdfInfo(reader: ByteReader): Promise<ImageInfo> {
  const info: ImageInfo = { format: 'pdf' };
  const headBytes = await reader.read(0, WINDOW);
  const tailStart = Math.max(headBytes.length, reader.size - WINDOW);
  const tailBytes = tailStart < reader.size ? await reader.read(tailStart, reader.size - tailStart) : new Uint8Array(0);
  const head = latin1(headBytes);
  const tail = latin1(tailBytes);
  const text = head + tail;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  if (counts.length > 0) info.pages = Math.max(...counts);
  describeImage(text, info);
  const end = (tail || head).slice(-1024);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(end);
  if (!startxref) return { ...info, corrupt: 'no startxref … %%EOF at the end: the file is truncated' };
  const xref = Number(startxref[1]);
  if (xref >= reader.size) return { ...info, corrupt: `startxref points at byte ${xref}, past the end of the ${reader.size}-byte file` };
  const at = latin1(await reader.read(xref, 32));
  if (!/^\s*(xref|\d+\s+\d+\s+obj)/.test(at)) return { ...info, corrupt: `no cross-reference table or stream at byte ${xref}` };
  return info;
}

function describeImage(text: string, info: ImageInfo): void {
  const image = /\/Subtype\s*\/Image\b[^>]*/.exec(text);
  if (!image) return;
  // The dictionary may list keys before /Subtype: look at the whole dictionary around it.
  const from = text.lastIndexOf('<<', image.index);
  const dict = text.slice(from < 0 ? image.index : from, image.index + image[0].length);
  const number = (key: string) => {
    const match = new RegExp(`/${key}\\s+(\\d+)`).exec(dict);
    return match ? Number(match[1]) : undefined;
  };
  const width = number('Width');
  const height = number('Height');
  const bits = number('BitsPerComponent');
  if (width !== undefined) info.width = width;
  if (height !== undefined) info.height = height;
  if (bits !== undefined) info.bitsPerSample = bits;
  const space = /\/ColorSpace\s*\/(Device\w+|Cal\w+|ICCBased|Indexed)/.exec(dict)?.[1];
  const mode: ColourMode | undefined = /\/ImageMask\s+true/.test(dict)
    ? 'bilevel'
    : space === 'DeviceGray' || space === 'CalGray'
      ? bits === 1
        ? 'bilevel'
        : 'grayscale'
      : space !== undefined
        ? 'colour'
        : undefined;
  if (mode) info.colourMode = mode;
  info.components = mode === 'colour' ? (space === 'DeviceCMYK' ? 4 : 3) : 1;
  const box = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/.exec(text);
  if (box && width !== undefined && height !== undefined) {
    const points = (a?: string, b?: string) => Number(b) - Number(a);
    const w = points(box[1], box[3]), h = points(box[2], box[4]);
    if (w > 0 && h > 0) {
      info.xDpi = roundDpi((width * 72) / w);
      info.yDpi = roundDpi((height * 72) / h);
      info.dpiEstimated = true;
    }
  }
}
