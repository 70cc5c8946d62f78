/**
 * Renders the source register as `docs/sources.md` (中文 first, English
 * beside): every source relied on, its kind and address, and how many
 * built-in rules cite it. Build-time only: not exported from the barrel.
 *
 * @module
 */
import { sourceRegister, type SourceKind } from '../sources.js';
import { builtInCitations } from './builtInCitations.js';

const KINDS: readonly [SourceKind, string][] = [
  ['primary', '原文 Primary texts'],
  ['reproduction', '转载 Published reproductions'],
  ['summary', '摘要与实务 Summaries and practice'],
  ['audit', '审计 Audit'],
];

/**
 * Renders the register.
 *
 * @returns Markdown text ending with a newline.
 * @example
 * renderSources().startsWith('# 依据来源') //=> true
 */
export function renderSources(): string {
  const cited = new Map<string, number>();
  for (const { citation } of builtInCitations()) for (const id of citation.basis ?? []) cited.set(id, (cited.get(id) ?? 0) + 1);
  const lines = [
    '# 依据来源 Sources',
    '',
    '<!-- 由 src/rules/_build/renderSchedules.mjs 生成，请勿手改。Generated; do not edit. -->',
    '',
    '内置规则（保管期限表各行、起算规则、开放、保密、移交、开放审核等日期规则、不归档范围、分类方案）所依据的全部来源。每条规则的 `basis` 列出这里的编号。',
    '只有原文（primary）支持，或两份相互独立的转载（reproduction）一致时，才标为“已核实 verified”；摘要、实务和本项目的审计只能支持“单一来源”或“推断”。',
    '法律、行政法规原文取自 LawRefBook/Laws（commit 2f4c5c2），并收入 `test/fixtures/laws/`，测试核对每段引文。',
    '',
    'Every source the built-in rules rest on (schedule rows, counting rules, the opening, secrecy, transfer and review date rules, the not-archived rules and the classification schemes). Each rule\'s `basis` names ids from this list.',
    '`verified` is allowed only where a primary text, or two independent published reproductions, agree; summaries, practice and this project\'s audit support `single-source` or `inferred` only.',
    'The primary legal texts come from LawRefBook/Laws (commit 2f4c5c2) and are vendored in `test/fixtures/laws/`; a test checks every quotation against them.',
    '',
  ];
  for (const [kind, heading] of KINDS) {
    const entries = Object.values(sourceRegister).filter((e) => e.kind === kind);
    if (entries.length === 0) continue;
    lines.push(`## ${heading}`, '', '| 编号 Id | 来源 Source | 出处 Where | 引用次数 Cited | 说明 Note |', '|---|---|---|---|---|');
    for (const e of entries) lines.push(`| \`${e.id}\` | ${cell(e.title)} | ${cell(e.where)} | ${cited.get(e.id) ?? 0} | ${cell(e.note ?? '')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
