import { unzipSync } from 'fflate';
import type { ByteReader, ImageInfo } from './imageInfo.js';

/** Largest OFD read whole to count its pages (the page list is inside the zip). */
const MAX_OFD_BYTES = 256 * 1024 * 1024;

/**
 * Reads an OFD (GB/T 33190-2016) container's page count: the zip's
 * `OFD.xml` names each document's root (`DocRoot`), whose `Pages` list one
 * `Page` per page. Only those XML members are inflated; page images are not
 * read, so no resolution or colour mode is given. A zip that cannot be read
 * or lacks the document root is reported `corrupt`.
 *
 * @param reader - The file's bytes.
 * @returns Format, page count, or why it is corrupt.
 * @example
 * await readOfdInfo(readerOver(bytes)) //=> { format: 'ofd', pages: 3 }
 */
export async function readOfdInfo(reader: ByteReader): Promise<ImageInfo> {
  if (reader.size > MAX_OFD_BYTES) return { format: 'ofd' };
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(await reader.read(0, reader.size), { filter: (file) => /(^|\/)(OFD|Document)\.xml$/i.test(file.name) && file.originalSize <= 16 * 1024 * 1024 });
  } catch (error) {
    return { format: 'ofd', corrupt: `the zip container cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const text = (name: string) => new TextDecoder().decode(members[name]);
  const entry = Object.keys(members).find((name) => /^OFD\.xml$/i.test(name));
  if (!entry) return { format: 'ofd', corrupt: 'no OFD.xml' };
  const root = /<(?:\w+:)?DocRoot>\s*\/?([^<\s]+)\s*<\//.exec(text(entry))?.[1];
  const document = root === undefined ? undefined : Object.keys(members).find((name) => name.toLowerCase() === root.toLowerCase());
  if (!document) return { format: 'ofd', corrupt: `document root ${root ?? '(none)'} not found` };
  const pages = text(document).match(/<(?:\w+:)?Page\b[^>]*\bBaseLoc=/g)?.length ?? 0;
  return pages > 0 ? { format: 'ofd', pages } : { format: 'ofd', corrupt: 'the document lists no pages' };
}
