/**
 * Extends a schedule with an institution's own rows (国家档案局令第8号 第十二条:
 * each organ compiles its own 归档范围和保管期限表).
 *
 * @module
 */
import type { RetentionRule, RetentionSchedule } from './schedule.js';

/** What an extension adds to a base schedule. */
export interface ScheduleExtension {
  /** Id of the extended schedule. */
  id: string;
  /** Its name; the base name by default. */
  name?: string;
  /** English name; the base one by default. */
  nameEn?: string;
  /** The institution's rows. A row whose `code` equals a base row's code replaces that row. */
  rules: readonly RetentionRule[];
}

/**
 * Builds a new schedule from a base and an institution's rows. Rows with the
 * code of a base row replace it in place (an organ's own table is more
 * specific than the default); the others follow the base rows. The base is
 * not changed.
 *
 * @param base - The default schedule, e.g. `documentary2006`.
 * @param extension - The institution's id, name and rows.
 * @returns The combined schedule.
 * @example
 * const mine = extendSchedule(documentary2006, {
 *   id: 'organ-x',
 *   rules: [{ id: 'x-1', code: '8.4', name: '本机关一般性事务管理文件材料', aliases: [], period: { kind: 'fixed', years: 10 }, minimum: false, source: { standard: '本机关保管期限表', clause: '第4项', confidence: 'verified' } }],
 * });
 * mine.rules.find((r) => r.code === '8.4')?.period //=> { kind: 'fixed', years: 10 }
 */
export function extendSchedule(base: RetentionSchedule, extension: ScheduleExtension): RetentionSchedule {
  const byCode = new Map(extension.rules.map((rule) => [rule.code, rule]));
  const replaced = base.rules.map((rule) => byCode.get(rule.code) ?? rule);
  const baseCodes = new Set(base.rules.map((rule) => rule.code));
  const added = extension.rules.filter((rule) => !baseCodes.has(rule.code));
  return {
    ...base,
    id: extension.id,
    name: extension.name ?? base.name,
    nameEn: extension.nameEn ?? base.nameEn,
    rules: [...replaced, ...added],
  };
}
