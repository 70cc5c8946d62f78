import { z } from 'zod';
import { createIssue } from '../report/createIssue.js';
import type { Issue } from '../report/issue.js';
import type { ArchivalCodeComponents, ArchivalCodeInput, ComponentName } from './components.js';
import { fieldSpecs } from './fields.js';
import type { ArchivalCodeProfile, ArchivalCodeProfileDefinition, FormatProblem, ProfileSegment } from './profile.js';
import { expandVariants, parseTemplate, type TemplateNode } from './template.js';

const citationSchema = z.object({
  standard: z.string().min(1),
  clause: z.string().optional(),
  confidence: z.enum(['verified', 'single-source', 'inferred']),
});

/** The zod schema of an {@link ArchivalCodeProfileDefinition}; the template is checked by {@link parseTemplate}. */
export const profileDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'must be 1–64 characters of a–z, 0–9, "." or "-", starting with a letter or digit'),
  template: z
    .string()
    .min(1)
    .max(500)
    .superRefine((template, ctx) => {
      const parsed = parseTemplate(template);
      if (parsed.ok) return;
      for (const p of parsed.problems) ctx.addIssue({ code: 'custom', message: p.column > 0 ? `${p.message} at column ${p.column}` : p.message });
    }),
  title: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).optional(),
  source: citationSchema.optional(),
  priority: z.number().int().optional(),
  retentionPeriods: z.array(z.string().regex(/^(?:Y|C|D|D[1-9]\d*|D\*)$/, 'must be Y, C, D, D<n> or D*')).min(1).optional(),
  orgCodeForms: z.array(z.enum(['letters3', 'digits3', 'letters', 'digits', 'chinese'])).min(1).optional(),
  fondsCodeForm: z
    .string()
    .refine((source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    }, 'must be a valid regular expression')
    .optional(),
});

/**
 * Thrown by {@link compileProfile} and {@link registerProfile} for a bad
 * profile definition. `message` names every problem; `issues` holds them as
 * `archival-code.profile-invalid` issues.
 */
export class ArchivalCodeProfileError extends TypeError {
  override name = 'ArchivalCodeProfileError';
  /** One issue per problem found. */
  readonly issues: readonly Issue[];
  constructor(id: string, issues: readonly Issue[], problems: readonly string[]) {
    super(`[dangan] invalid archival-code profile "${id}": ${problems.join('; ')}`);
    this.issues = issues;
  }
}

const DEFAULT_SOURCE = { standard: 'user-defined', confidence: 'inferred' } as const;

/**
 * Compiles a profile definition (or a bare template) into a matcher and a
 * formatter generated from the same template, so parsing and formatting can
 * never disagree. The definition is validated first.
 *
 * @param definition - A definition, or a template string (the profile id is then `custom`).
 * @returns The compiled profile; use it directly or via {@link registerProfile}.
 * @throws {ArchivalCodeProfileError} When the definition or its template is invalid;
 *   the message names the field and the problem, e.g. `template: unknown field "fonds" at column 2`.
 * @example
 * const p = compileProfile('{fondsCode}-{year}-{itemNumber:4}');
 * p.match('J001-2020-0007') //=> { fondsCode: 'J001', year: '2020', itemNumber: '0007' }
 * compileProfile('{fonds}-{itemNumber}') // throws: template: unknown field "fonds" …
 */
export function compileProfile(definition: ArchivalCodeProfileDefinition | string): ArchivalCodeProfile {
  const input = typeof definition === 'string' ? { id: 'custom', template: definition } : definition;
  const checked = profileDefinitionSchema.safeParse(input);
  if (!checked.success) {
    const id = typeof (input as { id?: unknown })?.id === 'string' ? (input as { id: string }).id : '?';
    const problems = checked.error.issues.map((i) => `${i.path.map(String).join('.') || '(definition)'}: ${i.message}`);
    const issues = checked.error.issues.map((i) =>
      createIssue('archival-code.profile-invalid', {
        params: { field: i.path.map(String).join('.') || '(definition)', reason: i.message },
      }),
    );
    throw new ArchivalCodeProfileError(id, issues, problems);
  }
  const def = checked.data;
  const parsed = parseTemplate(def.template);
  if (!parsed.ok) throw new ArchivalCodeProfileError(def.id, [], parsed.problems.map((p) => p.message));
  return buildProfile(def, parsed.nodes);
}

