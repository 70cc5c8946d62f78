import type { Issue } from '../../report/issue.js';
import type { CheckResult } from '../../report/report.js';

/** A check of the catalogue report and the issue codes that make it fail. */
export interface CatalogueCheck {
  /** Stable check id. */
  readonly id: string;
  /** Whether it needs the whole document (skipped when the XML could not be read to the end). */
  readonly needsDocument: boolean;
  /** Tells whether an issue code belongs to this check. */
  readonly owns: (code: string) => boolean;
}

const ENCODING_CODES = new Set(['xml.invalid-utf8', 'xml.invalid-bytes']);
const set = (...codes: string[]) => {
  const s = new Set(codes.map((c) => `catalogue.${c}`));
  return (code: string) => s.has(code);
};

/**
 * The checks of `validateCatalogue`, in report order.
 *
 * @example
 * catalogueChecks.find((c) => c.owns('catalogue.date-invalid'))?.id //=> 'catalogue.values'
 */
export const catalogueChecks: readonly CatalogueCheck[] = [
  { id: 'catalogue.encoding', needsDocument: false, owns: (c) => c.startsWith('xml.encoding-') || ENCODING_CODES.has(c) },
  { id: 'catalogue.well-formed', needsDocument: false, owns: (c) => c.startsWith('xml.') && !c.startsWith('xml.encoding-') && !ENCODING_CODES.has(c) },
  { id: 'catalogue.structure', needsDocument: true, owns: set('root-unexpected', 'entry-unexpected', 'empty') },
  {
    id: 'catalogue.required-items',
    needsDocument: true,
    owns: set('required-missing', 'required-empty', 'element-missing', 'field-repeated', 'field-unknown'),
  },
  {
    id: 'catalogue.values',
    needsDocument: true,
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
  { id: 'catalogue.uniqueness', needsDocument: true, owns: set('sequence-duplicate', 'archival-code-duplicate') },
];

/**
 * Outcome of every catalogue check: `failed` when it owns an error, else
 * `skipped` when it needs the whole document and the XML could not be read to
 * the end, else `passed`.
 *
 * @param issues - All issues of the run (after severity adjustments).
 * @param complete - Whether the whole document was read.
 * @returns One result per check.
 * @example
 * catalogueCheckResults([], true).every((c) => c.status === 'passed') //=> true
 */
export function catalogueCheckResults(issues: readonly Issue[], complete: boolean): CheckResult[] {
  return catalogueChecks.map((check) => {
    if (issues.some((i) => i.severity === 'error' && check.owns(i.code))) return { id: check.id, status: 'failed' };
    return { id: check.id, status: check.needsDocument && !complete ? 'skipped' : 'passed' };
  });
}
