import type { ArchivalCodeComponents } from '../../filing/components.js';

// Characters no common file system accepts in a name (Windows is the strictest), and C0 controls.
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001F]/;

/**
 * Says why a 档号 cannot be a folder name, if it cannot: DA/T 93-2022 附录B
 * names each item folder by its 档号, so the code must be a portable file
 * name (no `/ \ : * ? " < > |`, no control characters, not `.`/`..`, no
 * trailing dot or space).
 *
 * @param code - The 档号.
 * @returns The reason, or `undefined` when the code is a valid folder name.
 * @example
 * folderNameProblem('Z109-WS·2011-Y-BGS-0001') //=> undefined
 * folderNameProblem('A/1') //=> 'contains / \\ : * ? " < > | or a control character'
 */
export function folderNameProblem(code: string): string | undefined {
  if (code.trim() === '' || code === '.' || code === '..') return 'empty or a relative path';
  if (FORBIDDEN.test(code)) return 'contains / \\ : * ? " < > | or a control character';
  if (/[. ]$/.test(code)) return 'ends with a dot or a space';
  return undefined;
}

/**
 * The package-relative folder of an item (DA/T 93-2022 附录B):
 * `<全宗号>/<门类代码>/<档号>`.
 *
 * @param code - The 档号 (already checked with {@link folderNameProblem}).
 * @param components - Its parsed components, when it parsed.
 * @param fallback - 全宗号 and 门类代码 to use when the code does not carry them.
 * @returns The folder path, or the name of the level that is missing.
 * @example
 * itemFolder('Z109-WS·2011-Y-BGS-0001', { fondsCode: 'Z109', categoryCode: 'WS' }, {}) //=> { folder: 'Z109/WS/Z109-WS·2011-Y-BGS-0001' }
 */
export function itemFolder(
  code: string,
  components: ArchivalCodeComponents | undefined,
  fallback: { fondsCode?: string; categoryCode?: string },
): { folder: string } | { missing: '全宗号' | '门类代码' } {
  const fonds = components?.fondsCode ?? fallback.fondsCode;
  const category = components?.categoryCode ?? fallback.categoryCode;
  if (fonds === undefined) return { missing: '全宗号' };
  if (category === undefined) return { missing: '门类代码' };
  return { folder: `${fonds}/${category}/${code}` };
}
