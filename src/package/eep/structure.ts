import type { EepNode } from '../../formats/eep/eepTree.js';
import { child } from '../../formats/eep/eepTree.js';
import type { EepContext } from './context.js';
import { EEP_CONTENT_MODELS, type EepChildRule } from './schema.js';

/**
 * Checks every container against its content model (DA/T 48-2009 附录A):
 * required children present (`eep.metadata.missing` with the DA/T 46
 * M-number, or `eep.element.missing`), cardinality (`eep.element.repeated`),
 * unknown children (`eep.element.unexpected`), order (`eep.element.order`) and
 * required simple elements non-empty (`eep.metadata.empty`, DA/T 70 GD-2-4).
 *
 * @param ctx - The validation context.
 * @param node - The subtree to walk (the root).
 * @example
 * checkStructure(ctx, tree.root)
 */
export function checkStructure(ctx: EepContext, node: EepNode): void {
  const model = EEP_CONTENT_MODELS[node.name];
  if (model) {
    checkChildren(ctx, node, model.children);
    for (const c of node.children) checkStructure(ctx, c);
  }
}

function checkChildren(ctx: EepContext, node: EepNode, rules: readonly EepChildRule[]): void {
  const position = new Map(rules.map((rule, i) => [rule.name, i]));
  let last = -1;
  let orderReported = false;
  for (const c of node.children) {
    const at = position.get(c.name);
    if (at === undefined) {
      ctx.add('eep.element.unexpected', c, { params: { parent: node.name, element: c.name } });
      continue;
    }
    if (at < last && !orderReported) {
      ctx.add('eep.element.order', c, { params: { parent: node.name, element: c.name } });
      orderReported = true;
    }
    last = Math.max(last, at);
  }
  for (const rule of rules) {
    const found = node.children.filter((c) => c.name === rule.name);
    if (found.length < rule.min) {
      const source = sourceOf(rule);
      if (rule.m) ctx.add('eep.metadata.missing', node, { params: { parent: node.name, element: rule.name, source } });
      else ctx.add('eep.element.missing', node, { params: { parent: node.name, element: rule.name } });
    } else if (found.length > rule.max) {
      ctx.add('eep.element.repeated', found[rule.max], { params: { parent: node.name, element: rule.name, count: found.length, max: rule.max } });
    }
    if (rule.min > 0 && !EEP_CONTENT_MODELS[rule.name]) {
      for (const leaf of found) checkNotEmpty(ctx, leaf, rule);
    }
  }
  // DA/T 48-2009 附录A: 档号 holds 室编件号, 馆编件号, or both (choice).
  if (node.name === '档号' && !child(node, '室编件号') && !child(node, '馆编件号')) {
    ctx.add('eep.metadata.missing', node, { params: { parent: node.name, element: '室编件号/馆编件号', source: 'DA/T 46-2009 M17/M18' } });
  }
}

function checkNotEmpty(ctx: EepContext, leaf: EepNode, rule: EepChildRule): void {
  if (leaf.children.length > 0 || leaf.text.trim() !== '') return;
  // An empty 编码数据 is an empty file (or points at bytes elsewhere): the content check measures it.
  if (leaf.name === '编码数据') return;
  ctx.add('eep.metadata.empty', leaf, { params: { element: rule.name, source: sourceOf(rule) } });
}

function sourceOf(rule: EepChildRule): string {
  return rule.m ? `DA/T 46-2009 ${rule.m}` : 'DA/T 48-2009 附录A';
}
