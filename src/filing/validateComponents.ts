import { archivalCategories, findArchivalCategory } from '../model/category.js';
import { createIssue } from '../report/createIssue.js';
import type { Issue, Severity } from '../report/issue.js';
import type { IssueCode } from '../report/messages/index.js';
import type { ArchivalCodeComponents, ComponentName } from './components.js';
import { fieldSpecs } from './fields.js';
import type { ParseArchivalCodeOptions } from './options.js';
import type { ArchivalCodeProfile, OrgCodeForm } from './profile.js';

/** DA/T 70-2018 GD-1-7 档号规范性检测: every conformity issue carries it. */
export const CONFORMITY_CHECK = 'GD-1-7';

const isUpper = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHan = (c: number) => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
function all(value: string, test: (c: number) => boolean): boolean {
  for (let i = 0; i < value.length; i++) if (!test(value.charCodeAt(i))) return false;
  return value.length > 0;
}

// DA/T 22-2015 §5.4 (3 letters or 3 digits); DA/T 13-2022 §5 (letters, digits or Chinese).
const ORG_FORMS: Readonly<Record<OrgCodeForm, (value: string) => boolean>> = {
  letters3: (v) => v.length === 3 && all(v, isUpper),
  digits3: (v) => v.length === 3 && all(v, isDigit),
  letters: (v) => all(v, isUpper),
  digits: (v) => all(v, isDigit),
  chinese: (v) => all(v, isHan),
};
const FIXED_RETENTION = /^D[1-9]\d*$/;

/**
 * The field's Chinese term and code name, for messages in either locale.
 *
 * @param name - A component name.
 * @returns e.g. `件号 itemNumber`.
 * @example
 * fieldLabel('itemNumber') //=> '件号 itemNumber'
 */
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
): readonly Issue[] {
  // Hot path: most codes conform, so nothing is allocated until an issue is found.
  let issues: Issue[] | undefined;
  const tolerated: Severity = options.strict ? 'error' : 'warning';
  const { categoryCode, year, retentionPeriod, orgCode, fondsCode } = c;
  if (categoryCode !== undefined && !profile.fixedValues.categoryCode && !isKnownCategory(categoryCode, options)) {
    (issues ??= []).push(issueOf('archival-code.unknown-category', { category: categoryCode }, categoryCode, options, { severity: tolerated }));
  }
  if (year !== undefined) {
    const issue = checkYear(year, options);
    if (issue) (issues ??= []).push(issue);
  }
  if (retentionPeriod !== undefined) {
    const issue = checkRetention(profile, retentionPeriod, tolerated, options);
    if (issue) (issues ??= []).push(issue);
  }
  if (orgCode !== undefined && !profile.acceptsOrgCode(orgCode)) {
    const params = { org: orgCode, profile: profile.id, forms: profile.orgCodeForms };
    (issues ??= []).push(issueOf('archival-code.org-code-form', params, orgCode, options, { severity: tolerated, expected: profile.orgCodeForms }));
  }
  // Named loads, one per number component (a loop over names would be a keyed load per code).
  if (c.catalogueNumber !== undefined) issues = checkNumber(profile, 'catalogueNumber', c.catalogueNumber, options, issues);
  if (c.volumeNumber !== undefined) issues = checkNumber(profile, 'volumeNumber', c.volumeNumber, options, issues);
  if (c.groupNumber !== undefined) issues = checkNumber(profile, 'groupNumber', c.groupNumber, options, issues);
  if (c.itemNumber !== undefined) issues = checkNumber(profile, 'itemNumber', c.itemNumber, options, issues);
  if (c.pageNumber !== undefined) issues = checkNumber(profile, 'pageNumber', c.pageNumber, options, issues);
  if (profile.fondsCodeForm && fondsCode !== undefined && !profile.fondsCodeForm.test(fondsCode)) {
    // Inferred from DA/T 13-2022 examples (one letter + 3 digits): never an error.
    const form = profile.fondsCodeForm.source;
    const severity: Severity = options.strict ? 'warning' : 'info';
    (issues ??= []).push(issueOf('archival-code.fonds-code-form', { fonds: fondsCode, form }, fondsCode, options, { severity, expected: form }));
  }
  return issues ?? NO_ISSUES;
}

