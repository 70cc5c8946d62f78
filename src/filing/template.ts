import type { ComponentName } from './components.js';
import { fieldSpecs, isComponentName } from './fields.js';

/**
 * One node of a parsed 档号 template.
 *
 * - `separator`: `-` (连接号, joins higher and lower levels) or `·` (间隔号,
 *   U+00B7, joins codes of one level) — DA/T 22-2015 §5.4, DA/T 13-2022 §5.
 * - `literal`: fixed text (letters and digits).
 * - `field`: a component, `{name}`, `{name:4}` (number zero-padded to 4),
 *   `{name=A|B}` (one of fixed values), `{classCode*}` (one or more levels
 *   joined by `·`).
 * - `optional`: `[ … ]`, present or absent as a whole.
 */
export type TemplateNode =
  | { readonly type: 'separator'; readonly text: '-' | '·' }
  | { readonly type: 'literal'; readonly text: string }
  | {
      readonly type: 'field';
      readonly name: ComponentName;
      readonly width?: number;
      readonly values?: readonly string[];
      readonly repeat: boolean;
    }
  | { readonly type: 'optional'; readonly nodes: readonly TemplateNode[] };

/** A problem found in a template, with the 1-based column where it starts. */
export interface TemplateProblem {
  /** What is wrong, in English, naming the field or character. */
  readonly message: string;
  /** 1-based column in the template, or 0 for problems of the whole template. */
  readonly column: number;
}

/** The result of {@link parseTemplate}: nodes, or the problems that stop it. */
export type TemplateParseResult =
  | { readonly ok: true; readonly nodes: readonly TemplateNode[] }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

const MAX_OPTIONAL_GROUPS = 8;
const FIELD_BODY = /^([A-Za-z]+)(?:=([^:*]+))?(?::(\d+))?(\*)?$/;

/**
 * Parses a 档号 template string into nodes and checks that it describes an
 * unambiguous code: every field known and used once, fields separated by `-`
 * or `·`, brackets balanced, and every variant ending in a number (the
 * sequence number that {@link nextItemNumber} allocates).
 *
 * @param template - e.g. `{fondsCode}-{categoryCode}·{year}-{retentionPeriod}[-{orgCode}]-{itemNumber:4}`.
 * @returns The nodes, or every problem found with its column.
 * @example
 * parseTemplate('{fondsCode}-{itemNumber:4}').ok //=> true
 * parseTemplate('{fondsCode}{itemNumber}').ok //=> false (fields not separated)
 */
export function parseTemplate(template: string): TemplateParseResult {
  const problems: TemplateProblem[] = [];
  const state = { template, at: 0, problems, seen: new Set<string>(), groups: 0 };
  const nodes = parseNodes(state, false);
  if (problems.length === 0) problems.push(...checkVariants(nodes));
  return problems.length === 0 ? { ok: true, nodes } : { ok: false, problems };
}

interface ParserState {
  readonly template: string;
  at: number;
  readonly problems: TemplateProblem[];
  readonly seen: Set<string>;
  groups: number;
}

function parseNodes(state: ParserState, inGroup: boolean): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  const { template, problems } = state;
  while (state.at < template.length) {
    const ch = template[state.at] as string;
    const column = state.at + 1;
    if (ch === ']') {
      if (inGroup) return nodes;
      problems.push({ message: 'unmatched "]"', column });
      state.at++;
    } else if (ch === '[') {
      state.at++;
      state.groups++;
      if (state.groups > MAX_OPTIONAL_GROUPS) problems.push({ message: `more than ${MAX_OPTIONAL_GROUPS} optional groups`, column });
      const inner = parseNodes(state, true);
      if (template[state.at] !== ']') problems.push({ message: 'unclosed "[" (optional group)', column });
      else state.at++;
      if (inner.length === 0) problems.push({ message: 'empty optional group "[]"', column });
      if (inner.length > 0 && !inner.some(hasField)) problems.push({ message: 'optional group without a field', column });
      nodes.push({ type: 'optional', nodes: inner });
    } else if (ch === '{') {
      const end = template.indexOf('}', state.at);
      if (end < 0) {
        problems.push({ message: 'unclosed "{" (field)', column });
        state.at = template.length;
      } else {
        const field = parseField(template.slice(state.at + 1, end), column, state);
        if (field) nodes.push(field);
        state.at = end + 1;
      }
    } else if (ch === '-' || ch === '·') {
      nodes.push({ type: 'separator', text: ch });
      state.at++;
    } else if (/[A-Z0-9]/.test(ch)) {
      const last = nodes[nodes.length - 1];
      if (last?.type === 'literal') nodes[nodes.length - 1] = { type: 'literal', text: last.text + ch };
      else nodes.push({ type: 'literal', text: ch });
      state.at++;
    } else {
      const hint = ch === '}' ? ' (unmatched "}")' : ' (use "-", "·" U+00B7, uppercase letters, digits, {field} or [optional])';
      problems.push({ message: `unexpected character "${ch}"${hint}`, column });
      state.at++;
    }
  }
  return nodes;
}

