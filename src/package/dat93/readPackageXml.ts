import { readXml } from '../../xml/parse.js';
import type { XmlElement } from '../../xml/element.js';
import type { CheckRun } from '../checks/checkRun.js';
import { ReadLimitError, type PackageSource } from '../source.js';
import type { XmlLimits } from '../../xml/limits.js';
import type { Issue, Locale } from '../../report/issue.js';

/** Why a file was not read: the source's error, and for a file over the byte cap its size and the cap. */
export interface ReadFailure {
  error: string;
  overLimit?: { size: number; limit: number };
}

/**
 * Reads and parses one XML file of a package through the hardened XML layer
 * (encoding detection, DOCTYPE refusal, limits) and adds its issues to the run
 * (`xml.*` to GD-3-1 readability, hardening issues to security). Never throws.
 *
 * @param source - The package source.
 * @param path - Source path of the XML file.
 * @param run - The check run.
 * @param maxBytes - Largest file read.
 * @returns The root element, or `undefined` when the file could not be read or parsed.
 * @example
 * const root = await readPackageXml(source, '目录文件.XML', run, 2 ** 28);
 */
export async function readPackageXml(source: PackageSource, path: string, run: CheckRun, maxBytes: number): Promise<XmlElement | undefined> {
  return parsePackageXml(await readBytes(source, path, maxBytes), path, run);
}

/**
 * Reads a file's bytes, or the reason it cannot be read. Never throws.
 *
 * @param source - The package source.
 * @param path - Source path.
 * @param maxBytes - Largest file read.
 * @returns The bytes, or an error message.
 * @example
 * const read = await readBytes(source, '目录文件.XML', 2 ** 28);
 */
export async function readBytes(source: PackageSource, path: string, maxBytes: number): Promise<Uint8Array | ReadFailure> {
  try {
    return await source.read(path, { maxBytes });
  } catch (error) {
    if (error instanceof ReadLimitError) return { error: error.message, overLimit: { size: error.size, limit: error.limit } };
    return { error: (error as Error).message };
  }
}

/**
 * Parses bytes read by {@link readBytes} as XML and adds the issues to the run
 * (see {@link readPackageXml}): with the format's one reader when given
 * (`readItemMetadataDocument` for item metadata), else as an element tree.
 *
 * @param read - Bytes, or the read error.
 * @param path - Source path of the file.
 * @param run - The check run.
 * @param limits - XML limits for this file, over the run's (a shrinking time budget).
 * @param reader - The format's reader; its result is returned (empty when the bytes could not be read).
 * @returns The root element, or `undefined`; with `reader`, its result.
 * @example
 * const root = parsePackageXml(await readBytes(source, path, max), path, run);
 */
export function parsePackageXml(read: Uint8Array | ReadFailure, path: string, run: CheckRun, limits?: Partial<XmlLimits>): XmlElement | undefined;
export function parsePackageXml<R extends { issues: Issue[] }>(
  read: Uint8Array | ReadFailure,
  path: string,
  run: CheckRun,
  limits: Partial<XmlLimits> | undefined,
  reader: (bytes: Uint8Array, options: { path: string; locale: Locale; limits: Partial<XmlLimits> }) => R,
): Partial<R>;
export function parsePackageXml(
  read: Uint8Array | ReadFailure,
  path: string,
  run: CheckRun,
  limits?: Partial<XmlLimits>,
  reader?: (bytes: Uint8Array, options: { path: string; locale: Locale; limits: Partial<XmlLimits> }) => { issues: Issue[] },
): unknown {
  run.ran('xml.readable');
  run.ran('security.xml-entities');
  if (!(read instanceof Uint8Array)) {
    // Over the byte cap: never read, never decoded (docs/security.md, bounded readers).
    if (read.overLimit) run.report('xml.limit-bytes', { path, received: read.overLimit.size, expected: read.overLimit.limit, params: { entry: path, received: read.overLimit.size, limit: read.overLimit.limit } });
    else run.report('content.unreadable', { path, params: { reason: read.error } });
    return reader ? {} : undefined;
  }
  const options = { path, locale: run.locale, limits: limits ? { ...run.xmlLimits, ...limits } : run.xmlLimits };
  // A format's one reader (docs/architecture.md) when given; the XML tree otherwise.
  const result = reader ? reader(read, options) : readXml(read, options);
  for (const issue of result.issues) run.adopt({ ...issue, path }, 'xml.readable');
  return reader ? result : (result as { root?: XmlElement }).root;
}

export { localName } from '../../xml/localName.js';
