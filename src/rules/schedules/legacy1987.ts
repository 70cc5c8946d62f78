/**
 * 国家档案局关于机关档案保管期限的规定（1987-12-04, effective 1988-01-01;
 * repealed by 8号令 in 2006): 永久, 长期 (about 16–50 years) and 短期 (15 years
 * or less). Legacy periods are kept as they are; see
 * {@link suggestLegacyMapping} for the non-binding 30/10-year suggestion.
 * Stamp letters Y/C/D: beware, the legacy `D` means 短期, not 定期.
 * See standards-paper §3.2.
 *
 * @module
 */
import type { Citation } from '../../model/index.js';
import type { RetentionSchedule } from '../schedule.js';
import { PERMANENT } from './_periods.js';

const src: Citation = { standard: '国家档案局关于机关档案保管期限的规定（1987）', confidence: 'verified', basis: ['S-1987', 'S-qa'] };

/**
 * Legacy 永久 / 长期 / 短期.
 *
 * @example
 * legacy1987.rules.find((r) => r.code === 'C')?.period //=> { kind: 'legacy', term: 'long' }
 */
export const legacy1987 = {
  formatVersion: 1,
  id: 'legacy-1987',
  name: '机关档案保管期限（1987，已废止）',
  nameEn: 'Legacy organ records, 1987 (永久/长期/短期)',
  regulation: '国家档案局关于机关档案保管期限的规定（1987）',
  effective: '1988-01-01',
  legacy: true,
  note: '长期、短期不自动换算；按8号令重新鉴定。长期/短期 are never converted silently; re-appraise against 8号令.',
  counting: { rule: 'formation-year-end', source: { standard: '国家档案局关于机关档案保管期限的规定（1987）', confidence: 'inferred', basis: ['S40'] } },
  rules: [
    { id: 'lg-y', code: 'Y', name: '永久', aliases: ['永久保管'], period: PERMANENT, minimum: false, source: src },
    { id: 'lg-c', code: 'C', name: '长期', aliases: ['长期保管'], period: { kind: 'legacy', term: 'long' }, minimum: false, source: src, note: '约16–50年' },
    { id: 'lg-d', code: 'D', name: '短期', aliases: ['短期保管'], period: { kind: 'legacy', term: 'short' }, minimum: false, source: src, note: '15年以下' },
  ],
} as const satisfies RetentionSchedule;
