import { readFile } from 'node:fs/promises';
import type { BagitProfile } from '../formats/bagit/profile.js';
import { UsageError } from './io.js';

/** Profiles are small JSON documents; a bigger file is refused before it is parsed. */
const MAX_PROFILE_BYTES = 1024 * 1024;

/**
 * Reads `--bagit-profile FILE.json` (a file only: nothing is fetched) and
 * checks it with zod. An unreadable, oversized or malformed profile is a
 * usage error (exit 2) listing each problem as `field: reason`.
 *
 * @param file - The option's value, or undefined when not given.
 * @returns The profile, or undefined without the option.
 * @throws UsageError when the profile cannot be read or is malformed.
 * @example
 * const profile = await loadBagitProfileOption('profile.json');
 */
export async function loadBagitProfileOption(file: string | undefined): Promise<BagitProfile | undefined> {
  if (file === undefined) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) throw new UsageError(`--bagit-profile reads a local file, not a URL: ${file}`);
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_PROFILE_BYTES) throw new Error(`larger than ${MAX_PROFILE_BYTES} bytes`);
    text = bytes.toString('utf8');
  } catch (error) {
    throw new UsageError(`cannot read the BagIt Profile ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // zod loads only when a profile is given (docs/architecture.md).
  const { parseBagitProfile } = await import('../formats/bagit/profileSchema.js');
  const parsed = parseBagitProfile(text);
  if (!parsed.ok) throw new UsageError(`malformed BagIt Profile ${file}:\n  ${parsed.problems.join('\n  ')}`);
  return parsed.profile;
}
