
import type { Issue, Locale } from '../../report/issue.js';
import { readRootElement } from '../../xml/readRootElement.js';
import { parseFixityAlgorithm, type FixityRecord } from './fixityRecord.js';
import { FIXITY_FILE_ROOT as FIXITY_ROOT } from './vocabulary.js';
import { parseByteCount } from './parseByteCount.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { exportIssues } from '../../report/messages/export.js';

/** Result of {@link readFixityManifest}. */
export interface ReadFixityManifestResult {
  /** Entries that could be read, in document order. */
  records: FixityRecord[];
  issues: Issue[];
}

const FIELDS = ['路径', '算法', '数字摘要', '字节数'] as const;

/**
 * Reads `其他/固化验证信息.XML` back into {@link FixityRecord}s: the inverse of
 * {@link writeFixityManifest}. An entry lacking an element, naming an unknown
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
  const { root, issues } = readRootElement(input, options, { name: FIXITY_ROOT });
  if (!root) return { records: [], issues };
  const records = root.children
    .filter((c) => c.name === '文件')
    .flatMap((entry) => {
      const at = { line: entry.line, column: entry.column };
      const values = FIELDS.map((name) => entry.children.find((c) => c.name === name)?.text);
      const missing = FIELDS.filter((_, i) => values[i] === undefined);
      for (const element of missing) issues.push(createIssueFrom(exportIssues, 'export.xml.element-missing', { ...options, location: at, params: { parent: '文件', element } }));
      const [path, algorithmName, digest, bytes] = values;
      if (path === undefined || algorithmName === undefined || digest === undefined || bytes === undefined) return [];
      const algorithm = parseFixityAlgorithm(algorithmName);
      const invalid = (field: string, value: string, reason: string) =>
        issues.push(createIssueFrom(exportIssues, 'export.value.invalid', { ...options, location: at, received: value, params: { field, value, reason } }));
      if (!algorithm) invalid('算法', algorithmName, 'SM3, SHA256, SHA1 or MD5 expected');
      const count = parseByteCount(bytes);
      if (count === undefined) invalid('字节数', bytes, 'whole number up to 9007199254740991 expected');
      if (!algorithm || count === undefined) return [];
      return [{ path, algorithm, digest, bytes: count }];
    });
  return { records, issues };
}
