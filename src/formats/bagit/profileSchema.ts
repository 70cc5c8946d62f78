import * as z from 'zod';
import { matchesAnyProfilePattern } from './profile.js';

// The zod schema of a BagIt Profile, apart from the pure helpers in profile.ts so that
// validation loads zod only when a profile is read (docs/architecture.md: where zod loads).
// BagIt Profiles Specification 1.4.0 (bagit-profiles/bagit-profiles-specification, CC0), §"Implementation Details".

const list = z.array(z.string().min(1));

/** One `Bag-Info` tag constraint (BagIt Profiles 1.4.0 `Bag-Info`). */
const bagInfoRule = z.looseObject({
  /** Default false. */
  required: z.boolean().optional(),
  /** Acceptable values; empty or missing accepts any value. */
  values: z.array(z.string()).optional(),
  /** Default true. */
  repeatable: z.boolean().optional(),
  description: z.string().optional(),
});

/** A BagIt version such as `1.0` or `0.97` (`Accept-BagIt-Version`). */
const bagVersion = z.string().regex(/^\d+\.\d+$/, 'a BagIt version is M.N, e.g. "1.0"');

/**
 * The zod schema of a BagIt Profile (BagIt Profiles Specification 1.3.0 and
 * 1.4.0). Keys keep the specification's spelling; fields the specification does
 * not define are kept (profiles carry tool-specific extras). The cross-field
 * rules of the specification are refinements: `*-Allowed` covers `*-Required`,
 * `Fetch.txt-Required` needs `Allow-Fetch.txt`, `Serialization: required` needs
 * `Accept-Serialization`.
 */
export const bagitProfileSchema = z
  .looseObject({
    // "The following tags are required in this section: Source-Organization, External-Description, Version, BagIt-Profile-Identifier".
    'BagIt-Profile-Info': z.looseObject({
      'BagIt-Profile-Identifier': z.string().min(1),
      'Source-Organization': z.string().min(1),
      'External-Description': z.string().min(1),
      Version: z.string().min(1),
      // Required from 1.2.0; a profile without it is read as 1.1.0.
      'BagIt-Profile-Version': z.string().optional(),
      'Contact-Name': z.string().optional(),
      'Contact-Phone': z.string().optional(),
      'Contact-Email': z.string().optional(),
    }),
    'Bag-Info': z.record(z.string().min(1), bagInfoRule).optional(),
    'Manifests-Required': list.optional(),
    'Manifests-Allowed': list.optional(),
    'Allow-Fetch.txt': z.boolean().optional(),
    'Fetch.txt-Required': z.boolean().optional(),
    'Data-Empty': z.boolean().optional(),
    Serialization: z.enum(['forbidden', 'required', 'optional']).optional(),
    'Accept-Serialization': list.optional(),
    // "At least one version is required."
    'Accept-BagIt-Version': z.array(bagVersion).min(1),
    'Tag-Manifests-Required': list.optional(),
    'Tag-Manifests-Allowed': list.optional(),
    'Tag-Files-Required': list.optional(),
    'Tag-Files-Allowed': list.optional(),
    'Payload-Files-Required': list.optional(),
    'Payload-Files-Allowed': list.optional(),
  })
  .superRefine((profile, context) => {
    const covers = (allowedKey: keyof typeof profile, requiredKey: keyof typeof profile, glob: boolean) => {
      const allowed = profile[allowedKey] as string[] | undefined;
      const required = profile[requiredKey] as string[] | undefined;
      if (!allowed || !required) return;
      for (const name of required) {
        const covered = glob ? matchesAnyProfilePattern(name, allowed) : allowed.includes(name);
        if (!covered) context.addIssue({ code: 'custom', path: [allowedKey], message: `must cover "${name}" of ${requiredKey}` });
      }
    };
    covers('Manifests-Allowed', 'Manifests-Required', false);
    covers('Tag-Manifests-Allowed', 'Tag-Manifests-Required', false);
    covers('Tag-Files-Allowed', 'Tag-Files-Required', true);
    covers('Payload-Files-Allowed', 'Payload-Files-Required', true);
    // "Fetch.txt-Required: only specify when Allow-Fetch.txt is true."
    if (profile['Fetch.txt-Required'] === true && profile['Allow-Fetch.txt'] === false) {
      context.addIssue({ code: 'custom', path: ['Fetch.txt-Required'], message: 'cannot be true when Allow-Fetch.txt is false' });
    }
    // "If serialization has a value of required …, at least one value is needed."
    if (profile.Serialization === 'required' && (profile['Accept-Serialization'] ?? []).length === 0) {
      context.addIssue({ code: 'custom', path: ['Accept-Serialization'], message: 'needs at least one media type when Serialization is required' });
    }
  });

/** A BagIt Profile as {@link parseBagitProfile} returns it. */
export type BagitProfile = z.infer<typeof bagitProfileSchema>;

/** What {@link parseBagitProfile} found: the profile, or why it is malformed. */
export type ParsedBagitProfile = { ok: true; profile: BagitProfile } | { ok: false; problems: string[] };

/**
 * Reads a BagIt Profile (BagIt Profiles Specification 1.3.0/1.4.0) from its
 * JSON text or an already-parsed value and checks it with
 * {@link bagitProfileSchema}. Never throws: a malformed profile comes back as
 * its problems, each `field: reason`.
 *
 * @param input - JSON text, or the value `JSON.parse` gave.
 * @returns The profile, or the problems.
 * @example
 * parseBagitProfile('{}').ok //=> false
 */
export function parseBagitProfile(input: unknown): ParsedBagitProfile {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, problems: [`JSON: ${(error as Error).message}`] };
    }
  }
  const result = bagitProfileSchema.safeParse(value);
  if (result.success) return { ok: true, profile: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(profile)'}: ${issue.message}`) };
}
