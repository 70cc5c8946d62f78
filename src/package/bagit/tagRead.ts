import type { PackageSource } from '../source.js';
import type { BagStage, Findings } from './findings.js';
import { checkBagPath } from './pathSafety.js';
import { decodeBagPath } from '../../formats/bagit/manifestPath.js';
import { hasUtf8Bom, type TagEncoding } from '../../formats/bagit/tagText.js';

/** Tag files larger than this are not read into memory (they are still hashed). */
export const MAX_TAG_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Reads and decodes a tag file in the declared encoding, recording
 * `bagit.tag-file.bom` (UTF-8 BOM, skipped) and `bagit.tag-file.decode-failed`.
 *
 * @param source - The package.
 * @param path - Tag file path.
 * @param encoding - The declared tag-file encoding.
 * @param findings - Collector.
 * @param stage - Stage to record issues under.
 * @returns The text, or undefined when it cannot be read or decoded.
 * @example
 * await readTagText(source, 'bag-info.txt', encoding, findings, 'bagit.metadata')
 */
export async function readTagText(
  source: PackageSource,
  path: string,
  encoding: TagEncoding,
  findings: Findings,
  stage: BagStage,
): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await source.read(path, { maxBytes: MAX_TAG_FILE_BYTES });
  } catch (error) {
    findings.add(stage, 'bagit.fixity.unreadable', { path, params: { reason: error instanceof Error ? error.message : String(error) } });
    return undefined;
  }
  if (encoding.utf8 && hasUtf8Bom(bytes)) findings.add(stage, 'bagit.tag-file.bom', { path });
  const text = encoding.decode(bytes);
  if (text === undefined) findings.add(stage, 'bagit.tag-file.decode-failed', { path, params: { encoding: encoding.declared } });
  return text;
}

/**
 * Turns a path as written in a manifest or fetch.txt into a bag path:
 * percent-decodes it, removes a leading `./` (linted) and applies the
 * path-safety rules before anything is looked up.
 *
 * @param written - The path as written (md5sum marker already removed).
 * @param context - Where it was written, the version rule and the collector.
 * @returns The safe bag path, or undefined when it is unsafe (an error was recorded).
 * @example
 * resolveDeclaredPath('./data/a', { file: 'manifest-md5.txt', line: 1, rfc8493: true, findings, stage: 'bagit.manifests' }) //=> 'data/a'
 */
export function resolveDeclaredPath(
  written: string,
  context: { file: string; line: number; rfc8493: boolean; findings: Findings; stage: BagStage },
): string | undefined {
  const where = { path: context.file, location: { line: context.line, column: 1 } };
  let path = decodeBagPath(written, context.rfc8493);
  if (path.startsWith('./')) {
    path = path.replace(/^(\.\/)+/, '');
    context.findings.add('bagit.lint', 'bagit.lint.leading-dot-slash', { ...where, received: written, expected: path, params: { source: context.file } });
  }
  const unsafe = checkBagPath(path);
  if (unsafe) {
    context.findings.add(context.stage, unsafe.code, { ...where, received: written, params: { source: context.file, ...unsafe.params } });
    return undefined;
  }
  return path;
}
