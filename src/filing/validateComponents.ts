import { archivalCategories, findArchivalCategory } from '../model/category.js';
import { createIssueFrom } from '../report/createIssue.js';
import type { Issue, Severity } from '../report/issue.js';
import { filingIssues } from '../report/messages/filing.js';
import type { ArchivalCodeComponents, ComponentName } from './components.js';
import { fieldSpecs } from './fields.js';
import type { ParseArchivalCodeOptions } from './options.js';
import type { ArchivalCodeProfile, OrgCodeForm } from './profile.js';

/** DA/T 70-2018 GD-1-7 档号规范性检测: every conformity issue carries it. */
export const CONFORMITY_CHECK = 'GD-1-7';

const isUpper = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHan = (c: number) => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/**
 * The field's name for messages: its Chinese term in zh-CN, the term and
 * code name in en (a bilingual message param).
 *
 * @param name - A component name.
 * @returns e.g. `{ 'zh-CN': '件号', en: '件号 itemNumber' }`.
 * @example
 * fieldLabel('itemNumber').en //=> '件号 itemNumber'
 */
export function fieldLabel(name: ComponentName): { 'zh-CN': string; en: string } {
  return { 'zh-CN': fieldSpecs[name].zh, en: `${fieldSpecs[name].zh} ${name}` };
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
  // Hot path: most codes conform. Each rule is a predicate; its issue is built
  // (in a separate function, off the hot path) only when the predicate fails,
  // and nothing is allocated for a clean code.
  let issues: Issue[] | undefined;
  const { categoryCode, year, retentionPeriod, orgCode, fondsCode } = c;
  if (categoryCode !== undefined && !profile.fixedValues.categoryCode && !isKnownCategory(categoryCode, options)) {
    issues = add(issues, categoryIssue(categoryCode, options));
  }
  if (year !== undefined && !isPlausibleYear(year, options)) issues = add(issues, yearIssue(year, options));
  if (retentionPeriod !== undefined && !isAllowedRetention(profile.retentionPeriods, retentionPeriod)) {
    issues = add(issues, retentionIssue(profile, retentionPeriod, options));
  }
  if (orgCode !== undefined && !profile.acceptsOrgCode(orgCode)) issues = add(issues, orgCodeIssue(profile, orgCode, options));
  // Named loads, one per number component (a loop over names would be a keyed load per code).
  const { widths } = profile;
  const { catalogueNumber, volumeNumber, groupNumber, itemNumber, pageNumber } = c;
  if (catalogueNumber !== undefined && !isConformingNumber(catalogueNumber, widths.catalogueNumber)) {
    issues = numberIssues('catalogueNumber', catalogueNumber, widths.catalogueNumber, options, issues);
  }
  if (volumeNumber !== undefined && !isConformingNumber(volumeNumber, widths.volumeNumber)) {
    issues = numberIssues('volumeNumber', volumeNumber, widths.volumeNumber, options, issues);
  }
  if (groupNumber !== undefined && !isConformingNumber(groupNumber, widths.groupNumber)) {
    issues = numberIssues('groupNumber', groupNumber, widths.groupNumber, options, issues);
  }
  if (itemNumber !== undefined && !isConformingNumber(itemNumber, widths.itemNumber)) {
    issues = numberIssues('itemNumber', itemNumber, widths.itemNumber, options, issues);
  }
  if (pageNumber !== undefined && !isConformingNumber(pageNumber, widths.pageNumber)) {
    issues = numberIssues('pageNumber', pageNumber, widths.pageNumber, options, issues);
  }
  const { fondsCodeForm } = profile;
  if (fondsCodeForm && fondsCode !== undefined && !fondsCodeForm.test(fondsCode)) issues = add(issues, fondsCodeIssue(fondsCodeForm, fondsCode, options));
  return issues ?? NO_ISSUES;
}

function add(issues: Issue[] | undefined, issue: Issue): Issue[] {
  if (issues === undefined) return [issue];
  issues.push(issue);
  return issues;
}

function categoryIssue(category: string, options: ParseArchivalCodeOptions): Issue {
  return issueOf('archival-code.unknown-category', { category }, category, options, { severity: tolerated(options) });
}

function orgCodeIssue(profile: ArchivalCodeProfile, org: string, options: ParseArchivalCodeOptions): Issue {
  const params = { org, profile: profile.id, forms: profile.orgCodeForms };
  return issueOf('archival-code.org-code-form', params, org, options, { severity: tolerated(options), expected: profile.orgCodeForms });
}

function fondsCodeIssue(fondsCodeForm: RegExp, fonds: string, options: ParseArchivalCodeOptions): Issue {
  // Inferred from DA/T 13-2022 examples (one letter + 3 digits): never an error.
  const form = fondsCodeForm.source;
  const severity: Severity = options.strict ? 'warning' : 'info';
  return issueOf('archival-code.fonds-code-form', { fonds, form }, fonds, options, { severity, expected: form });
}

// The severity of a tolerated deviation: a warning, or an error with `strict`.
function tolerated(options: ParseArchivalCodeOptions): Severity {
  return options.strict ? 'error' : 'warning';
}

