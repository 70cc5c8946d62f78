/**
 * Suggestions for legacy 长期/短期 periods (1987 rules). No official
 * conversion exists (standards-paper §3.2): 8号令 asks for re-appraisal
 * against the new table. Open-source systems fall back to 长期→30 年 and
 * 短期→10 年; dangan offers that only as a suggestion flagged for appraisal
 * and never converts a period by itself.
 *
 * @module
 */
import type { Citation, RetentionPeriod } from '../model/index.js';

/** A non-binding suggestion for a legacy period. */
export interface LegacySuggestion {
  /** The legacy term. */
  readonly term: 'long' | 'short';
  /** The suggested current period. */
  readonly suggested: RetentionPeriod;
  /** Always true: the suggestion is only a starting point for re-appraisal. */
  readonly needsReappraisal: true;
  /** Where the suggestion comes from (practice, not a regulation). */
  readonly source: Citation;
}

const PRACTICE: Citation = { standard: '开源档案系统的通行做法（非正式换算）', confidence: 'inferred', basis: ['S59'] };

/**
 * The suggestion table: 长期 → 定期30年, 短期 → 定期10年, both "needs re-appraisal".
 *
 * @example
 * legacySuggestions.long.suggested //=> { kind: 'fixed', years: 30 }
 */
export const legacySuggestions = {
  long: { term: 'long', suggested: { kind: 'fixed', years: 30 }, needsReappraisal: true, source: PRACTICE },
  short: { term: 'short', suggested: { kind: 'fixed', years: 10 }, needsReappraisal: true, source: PRACTICE },
} as const satisfies Record<'long' | 'short', LegacySuggestion>;

/**
 * The suggestion for a legacy period. The period itself is not changed.
 *
 * @param period - A 保管期限.
 * @returns The suggestion for `legacy` periods, `undefined` for all others.
 * @example
 * suggestLegacyMapping({ kind: 'legacy', term: 'short' })?.suggested //=> { kind: 'fixed', years: 10 }
 * suggestLegacyMapping({ kind: 'fixed', years: 10 }) //=> undefined
 */
export function suggestLegacyMapping(period: RetentionPeriod): LegacySuggestion | undefined {
  return period.kind === 'legacy' ? legacySuggestions[period.term] : undefined;
}
