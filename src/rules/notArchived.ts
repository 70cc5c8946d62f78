/**
 * What is not archived (国家档案局令第8号 第四条), as rules that can flag
 * items. The article lists kinds of papers, not words; the keywords here are
 * dangan's heuristics for finding likely cases by title, so a match is a
 * warning for a person to look at, never an error.
 *
 * @module
 */
import type { Citation } from '../model/index.js';
import type { Issue, Locale } from '../report/index.js';
import { createIssueFrom } from '../report/createIssue.js';
import { rulesIssues } from '../report/messages/rules.js';

/** One kind of paper that is not archived. */
export interface NotArchivedRule {
  /** Stable id. */
  readonly id: string;
  /** The kind of paper, as 第四条 words it. */
  readonly description: string;
  /** Title keywords that suggest this kind (heuristic). */
  readonly keywords: readonly string[];
  /** Clause. */
  readonly source: Citation;
}

const item = (n: number): Citation => ({ standard: '国家档案局令第8号', clause: `第四条第（${n}）项`, confidence: 'verified', basis: ['S31', 'S32'] });

/**
 * 第四条, by source of the papers: higher organs (一), the organ itself (二),
 * peers (三), subordinates (四).
 *
 * @example
 * notArchived2006.find((r) => r.id === 'own-duplicates')?.keywords //=> ['重份']
 */
export const notArchived2006 = [
  { id: 'higher-general-circulation', description: '上级机关普发性不需本机关办理的文件材料', keywords: ['普发'], source: item(1) },
  { id: 'higher-other-staff', description: '上级机关任免、奖惩非本机关工作人员的文件材料', keywords: [], source: item(1) },
  { id: 'higher-reference-copies', description: '上级机关供工作参考的抄件', keywords: ['抄件'], source: item(1) },
  { id: 'own-duplicates', description: '本机关文件材料中的重份文件', keywords: ['重份'], source: item(2) },
  { id: 'own-routine', description: '无查考利用价值的事务性、临时性文件', keywords: ['临时通知', '会议室预订', '领取通知'], source: item(2) },
  { id: 'own-drafts', description: '一般性文件的历次修改稿、各次校对稿', keywords: ['修改稿', '校对稿', '征求意见稿', '讨论稿', '校样'], source: item(2) },
  { id: 'own-envelopes', description: '无特殊保存价值的信封', keywords: ['信封'], source: item(2) },
  { id: 'own-letters-calls', description: '不需办理的一般性人民来信、电话记录', keywords: ['电话记录'], source: item(2) },
  { id: 'own-internal-copies', description: '机关内部互相抄送的文件材料', keywords: ['内部抄送'], source: item(2) },
  { id: 'own-head-outside-posts', description: '本机关负责人兼任外单位职务形成的与本机关无关的文件材料', keywords: [], source: item(2) },
  { id: 'own-work-reference', description: '有关工作参考的文件材料', keywords: ['参考资料', '学习资料'], source: item(2) },
  { id: 'peer-not-implemented', description: '同级机关不需贯彻执行的文件材料', keywords: [], source: item(3) },
  { id: 'peer-copies', description: '同级机关不需办理的抄送文件材料', keywords: [], source: item(3) },
  { id: 'lower-for-reference', description: '下级机关供参阅的简报、情况反映', keywords: ['供参阅', '情况反映'], source: item(4) },
  { id: 'lower-copied-up', description: '下级机关抄报或越级抄报的一般性文件材料', keywords: ['抄报', '越级'], source: item(4) },
] as const satisfies readonly NotArchivedRule[];

/** What {@link flagNotArchived} reads of an item. */
export interface FlaggableItem {
  /** 题名. */
  title: string;
  /** Ids of {@link notArchived2006} rules the creator already marked, e.g. `own-duplicates`. */
  notArchivedKinds?: readonly string[];
}

/**
 * Flags items that may fall under 第四条 (not to be archived): by an explicit
 * marking on the item, or by a title keyword. Each flag is a warning.
 *
 * @param items - Items with titles.
 * @param rules - The rules; 第四条 by default.
 * @param locale - Message locale.
 * @returns One warning per flagged item (the first matching rule), in input order.
 * @example
 * flagNotArchived([{ title: '关于印发某办法的通知（征求意见稿）' }])[0].params.rule //=> '一般性文件的历次修改稿、各次校对稿'
 */
export function flagNotArchived(
  items: readonly FlaggableItem[],
  rules: readonly NotArchivedRule[] = notArchived2006,
  locale?: Locale,
): Issue[] {
  const issues: Issue[] = [];
  items.forEach((it, i) => {
    const rule =
      rules.find((r) => it.notArchivedKinds?.includes(r.id)) ?? rules.find((r) => r.keywords.some((k) => it.title.includes(k)));
    if (!rule) return;
    issues.push(
      createIssueFrom(rulesIssues, 'not-archived.match', {
        locale,
        received: it.title,
        params: { index: i + 1, title: it.title, rule: rule.description, clause: `${rule.source.standard} ${rule.source.clause ?? ''}`.trim(), ruleId: rule.id },
      }),
    );
  });
  return issues;
}
