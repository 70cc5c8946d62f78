import { serializeXml, xmlElement as el, type XmlNode, type XmlOutputEncoding } from '../../xml/xmlNode.js';
import {
  EEP_FORMAT_DESCRIPTION,
  EEP_NAMESPACE,
  EEP_PACKAGE_TYPE_DESCRIPTIONS,
  EEP_VERSION,
  type EepPackageType,
} from './constants.js';
import { contentNodes } from './contentNodes.js';
import type { EepItem } from './model.js';

/**
 * Writes a 原始型 EEP (DA/T 48-2009) for one record: the fixed 封装包格式描述,
 * 版本 2009 equal to `@eep版本`, the 原始型 description, the DA/T 46
 * 文件实体 with every file Base64-encoded beside its 计算机文件大小 and
 * 反编码关键字 `base64-<ext>`, and IDs in the standard's pattern
 * (`修改0-文档1-文档数据1-编码1`). To sign it, pass the bytes to `signEep`.
 *
 * @param item - 封装包创建时间, 封装包创建单位 and the content.
 * @returns The package as UTF-8 XML bytes.
 * @throws RangeError when a text holds a character XML 1.0 cannot carry (a
 *   C0 control, a lone surrogate); check texts first to report it.
 * @example
 * const bytes = writeEep({ createdAt: '2024-03-01T09:30:00', creator: '某单位', content });
 * (await validateEep(bytes)).valid //=> true
 */
export function writeEep(item: EepItem): Uint8Array {
  const signedObject = signedObjectNode('原始型', item.createdAt, item.creator, el('封装内容', contentNodes(item.content, 0)));
  return new TextEncoder().encode(serializeEepDocument(signedObject));
}

/**
 * Builds `被签名对象` with its four header elements and the given content.
 *
 * @param type - 封装包类型.
 * @param createdAt - 封装包创建时间.
 * @param creator - 封装包创建单位.
 * @param content - `封装内容` or `修改封装内容`.
 * @returns The element.
 * @example
 * signedObjectNode('原始型', '2024-03-01T09:30:00', '某单位', el('封装内容', []))
 */
export function signedObjectNode(type: EepPackageType, createdAt: string, creator: string, content: XmlNode): XmlNode {
  return el(
    '被签名对象',
    [
      el('封装包类型', type),
      el('封装包类型描述', EEP_PACKAGE_TYPE_DESCRIPTIONS[type]),
      el('封装包创建时间', createdAt),
      el('封装包创建单位', creator),
      content,
    ],
    { eep版本: EEP_VERSION },
  );
}

/**
 * Serializes the root `电子文件封装包` around a 被签名对象 (DA/T 48-2009 附录A).
 *
 * @param signedObject - The 被签名对象 element.
 * @param encoding - Encoding to declare (the caller encodes the text to match).
 * @returns The document text.
 * @throws RangeError as {@link writeEep}.
 * @example
 * serializeEepDocument(signedObjectNode('原始型', t, unit, content))
 */
export function serializeEepDocument(signedObject: XmlNode, encoding: XmlOutputEncoding = 'UTF-8'): string {
  const root = el(
    '电子文件封装包',
    [el('封装包格式描述', EEP_FORMAT_DESCRIPTION), el('版本', EEP_VERSION), signedObject],
    { xmlns: EEP_NAMESPACE },
  );
  return serializeXml(root, encoding);
}
