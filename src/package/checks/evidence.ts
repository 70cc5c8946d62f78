import type { Confidence } from '../../model/citation.js';
import type { CheckDefinition } from './registry.js';

// How well each DA/T 70-2018 归档-stage item (number and name) is confirmed: `verified` where two or more
// independent code bases carry it, `single-source` for one, `inferred` for items named only in a mind-map
// (standards-electronic §5.1; the standard's own text was not reached).
const ITEM: Readonly<Record<string, Confidence>> = {
  'GD-1-1': 'verified', 'GD-1-2': 'verified', 'GD-1-3': 'verified', 'GD-1-4': 'verified', 'GD-1-5': 'verified', 'GD-1-6': 'verified',
  'GD-1-7': 'verified', 'GD-1-8': 'verified', 'GD-1-9': 'inferred', 'GD-1-10': 'single-source', 'GD-1-11': 'single-source',
  'GD-1-12': 'single-source', 'GD-1-13': 'single-source', 'GD-1-14': 'verified',
  'GD-2-1': 'single-source', 'GD-2-2': 'single-source', 'GD-2-3': 'verified', 'GD-2-4': 'single-source', 'GD-2-5': 'single-source',
  'GD-2-6': 'verified', 'GD-2-7': 'single-source', 'GD-2-8': 'inferred', 'GD-2-9': 'verified', 'GD-2-10': 'single-source', 'GD-2-11': 'verified',
  'GD-3-1': 'verified', 'GD-3-2': 'verified', 'GD-3-3': 'single-source', 'GD-3-4': 'single-source', 'GD-3-5': 'inferred',
  'GD-3-6': 'inferred', 'GD-3-7': 'inferred', 'GD-3-8': 'verified',
  'GD-4-1': 'single-source', 'GD-4-2': 'verified', 'GD-4-3': 'verified', 'GD-4-4': 'inferred', 'GD-4-5': 'inferred', 'GD-4-6': 'inferred',
  'GD-4-7': 'single-source',
};

// Checks that rest on no DA/T 70 item: RFC 8493 §7.2 is a primary text; the XXE rule is OWASP guidance.
const OWN: Readonly<Record<string, Confidence>> = { 'security.entries': 'verified', 'security.xml-entities': 'single-source' };

const RANK: readonly Confidence[] = ['inferred', 'single-source', 'verified'];

/**
 * How well a check's basis is confirmed: the confidence of its DA/T 70 item,
 * lowered to `inferred` when its source says part of it is inferred (e.g.
 * `GD-1-2 (lengths inferred …)`). Checks of inferred facts are never hard
 * errors without a way to relax them: every check's severity can be
 * overridden (`--severity <check>=warning|off`).
 *
 * @param id - The check id.
 * @param check - Its definition.
 * @returns The confidence; `inferred` for a check no table knows.
 * @example
 * checkConfidence('fixity.digest', packageChecks['fixity.digest']) //=> 'verified'
 * checkConfidence('metadata.length', packageChecks['metadata.length']) //=> 'inferred'
 */
export function checkConfidence(id: string, check: Pick<CheckDefinition, 'dat70' | 'source'>): Confidence {
  const base = (check.dat70 !== undefined ? ITEM[check.dat70] : OWN[id]) ?? 'inferred';
  const lowered: Confidence = /inferred|推断/i.test(check.source) ? 'inferred' : 'verified';
  return RANK[Math.min(RANK.indexOf(base), RANK.indexOf(lowered))]!;
}
