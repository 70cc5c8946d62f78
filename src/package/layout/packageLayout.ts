import type { PackageEntry } from '../source.js';

/** One item folder (件文件夹, DA/T 93-2022 附录B): `<全宗号>/<分类…>/<档号>/`. */
export interface ItemFolder {
  /** Path of the folder, package-relative, no trailing `/`. */
  path: string;
  /** Folder name: the 档号 it must carry. */
  name: string;
  /** Folder levels below the package root (3 for 全宗/分类/档号). */
  depth: number;
  /** Files whose name ends in `元数据.XML` (any case). */
  metadataFiles: string[];
  /** Every other file of the folder. */
  contentFiles: PackageEntry[];
}

/** Where the parts of a dat93 package sit in a source. */
export interface PackageLayout {
  /** `''` or the single top-level folder with a trailing `/`. */
  root: string;
  /** Path of 说明文件.TXT, when present. */
  description?: string;
  /** Path of 目录文件.XML (or the 2012 name 文件目录.XML), when present. */
  catalogue?: string;
  /** Path of 其他/固化验证信息.XML, when present. */
  fixityFile?: string;
  /** Every file under 其他/ (DA/T 93-2022 附录B), 固化验证信息.XML included. */
  otherFiles: PackageEntry[];
  /** BagIt-style `manifest-<alg>.txt` files at the package root. */
  manifests: string[];
  /** Item folders in path order. */
  itemFolders: ItemFolder[];
  /** Files at the root or in a class folder that belong to no known place. */
  strayFiles: PackageEntry[];
}

const DESCRIPTION = /^说明文件\.txt$/i;
const CATALOGUE = /^(目录文件|文件目录)\.xml$/i;
const OTHER = '其他';
const FIXITY = /^固化验证信息\.xml$/i;
const MANIFEST = /^manifest-[a-z0-9]+\.txt$/i;
// Root files that are fixity evidence or a BagIt wrapper, never content.
const ROOT_EVIDENCE = /^(tagmanifest-[a-z0-9]+\.txt|bagit\.txt|bag-info\.txt)$/i;
const METADATA = /元数据\.xml$/i;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * Locates the package root: the source root when 说明文件.TXT or 目录文件.XML
 * sits there, else the one top-level folder when it is the only entry at the
 * top (DA/T 93-2022 附录B; a zip often wraps the tree in one folder).
 *
 * @param entries - Safe entries of the source.
 * @returns `''`, `'<folder>/'`, or `undefined` when no root is found.
 * @example
 * findPackageRoot([{ path: 'P', kind: 'directory', size: 0 }, { path: 'P/说明文件.TXT', kind: 'file', size: 9 }]) //=> 'P/'
 */
export function findPackageRoot(entries: readonly PackageEntry[]): string | undefined {
  const isRootFile = (e: PackageEntry, dir: string) =>
    e.kind === 'file' && parentOf(e.path) === dir && (DESCRIPTION.test(baseName(e.path)) || CATALOGUE.test(baseName(e.path)));
  if (entries.some((e) => isRootFile(e, ''))) return '';
  const top = entries.filter((e) => !e.path.includes('/'));
  const only = top[0];
  if (top.length !== 1 || only?.kind !== 'directory') return undefined;
  return entries.some((e) => isRootFile(e, only.path)) ? `${only.path}/` : undefined;
}

/**
 * Maps the entries under a package root to the parts of a DA/T 93-2022
 * 附录B 移交信息包: 说明文件, 目录文件, 其他/ (with 固化验证信息), manifests,
 * item folders (every folder outside 其他/ that holds files or has no
 * sub-folder) and stray files.
 *
 * @param entries - Safe entries of the source.
 * @param root - The root from {@link findPackageRoot}.
 * @returns The layout; paths stay source-relative.
 * @example
 * mapPackageLayout(entries, '').itemFolders.map((f) => f.name)
 */
export function mapPackageLayout(entries: readonly PackageEntry[], root: string): PackageLayout {
  const inRoot = entries.filter((e) => e.path.startsWith(root) && e.path !== root.slice(0, -1));
  const relative = (e: PackageEntry) => e.path.slice(root.length);
  const layout: PackageLayout = { root, manifests: [], itemFolders: [], strayFiles: [], otherFiles: [] };
  const folders = new Map<string, ItemFolder>();
  const hasSubfolder = new Set(inRoot.filter((e) => e.kind === 'directory').map((e) => parentOf(e.path)));
  for (const entry of inRoot) {
    const rel = relative(entry);
    const top = rel.split('/')[0] ?? '';
    if (top === OTHER) {
      if (entry.kind === 'file' && rel === `${OTHER}/${baseName(rel)}` && FIXITY.test(baseName(rel))) layout.fixityFile = entry.path;
      if (entry.kind === 'file') layout.otherFiles.push(entry);
      continue;
    }
    if (entry.kind === 'directory') {
      if (!hasSubfolder.has(entry.path)) folderFor(entry.path);
      continue;
    }
    if (!rel.includes('/')) {
      if (DESCRIPTION.test(rel)) layout.description = entry.path;
      else if (CATALOGUE.test(rel)) layout.catalogue = entry.path;
      else if (MANIFEST.test(rel)) layout.manifests.push(entry.path);
      else if (!ROOT_EVIDENCE.test(rel)) layout.strayFiles.push(entry);
      continue;
    }
    const folder = folderFor(parentOf(entry.path));
    if (METADATA.test(baseName(entry.path))) folder.metadataFiles.push(entry.path);
    else folder.contentFiles.push(entry);
  }
  layout.itemFolders = [...folders.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // The lists live as long as the run: copied to their length (an array grown by push keeps room for 16 more).
  for (const folder of layout.itemFolders) {
    folder.metadataFiles = folder.metadataFiles.slice();
    folder.contentFiles = folder.contentFiles.slice();
  }
  return layout;

  function folderFor(path: string): ItemFolder {
    let folder = folders.get(path);
    if (!folder) {
      folder = { path, name: baseName(path), depth: path.slice(root.length).split('/').length, metadataFiles: [], contentFiles: [] };
      folders.set(path, folder);
    }
    return folder;
  }
}
