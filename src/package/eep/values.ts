import type { EepNode } from '../../formats/eep/eepTree.js';
import type { EepContext } from './context.js';
import { EEP_DOMAIN_RULES, EEP_TYPE_RULES, isValidValue, type EepTypeRule } from './valueRules.js';

/**
 * Checks simple values: lexical types of elements and attributes
 * (`eep.value.type`, GD-1-3; `eep.id.invalid` for xs:ID/IDREF) and value
 * domains (`eep.value.domain`, GD-1-4). Empty values are left to the
 * structure check.
 *
 * @param ctx - The validation context.
 * @param node - The subtree to walk.
 * @example
 * checkValues(ctx, tree.root)
 */
export function checkValues(ctx: EepContext, node: EepNode): void {
  for (const [name, value] of Object.entries(node.attributes)) {
    const rule = EEP_TYPE_RULES[`@${name}`];
    if (rule) checkType(ctx, node, `@${name}`, value.trim(), rule);
  }
  if (node.children.length === 0) {
    const value = node.text.trim();
    const rule = EEP_TYPE_RULES[node.name];
    if (rule && value !== '') checkType(ctx, node, node.name, value, rule);
    if (value !== '') checkDomain(ctx, node, value);
  }
  for (const c of node.children) checkValues(ctx, c);
}

function checkType(ctx: EepContext, node: EepNode, element: string, value: string, rule: EepTypeRule): void {
  if (isValidValue(rule.type, value)) return;
  if (rule.type === 'ID' || rule.type === 'IDREF') {
    ctx.add('eep.id.invalid', node, { params: { value }, received: value });
    return;
  }
  ctx.add('eep.value.type', node, {
    severity: rule.severity,
    params: { element, value, type: rule.type },
    expected: rule.type,
    received: value,
  });
}

function checkDomain(ctx: EepContext, node: EepNode, value: string): void {
  const rule = EEP_DOMAIN_RULES[node.name];
  if (!rule || rule.values.includes(value) || rule.accepts?.(value)) return;
  const tolerated = rule.tolerated?.includes(value) ?? false;
  ctx.add('eep.value.domain', node, {
    severity: tolerated ? 'warning' : rule.severity,
    params: { element: node.name, value, source: rule.source },
    expected: rule.values,
    received: value,
  });
}
