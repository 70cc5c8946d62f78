/**
 * How sure we are of a fact taken from a standard. Facts that are not
 * `verified` must never become hard errors without a way to relax them.
 */
export type Confidence = 'verified' | 'single-source' | 'inferred';

/**
 * Where a row of a rules table comes from: the standard (or regulation) and,
 * where known, its clause.
 *
 * @example
 * const source: Citation = { standard: 'DA/T 22-2015', clause: '§5.5', confidence: 'verified' };
 */
export interface Citation {
  /** Standard or regulation, e.g. `DA/T 13-2022`, `国家档案局令第8号`. */
  readonly standard: string;
  /** Clause, article or table, e.g. `§5.4`, `第六条`, `附表1`. */
  readonly clause?: string;
  /** How well the fact is confirmed. */
  readonly confidence: Confidence;
}
