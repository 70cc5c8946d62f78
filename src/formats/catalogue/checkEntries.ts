import { createFirstSeenTable, type FirstSeenTable } from './firstSeen.js';
import { parseArchivalDate } from '../../model/archivalDate.js';
import { parseRetentionPeriod } from '../../model/retentionPeriod.js';
import { dat46SecurityLevels, parseSecurityClassification } from '../../model/securityClassification.js';
import { createIssueFrom, type IssueDetails } from '../../report/createIssue.js';
import type { Issue, IssueLocation, Locale } from '../../report/issue.js';
import { catalogueIssues } from '../../report/messages/catalogue.js';

type CatalogueIssueCode = keyof typeof catalogueIssues;
import { catalogueFieldRules, type CatalogueElementSet, type CatalogueFieldRule } from './elementSets.js';
import type { CatalogueField, CatalogueXmlEntry } from './entries.js';

/** Options of {@link createCatalogueEntryChecker}. */
export interface CatalogueEntryCheckOptions {
  /** Element set the entries are checked against. */
  elementSet: CatalogueElementSet;
  /** Message locale. */
  locale?: Locale;
  /** Path put on every issue. */
  path?: string;
}

// xs:positiveInteger lexical space (leading zeros allowed).
const POSITIVE_INTEGER = /^\+?0*[1-9]\d*$/;
// Access or DA/T 46 M38 values that people write into 密级 (standards-paper §4.2): not classifications.
const ACCESS_VALUES: ReadonlySet<string> = new Set([...dat46SecurityLevels, '内部', '开放', '控制', '原控']);

type Finding = { code: CatalogueIssueCode; params?: Record<string, unknown>; expected?: unknown };

/** Checks a non-empty value against its rule's domain; returns a finding or nothing. */
function checkDomain(rule: CatalogueFieldRule, value: string): Finding | undefined {
  switch (rule.domain) {
    case 'positive-integer':
      if (POSITIVE_INTEGER.test(value)) return undefined;
      return { code: rule.name === '顺序号' ? 'catalogue.sequence-invalid' : 'catalogue.page-count-invalid', expected: 'positive integer' };
    case 'archival-date': {
      // DA/T 22-2015 §5.5: 8 digits YYYYMMDD; 00 for unknown month/day; [ ] for 考证日期.
      const parsed = parseArchivalDate(value);
      if (!parsed.ok) {
        return { code: parsed.reason === 'calendar' ? 'catalogue.date-impossible' : 'catalogue.date-invalid', expected: 'YYYYMMDD' };
      }
      if (parsed.normalized !== value) {
        return { code: 'catalogue.date-not-basic', params: { normalized: parsed.normalized }, expected: parsed.normalized };
      }
      return undefined;
    }
    case 'security-classification': {
      if (parseSecurityClassification(value) !== undefined) return undefined;
      if (ACCESS_VALUES.has(value)) return { code: 'catalogue.security-not-classification', expected: ['绝密', '机密', '秘密', ''] };
      return { code: 'catalogue.security-invalid', expected: ['绝密', '机密', '秘密', ''] };
    }
    case 'retention-period':
      return parseRetentionPeriod(value) ? undefined : { code: 'catalogue.retention-invalid', expected: ['Y', 'D30', 'D10', '永久', '定期30年', '定期10年'] };
    default:
      return undefined;
  }
}

/**
 * Key under which two 顺序号 are the same number (`01` = `1`): the number
 * itself while it is exact (a number key is cheaper to hash than a string),
 * else the digits without leading zeros.
 */
function sequenceKey(value: string): number | string {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value.replace(/^\+?0*/, '');
}

/**
 * Creates a checker that validates catalogue entries one at a time, so entries
 * can come from a tree or from a streaming reader. It checks required items,
 * value domains (日期, 密级, 保管期限, 页数, 顺序号) and duplicate 顺序号 and 档号
 * across all entries it has seen; memory grows only with the number of
 * distinct 顺序号 and 档号.
 *
 * @param options - Element set, locale and path.
 * @returns A function from one entry to its issues.
 * @example
 * const check = createCatalogueEntryChecker({ elementSet: '2022' });
 * const issues = entries.flatMap(check);
 */
export function createCatalogueEntryChecker(options: CatalogueEntryCheckOptions): (entry: CatalogueXmlEntry) => Issue[] {
  const check = createEntryCheck<CatalogueXmlEntry, CatalogueField & { name?: string }>(options, {
    entry: (entry) => entry.location,
    field: (_entry, field) => field.location,
    position: (field) => field.location.line,
    line: (position) => position,
  });
  return (entry) => {
    const issues: Issue[] = [];
    check(entry, issues);
    return issues;
  };
}