function parseField(body: string, column: number, state: ParserState): TemplateNode | undefined {
  const match = FIELD_BODY.exec(body);
  if (!match) {
    state.problems.push({ message: `cannot read field "{${body}}" (expected {name}, {name:width}, {name=A|B} or {classCode*})`, column });
    return undefined;
  }
  const [, name = '', valueText, widthText, star] = match;
  if (!isComponentName(name)) {
    state.problems.push({ message: `unknown field "${name}" (known: ${Object.keys(fieldSpecs).join(', ')})`, column });
    return undefined;
  }
  const spec = fieldSpecs[name];
  if (state.seen.has(name)) state.problems.push({ message: `field "${name}" is used twice`, column });
  state.seen.add(name);
  const repeat = star === '*';
  if (repeat && spec.kind !== 'levels') state.problems.push({ message: `only classCode may repeat ("*"), not "${name}"`, column });
  let width: number | undefined;
  if (widthText !== undefined) {
    width = Number(widthText);
    if (spec.kind !== 'number') state.problems.push({ message: `field "${name}" is not a number and cannot have a width`, column });
    else if (width < 1 || width > 9) state.problems.push({ message: `width of "${name}" must be 1 to 9, got ${widthText}`, column });
  }
  let values: string[] | undefined;
  if (valueText !== undefined) {
    values = valueText.split('|');
    const valuePattern = new RegExp(`^(?:${spec.pattern})$`);
    for (const value of values) {
      if (!valuePattern.test(value)) state.problems.push({ message: `value "${value}" does not fit field "${name}"`, column });
    }
  }
  return { type: 'field', name, repeat, ...(width !== undefined ? { width } : {}), ...(values ? { values } : {}) };
}

function hasField(node: TemplateNode): boolean {
  return node.type === 'field' || (node.type === 'optional' && node.nodes.some(hasField));
}

/**
 * Every flat form a template can take, one per choice of its optional
 * groups (present or absent). Optional groups are replaced by their nodes.
 *
 * @param nodes - Parsed template nodes.
 * @param keep - Optional groups for which this returns true are kept as they are, not expanded.
 * @returns The variants, in order: absent before present.
 */
export function expandVariants(
  nodes: readonly TemplateNode[],
  keep: (group: TemplateNode & { type: 'optional' }) => boolean = () => false,
): TemplateNode[][] {
  let variants: TemplateNode[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'optional' && !keep(node)) {
      const inner = expandVariants(node.nodes, keep);
      variants = variants.flatMap((v) => [v, ...inner.map((i) => [...v, ...i])]);
    } else {
      variants = variants.map((v) => [...v, node]);
    }
  }
  return variants;
}

function checkVariants(nodes: readonly TemplateNode[]): TemplateProblem[] {
  const problems = new Set<string>();
  for (const variant of expandVariants(nodes)) {
    const first = variant[0];
    const last = variant[variant.length - 1];
    if (first?.type === 'separator') problems.add(`the code must not start with "${first.text}"`);
    if (!last || last.type !== 'field' || fieldSpecs[last.name].kind !== 'number') {
      problems.add('every form of the code must end with a number field (itemNumber, volumeNumber, pageNumber, groupNumber or catalogueNumber)');
    } else if (variant.length > 1 && variant[variant.length - 2]?.type !== 'separator') {
      problems.add(`the final number "${last.name}" must follow "-" or "·"`);
    }
    for (let i = 1; i < variant.length; i++) {
      const a = variant[i - 1] as TemplateNode;
      const b = variant[i] as TemplateNode;
      if (a.type === 'separator' && b.type === 'separator') problems.add(`two separators in a row ("${a.text}${b.text}")`);
      if (a.type !== 'separator' && b.type !== 'separator') problems.add(`${describe(a)} and ${describe(b)} must be separated by "-" or "·"`);
    }
  }
  return [...problems].map((message) => ({ message, column: 0 }));
}

function describe(node: TemplateNode): string {
  return node.type === 'field' ? `field "${node.name}"` : `"${node.type === 'optional' ? '[…]' : node.text}"`;
}
