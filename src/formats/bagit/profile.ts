import type { BagitProfile } from './profileSchema.js';

// BagIt Profiles Specification 1.4.0 (bagit-profiles/bagit-profiles-specification, CC0). The
// profile's schema and reader are in profileSchema.ts (they load zod); these helpers do not.

export type { BagitProfile, ParsedBagitProfile } from './profileSchema.js';

/**
 * True when a path matches a `Tag-Files-Allowed` / `Payload-Files-Allowed`
 * pattern: the specification's only wildcard is `*` (zero or more
 * characters); as in bagit-profiles-validator (Python fnmatch), `*` also
 * matches `/`.
 *
 * @param path - Bag-relative path.
 * @param pattern - A full path or a pattern with `*`.
 * @returns Whether it matches.
 * @example
 * matchesProfilePattern('DPN/dpnRegistry', 'DPN/*') //=> true
 */
export function matchesProfilePattern(path: string, pattern: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 's').test(path);
}

/**
 * True when a path matches one of the patterns ({@link matchesProfilePattern}).
 *
 * @param path - Bag-relative path.
 * @param patterns - Full paths or patterns.
 * @returns Whether any matches.
 * @example
 * matchesAnyProfilePattern('a.txt', ['*.txt']) //=> true
 */
export function matchesAnyProfilePattern(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesProfilePattern(path, pattern));
}

/** Media types of each serialization dangan reads, as `Accept-Serialization` may name them. */
export const SERIALIZATION_MEDIA_TYPES: Readonly<Record<'zip' | 'tar' | 'tgz', readonly string[]>> = {
  zip: ['application/zip', 'application/x-zip', 'application/x-zip-compressed'],
  tar: ['application/tar', 'application/x-tar'],
  tgz: ['application/gzip', 'application/x-gzip', 'application/tar+gzip', 'application/x-gtar', 'application/x-compressed-tar', 'application/x-tgz'],
};
