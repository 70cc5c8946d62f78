/** Codes of the path-safety rules. */
export type UnsafePathCode =
  | 'bagit.path.unc'
  | 'bagit.path.absolute'
  | 'bagit.path.drive'
  | 'bagit.path.home'
  | 'bagit.path.variable'
  | 'bagit.path.traversal'
  | 'bagit.path.malformed';

/** One path-safety rule: a test on the declared path and where the rule comes from. */
interface PathRule {
  readonly code: UnsafePathCode;
  /** Returns the message params when the path breaks the rule, else undefined. */
  readonly test: (path: string) => Record<string, string> | undefined;
  readonly source: string;
}

const hit = (matches: boolean): Record<string, string> | undefined => (matches ? {} : undefined);

/** Segments when both `/` and `\` separate (as on Windows), and when `\x` is a shell escape for `x`. */
function segmentReadings(path: string): string[][] {
  return [path.split(/[/\\]/), path.replace(/\\(.)/g, '$1').split('/')];
}

/**
 * Path-safety rules, applied to every manifest, tag-manifest and fetch.txt
 * path before the path is looked up in the package. The first rule that
 * matches wins, so a UNC path is reported as UNC and `\.\./x` as traversal, not as absolute.
 */
export const BAG_PATH_RULES: readonly PathRule[] = [
  {
    code: 'bagit.path.unc',
    test: (p) => hit(/^(\\\\|\/\/)/.test(p)),
    source: 'RFC 8493 §5.1; conformance suite windows-only/…-using-unc',
  },
  {
    code: 'bagit.path.traversal',
    test: (p) => hit(segmentReadings(p).some((segments) => segments.includes('..'))),
    source: 'RFC 8493 §5.1; conformance suite invalid/out-of-scope-file-paths-using-dot-notation',
  },
  { code: 'bagit.path.absolute', test: (p) => hit(/^[/\\]/.test(p)), source: 'RFC 8493 §5.1; conformance suite linux-only/…-absolute-path' },
  {
    code: 'bagit.path.drive',
    test: (p) => hit(/^[A-Za-z]:/.test(p)),
    source: 'RFC 8493 §5.1; conformance suite windows-only/…-absolute-path',
  },
  { code: 'bagit.path.home', test: (p) => hit(p.startsWith('~')), source: 'RFC 8493 §5.1; conformance suite linux-only/…-shortcut' },
  {
    code: 'bagit.path.variable',
    // Only a leading %VAR% can move the path out of the bag; `data/%7Etest1.txt` is a valid name (conformance suite bag-with-encoded-names).
    test: (p) => {
      const match = /^%[A-Za-z_][A-Za-z0-9_()]*%/.exec(p);
      return match ? { variable: match[0] } : undefined;
    },
    source: 'RFC 8493 §5.1; conformance suite windows-only/…-shortcut',
  },
  {
    code: 'bagit.path.malformed',
    test: (p) => hit(p === '' || p.split('/').some((s) => s === '' || s === '.') || p.includes('\u0000')),
    source: 'RFC 8493 §2.1.3 (relative path, "/" separated)',
  },
];

/**
 * Checks a declared bag path (already percent-decoded, with a leading `./`
 * removed) against {@link BAG_PATH_RULES}. Pure: nothing is looked up.
 *
 * @param path - A path as written in a manifest or fetch.txt.
 * @returns The first broken rule's code and params, or undefined when the path is safe.
 * @example
 * checkBagPath('../../etc/passwd')?.code //=> 'bagit.path.traversal'
 * checkBagPath('data/%7Etest1.txt') //=> undefined
 */
export function checkBagPath(path: string): { code: UnsafePathCode; params: Record<string, string> } | undefined {
  for (const rule of BAG_PATH_RULES) {
    const params = rule.test(path);
    if (params) return { code: rule.code, params };
  }
  return undefined;
}
