import { writeFile } from 'node:fs/promises';
import type { EepItem } from '../../formats/eep/model.js';
import { signEep, type EepSigner, type SignEepOptions } from '../../formats/eep/signEep.js';
import { writeEep } from '../../formats/eep/writeEep.js';
import type { ValidateEepOptions } from '../../package/eep/context.js';
import { validateEep } from '../../package/eep/validateEep.js';
import { buildReport, type Report } from '../../report/report.js';
import { writeAtomically } from '../build/writeAtomically.js';
import { verifyEepSignature } from './verifyEepSignature.js';

/** Options of {@link writeEepFile}. */
export interface WriteEepFileOptions extends Pick<ValidateEepOptions, 'locale' | 'severity'> {
  /** Signs the package (电子签名块 and 锁定签名) before it is checked; unsigned otherwise. */
  signer?: EepSigner;
  /** 签名时间, 签名人, 证书引证 of the signature. */
  sign?: Omit<SignEepOptions, 'locale'>;
}

/** What {@link writeEepFile} did. */
export interface WriteEepFileResult {
  /** The verdict of `dangan validate --profile eep` on the bytes written (or refused). */
  report: Report;
  /** True when the file was written; false when validation rejected the bytes (nothing was left). */
  written: boolean;
}

/**
 * The EEP writer that validates what it writes (issue 15): writes the item as
 * a DA/T 48-2009 封装包, signs it when a signer is given, checks the bytes with
 * the validator of `dangan validate` (signatures verified), and writes the
 * file through a temporary sibling renamed into place only when valid.
 *
 * @param file - The `.eep` file to create (must not exist).
 * @param item - The item to package.
 * @param options - Signer, signature fields, locale and severity overrides.
 * @returns The validation report and whether the file was written.
 * @throws Error when the file exists or cannot be written.
 * @example
 * const { written, report } = await writeEepFile('9527.eep', item, { signer });
 */
export async function writeEepFile(file: string, item: EepItem, options: WriteEepFileOptions = {}): Promise<WriteEepFileResult> {
  let bytes = writeEep(item);
  if (options.signer) {
    const signed = await signEep(bytes, options.signer, { ...options.sign, ...(options.locale ? { locale: options.locale } : {}) });
    if (!signed.ok) return { report: buildReport({ profile: 'eep', issues: signed.issues }), written: false };
    bytes = signed.bytes;
  }
  const report = await validateEep(bytes, { verifySignature: verifyEepSignature, ...(options.locale ? { locale: options.locale } : {}), ...(options.severity ? { severity: options.severity } : {}) });
  if (!report.valid) return { report, written: false };
  const { placed } = await writeAtomically(
    file,
    (temporary) => writeFile(temporary, bytes, { flag: 'wx' }),
    async () => ({ place: true, verdict: undefined }),
  );
  return { report, written: placed };
}
