/**
 * The local part of a qualified XML name (Namespaces in XML 1.0 §4): what
 * follows the prefix's colon, or the whole name without one.
 *
 * @param name - A name as written, e.g. `eep:文件实体`.
 * @returns The local name.
 * @example
 * localName('eep:文件实体') //=> '文件实体'
 */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
