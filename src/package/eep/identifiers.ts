import type { EepNode } from '../../formats/eep/eepTree.js';
import { child } from '../../formats/eep/eepTree.js';
import type { EepContext } from './context.js';

// DA/T 48-2009 附录A: the xs:ID and xs:IDREF carriers.
const ID_ELEMENTS = new Set(['文档标识符', '签名标识符', '修改标识符']);
const ID_ATTRIBUTES = ['文档数据ID', '编码ID', '编码数据ID'] as const;
const IDREF_ELEMENTS = new Set(['被锁定签名标识符']);
const IDREF_ATTRIBUTES = ['引用编码数据ID'] as const;

/**
 * Checks identifiers (standards-electronic.md §2.6 rules 5 and 8): every
 * xs:ID is unique in the document (`eep.id.duplicate`), every IDREF
 * resolves (`eep.idref.dangling`), and every 业务实体's 机构人员标识符 names
 * a 机构人员实体 (`eep.agent.unknown`).
 *
 * @param ctx - The validation context.
 * @param root - The document element.
 * @returns The elements carrying each ID value, for later look-ups.
 * @example
 * const ids = checkIdentifiers(ctx, tree.root);
 */
export function checkIdentifiers(ctx: EepContext, root: EepNode): ReadonlyMap<string, EepNode> {
  const ids = new Map<string, EepNode>();
  const refs: [EepNode, string, string][] = [];
  const agents = new Set<string>();
  const agentRefs: [EepNode, string][] = [];
  const visit = (node: EepNode, parent: EepNode | undefined): void => {
    const claim = (value: string) => {
      if (value === '') return;
      if (ids.has(value)) ctx.add('eep.id.duplicate', node, { params: { value }, received: value });
      else ids.set(value, node);
    };
    if (ID_ELEMENTS.has(node.name)) claim(node.text.trim());
    for (const name of ID_ATTRIBUTES) {
      const value = node.attributes[name];
      if (value !== undefined) claim(value.trim());
    }
    if (IDREF_ELEMENTS.has(node.name)) refs.push([node, node.name, node.text.trim()]);
    for (const name of IDREF_ATTRIBUTES) {
      const value = node.attributes[name];
      if (value !== undefined) refs.push([node, `@${name}`, value.trim()]);
    }
    if (node.name === '机构人员标识符' && parent?.name === '机构人员实体') agents.add(node.text.trim());
    if (node.name === '业务实体') {
      const ref = child(node, '机构人员标识符');
      if (ref) agentRefs.push([ref, ref.text.trim()]);
    }
    for (const c of node.children) visit(c, node);
  };
  visit(root, undefined);
  for (const [node, element, value] of refs) {
    if (!ids.has(value)) ctx.add('eep.idref.dangling', node, { params: { element, value }, received: value });
  }
  for (const [node, value] of agentRefs) {
    if (value !== '' && !agents.has(value)) ctx.add('eep.agent.unknown', node, { params: { value }, received: value });
  }
  return ids;
}
