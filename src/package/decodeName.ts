const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * Decodes a file name stored as raw bytes: UTF-8 when the bytes are valid
 * UTF-8, otherwise GB18030 (the superset of GBK/GB2312 that Chinese Windows
 * systems and old discs write). The result is NFC-normalised. The one decoder of
 * stored names: directory and zip sources of `dangan/node` and the zip source of
 * `dangan/browser` use it alike.
 *
 * @param raw - The name's bytes as the file system or zip stored them.
 * @returns The decoded name and the encoding used.
 * @example
 * decodeName(new Uint8Array([0xd6, 0xd0])) //=> { name: '中', encoding: 'gb18030' }
 */
export function decodeName(raw: Uint8Array): { name: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { name: utf8.decode(raw).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    return { name: gb18030.decode(raw).normalize('NFC'), encoding: 'gb18030' };
  }
}
