import { serializeXml, xmlElement, type XmlOutputEncoding } from '../../xml/xmlNode.js';
import type { TransferSummary } from './transferSummary.js';
import { TRANSFER_REGISTER_ROOT } from './vocabulary.js';

const CHECKS = ['准确性检验', '完整性检验', '可用性检验', '安全性检验', '载体外观检验'] as const;
const signOff = (unit: string) => [xmlElement('单位名称', unit), xmlElement('填表人'), xmlElement('审核人'), xmlElement('日期')];

/**
 * Writes the 电子档案移交与接收登记表 as XML (DA/T 93-2022 附录B 其他/; fields of
 * the 2012 办法's form, standards-electronic §4.4): the transferring side's
 * values filled in — 交接工作名称, 内容描述, 移交电子档案数量, 移交数据量 (GB, 3
 * decimals) — and everything a person fills in or signs left empty: the
 * 检验内容 results, the 数字摘要 of the carrier or package (known only once
 * it is written, with its algorithm named), 填表人, 审核人, 日期 and the whole
 * 接收单位 column. It is a draft of the form to print, sign and stamp.
 *
 * @param summary - The transfer.
 * @param options - Carrier type (`在线` for an online transfer, default empty), digest algorithm name, encoding.
 * @returns The XML text.
 * @throws RangeError when a value holds a character XML 1.0 cannot carry.
 * @example
 * writeTransferRegister(summary, { algorithm: 'SM3' })
 */
export function writeTransferRegister(
  summary: TransferSummary,
  options: { carrier?: string; algorithm: string; encoding?: XmlOutputEncoding },
): string {
  const gigabytes = (summary.bytes / 1024 ** 3).toFixed(3);
  return serializeXml(
    xmlElement(TRANSFER_REGISTER_ROOT, [
      xmlElement('交接工作名称', `${summary.transferringUnit} ${summary.codeRange}`.trim()),
      xmlElement('内容描述', summary.contentDescription),
      xmlElement('移交电子档案数量', `${summary.items.length}件，文件${summary.files}个`),
      xmlElement('移交数据量', `${gigabytes} GB`),
      xmlElement('载体起止顺序号'),
      xmlElement('移交载体类型规格', options.carrier ?? ''),
      xmlElement('检验内容', CHECKS.map((name) => xmlElement(name))),
      xmlElement('数字摘要', '', { 算法: options.algorithm }),
      xmlElement('移交单位', signOff(summary.transferringUnit)),
      xmlElement('接收单位', signOff('')),
    ]),
    options.encoding ?? 'UTF-8',
  );
}
