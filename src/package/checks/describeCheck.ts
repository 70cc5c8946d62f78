import type { Issue, Locale } from '../../report/issue.js';
import type { CheckDescription } from '../../report/format/checkInfo.js';
import { EEP_CHECKS, eepCheckOfIssueCode } from '../../formats/eep/checks.js';
import { checkOfIssueCode, packageChecks, type CheckDefinition, type PackageCheckId } from './registry.js';

/**
 * Describes a package check for the JUnit and SARIF formatters: title in a
 * locale, 四性 aspect, DA/T 70 item and default severity. Knows the checks
 * of the `dat93` registry and of the `eep` profile (`EEP_CHECKS`).
 *
 * @param id - A check id.
 * @param locale - Locale of the title; `zh-CN` by default.
 * @returns The description, or `undefined` for an id that is not a package check.
 * @example
 * describePackageCheck('fixity.digest', 'en')?.dat70 //=> 'GD-1-1'
 * describePackageCheck('eep.content')?.aspect //=> 'authenticity'
 */
export function describePackageCheck(id: string, locale: Locale = 'zh-CN'): CheckDescription | undefined {
  const check: CheckDefinition | undefined = Object.hasOwn(packageChecks, id)
    ? packageChecks[id as PackageCheckId]
    : EEP_CHECKS.find((c) => c.id === id);
  if (check === undefined) return undefined;
  return { title: check.title[locale], aspect: check.aspect, severity: check.severity, ...(check.dat70 !== undefined ? { dat70: check.dat70 } : {}) };
}

/**
 * The package check an issue belongs to, by its code and the report's
 * profile: an `eep` report groups by the EEP checks (`EEP_CHECKS`), any other
 * by the `dat93` registry (where every `eep.*` code belongs to `eep.packages`).
 *
 * @param issue - An issue of a package report.
 * @param profile - The report's profile; `dat93` rules when omitted.
 * @returns The check id, or `undefined`.
 * @example
 * packageCheckOfIssue({ code: 'content.missing' }) //=> 'content.link'
 * packageCheckOfIssue({ code: 'eep.value.domain' }, 'eep') //=> 'eep.value-domain'
 */
export function packageCheckOfIssue(issue: Pick<Issue, 'code'>, profile?: string): string | undefined {
  return profile === 'eep' ? eepCheckOfIssueCode(issue.code) : checkOfIssueCode(issue.code);
}
