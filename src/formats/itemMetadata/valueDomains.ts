import { parseRetentionPeriod } from '../../model/retentionPeriod.js';
import { dat46SecurityLevels, parseSecurityClassification } from '../../model/securityClassification.js';
import type { MetadataDomain } from './dat46Elements.js';

// GB/T 7156 levels some systems write in 密级 (standards-electronic §1.2 M38).
const GB7156_LEVELS: readonly string[] = ['国内', '内部'];

/**
 * Tells whether a value lies in a DA/T 46-2009 value domain. 保管期限 is read
 * with `parseRetentionPeriod` (永久, 定期30年, Y, D30, 长期, 短期 …); 密级 accepts
 * the DA/T 46-2009 M38 list (公开, 限制, 秘密, 机密, 绝密), the GB/T 7156 levels
 * 国内 and 内部, and the "unclassified" forms of `parseSecurityClassification`.
 *
 * @param value - The trimmed value (non-empty).
 * @param domain - A fixed list or a named domain.
 * @returns True when the value is in the domain.
 * @example
 * isInDomain('D30', 'retentionPeriod') //=> true
 * isInDomain('公开', 'securityClassification') //=> true
 * isInDomain('稿子', ['草稿', '定稿']) //=> false
 */
export function isInDomain(value: string, domain: MetadataDomain): boolean {
  if (domain === 'retentionPeriod') return parseRetentionPeriod(value) !== undefined;
  if (domain === 'securityClassification') {
    return (dat46SecurityLevels as readonly string[]).includes(value) || GB7156_LEVELS.includes(value) || parseSecurityClassification(value) !== undefined;
  }
  return domain.includes(value);
}
