import type { CheckRun } from '../checks/checkRun.js';
import type { ParsedPackageDescription } from '../../formats/description/parsePackageDescription.js';
import { isSafePath } from '../layout/isSafePath.js';
import type { PackageLayout } from '../layout/packageLayout.js';
import type { PackageEntry } from '../source.js';
import type { ReadItem } from './readItems.js';

/** A content file with the 电子属性 that lists it, when one does. */
export interface LinkedContent {
  entry: PackageEntry;
  /** 格式信息 (DA/T 46-2009 M47) of the listing 电子属性. */
  formatInfo?: string;
  /** Set for a file no metadata lists: it is identified by its head only (see `ContentToCheck.headOnly`). */
  headOnly?: boolean;
}

/**
 * Links each item's metadata to its content files (DA/T 70-2018 GD-1-11):
 * every 计算机文件名 resolves to a file of the item folder, its 计算机文件大小
 * equals the file's bytes (GD-1-10), and no file of the package is left
 * unlisted (GD-2-11). When 说明文件 declares 总字节数, the content bytes must
 * add up to it (GD-2-2).
 *
 * @param layout - The mapped layout.
 * @param items - Items with their metadata.
 * @param run - The check run.
 * @param description - The 说明文件, when read.
 * @returns Every content file (item folders and stray files) with its declared format.
 * @example
 * const contents = checkContentLinks(layout, items, run, description);
 */
export function checkContentLinks(
  layout: PackageLayout,
  items: readonly ReadItem[],
  run: CheckRun,
  description?: ParsedPackageDescription,
): LinkedContent[] {
  const linked: LinkedContent[] = [];
  const listed = new Set<PackageEntry>();
  const withMetadata = new Set(items.filter((i) => i.reading).map((i) => i.folder.path));
  for (const item of items) {
    if (!item.reading) continue;
    run.ran('content.link');
    run.ran('content.attributes');
    const byPath = new Map(item.folder.contentFiles.map((e) => [e.path, e]));
    item.reading.metadata.files.forEach((file, index) => {
      if (!file.fileName) return;
      const location = item.reading!.locations.get(`files[${index}]/计算机文件名`);
      const where = { path: item.metadataPath, ...(location ? { location } : {}) };
      const name = file.fileName.normalize('NFC');
      const entry = isSafePath(name) ? byPath.get(`${item.folder.path}/${name}`) : undefined;
      if (!entry) {
        run.report('content.missing', { ...where, params: { file: file.fileName } });
        return;
      }
      if (listed.has(entry)) return;
      listed.add(entry);
      linked.push({ entry, ...(file.formatInfo ? { formatInfo: file.formatInfo } : {}) });
      if (file.fileSize !== undefined && /^\d+$/.test(file.fileSize) && Number(file.fileSize) !== entry.size) {
        const sizeAt = item.reading!.locations.get(`files[${index}]/计算机文件大小`);
        run.report('content.size-mismatch', {
          path: item.metadataPath,
          params: { file: file.fileName },
          ...(sizeAt ? { location: sizeAt } : {}),
          expected: Number(file.fileSize),
          received: entry.size,
        });
      }
    });
  }
  run.ran('content.completeness');
  for (const folder of layout.itemFolders) {
    if (!withMetadata.has(folder.path)) continue;
    for (const entry of folder.contentFiles) {
      if (listed.has(entry)) continue;
      run.report('content.unlisted', { path: entry.path, params: { file: entry.path.slice(layout.root.length) } });
      linked.push({ entry, headOnly: true });
    }
  }
  for (const entry of layout.strayFiles) {
    run.report('content.unlisted', { path: entry.path, params: { file: entry.path.slice(layout.root.length) } });
    linked.push({ entry, headOnly: true });
  }
  const declared = description?.values['总字节数'];
  if (declared !== undefined && /^\d+$/.test(declared)) {
    run.ran('package.bytes');
    const total = layout.itemFolders.flatMap((f) => f.contentFiles).reduce((sum, e) => sum + e.size, 0);
    if (total !== Number(declared)) {
      run.report('package.bytes-mismatch', { ...(layout.description ? { path: layout.description } : {}), expected: Number(declared), received: total });
    }
  }
  return linked;
}
