import { findArchivalCategory } from '../model/category.js';
import { createIssue } from '../report/createIssue.js';
import type { Issue, Severity } from '../report/issue.js';
import type { IssueCode } from '../report/messages/index.js';
import type { ArchivalCodeComponents, ComponentName } from './components.js';
import { fieldSpecs } from './fields.js';
import type { ParseArchivalCodeOptions } from './options.js';
import type { ArchivalCodeProfile, OrgCodeForm } from './profile.js';

/** DA/T 70-2018 GD-1-7 档号规范性检测: every conformity issue carries it. */
export const CONFORMITY_CHECK = 'GD-1-7';

const ORG_FORMS: Readonly<Record<OrgCodeForm, RegExp>> = {
  letters3: /^[A-Z]{3}$/,
  digits3: /^\d{3}$/,
  letters: /^[A-Z]+$/,
  digits: /^\d+$/,
  chinese: /^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+$/,
};
const FOUR_DIGITS = /^\d{4}$/;
const ZEROS = /^0+$/;
const FIXED_RETENTION = /^D[1-9]\d*$/;
const NUMBER_FIELDS: readonly ('catalogueNumber' | 'volumeNumber' | 'groupNumber' | 'itemNumber' | 'pageNumber')[] = ['catalogueNumber', 'volumeNumber', 'groupNumber', 'itemNumber', 'pageNumber'];

/** `件号 itemNumber`: the field's Chinese term and code name, for messages in either locale. */
export function fieldLabel(name: ComponentName): string {
  return `${fieldSpecs[name].zh} ${name}`;
}

/**
 * Applies a profile's value rules to components that matched its structure:
 * 门类 code, 年度 form and range, 保管期限 code, 机构 form, number widths and
 * 全宗号 form. Tolerated deviations are warnings, or errors with `strict`.
 *
 * @param profile - The profile the components matched.
 * @param c - The components.
 * @param options - Strictness, locale, year range and 门类 table.
 * @returns The issues, empty when the components conform.
 * @example
 * validateComponents(getProfile('dat22')!, { fondsCode: 'Z109', categoryCode: 'WS', year: '2011', retentionPeriod: 'D50', itemNumber: '0001' })[0]?.code
 * //=> 'archival-code.retention-not-allowed'
 */
export function validateComponents(
  profile: ArchivalCodeProfile,
  c: ArchivalCodeComponents,
  options: ParseArchivalCodeOptions = {},
): Issue[] {
  const issues: Issue[] = [];
  const tolerated: Severity = options.strict ? 'error' : 'warning';
  const add = (code: IssueCode, params: Record<string, unknown>, received: unknown, extra: { severity?: Severity; expected?: unknown } = {}) =>
    issues.push(createIssue(code, { check: CONFORMITY_CHECK, params, received, locale: options.locale, ...extra }));

  if (c.categoryCode !== undefined && !profile.fixedValues.categoryCode && !findArchivalCategory(c.categoryCode, options.categories)) {
    add('archival-code.unknown-category', { category: c.categoryCode }, c.categoryCode, { severity: tolerated });
  }
  if (c.year !== undefined) checkYear(c.year, options, add);
  if (c.retentionPeriod !== undefined) checkRetention(profile, c.retentionPeriod, tolerated, add);
  if (c.orgCode !== undefined && !profile.orgCodeForms.some((form) => ORG_FORMS[form].test(c.orgCode as string))) {
    add('archival-code.org-code-form', { org: c.orgCode, profile: profile.id, forms: profile.orgCodeForms }, c.orgCode, {
      severity: tolerated,
      expected: profile.orgCodeForms,
    });
  }
  for (const name of NUMBER_FIELDS) {
    const value = c[name];
    if (value === undefined) continue;
    if (ZEROS.test(value)) add('archival-code.number-zero', { field: fieldLabel(name), value }, value);
    const width = profile.widths[name];
    if (width !== undefined && value.length !== width) {
      add('archival-code.number-width', { field: fieldLabel(name), value, width }, value, { severity: tolerated, expected: width });
    }
  }
  if (profile.fondsCodeForm && c.fondsCode !== undefined && !profile.fondsCodeForm.test(c.fondsCode)) {
    // Inferred from DA/T 13-2022 examples (one letter + 3 digits): never an error.
    add('archival-code.fonds-code-form', { fonds: c.fondsCode, form: profile.fondsCodeForm.source }, c.fondsCode, {
      severity: options.strict ? 'warning' : 'info',
      expected: profile.fondsCodeForm.source,
    });
  }
  return issues;
}

type Add = (code: IssueCode, params: Record<string, unknown>, received: unknown, extra?: { severity?: Severity; expected?: unknown }) => void;

function checkYear(year: string, options: ParseArchivalCodeOptions, add: Add): void {
  // DA/T 22-2015 §5.4: 年度 is written in full, 4 digits.
  if (!FOUR_DIGITS.test(year)) {
    add('archival-code.year-format', { year }, year, { expected: 'YYYY' });
    return;
  }
  const min = options.minYear ?? 1900;
  const max = (options.currentYear ?? new Date().getFullYear()) + 1;
  const n = Number(year);
  if (n < min || n > max) add('archival-code.year-implausible', { year, min, max }, year, { expected: `${min}–${max}` });
}

function checkRetention(profile: ArchivalCodeProfile, code: string, tolerated: Severity, add: Add): void {
  const allowed = profile.retentionPeriods;
  if (allowed.includes(code) || (FIXED_RETENTION.test(code) && allowed.includes('D*'))) return;
  // Before 2006 stamps used Y 永久 / C 长期 / D 短期 (standards-paper §3.2).
  if (code === 'C' || code === 'D') add('archival-code.retention-legacy', { retention: code }, code, { severity: tolerated, expected: allowed });
  else add('archival-code.retention-not-allowed', { retention: code, profile: profile.id, allowed }, code, { expected: allowed });
}
