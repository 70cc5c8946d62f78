import { serializeXml, xmlElement, type XmlOutputEncoding } from '../../xml/xmlNode.js';
import type { TransferSummary } from './transferSummary.js';
import { TRANSFER_LIST_ENTRY, TRANSFER_LIST_ROOT } from './vocabulary.js';

/**
 * Writes `其他/电子档案移交清单.XML` (DA/T 93-2022 附录B 其他/电子档案移交清单),
 * in dangan's form (the standard fixes none; *inferred*): 移交单位, 起止档号,
 * 档案数量, 文件数量 and 总字节数, then one `<档案>` per item with 顺序号, 档号,
 * 题名, 文件数 and 字节数. The validator compares it with the package
 * (check `package.transfer-list`).
 *
 * @param summary - The transfer.
 * @param encoding - Declared encoding; the caller encodes the text to match. Default UTF-8.
 * @returns The XML text.
 * @throws RangeError when a value holds a character XML 1.0 cannot carry.
 * @example
 * writeTransferList({ transferringUnit: '某局', contentDescription: '2011年文书档案', codeRange: 'A-0001', items: [{ archivalCode: 'A-0001', title: '通知', files: 1, bytes: 3 }], files: 1, bytes: 3 })
 */
export function writeTransferList(summary: TransferSummary, encoding: XmlOutputEncoding = 'UTF-8'): string {
  const items = summary.items.map((item, index) =>
    xmlElement(TRANSFER_LIST_ENTRY, [
      xmlElement('顺序号', String(index + 1)),
      xmlElement('档号', item.archivalCode),
      xmlElement('题名', item.title),
      xmlElement('文件数', String(item.files)),
      xmlElement('字节数', String(item.bytes)),
    ]),
  );
  return serializeXml(
    xmlElement(TRANSFER_LIST_ROOT, [
      xmlElement('移交单位', summary.transferringUnit),
      xmlElement('起止档号', summary.codeRange),
      xmlElement('档案数量', String(summary.items.length)),
      xmlElement('文件数量', String(summary.files)),
      xmlElement('总字节数', String(summary.bytes)),
      ...items,
    ]),
    encoding,
  );
}
