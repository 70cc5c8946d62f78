import type { PackageEntry } from './source.js';

/** Package profiles dangan validates. */
export type PackageProfile = 'dat93' | 'eep' | 'bagit';

const BAG_DECLARATION = /^bagit\.txt$/i;
const EEP = /\.eep$/i;
const DAT93_MARKER = /(^|\/)(说明文件\.txt|目录文件\.xml|[^/]*元数据\.xml)$/i;

/**
 * Detects a package's profile from its entries: `bagit` when `bagit.txt`
 * sits at the root (RFC 8493 §2.1.1); `eep` when the package holds `.eep`
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
  if (files.some((e) => BAG_DECLARATION.test(e.path))) return 'bagit';
  if (files.some((e) => EEP.test(e.path)) && !files.some((e) => DAT93_MARKER.test(e.path))) return 'eep';
  return 'dat93';
}
