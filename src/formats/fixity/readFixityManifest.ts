import type { Issue, Locale } from '../../report/issue.js';
import { parseFixityAlgorithm, type FixityRecord } from './fixityRecord.js';
import { FIXITY_ENTRY, FIXITY_FIELDS, FIXITY_FILE_ROOT } from './vocabulary.js';
import { parseByteCount } from './parseByteCount.js';
import { scanFixityFile } from './scanFixityFile.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { exportIssues } from '../../report/messages/export.js';

/** Result of {@link readFixityManifest}. */
export interface ReadFixityManifestResult {
  /** Entries that could be read, in document order. */
  records: FixityRecord[];
  issues: Issue[];
}

/**
 * Reads `其他/固化验证信息.XML` back into {@link FixityRecord}s: the inverse of
 * {@link writeFixityManifest}. The XML is read by the format's one reader,
 * `scanFixityFile` (as the dat93 validator reads it); another root is
 * `export.xml.root-unexpected`. An entry lacking an element, naming an unknown
 * algorithm, or with a byte count that is not a whole number (or is beyond
 * 2^53 − 1, where it could not be compared exactly) is reported with
 * its line and left out. Never throws.
 *
 * @param input - The file's bytes or text.
 * @param options - Path and locale for issues.
 * @returns Records and issues.
 * @example
 * readFixityManifest(bytes).records[0].algorithm //=> 'sm3'
 */
export function readFixityManifest(input: Uint8Array | string, options: { path?: string; locale?: Locale } = {}): ReadFixityManifestResult {
  const issues: Issue[] = [];
  const records: FixityRecord[] = [];
  const found = scanFixityFile(input, options.path, FIXITY_FILE_ROOT, options.locale ? { locale: options.locale } : {}, (issue) => issues.push(issue), (entry, location) => {
    const at = { line: location.line, column: location.column };
    const missing = FIXITY_FIELDS.filter((name) => entry[name] === undefined);
    for (const element of missing) issues.push(createIssueFrom(exportIssues, 'export.xml.element-missing', { ...options, location: at, params: { parent: FIXITY_ENTRY, element } }));
    const { 路径: path, 算法: algorithmName, 数字摘要: digest, 字节数: bytes } = entry;
    if (path === undefined || algorithmName === undefined || digest === undefined || bytes === undefined) return;
    const algorithm = parseFixityAlgorithm(algorithmName);
    const invalid = (field: string, value: string, reason: string) =>
      issues.push(createIssueFrom(exportIssues, 'export.value.invalid', { ...options, location: at, received: value, params: { field, value, reason } }));
    if (!algorithm) invalid('算法', algorithmName, 'SM3, SHA256, SHA1 or MD5 expected');
    const count = parseByteCount(bytes);
    if (count === undefined) invalid('字节数', bytes, 'whole number up to 9007199254740991 expected');
    if (algorithm && count !== undefined) records.push({ path, algorithm, digest, bytes: count });
  });
  if (found && found.name !== FIXITY_FILE_ROOT) {
    const params = { expected: FIXITY_FILE_ROOT, received: found.name };
    issues.push(createIssueFrom(exportIssues, 'export.xml.root-unexpected', { ...options, location: found.location, expected: FIXITY_FILE_ROOT, received: found.name, params }));
  }
  return { records, issues };
}
