import {
  EEP_FORMAT_DESCRIPTION,
  EEP_NAMESPACE,
  EEP_PACKAGE_TYPE_DESCRIPTIONS,
  EEP_VERSION,
  type EepPackageType,
} from '../../formats/eep/constants.js';
import type { EepNode } from '../../formats/eep/eepTree.js';
import { child } from '../../formats/eep/eepTree.js';
import type { EepContext } from './context.js';

const ROOT = '电子文件封装包';

/**
 * Checks the document element (standards-electronic.md §2.6 rule 1): its
 * name (`eep.root.invalid`), the saac namespace on every element
 * (`eep.namespace.invalid`), 版本 = `@eep版本` = 2009
 * (`eep.version.mismatch`) and the fixed 封装包格式描述 (a warning).
 *
 * @param ctx - The validation context.
 * @param root - The document element.
 * @returns False when the root is not an EEP at all and validation should stop.
 * @example
 * if (checkRoot(ctx, tree.root)) checkStructure(ctx, tree.root);
 */
export function checkRoot(ctx: EepContext, root: EepNode): boolean {
  if (root.name !== ROOT) {
    ctx.add('eep.root.invalid', root, { params: { element: root.name }, expected: ROOT, received: root.name });
    return false;
  }
  checkNamespaces(ctx, root);
  const description = child(root, '封装包格式描述');
  if (description && description.text.trim() !== EEP_FORMAT_DESCRIPTION) {
    ctx.add('eep.format-description.mismatch', description, { expected: EEP_FORMAT_DESCRIPTION, received: description.text.trim() });
  }
  // @eep版本 is checked on every 被签名对象 by checkSignedObject; here 版本 itself.
  const version = child(root, '版本');
  if (version && version.text.trim() !== EEP_VERSION) {
    const attribute = child(root, '被签名对象')?.attributes['eep版本']?.trim() ?? '';
    ctx.add('eep.version.mismatch', version, {
      params: { version: version.text.trim(), attribute },
      expected: EEP_VERSION,
      received: version.text.trim(),
    });
  }
  return true;
}

// Report one namespace issue per element whose namespace differs (usually only the root).
function checkNamespaces(ctx: EepContext, node: EepNode, parentNamespace?: string): void {
  if (node.namespace !== EEP_NAMESPACE && node.namespace !== parentNamespace) {
    ctx.add('eep.namespace.invalid', node, {
      params: { element: node.name, expected: EEP_NAMESPACE, received: node.namespace ?? '(none)' },
      expected: EEP_NAMESPACE,
      received: node.namespace ?? null,
    });
  }
  for (const c of node.children) checkNamespaces(ctx, c, node.namespace);
}

/**
 * Checks one 被签名对象 (standards-electronic.md §2.6 rules 1–3): `@eep版本`
 * is 2009, 封装包类型描述 matches 封装包类型, and 原始型 holds 封装内容 while
 * 修改型 holds 修改封装内容 with a nested 原封装包.
 *
 * @param ctx - The validation context.
 * @param signedObject - A 被签名对象.
 * @returns The nested 原封装包 of a 修改型 layer, for the caller to recurse into.
 * @example
 * const original = checkSignedObject(ctx, child(root, '被签名对象')!);
 */
export function checkSignedObject(ctx: EepContext, signedObject: EepNode): EepNode | undefined {
  const attribute = signedObject.attributes['eep版本']?.trim();
  if (attribute !== EEP_VERSION) {
    ctx.add('eep.version.mismatch', signedObject, {
      params: { version: EEP_VERSION, attribute: attribute ?? '' },
      expected: EEP_VERSION,
      received: attribute ?? null,
    });
  }
  const type = child(signedObject, '封装包类型')?.text.trim();
  if (type !== '原始型' && type !== '修改型') return undefined; // the value-domain check reports it
  const description = child(signedObject, '封装包类型描述');
  if (description && description.text.trim() !== EEP_PACKAGE_TYPE_DESCRIPTIONS[type]) {
    ctx.add('eep.package-type.description-mismatch', description, {
      params: { type },
      expected: EEP_PACKAGE_TYPE_DESCRIPTIONS[type],
      received: description.text.trim(),
    });
  }
  const expected = CONTENT_OF[type];
  const other = CONTENT_OF[type === '原始型' ? '修改型' : '原始型'];
  if (!child(signedObject, expected) || child(signedObject, other)) {
    ctx.add('eep.package-type.content-mismatch', signedObject, { params: { type, expected }, expected, received: signedObject.children.map((c) => c.name) });
  }
  return type === '修改型' ? child(child(signedObject, '修改封装内容') ?? signedObject, '原封装包') : undefined;
}

// DA/T 48-2009 附录A: the choice under 被签名对象 follows 封装包类型.
const CONTENT_OF: Readonly<Record<EepPackageType, string>> = { 原始型: '封装内容', 修改型: '修改封装内容' };
