import type { PackageEntry } from './source.js';

/** Package profiles dangan validates. */
export type PackageProfile = 'dat93' | 'eep' | 'bagit';

const BAG_DECLARATION = /^bagit\.txt$/i;
const EEP = /\.eep$/i;
const MACOS_TOP_LEVEL = /^(?:__MACOSX(?:\/|$)|\.DS_Store$)/;
const DAT93_MARKER = /(^|\/)(说明文件\.txt|目录文件\.xml|[^/]*元数据\.xml)$/i;

/**
 * Locates a bag's base directory (RFC 8493 §2): the source root when
 * `bagit.txt` sits there, else the single top-level folder of a serialized
 * bag when every entry lies in it and it holds `bagit.txt` (RFC 8493 §4:
 * a serialization SHOULD contain a single top-level directory; `bag.zip`
 * holding `bag/…`). Zip sources may list no directory entries, so the
 * folder is read from the paths. A top-level `__MACOSX/` folder and
 * `.DS_Store` file, which macOS adds when it zips a folder, are ignored.
 *
 * @param entries - The source's entries.
 * @returns `''`, `'<folder>/'`, or undefined when the source holds no bag there.
 * @example
 * findBagRoot([{ path: 'bag/bagit.txt', kind: 'file', size: 55 }]) //=> 'bag/'
 */
export function findBagRoot(entries: readonly PackageEntry[]): string | undefined {
  const files = entries.filter((e) => e.kind === 'file');
  if (files.some((e) => BAG_DECLARATION.test(e.path))) return '';
  // macOS's archiver adds __MACOSX/ (resource forks) and Finder .DS_Store beside the folder: not part of the bag.
  const listed = entries.filter((e) => !MACOS_TOP_LEVEL.test(e.path));
  const top = listed[0]?.path.split('/')[0];
  if (top === undefined || top === '' || !listed.every((e) => e.path === top || e.path.startsWith(`${top}/`))) return undefined;
  const prefix = `${top}/`;
  return files.some((e) => BAG_DECLARATION.test(e.path.slice(prefix.length)) && e.path.startsWith(prefix)) ? prefix : undefined;
}

/**
 * Detects a package's profile from its entries: `bagit` when `bagit.txt`
 * sits at the root, or in the single top-level folder of a serialized bag
 * (`findBagRoot`, RFC 8493 §2.1.1, §4); `eep` when the package holds `.eep`
 * files (DA/T 48-2009) and none of the dat93 markers (说明文件.TXT,
 * 目录文件.XML, a metadata XML); `dat93` otherwise.
 *
 * @param entries - The source's entries.
 * @returns The profile.
 * @example
 * detectPackageProfile([{ path: 'bagit.txt', kind: 'file', size: 55 }]) //=> 'bagit'
 */
export function detectPackageProfile(entries: readonly PackageEntry[]): PackageProfile {
  const files = entries.filter((e) => e.kind === 'file');
  if (findBagRoot(entries) !== undefined) return 'bagit';
  if (files.some((e) => EEP.test(e.path)) && !files.some((e) => DAT93_MARKER.test(e.path))) return 'eep';
  return 'dat93';
}
