import { latin1, roundDpi, u16, u32, type ByteReader, type ImageInfo } from './imageInfo.js';

/** Segments walked at most before the frame header (a hostile file could have millions). */
const MAX_SEGMENTS = 4096;

/**
 * Reads a JPEG's header facts by walking its marker segments (ITU-T T.81
 * Annex B) up to the frame header (SOFn): size, components, precision;
 * resolution from EXIF IFD0 (XResolution/YResolution/ResolutionUnit) when
 * present, else from the JFIF APP0 density. The last bytes must be the EOI
 * marker (FF D9); a file that stops before it is reported `corrupt`
 * (truncated). Entropy-coded data is never decoded.
 *
 * @param reader - The file's bytes.
 * @returns What the header says.
 * @example
 * await readJpegInfo(readerOver(bytes)) //=> { format: 'jpeg', xDpi: 300, colourMode: 'colour', … }
 */
export async function readJpegInfo(reader: ByteReader): Promise<ImageInfo> {
  const info: ImageInfo = { format: 'jpeg', pages: 1 };
  let jfif: { x: number; y: number } | undefined;
  let exif: { x: number; y: number } | undefined;
  let offset = 2;
  let frame = false;
  for (let n = 0; n < MAX_SEGMENTS && offset + 4 <= reader.size; n++) {
    const marker = await reader.read(offset, 4);
    if (marker[0] !== 0xff) return { ...info, corrupt: `no marker at byte ${offset}` };
    const code = marker[1] ?? 0;
    if (code === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (code === 0xd8 || code === 0x01 || (code >= 0xd0 && code <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (code === 0xd9 || code === 0xda) break; // EOI before a frame, or start of scan
    const length = u16(marker, 2, false);
    if (length < 2) return { ...info, corrupt: `segment at byte ${offset} has length ${length}` };
    if (offset + 2 + length > reader.size) return { ...info, corrupt: `segment at byte ${offset} runs past the end of the ${reader.size}-byte file` };
    if (code === 0xe0 && length >= 16) jfif = readJfif(await reader.read(offset + 4, length - 2)) ?? jfif;
    else if (code === 0xe1 && length >= 16) exif = readExif(await reader.read(offset + 4, length - 2)) ?? exif;
    else if (code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc) {
      const sof = await reader.read(offset + 4, 6);
      info.bitsPerSample = sof[0] ?? 0;
      info.height = u16(sof, 1, false);
      info.width = u16(sof, 3, false);
      info.components = sof[5] ?? 0;
      info.colourMode = info.components === 1 ? 'grayscale' : 'colour';
      frame = true;
      break;
    }
    offset += 2 + length;
  }
  const resolution = exif ?? jfif;
  if (resolution) {
    info.xDpi = resolution.x;
    info.yDpi = resolution.y;
  }
  if (!frame) return { ...info, corrupt: 'no frame header (SOF) found' };
  const tail = await reader.read(Math.max(0, reader.size - 64), 64);
  let end = tail.length;
  while (end > 2 && tail[end - 1] === 0) end--; // some scanners pad with zero bytes
  if (tail[end - 2] !== 0xff || tail[end - 1] !== 0xd9) return { ...info, corrupt: 'no EOI marker (FF D9) at the end: the file is truncated' };
  return info;
}

/** JFIF 1.02 APP0: identifier, version, units (1 dpi, 2 dots/cm), Xdensity, Ydensity. */
function readJfif(bytes: Uint8Array): { x: number; y: number } | undefined {
  if (latin1(bytes, 0, 5) !== 'JFIF\0') return undefined;
  const unit = bytes[7];
  const factor = unit === 1 ? 1 : unit === 2 ? 2.54 : undefined;
  if (factor === undefined) return undefined;
  const x = u16(bytes, 8, false), y = u16(bytes, 10, false);
  return x > 0 && y > 0 ? { x: roundDpi(x * factor), y: roundDpi(y * factor) } : undefined;
}

/** EXIF 2.3 APP1: a TIFF structure whose IFD0 holds XResolution (282), YResolution (283), ResolutionUnit (296). */
function readExif(bytes: Uint8Array): { x: number; y: number } | undefined {
  if (latin1(bytes, 0, 6) !== 'Exif\0\0') return undefined;
  const tiff = bytes.subarray(6);
  const little = tiff[0] === 0x49;
  const ifd = u32(tiff, 4, little);
  const count = u16(tiff, ifd, little);
  if (ifd + 2 + count * 12 > tiff.length) return undefined;
  let x: number | undefined, y: number | undefined, unit = 2;
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    const tag = u16(tiff, at, little);
    if (tag === 296) unit = u16(tiff, at + 8, little);
    else if (tag === 282 || tag === 283) {
      const valueAt = u32(tiff, at + 8, little);
      const denominator = u32(tiff, valueAt + 4, little);
      const value = denominator === 0 ? 0 : u32(tiff, valueAt, little) / denominator;
      if (tag === 282) x = value;
      else y = value;
    }
  }
  const factor = unit === 2 ? 1 : unit === 3 ? 2.54 : undefined;
  if (factor === undefined || !x || !y) return undefined;
  return { x: roundDpi(x * factor), y: roundDpi(y * factor) };
}
