import type { Issue, Locale } from '../../report/issue.js';
import { describeDefinition, type CheckDescription } from '../../report/check.js';
import { EEP_CHECKS, eepCheckOfIssueCode } from '../eep/checks.js';
import { BAG_CHECKS } from '../../formats/bagit/checks.js';
import { catalogueChecks } from '../../formats/catalogue/checks.js';
import { checkConfidence } from './evidence.js';
import { checkOfIssueCode, packageChecks, transferStageItem, type CheckDefinition, type PackageCheckId } from './registry.js';

/**
 * Describes a package check for the JUnit and SARIF formatters: title in a
 * locale, 四性 aspect, DA/T 70 item (with the parallel 移交-stage YJ item for
 * the `dat93` checks, which judge a 移交信息包), confidence and default
 * severity. Knows the checks of every profile: the `dat93` registry,
 * `EEP_CHECKS`, `BAG_CHECKS` and the catalogue checks.
 *
 * @param id - A check id.
 * @param locale - Locale of the title; `zh-CN` by default.
 * @returns The description, or `undefined` for an id that is not a package check.
 * @example
 * describePackageCheck('fixity.digest', 'en')?.dat70 //=> 'GD-1-1'
 * describePackageCheck('eep.content')?.aspect //=> 'authenticity'
 */
export function describePackageCheck(id: string, locale: Locale = 'zh-CN'): CheckDescription | undefined {
  const transfer = Object.hasOwn(packageChecks, id);
  const check: CheckDefinition | undefined = transfer
    ? packageChecks[id as PackageCheckId]
    : [...EEP_CHECKS, ...BAG_CHECKS, ...catalogueChecks].find((c) => c.id === id);
  if (check === undefined) return undefined;
  // dat93 checks judge a 移交信息包: name the parallel YJ item beside the GD item.
  const yj = transfer ? transferStageItem(check.dat70) : undefined;
  return { ...describeDefinition(check, locale), ...(yj !== undefined ? { yj } : {}), confidence: checkConfidence(id, check) };
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
