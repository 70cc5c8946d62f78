import { encodingId } from '../eep/ids.js';
import { fixityAlgorithmNames } from '../fixity/fixityRecord.js';
import { serializeXml, xmlElement as el, type XmlNode, type XmlOutputEncoding } from '../../xml/xmlNode.js';
import type { Dat46ItemMetadata, MetadataFile } from './typedView.js';
import { encodingNode, recordEntityNode, type EncodingPosition } from './recordEntityNode.js';

/**
 * Writes the DA/T 46-2009 metadata XML of one item (root `文件实体`, the
 * element order of DA/T 48-2009 附录A), with 文件数据 describing each file by
 * 计算机文件名, 计算机文件大小 and, when given, a `<数字摘要 算法="SM3">`
 * in 电子属性. IDs follow the EEP pattern of layer 0 (`修改0-文档1-文档数据1-编码1`).
 *
 * @param metadata - The item's metadata.
 * @param encoding - Declared encoding (encode with {@link encodeXmlDocument}). Default UTF-8.
 * @returns The XML text.
 * @throws RangeError when a value holds a character XML 1.0 cannot carry.
 * @example
 * writeItemMetadataXml(metadata) // '<?xml version="1.0" encoding="UTF-8"?>\n<文件实体>\n  <聚合层次>文件</聚合层次>…'
 */
export function writeItemMetadataXml(metadata: Dat46ItemMetadata, encoding: XmlOutputEncoding = 'UTF-8'): string {
  return serializeXml(itemMetadataNode(metadata), encoding);
}

/**
 * Builds the `文件实体` element of {@link writeItemMetadataXml}, for callers that
 * embed it in a larger document.
 *
 * @param m - The item's metadata.
 * @returns The element.
 * @example
 * itemMetadataNode(metadata).name //=> '文件实体'
 */
export function itemMetadataNode(m: Dat46ItemMetadata): XmlNode {
  return recordEntityNode(m, 0, fileNode);
}

// 数字摘要 sits last in 电子属性 (固化信息, GB/T 18894-2016).
function fileNode(file: MetadataFile, at: EncodingPosition): XmlNode {
  const digest = file.digest === undefined ? undefined : el('数字摘要', file.digest.value, { 算法: fixityAlgorithmNames[file.digest.algorithm].name });
  return encodingNode(file, encodingId(at.layer, at.document, at.data, at.encoding), [digest]);
}
