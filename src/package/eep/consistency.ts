import { child, type EepNode } from '../../formats/eep/eepTree.js';
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
    const year = child(child(node, '档号') ?? node, '年度');
    const date = child(child(node, '内容描述') ?? node, '日期');
    const parsed = date && parseArchivalDate(date.text);
    if (year && parsed?.ok && /^\d{4}$/.test(year.text.trim()) && Number(year.text.trim()) !== parsed.date.year) {
      ctx.add('eep.value.inconsistent', year, {
        params: { year: year.text.trim(), date: date!.text.trim() },
        expected: String(parsed.date.year),
        received: year.text.trim(),
      });
    }
    return;
  }
  for (const c of node.children) checkConsistency(ctx, c);
}
