import * as z from 'zod';
import { createIssueFrom } from '../report/createIssue.js';
import type { Issue } from '../report/issue.js';
import { filingIssues } from '../report/messages/filing.js';
import { buildProfile } from './compileProfile.js';
import type { ArchivalCodeProfile, ArchivalCodeProfileDefinition } from './profile.js';
import { addProfile } from './registry.js';
import { parseTemplate } from './template.js';

// Checking a profile definition needs zod; parsing and formatting codes with a
// compiled profile do not (src/filing/compileProfile.ts), so this lives apart.

const citationSchema = z.object({
  standard: z.string().min(1),
  clause: z.string().optional(),
  confidence: z.enum(['verified', 'single-source', 'inferred']),
});

/**
 * The zod schema of an {@link ArchivalCodeProfileDefinition}; the template is
 * checked by {@link parseTemplate}. Use {@link compileProfile}, which maps its
 * issues to ours; the schema is exported for JSON Schema generation.
 *
 * @example
 * profileDefinitionSchema.safeParse({ id: 'x', template: '{itemNumber}' }).success //=> true
 */
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
  readBack: z.boolean().optional(),
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
      createIssueFrom(filingIssues, 'archival-code.profile-invalid', {
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

/**
 * Compiles a profile and registers it under its id, so that `profile: id`,
 * {@link detectProfile} and the CLI's `--profile` find it. Your own profiles
 * have priority 150 unless set, so detection tries them before the built-ins.
 *
 * @param definition - The profile definition (validated).
 * @param options - `replace: true` replaces a registered profile of the same id (not a built-in).
 * @returns The compiled profile.
 * @throws {ArchivalCodeProfileError} When the definition is invalid.
 * @throws {Error} When the id is taken and `replace` is not set, or names a built-in.
 * @example
 * registerProfile({ id: 'city-archive', template: '{fondsCode}-{year}-{orgCode}-{itemNumber:4}' });
 * parseArchivalCode('J001-2020-BGS-0007', { profile: 'city-archive' }).valid //=> true
 */
export function registerProfile(
  definition: ArchivalCodeProfileDefinition,
  options: { replace?: boolean } = {},
): ArchivalCodeProfile {
  return addProfile(compileProfile(definition), options);
}
