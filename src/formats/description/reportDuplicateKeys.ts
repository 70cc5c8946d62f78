import { createIssue } from '../../report/createIssue.js';
import type { CheckRun } from '../../package/checks/checkRun.js';
import type { ParsedPackageDescription } from './parsePackageDescription.js';

/**
 * Reports every repeated key of 说明文件.TXT (DA/T 93-2022 附录B: one line
 * per key) as `package.description-key-duplicate`: a warning when the repeat
 * agrees with the first value, an error when it differs, since the first value
 * is the one the other checks use and a reader cannot tell which was meant.
 * A per-check override of `package.description` still wins.
 *
 * @param description - The parsed 说明文件.
 * @param path - Source path of 说明文件.TXT.
 * @param run - The check run.
 * @example
 * reportDuplicateKeys(parsePackageDescription('档案数量：3\n档案数量：2\n'), '说明文件.TXT', run); // one error
 */
export function reportDuplicateKeys(description: Pick<ParsedPackageDescription, 'duplicates'>, path: string, run: CheckRun): void {
  for (const { key, first, value, location } of description.duplicates) {
    const issue = createIssue('package.description-key-duplicate', {
      locale: run.locale,
      path,
      location,
      severity: value === first ? 'warning' : 'error',
      expected: first,
      received: value,
      params: { key, first, value },
    });
    run.adopt(issue, 'package.description');
  }
}
