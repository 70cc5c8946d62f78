import { createIssue } from '../../report/createIssue.js';
import { buildReport, type Report } from '../../report/report.js';
import type { PackageSource } from '../source.js';
import type { ValidateEepOptions } from './context.js';
import { validateEep } from './validateEep.js';

/**
 * Validates one `.eep` entry of a package (e.g. in a dat93 item folder), for
 * the package validator: reads it through the source and runs
 * {@link validateEep} with the entry's path on every issue.
 *
 * @param source - The package source.
 * @param path - Package-relative path of the `.eep` file.
 * @param options - As {@link validateEep}; `path` is set from `path`.
 * @returns The entry's report (profile `eep`); an unreadable entry gives
 *   `input.unreadable`. Never throws on bad input.
 * @example
 * const report = await validateEepEntry(source, 'Z001/WS/2024/Z001-WS·2024-Y-BGS-0001/正文.eep');
 * report.issues // merge into the package report
 */
export async function validateEepEntry(source: PackageSource, path: string, options: ValidateEepOptions = {}): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = await source.read(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return buildReport({
      profile: 'eep',
      issues: [createIssue('input.unreadable', { path, locale: options.locale, params: { reason } })],
      checks: [{ id: 'eep.xml', status: 'failed' }],
    });
  }
  return validateEep(bytes, { ...options, path });
}
