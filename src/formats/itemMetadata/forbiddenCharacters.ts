/** A character class forbidden in metadata values (DA/T 70-2018 GD-1-6), with why. */
export interface ForbiddenCharacterRule {
  /** Matches one forbidden character. */
  readonly pattern: RegExp;
  /** Why it is refused. */
  readonly reason: string;
}

/**
 * Characters refused in metadata values: they cannot be printed on a
 * catalogue, break exchange, or betray a decoding error. DA/T 70-2018 GD-1-6
 * leaves the list to the unit; this is dangan's default.
 */
export const forbiddenCharacterRules: readonly ForbiddenCharacterRule[] = [
  { pattern: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u, reason: 'C0 control character (GB 18030 non-printing)' },
  { pattern: /\uFFFD/u, reason: 'U+FFFD replacement character: the text was decoded with the wrong encoding' },
  { pattern: /[\u200B-\u200D\u2060\uFEFF]/u, reason: 'zero-width character: invisible, breaks matching of 档号 and names' },
  { pattern: /[\u2028\u2029]/u, reason: 'Unicode line/paragraph separator: breaks line-based exchange formats' },
];

/**
 * Finds the first forbidden character of a value.
 *
 * @param value - A metadata value.
 * @returns The character as `U+XXXX`, or `undefined` when the value is clean.
 * @example
 * findForbiddenCharacter('题名\u200B') //=> 'U+200B'
 */
export function findForbiddenCharacter(value: string): string | undefined {
  for (const rule of forbiddenCharacterRules) {
    const match = rule.pattern.exec(value);
    if (match) return `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}
