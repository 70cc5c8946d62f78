
import type { Issue, Locale } from '../../report/issue.js';
import type { ParsedPackageDescription } from './parsePackageDescription.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { packageIssues } from '../../report/messages/package.js';

/**
 * Reports every repeated key of 说明文件.TXT (DA/T 93-2022 附录B: one line
 * per key) as `package.description-key-duplicate`: a warning when the repeat
 * agrees with the first value, an error when it differs, since the first value
 * is the one the other checks use and a reader cannot tell which was meant.
 * A per-check override of `package.description` still wins.
 *
 * @param description - The parsed 说明文件.
 * @param path - Source path of 说明文件.TXT.
 * @param locale - Message locale.
 * @returns One issue per repeated key, for the caller's check (`package.description` in dat93).
 * @example
 * duplicateKeyIssues(parsePackageDescription('档案数量：3\n档案数量：2\n'), '说明文件.TXT', 'en'); // one error
 */
export function duplicateKeyIssues(description: Pick<ParsedPackageDescription, 'duplicates'>, path: string, locale: Locale): Issue[] {
  return description.duplicates.map(({ key, first, value, location }) =>
    createIssueFrom(packageIssues, 'package.description-key-duplicate', {
      locale,
      path,
      location,
      severity: value === first ? 'warning' : 'error',
      expected: first,
      received: value,
      params: { key, first, value },
    }),
  );
}
