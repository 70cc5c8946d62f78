import { parseArchivalDate } from '../../model/archivalDate.js';
import { parseRetentionPeriod } from '../../model/retentionPeriod.js';
import { dat46SecurityLevels, parseSecurityClassification } from '../../model/securityClassification.js';
import { createIssue, type IssueDetails } from '../../report/createIssue.js';
import type { Issue, IssueLocation, Locale } from '../../report/issue.js';
import type { IssueCode } from '../../report/messages/index.js';
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

type Finding = { code: IssueCode; params?: Record<string, unknown>; expected?: unknown };

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

/** Key under which two 顺序号 are the same number (`01` = `1`). */
function sequenceKey(value: string): string {
  return value.replace(/^\+?0*/, '');
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
  const { elementSet } = options;
  const known = new Set(catalogueFieldRules.map((rule) => rule.name));
  const unknownSeen = new Set<string>();
  // First line of each 顺序号 and 档号 seen: only numbers are kept, so memory stays small.
  const sequences = new Map<string, number>();
  const codes = new Map<string, number>();

  return (entry) => {
    const issues: Issue[] = [];
    const add = (code: IssueCode, location: IssueLocation, details: IssueDetails = {}) =>
      issues.push(
        createIssue(code, {
          locale: options.locale,
          path: options.path,
          location,
          ...details,
          params: { entry: entry.index, ...details.params },
        }),
      );

    for (const rule of catalogueFieldRules) {
      const requirement = rule.requirement[elementSet];
      const field = entry.fields[rule.name];
      if (!field) {
        if (requirement === 'required') add('catalogue.required-missing', entry.location, { params: { field: rule.name }, expected: rule.name });
        if (requirement === 'present') add('catalogue.element-missing', entry.location, { params: { field: rule.name }, expected: rule.name });
        continue;
      }
      if (field.value === '') {
        if (requirement === 'required') add('catalogue.required-empty', field.location, { params: { field: rule.name }, received: '' });
        continue;
      }
      const finding = checkDomain(rule, field.value);
      if (finding) {
        add(finding.code, field.location, {
          params: { value: field.value, ...finding.params },
          expected: finding.expected,
          received: field.value,
        });
      }
    }

    for (const name of Object.keys(entry.fields)) {
      if (known.has(name) || unknownSeen.has(name)) continue;
      unknownSeen.add(name);
      add('catalogue.field-unknown', entry.fields[name]!.location, { params: { field: name, elementSet }, received: name });
    }
    for (const extra of entry.repeated) add('catalogue.field-repeated', extra.location, { params: { field: extra.name } });

    const sequence = entry.fields['顺序号'];
    if (sequence && POSITIVE_INTEGER.test(sequence.value)) {
      checkUnique(sequences, sequenceKey(sequence.value), sequence, (firstLine) =>
        add('catalogue.sequence-duplicate', sequence.location, {
          params: { value: sequence.value, firstLine },
          expected: 'unique',
          received: sequence.value,
        }),
      );
    }
    const code = entry.fields['档号'];
    if (code && code.value !== '') {
      checkUnique(codes, code.value, code, (firstLine) =>
        add('catalogue.archival-code-duplicate', code.location, {
          params: { value: code.value, firstLine },
          expected: 'unique',
          received: code.value,
        }),
      );
    }
    return issues;
  };
}

function checkUnique(seen: Map<string, number>, key: string, field: CatalogueField, onDuplicate: (firstLine: number) => void): void {
  const firstLine = seen.get(key);
  if (firstLine !== undefined) onDuplicate(firstLine);
  else seen.set(key, field.location.line);
}
