/**
 * 反编码关键字 for a file name: `base64-` plus its extension, lower-cased
 * (DA/T 48-2009 附录A; practice `base64-pdf`, standards-electronic.md §2.4).
 * A name without an extension gives plain `base64`.
 *
 * @param fileName - 计算机文件名.
 * @returns The key, e.g. `base64-pdf`.
 * @example
 * decodingKey('通知.PDF') //=> 'base64-pdf'
 * decodingKey('README') //=> 'base64'
 */
export function decodingKey(fileName: string): string {
  const extension = fileExtension(fileName);
  return extension === '' ? 'base64' : `base64-${extension}`;
}

/**
 * The lower-cased extension of a file name, without the dot.
 *
 * @param fileName - A file name.
 * @returns The extension, or `''` when there is none.
 * @example
 * fileExtension('a.b.OFD') //=> 'ofd'
 */
export function fileExtension(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 || dot === base.length - 1 ? '' : base.slice(dot + 1).toLowerCase();
}