// Shared by every clean result, so a clean code allocates no issue list.
const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/**
 * A test for a list of 机构 code forms.
 *
 * @param forms - The forms a profile allows.
 * @returns A function accepting a code of any of them.
 * @example
 * orgCodeAcceptor(['letters3', 'digits3'])('BGS') //=> true
 */
export function orgCodeAcceptor(forms: readonly OrgCodeForm[]): (value: string) => boolean {
  const tests = forms.map((f) => ORG_FORMS[f]);
  if (tests.length === 1) return tests[0] as (value: string) => boolean;
  return (v) => {
    for (const test of tests) if (test(v)) return true;
    return false;
  };
}

function checkNumber(
  profile: ArchivalCodeProfile,
  name: ComponentName,
  value: string,
  options: ParseArchivalCodeOptions,
  issues: Issue[] | undefined,
): Issue[] | undefined {
  if (isZeros(value)) (issues ??= []).push(issueOf('archival-code.number-zero', { field: fieldLabel(name), value }, value, options));
  const width = profile.widths[name];
  if (width !== undefined && value.length !== width) {
    const params = { field: fieldLabel(name), value, width };
    const severity: Severity = options.strict ? 'error' : 'warning';
    (issues ??= []).push(issueOf('archival-code.number-width', params, value, options, { severity, expected: width }));
  }
  return issues;
}

function issueOf(
  code: IssueCode,
  params: Record<string, unknown>,
  received: unknown,
  options: ParseArchivalCodeOptions,
  extra: { severity?: Severity; expected?: unknown } = {},
): Issue {
  return createIssue(code, { check: CONFORMITY_CHECK, params, received, locale: options.locale, ...extra });
}

// The DA/T 13-2022 codes as numbers (two letters -> one small integer): a
// set of small integers is looked up without hashing a fresh string.
const twoLetterKey = (code: string) => code.charCodeAt(0) * 128 + code.charCodeAt(1);
const DEFAULT_CATEGORIES = new Set<number>(archivalCategories.map((row) => twoLetterKey(row.code)));

function isKnownCategory(code: string, options: ParseArchivalCodeOptions): boolean {
  if (options.categories) return findArchivalCategory(code, options.categories) !== undefined;
  return code.length === 2 && DEFAULT_CATEGORIES.has(twoLetterKey(code));
}

function isZeros(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== 48) return false;
  return value.length > 0;
}

let cachedYear = 0;
let cachedUntil = 0;
// The current year, re-read at most once a minute (a Date per code would dominate the hot path).
function thisYear(): number {
  const now = Date.now();
  if (now >= cachedUntil) {
    cachedYear = new Date(now).getFullYear();
    cachedUntil = now + 60_000;
  }
  return cachedYear;
}

// The value of a 4-digit year, or -1 when it is not 4 ASCII digits.
function fourDigitValue(year: string): number {
  if (year.length !== 4) return -1;
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const d = year.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function checkYear(year: string, options: ParseArchivalCodeOptions): Issue | undefined {
  // DA/T 22-2015 §5.4: 年度 is written in full, 4 digits.
  const n = fourDigitValue(year);
  if (n < 0) return issueOf('archival-code.year-format', { year }, year, options, { expected: 'YYYY' });
  const min = options.minYear ?? 1900;
  const max = (options.currentYear ?? thisYear()) + 1;
  if (n < min || n > max) return issueOf('archival-code.year-implausible', { year, min, max }, year, options, { expected: `${min}–${max}` });
  return undefined;
}

function checkRetention(profile: ArchivalCodeProfile, code: string, tolerated: Severity, options: ParseArchivalCodeOptions): Issue | undefined {
  const allowed = profile.retentionPeriods;
  if (allowed.includes(code) || (allowed.includes('D*') && FIXED_RETENTION.test(code))) return undefined;
  // Before 2006 stamps used Y 永久 / C 长期 / D 短期 (standards-paper §3.2).
  if (code === 'C' || code === 'D') return issueOf('archival-code.retention-legacy', { retention: code }, code, options, { severity: tolerated, expected: allowed });
  return issueOf('archival-code.retention-not-allowed', { retention: code, profile: profile.id, allowed }, code, options, { expected: allowed });
}
