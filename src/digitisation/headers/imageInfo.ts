/**
 * What a header reader learns about one image file without decoding it.
 *
 * @module
 */

/** Image formats the digitisation checks recognise by their bytes. */
export type ImageFormat = 'tiff' | 'jpeg' | 'png' | 'jp2' | 'pdf' | 'ofd';

/** 扫描色彩模式 (DA/T 31-2017 §7.2, DA/T 46-2009 M55): 黑白二值, 灰度, 彩色. */
export type ColourMode = 'bilevel' | 'grayscale' | 'colour';

/** Random access to one file's bytes; reads past the end return what there is. */
export interface ByteReader {
  /** File size in bytes. */
  readonly size: number;
  /**
   * Reads up to `length` bytes from `offset` (fewer at the end of the file).
   *
   * @param offset - Byte offset from the start of the file.
   * @param length - Number of bytes wanted.
   */
  read(offset: number, length: number): Uint8Array | Promise<Uint8Array>;
}

/** The header facts of one image file. Absent fields were not found. */
export interface ImageInfo {
  /** Format recognised from the bytes; `undefined` when none. */
  format?: ImageFormat;
  /** Pixel width of the (first) page. */
  width?: number;
  /** Pixel height of the (first) page. */
  height?: number;
  /** Horizontal resolution in dots per inch. */
  xDpi?: number;
  /** Vertical resolution in dots per inch. */
  yDpi?: number;
  /** True when the resolution is derived (a PDF image's pixels over its page size), not recorded. */
  dpiEstimated?: boolean;
  /** Colour mode of the (first) page. */
  colourMode?: ColourMode;
  /** Bits per sample (per colour component). */
  bitsPerSample?: number;
  /** Colour components per pixel (1 grey, 3 RGB/YCbCr, 4 CMYK). */
  components?: number;
  /** Pages in the file (multi-page TIFF, PDF); 1 for single-image formats. */
  pages?: number;
  /** Why the file is corrupt or truncated, when it is. */
  corrupt?: string;
}

/** Reads a 16-bit unsigned integer. */
export function u16(bytes: Uint8Array, at: number, little: boolean): number {
  return little ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) : ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

/** Reads a 32-bit unsigned integer. */
export function u32(bytes: Uint8Array, at: number, little: boolean): number {
  const b0 = bytes[at] ?? 0, b1 = bytes[at + 1] ?? 0, b2 = bytes[at + 2] ?? 0, b3 = bytes[at + 3] ?? 0;
  return little ? (b0 | (b1 << 8) | (b2 << 16)) + b3 * 0x1000000 : ((b1 << 16) | (b2 << 8) | b3) + b0 * 0x1000000;
}

/** Decodes bytes as Latin-1 (PDF syntax, box types). */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = '';
  const stop = Math.min(end, bytes.length);
  for (let i = start; i < stop; i += 4096) text += String.fromCharCode(...bytes.subarray(i, Math.min(stop, i + 4096)));
  return text;
}

/** Rounds a resolution to 2 decimals (a dpcm or pixels-per-metre unit converted to dpi). */
export function roundDpi(value: number): number {
  return Math.round(value * 100) / 100;
}
