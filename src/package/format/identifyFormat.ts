import type { ContentFormatId } from './formats.js';

const ascii = (bytes: Uint8Array, start: number, text: string) =>
  text.split('').every((c, i) => bytes[start + i] === c.charCodeAt(0));

const latin1 = new TextDecoder('latin1');

/**
 * Identifies a content format from the first bytes of a file (64 KiB are
 * enough for every signature here). Zip containers are told apart by the
 * member names in their local headers: `OFD.xml` (GB/T 33190-2016),
 * `word/`, `xl/`, `ppt/` (ISO/IEC 29500-2).
 *
 * @param head - The first bytes of the file.
 * @returns The format, or `undefined` when none of the signatures matches.
 * @example
 * identifyFormat(new TextEncoder().encode('%PDF-1.7\n')) //=> 'pdf'
 */
export function identifyFormat(head: Uint8Array): ContentFormatId | undefined {
  const b = head;
  if (ascii(b, 0, '%PDF-')) return 'pdf';
  if (b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n')) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, 'II*\0') || ascii(b, 0, 'MM\0*')) return 'tiff';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return 'wav';
  if (ascii(b, 4, 'ftyp')) return 'mp4';
  if (ascii(b, 0, 'ID3') || (b[0] === 0xff && b[1] !== undefined && (b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0)) return 'mp3';
  if (ascii(b, 0, 'PK\x03\x04')) return zipKind(b);
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'ole2';
  if (ascii(b, 0, 'MZ')) return 'pe';
  if (b[0] === 0x7f && ascii(b, 1, 'ELF')) return 'elf';
  if (isMachO(b)) return 'mach-o';
  if (ascii(b, 0, '#!')) return 'script';
  if (isXml(b)) return 'xml';
  return undefined;
}

function zipKind(head: Uint8Array): ContentFormatId {
  const names = latin1.decode(head);
  if (names.includes('OFD.xml')) return 'ofd';
  if (names.includes('word/')) return 'docx';
  if (names.includes('xl/')) return 'xlsx';
  if (names.includes('ppt/')) return 'pptx';
  return 'zip';
}

function isMachO(b: Uint8Array): boolean {
  const magic = ((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0);
  return [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic >>> 0);
}

function isXml(b: Uint8Array): boolean {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d) i++;
  return ascii(b, i, '<?xml') || (b[i] === 0x3c && b[i + 1] !== undefined && /[A-Za-z\u0080-\u00ff!]/.test(String.fromCharCode(b[i + 1]!)));
}
