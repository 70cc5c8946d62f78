/**
 * Decodes a path as written in a manifest or fetch.txt. RFC 8493 §2.1.3
 * percent-encodes CR, LF and `%` (and only those); earlier versions had no
 * such rule, and bagit-python decodes only `%0D`/`%0A` for them. Every other
 * `%xx` stays as written: `data/%7Etest1.txt` names a file called
 * `%7Etest1.txt` (conformance suite bag-with-encoded-names).
 *
 * @param written - The path as written.
 * @param rfc8493 - True for BagIt 1.0 and later (`%25` is decoded too).
 * @returns The file path.
 * @example
 * decodeBagPath('data/a%0Ab%25.txt', true) //=> 'data/a\nb%.txt'
 * decodeBagPath('data/%25.txt', false) //=> 'data/%25.txt'
 */
export function decodeBagPath(written: string, rfc8493: boolean): string {
  const pattern = rfc8493 ? /%(0[AaDd]|25)/g : /%(0[AaDd])/g;
  return written.replace(pattern, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Encodes a file path for a BagIt 1.0 manifest or fetch.txt: `%`, CR and LF
 * become `%25`, `%0D` and `%0A` (RFC 8493 §2.1.3). The inverse of
 * {@link decodeBagPath} with `rfc8493 = true`.
 *
 * @param path - The file path.
 * @returns The path as it is written.
 * @example
 * encodeBagPath('data/100%.txt') //=> 'data/100%25.txt'
 */
export function encodeBagPath(path: string): string {
  return path.replace(/[%\r\n]/g, (c) => (c === '%' ? '%25' : c === '\r' ? '%0D' : '%0A'));
}