function buildProfile(def: z.infer<typeof profileDefinitionSchema>, nodes: readonly TemplateNode[]): ArchivalCodeProfile {
  const fields: ComponentName[] = [];
  const widths: Partial<Record<ComponentName, number>> = {};
  const fixedValues: Partial<Record<ComponentName, readonly string[]>> = {};
  walkFields(nodes, (f) => {
    fields.push(f.name);
    if (f.width !== undefined) widths[f.name] = f.width;
    if (f.values) fixedValues[f.name] = f.values;
  });
  const matcher = new RegExp(`^${nodes.map((n) => toPattern(n, true)).join('')}$`);
  const hasClass = fields.includes('classCode');
  const match = (code: string): ArchivalCodeComponents | undefined => {
    const m = matcher.exec(code);
    if (m === null) return undefined;
    const components: ArchivalCodeComponents = {};
    for (let i = 0; i < fields.length; i++) {
      const value = m[i + 1];
      if (value === undefined) continue;
      const name = fields[i] as ComponentName;
      if (hasClass && name === 'classCode') components.classCode = value.split('·');
      else (components as Record<string, string>)[name] = value;
    }
    return components;
  };
  const ops = nodes.map(toOp);
  const fieldSet = new Set<string>(fields);
  const write = (components: ArchivalCodeInput): string | FormatProblem => {
    for (const key in components) {
      if (!fieldSet.has(key) && isPresent((components as Record<string, unknown>)[key])) {
        return { problem: 'format-unused', field: key, value: (components as Record<string, unknown>)[key] };
      }
    }
    return runOps(ops, components);
  };
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
    orgCodeForms: def.orgCodeForms ?? ['letters', 'digits', 'chinese'],
    ...(def.fondsCodeForm !== undefined ? { fondsCodeForm: new RegExp(`^(?:${def.fondsCodeForm})$`) } : {}),
    matcher,
    forms: buildForms(nodes),
    match,
    write,
  };
}

type FieldNode = TemplateNode & { type: 'field' };

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

type Op =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'field'; readonly name: ComponentName; readonly width: number; readonly test: RegExp; readonly levels: boolean; readonly numeric: boolean }
  | { readonly t: 'optional'; readonly ops: readonly Op[]; readonly names: readonly ComponentName[] };

function toOp(node: TemplateNode): Op {
  switch (node.type) {
    case 'separator':
    case 'literal':
      return { t: 'text', text: node.text };
    case 'field':
      return {
        t: 'field',
        name: node.name,
        width: node.width ?? 0,
        test: new RegExp(`^(?:${fieldPattern(node)})$`),
        levels: node.repeat,
        numeric: fieldSpecs[node.name].kind === 'number',
      };
    case 'optional': {
      const names: ComponentName[] = [];
      walkFields(node.nodes, (f) => names.push(f.name));
      return { t: 'optional', ops: node.nodes.map(toOp), names };
    }
  }
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function runOps(ops: readonly Op[], c: ArchivalCodeInput): string | FormatProblem {
  let out = '';
  for (const op of ops) {
    if (op.t === 'text') {
      out += op.text;
      continue;
    }
    if (op.t === 'optional') {
      if (!op.names.some((n) => isPresent(c[n]))) continue;
      const inner = runOps(op.ops, c);
      if (typeof inner !== 'string') return inner;
      out += inner;
      continue;
    }
    const raw = c[op.name];
    if (!isPresent(raw)) return { problem: 'format-missing', field: op.name };
    const value = fieldText(raw, op);
    if (value === undefined || !op.test.test(value)) return { problem: 'format-invalid', field: op.name, value: raw };
    out += value;
  }
  return out;
}

function fieldText(raw: unknown, op: Op & { t: 'field' }): string | undefined {
  if (Array.isArray(raw)) return op.levels && raw.every((l) => typeof l === 'string') ? raw.join('·') : undefined;
  if (typeof raw === 'number') {
    if (!op.numeric && op.name !== 'year') return undefined;
    if (!Number.isSafeInteger(raw) || raw < 0) return undefined;
    raw = String(raw);
  }
  if (typeof raw !== 'string') return undefined;
  return op.width > raw.length && op.numeric ? raw.padStart(op.width, '0') : raw;
}
