const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * Decodes a zip member's name stored without the UTF-8 flag: UTF-8 when the
 * bytes are valid UTF-8, otherwise GB18030 (the superset of GBK that Chinese
 * Windows writes), NFC-normalised — as `dangan/node` decodes it.
 *
 * @param raw - The name's bytes.
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