/**
 * How the checks locate what they report: the entry, a field, and a number
 * kept for the first occurrence of a 顺序号 or 档号 that resolves to its line
 * (a line itself, or an offset resolved only when a duplicate is found).
 */
export interface EntryLocator<E, F> {
  /** Location of the entry element. */
  entry(entry: E): IssueLocation;
  /** Location of one of its fields. */
  field(entry: E, field: F): IssueLocation;
  /** A number standing for the field's position, kept for uniqueness. */
  position(field: F): number;
  /** The line of a position. */
  line(position: number): number;
}

/** The shape of an entry the checks read: fields by name (first of each) and later repeats. */
interface CheckableEntry<F> {
  readonly index: number;
  readonly fields: Readonly<Record<string, F>>;
  readonly repeated: readonly F[];
}

/**
 * The entry checks over any entry form: pushes each entry's issues onto a list.
 * Used with located entries ({@link createCatalogueEntryChecker}) and with raw
 * entries from the streaming scan, where line:column is only computed for issues.
 *
 * @param options - Element set, locale and path.
 * @param locator - How to locate entries, fields and first occurrences.
 * @returns A function that checks one entry and pushes its issues onto `issues`.
 * @example
 * const check = createEntryCheck({ elementSet: '2022' }, locator);
 * check(entry, issues);
 */
export function createEntryCheck<E extends CheckableEntry<F>, F extends { readonly value: string; readonly name?: string }>(
  options: CatalogueEntryCheckOptions,
  locator: EntryLocator<E, F>,
): (entry: E, issues: Issue[]) => void {
  const { elementSet } = options;
  const known = new Set(catalogueFieldRules.map((rule) => rule.name));
  const unknownSeen = new Set<string>();
  // First position of each 顺序号 and 档号 seen, stored compactly (a streaming check holds nothing else per entry).
  const sequences = createFirstSeenTable();
  const codes = createFirstSeenTable();
  const add = (issues: Issue[], entry: E, code: CatalogueIssueCode, location: IssueLocation, details: IssueDetails = {}) =>
    issues.push(
      createIssueFrom(catalogueIssues, code, {
        locale: options.locale,
        path: options.path,
        location,
        ...details,
        params: { entry: entry.index, ...details.params },
      }),
    );
  const unique = (issues: Issue[], entry: E, seen: FirstSeenTable, key: string | number, field: F, code: CatalogueIssueCode) => {
    const first = seen.firstOrAdd(key, locator.position(field));
    if (first === undefined) return;
    add(issues, entry, code, locator.field(entry, field), {
      params: { value: field.value, firstLine: locator.line(first) },
      expected: 'unique',
      received: field.value,
    });
  };

  return (entry, issues) => {
    for (const rule of catalogueFieldRules) {
      const requirement = rule.requirement[elementSet];
      const field = entry.fields[rule.name];
      if (!field) {
        if (requirement === 'required') add(issues, entry, 'catalogue.required-missing', locator.entry(entry), { params: { field: rule.name }, expected: rule.name });
        if (requirement === 'present') add(issues, entry, 'catalogue.element-missing', locator.entry(entry), { params: { field: rule.name }, expected: rule.name });
        continue;
      }
      if (field.value === '') {
        if (requirement === 'required') add(issues, entry, 'catalogue.required-empty', locator.field(entry, field), { params: { field: rule.name }, received: '' });
        continue;
      }
      const finding = rule.domain === undefined ? undefined : checkDomain(rule, field.value);
      if (finding) {
        add(issues, entry, finding.code, locator.field(entry, field), {
          params: { value: field.value, ...finding.params },
          expected: finding.expected,
          received: field.value,
        });
      }
    }

    for (const name in entry.fields) {
      if (known.has(name) || unknownSeen.has(name)) continue;
      unknownSeen.add(name);
      add(issues, entry, 'catalogue.field-unknown', locator.field(entry, entry.fields[name]!), { params: { field: name, elementSet }, received: name });
    }
    for (const extra of entry.repeated) add(issues, entry, 'catalogue.field-repeated', locator.field(entry, extra), { params: { field: extra.name } });

    const sequence = entry.fields['顺序号'];
    if (sequence && POSITIVE_INTEGER.test(sequence.value)) unique(issues, entry, sequences, sequenceKey(sequence.value), sequence, 'catalogue.sequence-duplicate');
    const code = entry.fields['档号'];
    if (code && code.value !== '') unique(issues, entry, codes, code.value, code, 'catalogue.archival-code-duplicate');
  };
}
