
import { buildReport, type Report } from '../../report/report.js';
import { ReadLimitError, type PackageSource } from '../source.js';
import { defaultLimits } from '../limits.js';
import type { ValidateEepOptions } from './context.js';
import { validateEep } from './validateEep.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { generalIssues } from '../../report/messages/general.js';
import { limitsIssues } from '../../report/messages/limits.js';

/**
 * Validates one `.eep` entry of a package (e.g. in a dat93 item folder), for
 * the package validator: reads it through the source and runs
 * {@link validateEep} with the entry's path on every issue.
 *
 * @param source - The package source.
 * @param path - Package-relative path of the `.eep` file.
 * @param options - As {@link validateEep}; `path` is set from `path`.
 * @param maxBytes - Largest `.eep` read (default `defaultLimits.maxXmlBytes`): a larger one is
 *   not read, and never decoded into a string (`xml.limit-bytes`).
 * @returns The entry's report (profile `eep`); an unreadable entry gives
 *   `input.unreadable`. Never throws on bad input.
 * @example
 * const report = await validateEepEntry(source, 'Z001/WS/2024/Z001-WS·2024-Y-BGS-0001/正文.eep');
 * report.issues // merge into the package report
 */
export async function validateEepEntry(source: PackageSource, path: string, options: ValidateEepOptions = {}, maxBytes: number = defaultLimits.maxXmlBytes): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = await source.read(path, { maxBytes });
  } catch (error) {
    if (error instanceof ReadLimitError) return eepOverLimit(path, error.size, error.limit, options);
    const reason = error instanceof Error ? error.message : String(error);
    return buildReport({
      profile: 'eep',
      issues: [createIssueFrom(generalIssues, 'input.unreadable', { path, locale: options.locale, params: { reason } })],
      checks: [{ id: 'eep.xml', status: 'failed' }],
    });
  }
  return validateEep(bytes, { ...options, path });
}

/**
 * The report of an `.eep` over the byte cap: one `xml.limit-bytes` issue at
 * its path (exit 1: a hostile package, not an unusable input).
 *
 * @param path - The file's path.
 * @param size - Its size in bytes.
 * @param limit - The cap.
 * @param options - For the locale.
 * @returns The report (profile `eep`).
 * @example
 * eepOverLimit('a.eep', 2 ** 30, 2 ** 28, { locale: 'en' }).issues[0].code //=> 'xml.limit-bytes'
 */
export function eepOverLimit(path: string, size: number, limit: number, options: Pick<ValidateEepOptions, 'locale'> = {}): Report {
  return buildReport({
    profile: 'eep',
    issues: [createIssueFrom(limitsIssues, 'xml.limit-bytes', { path, locale: options.locale, received: size, expected: limit, params: { entry: path, received: size, limit } })],
    checks: [{ id: 'eep.xml', status: 'failed' }],
  });
}
