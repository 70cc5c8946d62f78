import { decodeBase64 } from '../../formats/eep/base64.js';
import { decodingKey } from '../../formats/eep/decodingKey.js';
import type { EepNode } from '../../formats/eep/eepTree.js';
import { child } from '../../formats/eep/eepTree.js';
import { encodingComputerFile } from '../../formats/itemMetadata/readItemMetadata.js';
import type { EepContext } from './context.js';
import { isValidValue } from './valueRules.js';

/** What {@link checkContent} found: embedded files and their decoded bytes. */
export interface EepContentSummary {
  files: number;
  bytes: number;
}

/**
 * Checks every 编码 (standards-electronic.md §2.6 rule 4; DA/T 70-2018
 * GD-1-10 电子属性一致性): 编码数据 is Base64 (`eep.content.base64-invalid`),
 * it decodes to exactly 计算机文件大小 bytes (`eep.content.size-mismatch`),
 * and 反编码关键字 is `base64-<ext>` of 计算机文件名
 * (`eep.content.decoding-key-mismatch`). An empty 编码数据 with
 * `@引用编码数据ID` is measured by the data it refers to.
 *
 * @param ctx - The validation context.
 * @param root - The document element.
 * @param ids - Elements by xs:ID, from `checkIdentifiers`.
 * @returns Count of embedded files and their decoded bytes.
 * @example
 * checkContent(ctx, tree.root, ids).files //=> 1
 */
export function checkContent(ctx: EepContext, root: EepNode, ids: ReadonlyMap<string, EepNode>): EepContentSummary {
  const summary: EepContentSummary = { files: 0, bytes: 0 };
  const visit = (node: EepNode): void => {
    if (node.name === '编码') checkEncoding(ctx, node, ids, summary);
    else for (const c of node.children) visit(c);
  };
  visit(root);
  return summary;
}

function checkEncoding(ctx: EepContext, encoding: EepNode, ids: ReadonlyMap<string, EepNode>, summary: EepContentSummary): void {
  summary.files += 1;
  const attributes = encodingComputerFile(encoding);
  const fileName = attributes?.fileName ?? '';
  let data = child(encoding, '编码数据');
  const ref = data?.attributes['引用编码数据ID'];
  if (data && data.text.trim() === '' && ref !== undefined) data = ids.get(ref.trim());
  if (data) {
    const decoded = decodeBase64(data.text);
    if (!decoded.ok) {
      ctx.add('eep.content.base64-invalid', data, {
        params: { file: fileName, offset: decoded.index + 1 },
        received: data.text.slice(decoded.index, decoded.index + 16),
      });
    } else {
      summary.bytes += decoded.bytes.length;
      const declared = attributes?.fileSize ?? '';
      if (isValidValue('nonNegativeInteger', declared) && Number(declared) !== decoded.bytes.length) {
        ctx.add('eep.content.size-mismatch', data, {
          params: { file: fileName, expected: Number(declared), received: decoded.bytes.length },
          expected: Number(declared),
          received: decoded.bytes.length,
        });
      }
    }
  }
  const keyNode = child(encoding, '反编码关键字');
  const key = keyNode?.text.trim() ?? '';
  if (keyNode && key !== '' && fileName !== '' && key.toLowerCase() !== decodingKey(fileName)) {
    ctx.add('eep.content.decoding-key-mismatch', keyNode, {
      params: { file: fileName, expected: decodingKey(fileName), received: key },
      expected: decodingKey(fileName),
      received: key,
    });
  }
}
