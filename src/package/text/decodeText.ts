const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/** Encodings {@link decodeText} tells apart. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Decodes a small text file of a package (说明文件.TXT, a BagIt manifest): a
 * UTF-8 byte-order mark is stripped; valid UTF-8 is read as UTF-8; anything
 * else as GB18030, the superset of GBK/GB2312 (DA/T 93-2022 附录B allows
 * UTF-8 and GB18030). UTF-16 is recognised by its byte-order mark so the
 * caller can refuse it instead of reading mojibake.
 *
 * @param bytes - The file's bytes.
 * @returns The text (empty for UTF-16) and the encoding found.
 * @example
 * decodeText(new Uint8Array([0xd2, 0xc6, 0xbd, 0xbb])) //=> { text: '移交', encoding: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: '', encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: '', encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), encoding: 'utf-8' };
  } catch {
    return { text: gb18030.decode(body), encoding: 'gb18030' };
  }
}
