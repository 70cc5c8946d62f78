import type { EepNode } from '../../formats/eep/eepTree.js';
import { readItemMetadata } from '../../formats/itemMetadata/readItemMetadata.js';
import { parseArchivalDate } from '../../model/archivalDate.js';
import type { EepContext } from './context.js';

/**
 * Checks that values agree with each other (DA/T 70-2018 GD-1-5 元数据项数据值
 * 合理性): in every 文件实体, 档号/年度 equals the year of 内容描述/日期
 * (`eep.value.inconsistent`, a warning: a record may be filed in a later year
 * by local rule).
 *
 * @param ctx - The validation context.
 * @param node - The subtree to walk.
 * @example
 * checkConsistency(ctx, tree.root)
 */
export function checkConsistency(ctx: EepContext, node: EepNode): void {
  if (node.name === '文件实体') {
    // The one item metadata walker, values exact: the date is parsed as written, the year trimmed.
    const { metadata, locations } = readItemMetadata(node, (value) => value, 'exact');
    const year = metadata.archivalCode.year?.trim();
    const date = metadata.description.date;
    const parsed = date === undefined ? undefined : parseArchivalDate(date);
    if (year !== undefined && parsed?.ok && /^\d{4}$/.test(year) && Number(year) !== parsed.date.year) {
      ctx.add('eep.value.inconsistent', undefined, {
        location: locations.get('档号/年度'),
        params: { year, date: date!.trim() },
        expected: String(parsed.date.year),
        received: year,
      });
    }
    return;
  }
  for (const c of node.children) checkConsistency(ctx, c);
}
