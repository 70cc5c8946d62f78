import type { ByteReader, ImageFormat, ImageInfo } from './imageInfo.js';
import { latin1 } from './imageInfo.js';
import { readJp2Info } from './jp2.js';
import { readJpegInfo } from './jpeg.js';
import { readOfdInfo } from './ofd.js';
import { readPdfInfo } from './pdf.js';
import { readPngInfo } from './png.js';
import { readTiffInfo } from './tiff.js';

/** File extensions (lower case, no dot) of each format. */
export const formatExtensions: Readonly<Record<ImageFormat, readonly string[]>> = {
  tiff: ['tif', 'tiff'],
  jpeg: ['jpg', 'jpeg', 'jpe'],
  png: ['png'],
  jp2: ['jp2', 'jpf', 'jpx', 'j2k', 'j2c'],
  pdf: ['pdf'],
  ofd: ['ofd'],
};

/**
 * The format a file's first bytes announce (its signature), or `undefined`.
 * OFD (GB/T 33190-2016) is a zip whose first member is `OFD.xml`.
 *
 * @param head - At least the first 64 bytes of the file.
 * @returns The format.
 * @example
 * sniffImageFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) //=> 'jpeg'
 */
export function sniffImageFormat(head: Uint8Array): ImageFormat | undefined {
  const b = (i: number) => head[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 42 && b(3) === 0) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 42)) return 'tiff';
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 43 && b(3) === 0) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 43)) return 'tiff';
  if (b(0) === 0x89 && latin1(head, 1, 8) === 'PNG\r\n\x1a\n') return 'png';
  if (latin1(head, 4, 12) === 'jP  \r\n\x87\n') return 'jp2';
  if (latin1(head, 0, 5) === '%PDF-') return 'pdf';
  if (latin1(head, 0, 4) === 'PK\x03\x04' && latin1(head, 30, 30 + Math.min(head[26] ?? 0, 64)).toUpperCase() === 'OFD.XML') return 'ofd';
  return undefined;
}

/**
 * The format a file name's extension claims, or `undefined`.
 *
 * @param path - A file name or path.
 * @returns The format.
 * @example
 * formatOfExtension('0001.JPG') //=> 'jpeg'
 */
export function formatOfExtension(path: string): ImageFormat | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
  const ext = path.slice(dot + 1).toLowerCase();
  return (Object.keys(formatExtensions) as ImageFormat[]).find((f) => formatExtensions[f].includes(ext));
}

/**
 * Reads an image file's header facts (format, size, resolution, colour mode,
 * bit depth, pages) and whether it is corrupt or truncated, reading only the
 * few ranges the format's structure points at — never decoding the image. A
 * zero-byte or unrecognised file gives an empty result (no `format`).
 * Never throws on bad bytes.
 *
 * @param reader - The file's bytes.
 * @returns What the header says.
 * @example
 * const info = await readImageInfo(readerOver(bytes));
 * info.format //=> 'tiff'
 */
export async function readImageInfo(reader: ByteReader): Promise<ImageInfo> {
  if (reader.size === 0) return {};
  const format = sniffImageFormat(await reader.read(0, 64));
  try {
    switch (format) {
      case 'jpeg':
        return await readJpegInfo(reader);
      case 'tiff':
        return await readTiffInfo(reader);
      case 'png':
        return await readPngInfo(reader);
      case 'jp2':
        return await readJp2Info(reader);
      case 'pdf':
        return await readPdfInfo(reader);
      case 'ofd':
        return await readOfdInfo(reader);
      default:
        return {};
    }
  } catch (error) {
    // A reader bug must not sink the batch: the file is reported unreadable instead.
    return { ...(format ? { format } : {}), corrupt: `unreadable header: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * A {@link ByteReader} over bytes already in memory.
 *
 * @param bytes - The whole file.
 * @returns The reader.
 * @example
 * readerOver(new Uint8Array([1, 2, 3])).read(1, 5) //=> Uint8Array [2, 3]
 */
export function readerOver(bytes: Uint8Array): ByteReader {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(Math.max(0, offset), Math.max(0, offset) + Math.max(0, length)) };
}
