/** A tag-file character encoding dangan can decode. */
export interface TagEncoding {
  /** The label as declared in bagit.txt. */
  readonly declared: string;
  /** True for UTF-8 (the recommended encoding). */
  readonly utf8: boolean;
  /** Decodes bytes; returns undefined when they are not valid in the encoding. */
  decode(bytes: Uint8Array): string | undefined;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * True when the bytes start with the UTF-8 byte-order mark EF BB BF.
 *
 * @param bytes - File content.
 * @returns Whether a UTF-8 BOM is present.
 * @example
 * hasUtf8Bom(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])) //=> true
 */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

function fatal(label: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the BOM is handled by the callers, so it is kept in the text only when it was not expected.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** ISO-8859-1 maps every byte to the code point of the same value (TextDecoder would use windows-1252). */
function decodeLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x2000) text += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return text;
}

/** UTF-16 without an explicit byte order: the BOM decides, big-endian without one (RFC 2781 §4.3). */
function decodeUtf16(bytes: Uint8Array, order?: 'be' | 'le'): string | undefined {
  let start = 0;
  let endian = order ?? 'be';
  if (bytes[0] === 0xfe && bytes[1] === 0xff && order !== 'le') [start, endian] = [2, 'be'];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe && order !== 'be') [start, endian] = [2, 'le'];
  return fatal(`utf-16${endian}`, bytes.subarray(start));
}

/**
 * Resolves the `Tag-File-Character-Encoding` of bagit.txt (RFC 8493 §2.1.1)
 * to a decoder. UTF-8, ISO-8859-1, UTF-16 (BOM-sniffed), UTF-16BE/LE and
 * every other label the runtime's TextDecoder knows (e.g. GB18030, GBK) work.
 *
 * @param declared - The declared encoding label.
 * @returns The decoder, or undefined when the label is unknown.
 * @example
 * resolveBagTagEncoding('UTF-16')?.decode(new Uint8Array([0xfe, 0xff, 0, 0x41])) //=> 'A'
 */
export function resolveBagTagEncoding(declared: string): TagEncoding | undefined {
  const label = declared.trim().toLowerCase();
  const make = (utf8: boolean, decode: (bytes: Uint8Array) => string | undefined): TagEncoding => ({ declared, utf8, decode });
  if (label === 'utf-8' || label === 'utf8') {
    return make(true, (b) => fatal('utf-8', hasUtf8Bom(b) ? b.subarray(3) : b));
  }
  if (['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'latin-1', 'l1'].includes(label)) return make(false, decodeLatin1);
  if (label === 'utf-16') return make(false, (b) => decodeUtf16(b));
  if (label === 'utf-16be') return make(false, (b) => decodeUtf16(b, 'be'));
  if (label === 'utf-16le') return make(false, (b) => decodeUtf16(b, 'le'));
  try {
    new TextDecoder(label);
  } catch {
    return undefined;
  }
  return make(false, (b) => fatal(label, b));
}

/** One line of a text tag file, with its 1-based number. */
export interface TextLine {
  readonly text: string;
  readonly line: number;
}

/**
 * Splits a tag file into lines at CRLF, LF or CR (RFC 8493 §2.1.3, §2.2.2
 * allow all three). A final line break does not start an empty line.
 *
 * @param text - Decoded file content.
 * @returns The lines with their numbers.
 * @example
 * splitLines('a\r\nb\n').map((l) => l.text) //=> ['a', 'b']
 */
export function splitLines(text: string): TextLine[] {
  if (text === '') return [];
  const parts = text.split(/\r\n|\r|\n/);
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ text: t, line: i + 1 }));
}
