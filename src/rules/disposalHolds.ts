/**
 * Disposal holds: reasons a record must not be destroyed even when its
 * period has run.
 *
 * @module
 */
import type { Citation } from '../model/index.js';

/** A hold on one record. Holds block destruction until released by removing them. */
export interface DisposalHold {
  /** A kind from {@link disposalHoldKinds}, or the institution's own. */
  kind: string;
  /** Free-text reason, e.g. the debt or case concerned. */
  reason?: string;
}

/** A known kind of hold, with its label and source. */
export interface DisposalHoldKind {
  /** Chinese label. */
  readonly 'zh-CN': string;
  /** English label. */
  readonly en: string;
  /** Where the hold comes from. */
  readonly source: Citation;
}

/**
 * Known hold kinds.
 *
 * @example
 * disposalHoldKinds['unsettled-matter']['zh-CN'] //=> '未结清的债权债务或未了事项'
 */
export const disposalHoldKinds = {
  // 会计档案管理办法（2015）第十九条 (wording from memory plus one source, standards-paper §3.3):
  // vouchers of unsettled debts or unfinished matters are kept until the matter ends.
  'unsettled-matter': {
    'zh-CN': '未结清的债权债务或未了事项',
    en: 'unsettled debts or unfinished matters',
    source: { standard: '会计档案管理办法（2015）', clause: '第十九条', confidence: 'inferred', basis: ['S-fudaoke'] },
  },
  // Records-management practice (validators-and-users §4.5): legal and audit holds.
  litigation: {
    'zh-CN': '诉讼或法律保留',
    en: 'litigation or legal hold',
    source: { standard: 'ISO 15489-1:2016 / DoD 5015.02 practice', confidence: 'inferred', basis: ['practice-holds'] },
  },
  audit: {
    'zh-CN': '审计、检查尚未结束',
    en: 'audit or inspection in progress',
    source: { standard: 'records-management practice', confidence: 'inferred', basis: ['practice-holds'] },
  },
} as const satisfies Readonly<Record<string, DisposalHoldKind>>;

/**
 * Describes a hold for a message.
 *
 * @param hold - The hold.
 * @param locale - Message locale.
 * @returns The kind's label, followed by the reason when there is one.
 * @example
 * describeHold({ kind: 'unsettled-matter', reason: '应收账款 A 公司' }) //=> '未结清的债权债务或未了事项：应收账款 A 公司'
 */
export function describeHold(hold: DisposalHold, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const known = (disposalHoldKinds as Readonly<Record<string, DisposalHoldKind | undefined>>)[hold.kind];
  const label = known ? known[locale] : hold.kind;
  if (!hold.reason) return label;
  return locale === 'zh-CN' ? `${label}：${hold.reason}` : `${label}: ${hold.reason}`;
}
