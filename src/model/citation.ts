/**
 * How sure we are of a fact taken from a standard. Facts that are not
 * `verified` must never become hard errors without a way to relax them.
 * `verified` means a primary text, or two independent published
 * reproductions, agree (see `docs/sources.md`).
 */
export type Confidence = 'verified' | 'single-source' | 'inferred';

/**
 * Where a row of a rules table comes from: the standard (or regulation) and,
 * where known, its clause.
 *
 * @example
 * const source: Citation = { standard: 'DA/T 22-2015', clause: '§5.5', confidence: 'verified', basis: ['S1', 'S8'] };
 */
export interface Citation {
  /** Standard or regulation, e.g. `DA/T 13-2022`, `国家档案局令第8号`. */
  readonly standard: string;
  /** Clause, article or table, e.g. `§5.4`, `第六条`, `附表1`. */
  readonly clause?: string;
  /** How well the fact is confirmed. */
  readonly confidence: Confidence;
  /**
   * Ids of the sources relied on, from the source register
   * (`sourceRegister` in `dangan/rules`, listed in `docs/sources.md`).
   * Built-in data always names them; an institution's own schedule may not.
   */
  readonly basis?: readonly string[];
  /** The words of the clause the rule rests on, quoted from a primary text. */
  readonly quote?: string;
}
