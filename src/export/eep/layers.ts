import { child, type EepNode } from './eepTree.js';

/**
 * The modification layer of a package: 0 for 原始型, and one more for each
 * 原封装包 nested under 被签名对象/修改封装内容 (DA/T 48-2009 附录A).
 *
 * @param signedObject - A 被签名对象 element.
 * @returns The layer number.
 * @example
 * packageLayer(child(root, '被签名对象')!) //=> 0
 */
export function packageLayer(signedObject: EepNode): number {
  const nested = child(child(child(signedObject, '修改封装内容') ?? signedObject, '原封装包') ?? signedObject, '被签名对象');
  return nested ? 1 + packageLayer(nested) : 0;
}

/**
 * The exact text of an element as it appears in the document, from `<` to
 * the end of its end tag: what DA/T 48-2009 signs for 被签名对象 (and, for
 * 锁定签名, for the locked 电子签名). The standard names no canonicalization;
 * implementations sign the serialized element as-is (*inferred*,
 * standards-electronic.md §2.2).
 *
 * @param text - The decoded document.
 * @param node - An element of it.
 * @returns The element's UTF-8 bytes.
 * @example
 * signedBytes(tree.text, child(tree.root, '被签名对象')!)
 */
export function signedBytes(text: string, node: EepNode): Uint8Array {
  return new TextEncoder().encode(text.slice(node.start, node.end));
}
