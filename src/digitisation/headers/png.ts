import { latin1, roundDpi, u32, type ByteReader, type ColourMode, type ImageInfo } from './imageInfo.js';

const MAX_CHUNKS = 4096;
const IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/**
 * Reads a PNG's header facts (ISO/IEC 15948 §11): IHDR (size, bit depth,
 * colour type) and pHYs (pixels per metre, converted to dpi), walking the
 * chunks up to the first IDAT. The file must end with the IEND chunk; one
 * that does not is reported `corrupt` (truncated).
 *
 * @param reader - The file's bytes.
 * @returns What the header says.
 * @example
 * await readPngInfo(readerOver(bytes)) //=> { format: 'png', colourMode: 'grayscale', … }
 */
export async function readPngInfo(reader: ByteReader): Promise<ImageInfo> {
  const info: ImageInfo = { format: 'png', pages: 1 };
  let offset = 8;
  for (let n = 0; n < MAX_CHUNKS && offset + 8 <= reader.size; n++) {
    const header = await reader.read(offset, 8);
    const length = u32(header, 0, false);
    const type = latin1(header, 4, 8);
    if (offset + 12 + length > reader.size) return { ...info, corrupt: `chunk ${type} at byte ${offset} runs past the end of the ${reader.size}-byte file` };
    if (type === 'IHDR') {
      const data = await reader.read(offset + 8, 13);
      info.width = u32(data, 0, false);
      info.height = u32(data, 4, false);
      info.bitsPerSample = data[8] ?? 0;
      const colourType = data[9] ?? 0;
      info.components = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colourType] ?? 0;
      const mode = colourModeOf(colourType, info.bitsPerSample);
      if (mode) info.colourMode = mode;
    } else if (type === 'pHYs') {
      const data = await reader.read(offset + 8, 9);
      // Unit 1 = metre; 0 = aspect ratio only (no resolution).
      if (data[8] === 1) {
        info.xDpi = roundDpi(u32(data, 0, false) * 0.0254);
        info.yDpi = roundDpi(u32(data, 4, false) * 0.0254);
      }
    } else if (type === 'IDAT') break;
    offset += 12 + length;
  }
  if (info.width === undefined) return { ...info, corrupt: 'no IHDR chunk' };
  const tail = await reader.read(Math.max(0, reader.size - 12), 12);
  if (tail.length < 12 || IEND.some((byte, i) => tail[i] !== byte)) return { ...info, corrupt: 'no IEND chunk at the end: the file is truncated' };
  return info;
}

function colourModeOf(colourType: number, bits: number): ColourMode | undefined {
  if (colourType === 0 || colourType === 4) return bits === 1 && colourType === 0 ? 'bilevel' : 'grayscale';
  if (colourType === 2 || colourType === 3 || colourType === 6) return 'colour';
  return undefined;
}
