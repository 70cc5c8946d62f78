import { roundDpi, u16, u32, type ByteReader, type ColourMode, type ImageInfo } from './imageInfo.js';

// TIFF 6.0 (Adobe 1992) §2 file structure, §8 baseline fields.
const TYPE_SIZE: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };
/** A page count past this is a loop or a hostile file, not a scanned record. */
const MAX_PAGES = 100_000;
/** More directory entries than any real page has. */
const MAX_ENTRIES = 1024;
/** Strip/tile offsets read at most per page to check the data is inside the file. */
const MAX_STRIPS = 65_536;

interface Field {
  type: number;
  count: number;
  /** Offset of the value (inline in the entry or pointed to). */
  at: number;
  /** The entry's bytes when the value is inline. */
  inline?: Uint8Array;
}

/** Decoded first directory and the page count of a TIFF. */
interface Directory {
  fields: Map<number, Field>;
  next: number;
}

/**
 * Reads a classic TIFF's header facts from its directories (IFDs), following
 * the IFD chain to count pages: resolution (282/283 with unit 296), size,
 * bits per sample (258), samples per pixel (277) and photometric
 * interpretation (262), which gives the colour mode. A directory or strip
 * that lies past the end of the file, or a chain that loops, is reported as
 * `corrupt`. BigTIFF is recognised but not read further.
 *
 * @param reader - The file's bytes.
 * @returns What the header says.
 * @example
 * await readTiffInfo(readerOver(bytes)) //=> { format: 'tiff', xDpi: 300, colourMode: 'colour', pages: 1, … }
 */
export async function readTiffInfo(reader: ByteReader): Promise<ImageInfo> {
  const head = await reader.read(0, 8);
  const little = head[0] === 0x49;
  const info: ImageInfo = { format: 'tiff' };
  if (u16(head, 2, little) === 43) return info; // BigTIFF: recognised, not read.
  let offset = u32(head, 4, little);
  const visited = new Set<number>();
  let pages = 0;
  while (offset !== 0) {
    if (visited.has(offset)) return { ...info, pages, corrupt: `IFD chain loops back to offset ${offset}` };
    if (pages >= MAX_PAGES) return { ...info, pages, corrupt: `more than ${MAX_PAGES} IFDs` };
    visited.add(offset);
    const directory = await readDirectory(reader, offset, little);
    if (typeof directory === 'string') return { ...info, pages, corrupt: directory };
    if (pages === 0) {
      const problem = await describeFirstPage(reader, directory.fields, little, info);
      if (problem) return { ...info, pages: 1, corrupt: problem };
    }
    pages += 1;
    offset = directory.next;
  }
  if (pages === 0) return { ...info, pages, corrupt: 'no IFD' };
  return { ...info, pages };
}

async function readDirectory(reader: ByteReader, offset: number, little: boolean): Promise<Directory | string> {
  if (offset < 8 || offset + 2 > reader.size) return `IFD at offset ${offset} is past the end of the ${reader.size}-byte file`;
  const countBytes = await reader.read(offset, 2);
  const count = u16(countBytes, 0, little);
  if (count === 0 || count > MAX_ENTRIES) return `IFD at offset ${offset} has ${count} entries`;
  const end = offset + 2 + count * 12 + 4;
  if (end > reader.size) return `IFD at offset ${offset} runs past the end of the ${reader.size}-byte file`;
  const bytes = await reader.read(offset + 2, count * 12 + 4);
  const fields = new Map<number, Field>();
  for (let i = 0; i < count; i++) {
    const at = i * 12;
    const type = u16(bytes, at + 2, little);
    const fieldCount = u32(bytes, at + 4, little);
    const size = (TYPE_SIZE[type] ?? 1) * fieldCount;
    if (size <= 4) fields.set(u16(bytes, at, little), { type, count: fieldCount, at: offset + 2 + at + 8, inline: bytes.subarray(at + 8, at + 12) });
    else fields.set(u16(bytes, at, little), { type, count: fieldCount, at: u32(bytes, at + 8, little) });
  }
  return { fields, next: u32(bytes, count * 12, little) };
}

async function values(reader: ByteReader, field: Field | undefined, little: boolean, max = MAX_STRIPS): Promise<number[] | string> {
  if (!field) return [];
  const size = TYPE_SIZE[field.type] ?? 1;
  const count = Math.min(field.count, max);
  if (!field.inline && field.at + size * count > reader.size) return `a field's value at offset ${field.at} is past the end of the ${reader.size}-byte file`;
  const bytes = field.inline ?? (await reader.read(field.at, size * count));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * size;
    if (field.type === 5) {
      const denominator = u32(bytes, at + 4, little);
      out.push(denominator === 0 ? 0 : u32(bytes, at, little) / denominator);
    } else out.push(size === 1 ? (bytes[at] ?? 0) : size === 2 ? u16(bytes, at, little) : u32(bytes, at, little));
  }
  return out;
}

/** Fills `info` from the first page's fields; returns a corruption reason when its data lies outside the file. */
async function describeFirstPage(reader: ByteReader, fields: Map<number, Field>, little: boolean, info: ImageInfo): Promise<string | undefined> {
  const read = async (tag: number, max?: number): Promise<number[]> => {
    const result = await values(reader, fields.get(tag), little, max);
    if (typeof result === 'string') throw new CorruptTiff(result);
    return result;
  };
  try {
    const [width] = await read(256);
    const [height] = await read(257);
    const bits = await read(258, 16);
    const [photometric] = await read(262);
    const [samples] = await read(277);
    const [xRes] = await read(282);
    const [yRes] = await read(283);
    const [unit = 2] = await read(296);
    if (width !== undefined) info.width = width;
    if (height !== undefined) info.height = height;
    info.components = samples ?? 1;
    info.bitsPerSample = bits[0] ?? 1; // TIFF 6.0 §8: BitsPerSample defaults to 1.
    const mode = colourModeOf(photometric, info.bitsPerSample, info.components);
    if (mode) info.colourMode = mode;
    // ResolutionUnit 2 = inch (the default), 3 = centimetre, 1 = no absolute unit.
    const factor = unit === 3 ? 2.54 : unit === 2 ? 1 : undefined;
    if (factor !== undefined && xRes !== undefined && xRes > 0) info.xDpi = roundDpi(xRes * factor);
    if (factor !== undefined && yRes !== undefined && yRes > 0) info.yDpi = roundDpi(yRes * factor);
    const offsets = fields.has(324) ? await read(324) : await read(273);
    const counts = fields.has(325) ? await read(325) : await read(279);
    if (offsets.length === 0) return 'the first page has no strip or tile offsets';
    for (let i = 0; i < offsets.length; i++) {
      const end = (offsets[i] ?? 0) + (counts[i] ?? 0);
      if (end > reader.size) return `image data ends at byte ${end}, past the end of the ${reader.size}-byte file`;
    }
    return undefined;
  } catch (error) {
    if (error instanceof CorruptTiff) return error.message;
    throw error;
  }
}

class CorruptTiff extends Error {}

/** TIFF 6.0 §3–§6: PhotometricInterpretation 0/1 grey (1 bit: bilevel), 2 RGB, 3 palette, 5 CMYK, 6 YCbCr, 8 CIELab. */
function colourModeOf(photometric: number | undefined, bits: number, samples: number): ColourMode | undefined {
  if (photometric === 0 || photometric === 1 || photometric === 4) return bits === 1 && samples === 1 ? 'bilevel' : 'grayscale';
  if (photometric === 2 || photometric === 3 || photometric === 5 || photometric === 6 || photometric === 8) return 'colour';
  return undefined;
}
