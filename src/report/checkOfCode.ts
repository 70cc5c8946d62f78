/**
 * Makes the lookup from an issue code to the check that reports it, over a
 * table of checks whose `codes` hold exact codes or `prefix.*` patterns: an
 * exact entry wins, else the longest matching prefix. Answers are remembered
 * per code (the codes are the library's, a few hundred at most), since the
 * lookup runs once per reported issue.
 *
 * @param checks - The check table, read at the first lookup (so module order does not matter).
 * @returns The lookup; `undefined` for a code no check reports.
 * @example
 * const checkOf = createCheckOfCode(() => [{ id: 'fixity.digest', codes: ['fixity.*'] }]);
 * checkOf('fixity.mismatch') //=> 'fixity.digest'
 */
export function createCheckOfCode<Id extends string>(checks: () => readonly { readonly id: Id; readonly codes: readonly string[] }[]): (code: string) => Id | undefined {
  const answers = new Map<string, Id | undefined>();
  return (code) => {
    if (answers.has(code)) return answers.get(code);
    let exact: Id | undefined;
    let best: { id: Id; length: number } | undefined;
    for (const check of checks()) {
      for (const pattern of check.codes) {
        if (pattern === code) exact ??= check.id;
        const prefix = pattern.endsWith('*') ? pattern.slice(0, -1) : undefined;
        if (prefix !== undefined && code.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = { id: check.id, length: prefix.length };
      }
    }
    const answer = exact ?? best?.id;
    answers.set(code, answer);
    return answer;
  };
}
