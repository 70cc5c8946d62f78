import type { CheckRun } from '../checks/checkRun.js';
import type { PackageEntry } from '../source.js';
import { isSafePath } from './isSafePath.js';

/**
 * Splits a source's entries into the ones validation may read and the ones it
 * must refuse, reporting each refusal under `security.entries`: paths that
 * escape the package or are absolute, links (never followed), special files
 * and encrypted archive entries. Refused entries are never read.
 *
 * @param entries - Every entry of the source.
 * @param run - The check run to report into.
 * @returns The safe entries (files and folders).
 * @example
 * const safe = screenEntries(await source.entries(), run);
 */
export function screenEntries(entries: readonly PackageEntry[], run: CheckRun): PackageEntry[] {
  run.ran('security.entries');
  const safe: PackageEntry[] = [];
  for (const entry of entries) {
    const details = { path: entry.path, params: { entry: entry.path } };
    if (!isSafePath(entry.path)) run.report('package.path-unsafe', details);
    else if (entry.kind === 'symlink') run.report('package.link', details);
    else if (entry.kind === 'other') run.report('package.entry-special', details);
    else if (entry.encrypted) run.report('package.entry-encrypted', details);
    else safe.push(entry);
  }
  return safe;
}
