import { VERSION } from '../../version.js';
import { serializeXml, xmlElement, type XmlOutputEncoding } from '../../xml/xmlNode.js';
import type { TransferSummary } from './transferSummary.js';
import { PROCESS_METADATA_ROOT } from './vocabulary.js';

/**
 * Writes `其他/移交接收过程元数据.XML` (DA/T 93-2022 附录B 其他/): one `<过程>` for
 * the making of the package — 行为 组织移交信息包, 行为时间 (ISO 8601), 行为者
 * (the 移交单位), 依据, 软件 (dangan and its version) and 结果 (items, files,
 * bytes, digest algorithm). The element set is dangan's (*inferred*); the
 * receiving side adds its own 过程 for 接收.
 *
 * @param summary - The transfer.
 * @param options - When the package was made, the digest algorithm name, encoding.
 * @returns The XML text.
 * @throws RangeError when a value holds a character XML 1.0 cannot carry.
 * @example
 * writeProcessMetadata(summary, { time: new Date('2024-06-01T08:00:00Z'), algorithm: 'SM3' })
 */
export function writeProcessMetadata(summary: TransferSummary, options: { time: Date; algorithm: string; encoding?: XmlOutputEncoding }): string {
  return serializeXml(
    xmlElement(PROCESS_METADATA_ROOT, [
      xmlElement('过程', [
        xmlElement('行为', '组织移交信息包'),
        xmlElement('行为时间', options.time.toISOString()),
        xmlElement('行为者', summary.transferringUnit),
        xmlElement('依据', 'DA/T 93-2022 附录B'),
        xmlElement('软件', `dangan ${VERSION}`),
        xmlElement('结果', `档案${summary.items.length}件，文件${summary.files}个，共${summary.bytes}字节；数字摘要算法 ${options.algorithm}`),
      ]),
    ]),
    options.encoding ?? 'UTF-8',
  );
}
