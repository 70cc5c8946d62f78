import type { ArchivalCodeComponents, ArchivalCodeInput, ComponentName } from './components.js';
import { fieldSpecs, isComponentName } from './fields.js';
import type { ArchivalCodeProfile, ArchivalCodeProfileDefinition, FormatProblem, ProfileSegment } from './profile.js';
import { expandVariants, parseTemplate, type TemplateNode } from './template.js';
import { orgCodeAcceptor } from './validateComponents.js';

const DEFAULT_SOURCE = { standard: 'user-defined', confidence: 'inferred' } as const;

/**
 * Compiles a built-in profile definition: the same matcher and formatter as
 * `compileProfile`, without validating the definition first (the built-ins
 * are checked against `profileDefinitionSchema` by the tests), so that
 * parsing a 档号 does not load zod.
 *
 * @param definition - A built-in definition.
 * @returns The compiled profile.
 * @throws {Error} When the template does not parse (never for a built-in).
 */
export function compileBuiltinProfile(definition: ArchivalCodeProfileDefinition): ArchivalCodeProfile {
  const parsed = parseTemplate(definition.template);
  if (!parsed.ok) throw new Error(`[dangan] built-in archival-code profile "${definition.id}": ${parsed.problems.map((p) => p.message).join('; ')}`);
  return buildProfile(definition, parsed.nodes);
}

/**
 * Builds the matcher and formatter of a checked definition from its parsed
 * template (`compileProfile` checks a definition first).
 *
 * @param def - The definition.
 * @param nodes - Its parsed template.
 * @returns The compiled profile.
 */
export function buildProfile(def: ArchivalCodeProfileDefinition, nodes: readonly TemplateNode[]): ArchivalCodeProfile {
  const fields: ComponentName[] = [];
  const widths: Partial<Record<ComponentName, number>> = {};
  const fixedValues: Partial<Record<ComponentName, readonly string[]>> = {};
  walkFields(nodes, (f) => {
    fields.push(f.name);
    if (f.width !== undefined) widths[f.name] = f.width;
    if (f.values) fixedValues[f.name] = f.values;
  });
  const matcher = new RegExp(`^${nodes.map((n) => toPattern(n, true)).join('')}$`);
  const orgCodeForms = def.orgCodeForms ?? (['letters', 'digits', 'chinese'] as const);
  const setters = fields.map((f) => SETTERS[f]);
  const count = fields.length;
  const interpretedMatch = (code: string): ArchivalCodeComponents | undefined => {
    const m = matcher.exec(code);
    if (m === null) return undefined;
    const components: ArchivalCodeComponents = {};
    for (let i = 0; i < count; i++) {
      const value = m[i + 1];
      if (value !== undefined) (setters[i] as Setter)(components, value);
    }
    return components;
  };
  const match = generateMatch(matcher, fields, requiredFields(nodes)) ?? interpretedMatch;
  const ops = nodes.map((n) => toOp(n, fields));
  const readBack = def.readBack ?? true;
  const fieldOps = flattenFieldOps(ops);
  // Scratch space for the texts written per field, reused (formatting is synchronous).
  const texts: (string | undefined)[] = new Array<string | undefined>(count).fill(undefined);
  const allowed = fields.reduce((mask, f) => mask | FIELD_BITS[f], 0);
  const writer = generateWriter(ops, allowed, readBack ? texts : undefined) ?? interpretedWriter(ops, allowed, texts);
  const readBackWrite = (components: ArchivalCodeInput): string | FormatProblem => {
    texts.fill(undefined);
    const out = writer(components);
    if (typeof out !== 'string') return out;
    // Read the result back with the same matcher: it must give exactly the
    // texts written, or the code would not parse to these components.
    const m = matcher.exec(out);
    if (m !== null) {
      let i = 0;
      while (i < count && m[i + 1] === texts[i]) i++;
      if (i === count) return out;
    }
    return explainRejection(fieldOps, components, texts, m);
  };
  const write = readBack ? readBackWrite : writer;
  return {
    id: def.id,
    template: def.template,
    title: def.title ?? { 'zh-CN': def.id, en: def.id },
    source: def.source ?? DEFAULT_SOURCE,
    priority: def.priority ?? 150,
    fields,
    widths,
    fixedValues,
    retentionPeriods: def.retentionPeriods ?? ['Y', 'D*'],
    orgCodeForms,
    acceptsOrgCode: orgCodeAcceptor(orgCodeForms),
    ...(def.fondsCodeForm !== undefined ? { fondsCodeForm: new RegExp(`^(?:${def.fondsCodeForm})$`) } : {}),
    matcher,
    forms: buildForms(nodes),
    match,
    write,
  };
}

