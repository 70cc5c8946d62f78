import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { validateEep } from '../../package/eep/validateEep.js';
import type { ValidateEepOptions } from '../../package/eep/context.js';
import { createIssue } from '../../report/createIssue.js';
import { buildReport, type Report } from '../../report/report.js';
import { verifyEepSignature } from './verifyEepSignature.js';

/**
 * Validates an `.eep` file on disk with signatures verified by node:crypto
 * ({@link verifyEepSignature}), unless options bring another verifier.
 *
 * @param file - Path of the `.eep` file.
 * @param options - As `validateEep`; `path` defaults to the file name.
 * @returns The report (profile `eep`); an unreadable file gives `input.unreadable`.
 * @example
 * const report = await validateEepFile('9527.eep');
 */
export async function validateEepFile(file: string, options: ValidateEepOptions = {}): Promise<Report> {
  const path = options.path ?? basename(file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return buildReport({ profile: 'eep', issues: [createIssue('input.unreadable', { path, locale: options.locale, params: { reason } })] });
  }
  return validateEep(bytes, { verifySignature: verifyEepSignature, ...options, path });
}
