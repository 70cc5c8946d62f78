import type { Issue, Locale } from '../../report/issue.js';
import { xmlElement as el } from '../../xml/xmlNode.js';
import { contentNodes } from './contentNodes.js';
import { child } from './eepTree.js';
import { modificationId } from './ids.js';
import { encodeEepText, packageLayer, readSignedObject } from './layers.js';
import type { EepItem } from './model.js';
import { serializeEepDocument, signedObjectNode } from './writeEep.js';

/** Result of {@link wrapEep}. */
export type WrapEepResult = { ok: true; bytes: Uint8Array } | { ok: false; issues: Issue[] };

const PLACEHOLDER = 'dangan-original-package';

/**
 * Writes a 修改型 EEP (DA/T 48-2009 附录A 修改封装内容) around an existing
 * package: 修改标识符 `修改<n>`, 原封装包 holding the original 被签名对象 and
 * 电子签名块 byte for byte (so their signatures still verify), and 修订内容
 * with the changed record, activities and agents, whose IDs use `修改<n>-…`.
 * The original's 锁定签名 has no place in 原封装包 and is dropped.
 *
 * @param original - The package to wrap (原始型 or 修改型), using the default namespace.
 * @param revision - 封装包创建时间, 封装包创建单位 and the revised content.
 * @param options - `locale` for issues.
 * @returns The 修改型 package in the original's encoding (so the original's
 *   bytes, and its signatures, stay the same; unsigned: sign it with `signEep`), or issues
 *   when the original cannot be read.
 * @throws RangeError when a revision text holds a character XML 1.0 cannot carry.
 * @example
 * const r = wrapEep(writeEep(item), { ...item, createdAt: '2024-05-01T08:00:00' });
 * r.ok && (await validateEep(r.bytes)).valid //=> true
 */
export function wrapEep(original: Uint8Array, revision: EepItem, options: { locale?: Locale } = {}): WrapEepResult {
  const read = readSignedObject(original, options);
  if (!read.ok) return read;
  const { tree: { text, root, encoding }, signedObject } = read;
  const layer = packageLayer(signedObject) + 1;
  const signatureBlock = child(root, '电子签名块');
  const originalText = [signedObject, signatureBlock]
    .flatMap((node) => (node ? [text.slice(node.start, node.end)] : []))
    .join('\n');
  const content = el('修改封装内容', [
    el('修改标识符', modificationId(layer)),
    el('原封装包', PLACEHOLDER),
    el('修订内容', contentNodes(revision.content, layer)),
  ]);
  const xml = serializeEepDocument(signedObjectNode('修改型', revision.createdAt, revision.creator, content), encoding).replace(
    `<原封装包>${PLACEHOLDER}</原封装包>`,
    () => `<原封装包>${originalText}</原封装包>`,
  );
  return { ok: true, bytes: encodeEepText(xml, encoding) };
}
