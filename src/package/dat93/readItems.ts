import type { IssueLocation } from '../../report/issue.js';
import type { CheckRun } from '../checks/checkRun.js';
import type { ItemFolder, PackageLayout } from '../layout/packageLayout.js';
import { checkItemMetadata } from '../metadata/checkItemMetadata.js';
import { ITEM_METADATA_ROOT, readItemMetadata, type ItemMetadataReading } from '../metadata/readItemMetadata.js';
import type { PackageSource } from '../source.js';
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
 * the per-item metadata checks on it (GD-1-2…GD-1-6, GD-2-3, GD-2-4). Reads
 * overlap (a bounded window ahead) and each file is parsed as its turn comes,
 * so only the window's bytes are held; issues come in folder order.
 *
 * @param source - The package source.
 * @param layout - The mapped layout.
 * @param run - The check run.
 * @param maxXmlBytes - Largest XML read.
 * @param onItem - Called with each item as soon as it is read (in folder order).
 * @returns The items, in folder order.
 * @example
 * const items = await readItems(source, layout, run, 2 ** 28);
 */
export async function readItems(
  source: PackageSource,
  layout: PackageLayout,
  run: CheckRun,
  maxXmlBytes: number,
  onItem?: (item: ReadItem) => void,
): Promise<ReadItem[]> {
  const items: ReadItem[] = layout.itemFolders
    .filter((folder) => folder.metadataFiles.length === 1)
    .map((folder) => ({ folder, metadataPath: folder.metadataFiles[0] as string }));
  // Reads run up to READ_CONCURRENCY ahead; each file is parsed as soon as it is its turn and its
  // bytes and element tree are dropped, so memory holds a window of files, not the package.
  const reads = new Map<number, Promise<Uint8Array | { error: string }>>();
  const startRead = (index: number) => {
    const item = items[index];
    if (item) reads.set(index, readBytes(source, item.metadataPath, maxXmlBytes));
  };
  for (let i = 0; i < READ_CONCURRENCY; i++) startRead(i);
  for (const [index, item] of items.entries()) {
    const read = await (reads.get(index) as Promise<Uint8Array | { error: string }>);
    reads.delete(index);
    startRead(index + READ_CONCURRENCY);
    readItem(item, read, run);
    onItem?.(item);
  }
  return items;
}

/** Parses one item's metadata and runs its checks; keeps only the reading, not the element tree. */
function readItem(item: ReadItem, read: Uint8Array | { error: string }, run: CheckRun): void {
  const metadataPath = item.metadataPath;
  const root = parsePackageXml(read, metadataPath, run);
  if (!root) return;
  if (localName(root.name) !== ITEM_METADATA_ROOT) {
    run.report('metadata.root-invalid', { path: metadataPath, location: root.location, expected: ITEM_METADATA_ROOT, received: root.name, params: { received: root.name } });
    return;
  }
  item.reading = readItemMetadata(root);
  item.rootLocation = root.location;
  checkItemMetadata(item.reading, metadataPath, run, root.location);
}
