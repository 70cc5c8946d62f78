import type { IssueLocation } from '../../report/issue.js';
import type { CheckRun } from '../checks/checkRun.js';
import type { ItemFolder, PackageLayout } from '../layout/packageLayout.js';
import { checkItemMetadata } from '../metadata/checkItemMetadata.js';
import { ITEM_METADATA_ROOT, readItemMetadata, type ItemMetadataReading } from '../metadata/readItemMetadata.js';
import type { PackageSource } from '../source.js';
import { mapLimit } from '../mapLimit.js';
import { localName, parsePackageXml, readBytes } from './readPackageXml.js';

// Reads in flight at once: enough to hide file-open latency, few enough for any disk.
const READ_CONCURRENCY = 16;

/** One item folder with its metadata, when it could be read. */
export interface ReadItem {
  /** The folder. */
  folder: ItemFolder;
  /** Source path of its metadata XML. */
  metadataPath: string;
  /** The metadata; absent when the XML did not parse or had the wrong root. */
  reading?: ItemMetadataReading;
  /** Location of the root element. */
  rootLocation?: IssueLocation;
}

/**
 * Reads the metadata XML of every item folder that has exactly one and runs
 * the per-item metadata checks on it (GD-1-2…GD-1-6, GD-2-3, GD-2-4).
 *
 * @param source - The package source.
 * @param layout - The mapped layout.
 * @param run - The check run.
 * @param maxXmlBytes - Largest XML read.
 * @returns The items, in folder order.
 * @example
 * const items = await readItems(source, layout, run, 2 ** 28);
 */
export async function readItems(source: PackageSource, layout: PackageLayout, run: CheckRun, maxXmlBytes: number): Promise<ReadItem[]> {
  const items: ReadItem[] = layout.itemFolders
    .filter((folder) => folder.metadataFiles.length === 1)
    .map((folder) => ({ folder, metadataPath: folder.metadataFiles[0] as string }));
  // Overlap the reads; parse and report in folder order.
  const contents = await mapLimit(items, READ_CONCURRENCY, (item) => readBytes(source, item.metadataPath, maxXmlBytes));
  for (const [index, item] of items.entries()) {
    const metadataPath = item.metadataPath;
    const root = parsePackageXml(contents[index] as Uint8Array | { error: string }, metadataPath, run);
    if (!root) continue;
    if (localName(root.name) !== ITEM_METADATA_ROOT) {
      run.report('metadata.root-invalid', { path: metadataPath, location: root.location, expected: ITEM_METADATA_ROOT, received: root.name, params: { received: root.name } });
      continue;
    }
    item.reading = readItemMetadata(root);
    item.rootLocation = root.location;
    checkItemMetadata(item.reading, metadataPath, run, root.location);
  }
  return items;
}
