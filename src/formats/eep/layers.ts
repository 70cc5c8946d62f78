
import type { Issue, Locale } from '../../report/issue.js';
import { encodeGb18030 } from '../../xml/gb18030.js';
import { child, parseEepTree, type EepEncodingName, type EepNode, type EepTree } from './eepTree.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { eepIssues } from '../../report/messages/eep.js';

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
 * Encodes document text in an EEP encoding.
 *
 * @param text - Text decoded from (or written for) the document.
 * @param encoding - `UTF-8` or `GB18030`.
 * @returns The bytes.
 * @example
 * encodeEepText('档', 'GB18030') //=> Uint8Array [0xB5, 0xB5]
 */
export function encodeEepText(text: string, encoding: EepEncodingName): Uint8Array {
  return encoding === 'UTF-8' ? new TextEncoder().encode(text) : encodeGb18030(text);
}

/**
 * The bytes of an element exactly as it appears in the document, from `<` to
 * the end of its end tag, in the document's encoding: what DA/T 48-2009 signs
 * for 被签名对象 (and, for 锁定签名, for the locked 电子签名). The standard
 * names no canonicalization; implementations sign the serialized element
 * as-is (*inferred*, standards-electronic.md §2.2).
 *
 * @param text - The decoded document.
 * @param node - An element of it.
 * @param encoding - The document's encoding.
 * @returns The element's bytes.
 * @example
 * signedBytes(tree.text, child(tree.root, '被签名对象')!, tree.encoding)
 */
export function signedBytes(text: string, node: EepNode, encoding: EepEncodingName): Uint8Array {
  return encodeEepText(text.slice(node.start, node.end), encoding);
}

/** Result of {@link readSignedObject}. */
export type SignedObjectResult = { ok: true; tree: EepTree; signedObject: EepNode } | { ok: false; issues: Issue[] };

/**
 * Parses a package for rewriting (signing, wrapping) and finds its top
 * 被签名对象; without one, `eep.sign.unsigned-object`.
 *
 * @param bytes - The `.eep` file.
 * @param options - `locale` for issues.
 * @returns The tree and its 被签名对象, or the issues.
 * @example
 * const r = readSignedObject(writeEep(item)); r.ok && r.signedObject.name //=> '被签名对象'
 */
export function readSignedObject(bytes: Uint8Array, options: { locale?: Locale } = {}): SignedObjectResult {
  const parsed = parseEepTree(bytes, options);
  if (!parsed.ok) return parsed;
  const { root } = parsed.tree;
  const signedObject = child(root, '被签名对象');
  if (!signedObject) return { ok: false, issues: [createIssueFrom(eepIssues, 'eep.sign.unsigned-object', { locale: options.locale, location: root.location })] };
  return { ok: true, tree: parsed.tree, signedObject };
}
