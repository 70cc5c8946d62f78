/** A parsed `BagIt-Version` value. */
export interface BagVersion {
  readonly major: number;
  readonly minor: number;
}

/** Versions with a published specification (draft-kunze-bagit 0.93–0.97, RFC 8493 = 1.0). */
export const KNOWN_BAG_VERSIONS: readonly string[] = ['0.93', '0.94', '0.95', '0.96', '0.97', '1.0'];

/**
 * Parses a `BagIt-Version` value of the form `M.N` (RFC 8493 §2.1.1).
 *
 * @param text - The value, without surrounding whitespace.
 * @returns The version, or undefined when it is not `M.N` (e.g. `.97`).
 * @example
 * parseBagVersion('0.97') //=> { major: 0, minor: 97 }
 * parseBagVersion('.97') //=> undefined
 */
export function parseBagVersion(text: string): BagVersion | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(text);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/**
 * True when a version is 1.0 or later, where RFC 8493's stricter rules apply
 * (duplicate manifest entries are errors, `%25` is decoded, bagit.txt has no
 * whitespace before the colon).
 *
 * @param version - A parsed version.
 * @returns Whether RFC 8493 (1.0) rules apply.
 * @example
 * isRfc8493({ major: 0, minor: 97 }) //=> false
 */
export function isRfc8493(version: BagVersion): boolean {
  return version.major >= 1;
}

/**
 * True when a version lies within 0.93–1.0, the range of published BagIt
 * specifications (draft-kunze-bagit 0.93–0.97 and RFC 8493 = 1.0). A bag
 * declaring another version (0.92, 1.1, 2.0) cannot be checked against any
 * specification and is an error (RFC 8493 §2.1.1).
 *
 * @param version - A parsed version.
 * @returns Whether the version is within 0.93–1.0.
 * @example
 * isSupportedBagVersion({ major: 2, minor: 0 }) //=> false
 * isSupportedBagVersion({ major: 0, minor: 97 }) //=> true
 */
export function isSupportedBagVersion(version: BagVersion): boolean {
  if (version.major === 1) return version.minor === 0;
  return version.major === 0 && version.minor >= 93 && version.minor <= 99;
}
