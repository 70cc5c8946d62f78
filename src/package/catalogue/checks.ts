import type { Issue } from '../../report/issue.js';
import type { CheckResult } from '../../report/report.js';

/** A check of the catalogue report and the issue codes that make it fail. */
export interface CatalogueCheck {
  /** Stable check id. */
  readonly id: string;
  /** Whether it needs a parsed tree (skipped when the XML could not be parsed). */
  readonly needsTree: boolean;
  /** Tells whether an issue code belongs to this check. */
  readonly owns: (code: string) => boolean;
}

const ENCODING_CODES = new Set(['xml.invalid-utf8', 'xml.invalid-bytes']);
const set = (...codes: string[]) => {
  const s = new Set(codes.map((c) => `catalogue.${c}`));
  return (code: string) => s.has(code);
};

/** The checks of `validateCatalogue`, in report order. */
export const catalogueChecks: readonly CatalogueCheck[] = [
  { id: 'catalogue.encoding', needsTree: false, owns: (c) => c.startsWith('xml.encoding-') || ENCODING_CODES.has(c) },
  { id: 'catalogue.well-formed', needsTree: false, owns: (c) => c.startsWith('xml.') && !c.startsWith('xml.encoding-') && !ENCODING_CODES.has(c) },
  { id: 'catalogue.structure', needsTree: true, owns: set('root-unexpected', 'entry-unexpected', 'empty') },
  {
    id: 'catalogue.required-items',
    needsTree: true,
    owns: set('required-missing', 'required-empty', 'element-missing', 'field-repeated', 'field-unknown'),
  },
  {
    id: 'catalogue.values',
    needsTree: true,
    owns: set(
      'sequence-invalid',
      'date-invalid',
      'date-impossible',
      'date-not-basic',
      'security-invalid',
      'security-not-classification',
      'retention-invalid',
      'page-count-invalid',
    ),
  },
  { id: 'catalogue.uniqueness', needsTree: true, owns: set('sequence-duplicate', 'archival-code-duplicate') },
];

/**
 * Outcome of every catalogue check: `failed` when it owns an error, `skipped`
 * when it needs the tree and there is none, else `passed`.
 *
 * @param issues - All issues of the run (after severity adjustments).
 * @param parsed - Whether a tree was built.
 * @returns One result per check.
 * @example
 * catalogueCheckResults([], true).every((c) => c.status === 'passed') //=> true
 */
export function catalogueCheckResults(issues: readonly Issue[], parsed: boolean): CheckResult[] {
  return catalogueChecks.map((check) => {
    if (check.needsTree && !parsed) return { id: check.id, status: 'skipped' };
    const failed = issues.some((i) => i.severity === 'error' && check.owns(i.code));
    return { id: check.id, status: failed ? 'failed' : 'passed' };
  });
}
