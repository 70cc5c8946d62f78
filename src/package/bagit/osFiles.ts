/** A file name that an operating system or desktop tool creates by itself. */
interface OsFileRule {
  /** Matches the last path segment. */
  readonly test: (name: string) => boolean;
  readonly name: string;
  readonly source: string;
}

/** Operating-system artefacts linted as `bagit.lint.os-files` (bagit-java OS_SPECIFIC_FILES). */
export const OS_ARTEFACT_RULES: readonly OsFileRule[] = [
  { name: 'Thumbs.db', test: (n) => n.toLowerCase() === 'thumbs.db', source: 'bagit-java BagLinter OS_SPECIFIC_FILES (Windows Explorer)' },
  { name: 'ehthumbs.db', test: (n) => n.toLowerCase() === 'ehthumbs.db', source: 'Windows Media Center thumbnail cache' },
  { name: 'desktop.ini', test: (n) => n.toLowerCase() === 'desktop.ini', source: 'Windows Explorer folder settings' },
  { name: '.DS_Store', test: (n) => n === '.DS_Store', source: 'bagit-java BagLinter OS_SPECIFIC_FILES (macOS Finder)' },
  { name: '._*', test: (n) => n.startsWith('._'), source: 'macOS AppleDouble resource forks on non-HFS volumes' },
  { name: '.Spotlight-V100', test: (n) => n === '.Spotlight-V100', source: 'macOS Spotlight index' },
  { name: '.Trashes', test: (n) => n === '.Trashes', source: 'macOS volume trash' },
];

/**
 * Names the operating-system artefact a path ends with, if any.
 *
 * @param path - A `/`-separated path.
 * @returns The rule name (e.g. `Thumbs.db`), or undefined.
 * @example
 * osArtefactName('data/photos/Thumbs.db') //=> 'Thumbs.db'
 */
export function osArtefactName(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return OS_ARTEFACT_RULES.find((r) => r.test(name))?.name;
}