type FieldNode = TemplateNode & { type: 'field' };
type Setter = (c: ArchivalCodeComponents, value: string) => void;

// One setter per component: on the hot path a named property store is
// several times faster than a keyed one (`c[name] = v`).
const SETTERS: Readonly<Record<ComponentName, Setter>> = {
  fondsCode: (c, v) => void (c.fondsCode = v),
  catalogueNumber: (c, v) => void (c.catalogueNumber = v),
  categoryCode: (c, v) => void (c.categoryCode = v),
  classCode: (c, v) => void (c.classCode = v.split('·')),
  projectCode: (c, v) => void (c.projectCode = v),
  year: (c, v) => void (c.year = v),
  retentionPeriod: (c, v) => void (c.retentionPeriod = v),
  orgCode: (c, v) => void (c.orgCode = v),
  volumeNumber: (c, v) => void (c.volumeNumber = v),
  groupNumber: (c, v) => void (c.groupNumber = v),
  itemNumber: (c, v) => void (c.itemNumber = v),
  pageNumber: (c, v) => void (c.pageNumber = v),
};

function walkFields(nodes: readonly TemplateNode[], visit: (f: FieldNode) => void): void {
  for (const n of nodes) {
    if (n.type === 'field') visit(n);
    else if (n.type === 'optional') walkFields(n.nodes, visit);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

function fieldPattern(f: FieldNode): string {
  if (f.values) return f.values.map(escape).join('|');
  const level = fieldSpecs[f.name].pattern;
  return f.repeat ? `${level}(?:·${level})*` : level;
}

function toPattern(node: TemplateNode, capture: boolean): string {
  switch (node.type) {
    case 'separator':
    case 'literal':
      return escape(node.text);
    case 'field':
      return capture ? `(${fieldPattern(node)})` : `(?:${fieldPattern(node)})`;
    case 'optional':
      return `(?:${node.nodes.map((n) => toPattern(n, capture)).join('')})?`;
  }
}

function containsDash(node: TemplateNode): boolean {
  if (node.type === 'separator') return node.text === '-';
  return node.type === 'optional' && node.nodes.some(containsDash);
}

// Forms: optional groups that hold a "-" are expanded (they change the number
// of segments); the others stay optional inside their segment.
function buildForms(nodes: readonly TemplateNode[]): ProfileSegment[][] {
  return expandVariants(nodes, (group) => !containsDash(group)).map((variant) => {
    const segments: TemplateNode[][] = [[]];
    for (const node of variant) {
      if (node.type === 'separator' && node.text === '-') segments.push([]);
      else (segments[segments.length - 1] as TemplateNode[]).push(node);
    }
    return segments.map((segment) => ({
      pattern: new RegExp(`^${segment.map((n) => toPattern(n, false)).join('')}$`),
      label: `${segment.map((n) => toLabel(n, 'zh')).join('')} (${segment.map((n) => toLabel(n, 'en')).join('')})`,
    }));
  });
}

function toLabel(node: TemplateNode, lang: 'zh' | 'en'): string {
  switch (node.type) {
    case 'separator':
    case 'literal':
      return node.text;
    case 'field': {
      const name = lang === 'zh' ? fieldSpecs[node.name].zh : `{${node.name}}`;
      return node.values ? `${name}=${node.values.join('|')}` : node.repeat ? `${name}…` : name;
    }
    case 'optional':
      return `[${node.nodes.map((n) => toLabel(n, lang)).join('')}]`;
  }
}

// ---- formatter: the same nodes, run the other way ----

/** One step of writing a template. */
export type Op =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'field'; readonly name: ComponentName; readonly index: number; readonly bit: number; readonly width: number; readonly test: RegExp; readonly accepts: (value: string) => boolean; readonly levels: boolean; readonly numeric: boolean }
  | { readonly t: 'optional'; readonly ops: readonly Op[]; readonly mask: number };

/** Turns a template node into a writing step. */
export function toOp(node: TemplateNode, fields: readonly ComponentName[]): Op {
  switch (node.type) {
    case 'separator':
    case 'literal':
      return { t: 'text', text: node.text };
    case 'field':
      return {
        t: 'field',
        name: node.name,
        index: fields.indexOf(node.name),
        bit: FIELD_BITS[node.name],
        width: node.width ?? 0,
        test: new RegExp(`^(?:${fieldPattern(node)})$`),
        accepts: acceptor(node),
        levels: node.repeat,
        numeric: fieldSpecs[node.name].kind === 'number',
      };
    case 'optional': {
      const names: ComponentName[] = [];
      walkFields(node.nodes, (f) => names.push(f.name));
      return { t: 'optional', ops: node.nodes.map((n) => toOp(n, fields)), mask: names.reduce((m, n) => m | FIELD_BITS[n], 0) };
    }
  }
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

// Bit per component, for "which components are present" as one number.
const FIELD_BITS: Readonly<Record<ComponentName, number>> = {
  fondsCode: 1 << 0,
  catalogueNumber: 1 << 1,
  categoryCode: 1 << 2,
  classCode: 1 << 3,
  projectCode: 1 << 4,
  year: 1 << 5,
  retentionPeriod: 1 << 6,
  orgCode: 1 << 7,
  volumeNumber: 1 << 8,
  groupNumber: 1 << 9,
  itemNumber: 1 << 10,
  pageNumber: 1 << 11,
};

// Named loads, not a loop over names: this runs once per formatted code.
function presentMask(c: ArchivalCodeInput): number {
  let m = 0;
  if (isPresent(c.fondsCode)) m |= FIELD_BITS.fondsCode;
  if (isPresent(c.catalogueNumber)) m |= FIELD_BITS.catalogueNumber;
  if (isPresent(c.categoryCode)) m |= FIELD_BITS.categoryCode;
  if (isPresent(c.classCode)) m |= FIELD_BITS.classCode;
  if (isPresent(c.projectCode)) m |= FIELD_BITS.projectCode;
  if (isPresent(c.year)) m |= FIELD_BITS.year;
  if (isPresent(c.retentionPeriod)) m |= FIELD_BITS.retentionPeriod;
  if (isPresent(c.orgCode)) m |= FIELD_BITS.orgCode;
  if (isPresent(c.volumeNumber)) m |= FIELD_BITS.volumeNumber;
  if (isPresent(c.groupNumber)) m |= FIELD_BITS.groupNumber;
  if (isPresent(c.itemNumber)) m |= FIELD_BITS.itemNumber;
  if (isPresent(c.pageNumber)) m |= FIELD_BITS.pageNumber;
  return m;
}

type FieldOp = Op & { t: 'field' };

// The character test of a field node: fixed values, repeated levels or the field's own.
function acceptor(node: FieldNode): (value: string) => boolean {
  const { values } = node;
  if (values) return (v) => values.includes(v);
  const level = fieldSpecs[node.name].accepts;
  return node.repeat ? (v) => v.split('·').every(level) : level;
}

function flattenFieldOps(ops: readonly Op[]): FieldOp[] {
  return ops.flatMap((op) => (op.t === 'field' ? [op] : op.t === 'optional' ? flattenFieldOps(op.ops) : []));
}

// Says which field a written code went wrong on: a value outside its field's
// pattern, or (rarely) one that reads back as another field.
function explainRejection(
  fieldOps: readonly FieldOp[],
  c: ArchivalCodeInput,
  texts: readonly (string | undefined)[],
  m: RegExpExecArray | null,
): FormatProblem {
  const written = fieldOps.filter((op) => texts[op.index] !== undefined);
  const culprit =
    written.find((op) => !op.test.test(texts[op.index] as string)) ??
    written.find((op) => m !== null && m[op.index + 1] !== texts[op.index]) ??
    (written[written.length - 1] as FieldOp);
  return { problem: 'format-invalid', field: culprit.name, value: c[culprit.name] };
}

function requiredFields(nodes: readonly TemplateNode[]): Set<ComponentName> {
  return new Set(nodes.flatMap((n) => (n.type === 'field' ? [n.name] : [])));
}

// Up to this many optional components, the reader has one object literal per
// combination of them (2^n literals); beyond it, optional ones are added.
const MAX_LITERAL_OPTIONALS = 4;

/**
 * Generates a template's reader as straight-line code that builds the
 * components in template order, optional ones only when captured: one object
 * literal per combination of captured optional components (so every
 * component is stored in the object itself, not in a separate property
 * store), or, for templates with more than four optional components, a
 * literal of the leading required ones and the rest added in order. Like
 * {@link generateWriter}, it uses only names from the closed list of
 * components, and returns `undefined` where code generation is not allowed
 * (the setter loop is used then).
 *
 * @param matcher - The template's regular expression.
 * @param fields - Components in capture order.
 * @param required - Components outside optional groups (always captured).
 * @returns The reader, or `undefined`.
 */
export function generateMatch(
  matcher: RegExp,
  fields: readonly ComponentName[],
  required: ReadonlySet<ComponentName>,
): ((code: string) => ArchivalCodeComponents | undefined) | undefined {
  if (!fields.every(isComponentName)) return undefined;
  const value = (f: ComponentName, i: number) => (f === 'classCode' ? `m[${i + 1}].split('·')` : `m[${i + 1}]`);
  const optional = fields.flatMap((f, i) => (required.has(f) ? [] : [i]));
  const lines = ['  const m = matcher.exec(code);', '  if (m === null) return undefined;'];
  if (optional.length <= MAX_LITERAL_OPTIONALS) {
    // A decision tree on the optional captures, absent first; each leaf returns its literal.
    const branch = (k: number, captured: readonly number[], indent: string): void => {
      const i = optional[k];
      if (i === undefined) {
        const props = fields.flatMap((f, j) => (required.has(f) || captured.includes(j) ? [`${f}: ${value(f, j)}`] : []));
        lines.push(`${indent}return { ${props.join(', ')} };`);
        return;
      }
      lines.push(`${indent}if (m[${i + 1}] === undefined) {`);
      branch(k + 1, captured, `${indent}  `);
      lines.push(`${indent}}`);
      branch(k + 1, [...captured, i], indent);
    };
    branch(0, [], '  ');
  } else {
    // Leading required components go in the literal; from the first optional one on,
    // components are added in template order so the key order is the template's.
    let literal = 0;
    while (literal < fields.length && required.has(fields[literal] as ComponentName)) literal++;
    lines.push(
      `  const c = { ${fields.slice(0, literal).map((f, i) => `${f}: ${value(f, i)}`).join(', ')} };`,
      ...fields.slice(literal).map((f, j) => {
        const i = literal + j;
        return required.has(f) ? `  c.${f} = ${value(f, i)};` : `  if (m[${i + 1}] !== undefined) c.${f} = ${value(f, i)};`;
      }),
      '  return c;',
    );
  }
  try {
    return new Function('matcher', `return function match(code) {\n${lines.join('\n')}\n};`)(matcher) as (
      code: string,
    ) => ArchivalCodeComponents | undefined;
  } catch {
    return undefined;
  }
}

/** Writes components along a template's ops; `texts` receives each field's text by field index. */
export type Writer = (c: ArchivalCodeInput) => string | FormatProblem;

/**
 * The interpreting writer: checks for components the profile has no place
 * for, then runs the ops.
 *
 * @param ops - The template's ops.
 * @param allowed - Bit mask of the profile's components.
 * @param texts - Receives each field's text by field index.
 * @returns The writer.
 */
export function interpretedWriter(ops: readonly Op[], allowed: number, texts: (string | undefined)[]): Writer {
  return function interpretedWrite(c) {
    const present = presentMask(c);
    if ((present & ~allowed) !== 0) {
      const field = (Object.keys(FIELD_BITS) as ComponentName[]).find((f) => (present & ~allowed & FIELD_BITS[f]) !== 0) as ComponentName;
      return { problem: 'format-unused', field, value: c[field] };
    }
    return runOps(ops, c, present, texts);
  };
}

/**
 * Generates the writer of a template as straight-line code — the same steps
 * as {@link runOps}, without dispatching on ops at run time, which makes
 * formatting several times faster. Each field's text goes into its own local
 * and the code is joined in one expression at the end, after every check
 * (checks run in template order, so the first problem reported is the same).
 * Field names come from the closed list of components and texts are
 * JSON-quoted, so nothing from a template reaches the code unescaped. Returns
 * `undefined` where code generation is not allowed (a Content-Security-Policy
 * without `unsafe-eval`); {@link runOps} is used then.
 *
 * @param ops - The template's ops.
 * @param allowed - Bit mask of the profile's components.
 * @param texts - When given, receives each field's text by field index (needed only to read the code back).
 * @returns The writer, or `undefined`.
 */
export function generateWriter(ops: readonly Op[], allowed: number, texts?: (string | undefined)[]): Writer | undefined {
  const accepts: ((value: string) => boolean)[] = [];
  const lines: string[] = [];
  for (const name of Object.keys(FIELD_BITS) as ComponentName[]) {
    if ((allowed & FIELD_BITS[name]) !== 0) continue;
    lines.push(`    if (present(c.${name})) return { problem: 'format-unused', field: ${JSON.stringify(name)}, value: c.${name} };`);
  }
  let groups = 0;
  // Emits the checks of `list` and returns the expression that joins its texts.
  const emit = (list: readonly Op[], indent: string): string | undefined => {
    const parts: string[] = [];
    for (const op of list) {
      if (op.t === 'text') parts.push(JSON.stringify(op.text));
      else if (op.t === 'optional') {
        const group = `g${groups++}`;
        const names = flattenFieldOps(op.ops).map((f) => `present(c.${f.name})`);
        lines.push(`${indent}let ${group} = '';`, `${indent}if (${names.join(' || ')}) {`);
        const inner = emit(op.ops, `${indent}  `);
        if (inner === undefined) return undefined;
        lines.push(`${indent}  ${group} = ${inner};`, `${indent}}`);
        parts.push(group);
      } else {
        if (!isComponentName(op.name)) return undefined;
        const name = JSON.stringify(op.name);
        const f = `f${op.index}`;
        accepts[op.index] = op.accepts;
        lines.push(
          `${indent}let ${f} = c.${op.name};`,
          `${indent}if (typeof ${f} === 'string') {`,
          `${indent}  if (${f} === '') return { problem: 'format-missing', field: ${name} };`,
          ...(op.numeric && op.width > 0 ? [`${indent}  if (${f}.length < ${op.width}) ${f} = ${f}.padStart(${op.width}, '0');`] : []),
          `${indent}} else {`,
          `${indent}  if (!present(${f})) return { problem: 'format-missing', field: ${name} };`,
          `${indent}  ${f} = text(${f}, ops[${op.index}]);`,
          `${indent}  if (${f} === undefined) return { problem: 'format-invalid', field: ${name}, value: c.${op.name} };`,
          `${indent}}`,
          `${indent}if (!accepts${op.index}(${f})) return { problem: 'format-invalid', field: ${name}, value: c.${op.name} };`,
          ...(texts ? [`${indent}texts[${op.index}] = ${f};`] : []),
        );
        parts.push(f);
      }
    }
    return parts.join(' + ');
  };
  const code = emit(ops, '    ');
  if (code === undefined) return undefined;
  const fieldOps: FieldOp[] = [];
  for (const op of flattenFieldOps(ops)) fieldOps[op.index] = op;
  const body = `return function write(c) {\n${lines.join('\n')}\n    return ${code};\n  };`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the doc comment: generated from a closed vocabulary
    // Each field's test is its own parameter, so every call site has one known target.
    const names = accepts.map((_, i) => `accepts${i}`);
    return new Function('text', 'ops', 'present', 'texts', ...names, body)(fieldText, fieldOps, isPresent, texts, ...accepts) as Writer;
  } catch {
    return undefined;
  }
}

/**
 * Writes components along a template's ops, interpreting them one by one (the
 * fallback of {@link generateWriter}).
 *
 * @param ops - The template's ops.
 * @param c - The components.
 * @param present - Bit mask of the components present.
 * @param texts - Receives each field's text by field index.
 * @returns The code, or what stops it.
 */
export function runOps(ops: readonly Op[], c: ArchivalCodeInput, present: number, texts: (string | undefined)[]): string | FormatProblem {
  let out = '';
  for (const op of ops) {
    if (op.t === 'text') {
      out += op.text;
    } else if (op.t === 'optional') {
      if ((present & op.mask) === 0) continue;
      const inner = runOps(op.ops, c, present, texts);
      if (typeof inner !== 'string') return inner;
      out += inner;
    } else {
      if ((present & op.bit) === 0) return { problem: 'format-missing', field: op.name };
      const raw = c[op.name];
      const value = fieldText(raw, op);
      if (value === undefined || !op.accepts(value)) return { problem: 'format-invalid', field: op.name, value: raw };
      texts[op.index] = value;
      out += value;
    }
  }
  return out;
}

function fieldText(raw: unknown, op: FieldOp): string | undefined {
  if (typeof raw === 'string') return op.width > raw.length && op.numeric ? raw.padStart(op.width, '0') : raw;
  if (Array.isArray(raw)) return op.levels && raw.every((l) => typeof l === 'string') ? raw.join('·') : undefined;
  if (typeof raw !== 'number' || (!op.numeric && op.name !== 'year') || !Number.isSafeInteger(raw) || raw < 0) return undefined;
  const text = String(raw);
  return op.width > text.length ? text.padStart(op.width, '0') : text;
}
