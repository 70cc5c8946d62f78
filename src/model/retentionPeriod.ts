
/**
 * A 保管期限 (retention period).
 *
 * - `permanent`: 永久, code `Y` (DA/T 13-2022; DA/T 22-2015 §5.4).
 * - `fixed`: 定期 n 年, code `D<n>` — `D30`/`D10` for 文书 (国家档案局令第8号 第六条),
 *   5/10/30/50/100 and others for 会计, 婚姻 and 社保 series.
 * - `legacy`: 长期/短期 of the 1987 rules, used before 2006 (stamped `C`/`D`).
 * - `event`: counted from an event, e.g. 固定资产报废清理后5年 (会计档案管理办法 2015 附表1).
 */
export type RetentionPeriod =
  | { kind: 'permanent' }
  | { kind: 'fixed'; years: number }
  | { kind: 'legacy'; term: 'long' | 'short' }
  | { kind: 'event'; years: number; event: string };

/** Options of {@link parseRetentionPeriod}. */
export interface ParseRetentionOptions {
  /**
   * Read the pre-2006 stamp letters `C` (长期) and `D` (短期). Off by default,
   * because a bare `D` means 短期 there but would be misread as 定期 today.
   */
  legacyLetters?: boolean;
}

const LEGACY_ZH = { long: '长期', short: '短期' } as const;
// Stamp letters before 2006: Y 永久, C 长期, D 短期 (standards-paper §3.2).
const LEGACY_LETTERS: Readonly<Record<string, 'long' | 'short'>> = { C: 'long', D: 'short' };

const CODE_FIXED = /^D([1-9]\d*)$/;
const ZH_FIXED = /^(?:定期)?\s*([1-9]\d*)\s*年$/;
// "<event>后[保管]<n>年", e.g. 固定资产报废清理后保管5年, 停保后3年.
const ZH_EVENT = /^(.+?)后(?:保管)?\s*([1-9]\d*)\s*年$/;

/**
 * Reads a 保管期限 written as a code (`Y`, `D10`, `D30`, `D<n>`) or in Chinese
 * (`永久`, `定期30年`, `30年`, `长期`, `短期`, `固定资产报废清理后5年`).
 * Surrounding whitespace is ignored; codes are case-sensitive.
 *
 * @param text - The period as written.
 * @param options - `legacyLetters: true` also reads stamp letters `C`/`D`.
 * @returns The period, or `undefined` when the text is none of these forms.
 * @example
 * parseRetentionPeriod('D30') //=> { kind: 'fixed', years: 30 }
 * parseRetentionPeriod('D') //=> undefined
 * parseRetentionPeriod('D', { legacyLetters: true }) //=> { kind: 'legacy', term: 'short' }
 */
export function parseRetentionPeriod(text: string, options: ParseRetentionOptions = {}): RetentionPeriod | undefined {
  const value = text.trim();
  if (value === 'Y' || value === '永久') return { kind: 'permanent' };
  if (value === LEGACY_ZH.long) return { kind: 'legacy', term: 'long' };
  if (value === LEGACY_ZH.short) return { kind: 'legacy', term: 'short' };
  const legacyTerm = options.legacyLetters ? LEGACY_LETTERS[value] : undefined;
  if (legacyTerm) return { kind: 'legacy', term: legacyTerm };
  const fixed = CODE_FIXED.exec(value) ?? ZH_FIXED.exec(value);
  if (fixed) return { kind: 'fixed', years: Number(fixed[1]) };
  const event = ZH_EVENT.exec(value);
  if (event) return { kind: 'event', event: (event[1] ?? '').trim(), years: Number(event[2]) };
  return undefined;
}

/**
 * Writes a 保管期限.
 *
 * `code` gives `Y` or `D<n>` (DA/T 13-2022). Legacy 长期/短期 and event-based
 * periods have no current code, so `code` writes them in Chinese (`长期`,
 * `短期`, `固定资产报废清理后5年`) rather than the stamp letters `C`/`D` — a bare
 * `D` would be read as 定期 by any current system. `zh` gives `永久`,
 * `定期30年`, `长期`, `短期` or `<event>后<n>年`. Either way
 * {@link parseRetentionPeriod} reads back the same period.
 *
 * @param period - The period.
 * @param style - `code` or `zh`.
 * @returns The period as text.
 * @example
 * formatRetentionPeriod({ kind: 'fixed', years: 30 }, 'code') //=> 'D30'
 * formatRetentionPeriod({ kind: 'fixed', years: 30 }, 'zh') //=> '定期30年'
 * formatRetentionPeriod({ kind: 'legacy', term: 'short' }, 'code') //=> '短期'
 */
export function formatRetentionPeriod(period: RetentionPeriod, style: 'code' | 'zh'): string {
  switch (period.kind) {
    case 'permanent':
      return style === 'code' ? 'Y' : '永久';
    case 'fixed':
      return style === 'code' ? `D${period.years}` : `定期${period.years}年`;
    case 'legacy':
      return LEGACY_ZH[period.term];
    case 'event':
      return `${period.event}后${period.years}年`;
  }
}
