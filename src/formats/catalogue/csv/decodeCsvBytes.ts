const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/** Text encodings the CSV reader recognises. */
export type CsvEncoding = 'utf-8' | 'gb18030';

/**
 * Decodes the bytes of a CSV file. A UTF-8 byte-order mark (the one Excel
 * writes and {@link writeCatalogueCsv} writes) is stripped; bytes that are
 * valid UTF-8 are read as UTF-8; anything else is read as GB18030, the
 * superset of GBK and GB2312 that Excel on Chinese Windows saves as "CSV".
 *
 * @param bytes - The file's bytes.
 * @returns The text, without BOM, and the encoding used.
 * @example
 * decodeCsvBytes(new Uint8Array([0xd0, 0xf2, 0xba, 0xc5])) //=> { text: '序号', encoding: 'gb18030' }
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: gb18030.decode(bytes), encoding: 'gb18030' };
  }
}
