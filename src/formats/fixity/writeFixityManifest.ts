import { FIXITY_FILE_ROOT as FIXITY_ROOT } from './vocabulary.js';
import { serializeXml, xmlElement, type XmlOutputEncoding } from '../../xml/xmlNode.js';
import { fixityAlgorithmNames, type FixityRecord } from './fixityRecord.js';


/**
 * Writes `其他/固化验证信息.XML` (DA/T 93-2022 附录B): one `<文件>` per content
 * file with 路径, 算法, 数字摘要 and 字节数, in the order given.
 *
 * @param records - One record per content file.
 * @param encoding - Declared encoding; the caller encodes the text to match. Default UTF-8.
 * @returns The XML text.
 * @throws RangeError when a path holds a character XML 1.0 cannot carry.
 * @example
 * writeFixityManifest([{ path: 'Z109/WS/Z109-WS·2011-Y-BGS-0001/1.pdf', algorithm: 'sm3', digest: 'ab…', bytes: 3 }])
 */
export function writeFixityManifest(records: readonly FixityRecord[], encoding: XmlOutputEncoding = 'UTF-8'): string {
  const files = records.map((r) =>
    xmlElement('文件', [
      xmlElement('路径', r.path),
      xmlElement('算法', fixityAlgorithmNames[r.algorithm].name),
      xmlElement('数字摘要', r.digest),
      xmlElement('字节数', String(r.bytes)),
    ]),
  );
  return serializeXml(xmlElement(FIXITY_ROOT, files), encoding);
}