// Shared by every clean result, so a clean code allocates no issue list.
const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/**
 * A test for a list of 机构 code forms: DA/T 22-2015 §5.4 (3 letters or 3
 * digits), DA/T 13-2022 §5 (letters, digits or Chinese). One pass over the
 * value decides every form at once.
 *
 * @param forms - The forms a profile allows.
 * @returns A function accepting a code of any of them.
 * @example
 * orgCodeAcceptor(['letters3', 'digits3'])('BGS') //=> true
 * orgCodeAcceptor(['letters3', 'digits3'])('BG1') //=> false
 */
export function orgCodeAcceptor(forms: readonly OrgCodeForm[]): (value: string) => boolean {
  const letters = forms.includes('letters');
  const letters3 = letters || forms.includes('letters3');
  const digits = forms.includes('digits');
  const digits3 = digits || forms.includes('digits3');
  const chinese = forms.includes('chinese');
  return (v) => {
    const n = v.length;
    if (!(n > 0)) return false; // also a non-string, whose length is not a number
    let upper = letters3;
    let digit = digits3;
    let han = chinese;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      upper &&= isUpper(c);
      digit &&= isDigit(c);
      han &&= isHan(c);
      if (!(upper || digit || han)) return false;
    }
    return (upper && (letters || n === 3)) || (digit && (digits || n === 3)) || han;
  };
}

// Not all zeros, and as wide as the profile's `{name:width}` says (when it says).
function isConformingNumber(value: string, width: number | undefined): boolean {
  return !isZeros(value) && (width === undefined || value.length === width);
}

function numberIssues(
  name: ComponentName,
  value: string,
  width: number | undefined,
  options: ParseArchivalCodeOptions,
  issues: Issue[] | undefined,
): Issue[] | undefined {
  if (isZeros(value)) (issues ??= []).push(issueOf('archival-code.number-zero', { field: fieldLabel(name), value }, value, options));
  if (width !== undefined && value.length !== width) {
    const params = { field: fieldLabel(name), value, width };
    (issues ??= []).push(issueOf('archival-code.number-width', params, value, options, { severity: tolerated(options), expected: width }));
  }
  return issues;
}

function issueOf(
  code: keyof typeof filingIssues,
  params: Record<string, unknown>,
  received: unknown,
  options: ParseArchivalCodeOptions,
  extra: { severity?: Severity; expected?: unknown } = {},
): Issue {
  return createIssueFrom(filingIssues, code, { check: CONFORMITY_CHECK, params, received, locale: options.locale, ...extra });
}

// The DA/T 13-2022 门类 codes (two uppercase letters) as a 26 × 26 table:
// one array load per code instead of hashing it.
const letterPair = (code: string) => (code.charCodeAt(0) - 65) * 26 + (code.charCodeAt(1) - 65);
const DEFAULT_CATEGORIES = new Uint8Array(26 * 26);
for (const row of archivalCategories) DEFAULT_CATEGORIES[letterPair(row.code)] = 1;

function isKnownCategory(code: string, options: ParseArchivalCodeOptions): boolean {
  if (options.categories) return findArchivalCategory(code, options.categories) !== undefined;
  return code.length === 2 && isUpper(code.charCodeAt(0)) && isUpper(code.charCodeAt(1)) && DEFAULT_CATEGORIES[letterPair(code)] === 1;
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

// DA/T 22-2015 §5.4: 年度 is written in full, 4 digits, and falls between
// `minYear` (1900) and next year.
function isPlausibleYear(year: string, options: ParseArchivalCodeOptions): boolean {
  const n = fourDigitValue(year);
  return n >= 0 && n >= (options.minYear ?? 1900) && n <= (options.currentYear ?? thisYear()) + 1;
}

function yearIssue(year: string, options: ParseArchivalCodeOptions): Issue {
  if (fourDigitValue(year) < 0) return issueOf('archival-code.year-format', { year }, year, options, { expected: 'YYYY' });
  const min = options.minYear ?? 1900;
  const max = (options.currentYear ?? thisYear()) + 1;
  return issueOf('archival-code.year-implausible', { year, min, max }, year, options, { expected: `${min}–${max}` });
}

// Whether a 保管期限 code is one of the allowed codes, or a `D<n>` where `D*` is allowed.
function isAllowedRetention(allowed: readonly string[], code: string): boolean {
  let anyFixed = false;
  for (let i = 0; i < allowed.length; i++) {
    const a = allowed[i];
    if (a === code) return true;
    if (a === 'D*') anyFixed = true;
  }
  return anyFixed && isFixedRetention(code);
}

// `D<n>`, n without a leading zero: the `D*` of a profile (DA/T 13-2022 §5).
function isFixedRetention(code: string): boolean {
  // Components from a caller may hold anything: a non-string is not a code (and must not throw).
  if (typeof code !== 'string' || code.length < 2 || code.charCodeAt(0) !== 68 || code.charCodeAt(1) === 48) return false;
  for (let i = 1; i < code.length; i++) if (!isDigit(code.charCodeAt(i))) return false;
  return true;
}

function retentionIssue(profile: ArchivalCodeProfile, code: string, options: ParseArchivalCodeOptions): Issue {
  const allowed = profile.retentionPeriods;
  // Before 2006 stamps used Y 永久 / C 长期 / D 短期 (standards-paper §3.2).
  if (code === 'C' || code === 'D') return issueOf('archival-code.retention-legacy', { retention: code }, code, options, { severity: tolerated(options), expected: allowed });
  return issueOf('archival-code.retention-not-allowed', { retention: code, profile: profile.id, allowed }, code, options, { expected: allowed });
}
