import { basename } from 'node:path';
import { validateEep } from '../../package/eep/validateEep.js';
import { eepOverLimit } from '../../package/eep/validateEepEntry.js';
import type { ValidateEepOptions } from '../../package/eep/context.js';
import { defaultLimits } from '../../package/limits.js';
import { buildReport, type Report } from '../../report/report.js';
import { readBoundedFile } from '../openChecked.js';
import { verifyEepSignature } from './verifyEepSignature.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { generalIssues } from '../../report/messages/general.js';

/**
 * Validates an `.eep` file on disk with signatures verified by node:crypto
 * ({@link verifyEepSignature}), unless options bring another verifier. The
 * file is read once and bounded (see `readBoundedFile`): a FIFO, device or
 * socket is refused before it is opened (`input.unreadable`), and a file over
 * `maxBytes` is not read at all (`xml.limit-bytes`), so no size of file can
 * become a string too long for the runtime.
 *
 * @param file - Path of the `.eep` file (a link to one is followed: it is the caller's argument).
 * @param options - As `validateEep`; `path` defaults to the file name; `maxBytes`: largest file read
 *   (default `defaultLimits.maxXmlBytes`, 256 MiB); `onRead`: given the file's bytes once read, before
 *   they are validated (the antivirus scan of `validatePath` scans them: no second read).
 * @returns The report (profile `eep`); an unreadable file gives `input.unreadable`.
 * @example
 * const report = await validateEepFile('9527.eep');
 */
export async function validateEepFile(file: string, options: ValidateEepOptions & { maxBytes?: number; onRead?: (bytes: Uint8Array) => void } = {}): Promise<Report> {
  const { maxBytes = defaultLimits.maxXmlBytes, onRead, ...eepOptions } = options;
  const path = eepOptions.path ?? basename(file);
  let read: Uint8Array | { size: number };
  try {
    read = readBoundedFile(file, maxBytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return buildReport({ profile: 'eep', issues: [createIssueFrom(generalIssues, 'input.unreadable', { path, locale: eepOptions.locale, params: { reason } })] });
  }
  if (!(read instanceof Uint8Array)) return eepOverLimit(path, read.size, maxBytes, eepOptions);
  onRead?.(read);
  return validateEep(read, { verifySignature: verifyEepSignature, ...eepOptions, path });
}
