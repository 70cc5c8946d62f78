
import type { Issue, Locale } from '../report/issue.js';
import type { XmlElement } from './element.js';
import { readXml } from './parse.js';
import { createIssueFrom } from '../report/createIssue.js';
import { exportIssues } from '../report/messages/export.js';

/** Result of {@link readRootElement}: the root when it is the expected one, and the issues. */
export interface RootElementResult {
  /** The document element; absent when the XML is unreadable or the root is not the expected one. */
  root?: XmlElement;
  issues: Issue[];
}

/**
 * Reads an XML document for one of the export readers and checks its document
 * element: unreadable XML gives the `xml.*` issues, another root gives
 * `export.xml.root-unexpected` with its line and column. Never throws.
 *
 * @param input - Bytes (encoding from BOM/declaration) or text.
 * @param options - Path and locale for issues.
 * @param expected - The root's name as written in issues, and, when the test is not
 *   equality with that name, a predicate (e.g. any namespace prefix).
 * @returns The root when it is the expected one, and every issue.
 * @example
 * const { root, issues } = readRootElement(bytes, { path }, { name: '文件实体' });
 */
export function readRootElement(
  input: Uint8Array | string,
  options: { path?: string; locale?: Locale },
  expected: { name: string; matches?: (name: string) => boolean },
): RootElementResult {
  const { root, issues } = readXml(input, options);
  if (!root) return { issues };
  if (expected.matches ? expected.matches(root.name) : root.name === expected.name) return { root, issues };
  const params = { expected: expected.name, received: root.name };
  issues.push(createIssueFrom(exportIssues, 'export.xml.root-unexpected', { path: options.path, locale: options.locale, location: { line: root.line, column: root.column }, expected: expected.name, received: root.name, params }));
  return { issues };
}
