import type { CheckRun } from '../checks/checkRun.js';
import type { PackageLayout } from '../layout/packageLayout.js';

// DA/T 93-2022 附录B: <全宗号>/<分类…>/<档号>/ — an item folder sits at least three levels down.
const MIN_ITEM_DEPTH = 3;

/**
 * Checks the folder structure of a 移交信息包 (DA/T 70-2018 GD-1-13, DA/T
 * 93-2022 附录B): 说明文件.TXT and 目录文件.XML at the root, each item folder
 * at `<全宗号>/<分类…>/<档号>/` holding exactly one metadata XML and at least
 * one content file.
 *
 * @param layout - The mapped layout.
 * @param run - The check run.
 * @example
 * checkStructure(mapPackageLayout(entries, ''), run)
 */
export function checkStructure(layout: PackageLayout, run: CheckRun): void {
  run.ran('package.structure');
  if (!layout.description) run.report('package.file-missing', { path: `${layout.root}说明文件.TXT`, params: { file: '说明文件.TXT' } });
  if (!layout.catalogue) run.report('package.file-missing', { path: `${layout.root}目录文件.XML`, params: { file: '目录文件.XML' } });
  for (const folder of layout.itemFolders) {
    const at = { path: folder.path, params: { folder: folder.path.slice(layout.root.length) } };
    if (folder.depth < MIN_ITEM_DEPTH) run.report('package.item-folder-misplaced', at);
    if (folder.metadataFiles.length === 0) run.report('package.item-folder-no-metadata', at);
    if (folder.metadataFiles.length > 1) {
      run.report('package.item-folder-many-metadata', { ...at, params: { ...at.params, files: folder.metadataFiles.map((f) => f.slice(folder.path.length + 1)) } });
    }
    if (folder.contentFiles.length === 0) run.report('package.item-folder-no-content', at);
  }
}
