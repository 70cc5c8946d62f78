/**
 * Looks a kind of record up in a retention schedule.
 *
 * @module
 */
import type { RetentionRule, RetentionSchedule } from './schedule.js';

/** How a rule was found. */
export type MatchKind = 'code' | 'name' | 'alias' | 'keyword';

/** A scored candidate. */
export interface RuleCandidate {
  /** The row. */
  rule: RetentionRule;
  /** How it matched. */
  by: MatchKind;
  /** 1 for exact matches; 0–1 similarity for keyword matches. */
  score: number;
}

/** Result of {@link findRetentionRule}. */
export type RuleLookup =
  | ({ status: 'found' } & RuleCandidate)
  | { status: 'ambiguous'; candidates: RuleCandidate[] }
  | { status: 'not-found'; candidates: RuleCandidate[] };

/** Options of {@link findRetentionRule}. */
export interface FindRuleOptions {
  /** Lowest keyword score that counts as a candidate; 0.34 by default. */
  minScore?: number;
  /** How far the best keyword score must lead the second to be chosen; 0.15 by default. */
  margin?: number;
}

/**
 * Finds the row for a query: by code, then exact name, then alias, then by
 * keyword similarity with a score. Several equally good rows give
 * `ambiguous` with the candidates; the function never guesses between them.
 *
 * Names are compared after NFKC normalisation with whitespace and
 * punctuation (、，（）and the like) removed. The keyword score is the Dice
 * coefficient over character bigrams, raised to at least 0.8 when one text
 * contains the other.
 *
 * @param schedule - The schedule to search.
 * @param query - A code (`D30`, `6`), a name, an alias or free text.
 * @param options - Keyword thresholds.
 * @returns The row, the ambiguous candidates, or `not-found` with the nearest candidates.
 * @example
 * findRetentionRule(accounting2015Enterprise, '记账凭证')  // { status: 'found', by: 'name', rule: { code: '2', … } }
 * findRetentionRule(accounting2015Enterprise, '凭证').status //=> 'ambiguous'
 */
export function findRetentionRule(schedule: Pick<RetentionSchedule, 'rules'>, query: string, options: FindRuleOptions = {}): RuleLookup {
  const rules = schedule.rules;
  const raw = query.trim();
  const key = normalizeName(raw);
  const exact = (by: MatchKind, hits: readonly RetentionRule[]): RuleLookup | undefined => {
    if (hits.length === 0) return undefined;
    const candidates = hits.map((rule) => ({ rule, by, score: 1 }));
    return hits.length === 1 ? { status: 'found', ...candidates[0]! } : { status: 'ambiguous', candidates };
  };
  const found =
    exact('code', rules.filter((r) => r.code === raw || r.id === raw)) ??
    exact('name', rules.filter((r) => normalizeName(r.name) === key)) ??
    exact('alias', rules.filter((r) => r.aliases.some((a) => normalizeName(a) === key)));
  if (found) return found;
  return byKeyword(rules, key, options.minScore ?? 0.34, options.margin ?? 0.15);
}

function byKeyword(rules: readonly RetentionRule[], key: string, minScore: number, margin: number): RuleLookup {
  const scored = rules
    .map((rule) => ({ rule, by: 'keyword' as const, score: Math.max(...[rule.name, ...rule.aliases].map((t) => similarity(key, normalizeName(t)))) }))
    .sort((a, b) => b.score - a.score);
  const candidates = scored.filter((c) => c.score >= minScore);
  const [best, second] = candidates;
  if (!best) return { status: 'not-found', candidates: scored.slice(0, 3).filter((c) => c.score > 0) };
  if (!second || best.score - second.score >= margin) return { status: 'found', ...best };
  return { status: 'ambiguous', candidates: candidates.filter((c) => best.score - c.score < margin) };
}

/**
 * Normalises a record name for comparison: NFKC, then whitespace and
 * punctuation removed.
 *
 * @param text - A name.
 * @returns The comparison key.
 * @example
 * normalizeName(' 月度、季度财务会计报告 ') //=> '月度季度财务会计报告'
 */
export function normalizeName(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

function similarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared += 1;
      pool.set(g, n - 1);
    }
  }
  const dice = (2 * shared) / (x.length + y.length);
  const contained = a.includes(b) || b.includes(a);
  return contained ? Math.max(dice, 0.8) : dice;
}
