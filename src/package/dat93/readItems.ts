import type { IssueLocation } from '../../report/issue.js';
import type { CheckRun } from '../checks/checkRun.js';
import type { ItemFolder, PackageLayout } from '../layout/packageLayout.js';
import { checkItemMetadata } from './checkItemMetadata.js';
import { ITEM_METADATA_ROOT, readItemMetadata, type ItemMetadataReading } from '../../formats/itemMetadata/readItemMetadata.js';
import type { ItemMetadata } from '../../formats/itemMetadata/itemMetadataModel.js';
import type { PackageSource } from '../source.js';
import { readItemMetadataDocument } from '../../formats/itemMetadata/readItemMetadataXml.js';
import type { XmlLimits } from '../../xml/limits.js';
import { parsePackageXml, readBytes, type ReadFailure } from './readPackageXml.js';
import { defaultLimits } from '../limits.js';
import { yieldToEventLoop } from '../yieldToEventLoop.js';
import { createTextPool } from '../../xml/textPool.js';
import { CROSS_CHECKED_LOCATION_KEYS } from './checkCrossReferences.js';

// Reads in flight at once: enough to hide file-open latency, few enough for any disk. The bytes in
// flight are bounded too (limits.maxReadAheadBytes): 16 files of 256 MiB each would be 4 GiB.
const READ_CONCURRENCY = 16;

/** One item folder with its metadata, when it could be read. */
export interface ReadItem {
  /** The folder. */
  folder: ItemFolder;
  /** Source path of its metadata XML. */
  metadataPath: string;
  /** The metadata; absent when the XML did not parse or had the wrong root. */
  reading?: ItemMetadataReading;
}

// Items parsed between turns of the event loop (about 10 ms of work), so that hashing workers
// fed from it are not starved while the metadata is read.
const YIELD_EVERY = 32;

/**
 * Reads the metadata XML of every item folder that has exactly one and runs
 * the per-item metadata checks on it (GD-1-2…GD-1-6, GD-2-3, GD-2-4). Reads
 * overlap (a bounded window ahead) and each file is parsed as its turn comes,
 * so only the window's bytes are held; issues come in folder order.
 *
 * Hostile input (docs/security.md, bounded readers): the window is bounded in
 * bytes (`limits.maxReadAheadBytes`) as well as files; a file over
 * `maxXmlBytes` is not read; and the package has one budget for all its
 * metadata, in bytes (`limits.maxTotalXmlBytes`) and in time
 * (`limits.maxTotalXmlMilliseconds`, which also caps each file's own time
 * budget): once spent, the remaining files are not read and one
 * `limits.xml-budget` issue says how many.
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
  const limits = { ...defaultLimits, ...run.xmlLimits };
  const sizes = new Map<string, number>();
  for (const entry of await source.entries()) if (entry.kind === 'file') sizes.set(entry.path, entry.size);
  // What a read holds in memory: nothing for a file over the cap (it is refused unread).
  const cost = (index: number): number => {
    const size = sizes.get((items[index] as ReadItem).metadataPath) ?? 0;
    return size > maxXmlBytes ? 0 : size;
  };
  // Reads run ahead of the parse, up to READ_CONCURRENCY files and maxReadAheadBytes bytes (always at
  // least one); each file is parsed as soon as it is its turn and its bytes and element tree are
  // dropped, so memory holds a window of bytes, not the package.
  const reads = new Map<number, Promise<Uint8Array | ReadFailure>>();
  let next = 0;
  let ahead = 0;
  let spentBytes = 0;
  const started = performance.now();
  let stopped: { index: number; received: string; limit: string } | undefined;
  const fill = (current: number) => {
    while (stopped === undefined && next < items.length && next - current < READ_CONCURRENCY) {
      const bytes = cost(next);
      if (ahead > 0 && ahead + bytes > limits.maxReadAheadBytes) return;
      if (spentBytes + bytes > limits.maxTotalXmlBytes) {
        stopped = { index: next, received: `${spentBytes + bytes} bytes`, limit: `${limits.maxTotalXmlBytes} bytes` };
        return;
      }
      spentBytes += bytes;
      ahead += bytes;
      reads.set(next, readBytes(source, (items[next] as ReadItem).metadataPath, maxXmlBytes));
      next++;
    }
  };
  // One copy of each short value (the long ones, 题名 or 档号, rarely repeat) and of each location key and
  // XPath (every item has the same few), for the whole package.
  const keep = { value: createTextPool(), location: createTextPool(Infinity) };
  for (const [index, item] of items.entries()) {
    fill(index);
    const pending = reads.get(index);
    if (pending === undefined) break; // the budget is spent: this item and the rest are not read
    const read = await pending;
    reads.delete(index);
    ahead -= cost(index);
    const elapsed = performance.now() - started;
    const remaining = limits.maxTotalXmlMilliseconds - elapsed;
    if (remaining <= 0) {
      stopped = { index, received: `${Math.round(elapsed)} ms`, limit: `${limits.maxTotalXmlMilliseconds} ms` };
      break;
    }
    readItem(item, read, run, keep, remaining < limits.maxMilliseconds ? { maxMilliseconds: Math.max(1, Math.floor(remaining)) } : undefined);
    onItem?.(item);
    // Small files are read by blocking calls, so no await here ever reaches the event loop by itself.
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
  }
  // Reads already started for items after the stop are settled (never thrown) and dropped.
  if (stopped) {
    const count = items.length - stopped.index;
    run.report('limits.xml-budget', { received: stopped.received, expected: stopped.limit, params: { received: stopped.received, limit: stopped.limit, count } });
  }
  return items;
}

/** Parses one item's metadata and runs its checks; keeps only the reading, not the element tree. */
function readItem(item: ReadItem, read: Uint8Array | ReadFailure, run: CheckRun, keep: Record<'value' | 'location', (text: string) => string>, limits?: { maxMilliseconds: number }): void {
  const metadataPath = item.metadataPath;
  const { root, otherRoot } = parsePackageXml(read, metadataPath, run, limits, readItemMetadataDocument);
  if (otherRoot) {
    run.report('metadata.root-invalid', { path: metadataPath, location: otherRoot.location, expected: ITEM_METADATA_ROOT, received: otherRoot.name, params: { received: otherRoot.name } });
    return;
  }
  if (!root) return;
  const reading = readItemMetadata(root, keep.value);
  checkItemMetadata(reading, metadataPath, run, root.location);
  item.reading = { metadata: keptMetadata(reading.metadata), locations: keptLocations(reading.locations, keep.location) };
}

// The parts of the model no check after readItems reads (文件数据's tree, 存储位置, 权限管理, 信息系统描述), shared
// empty: an item keeps about 0.5 KB less (docs/performance.md).
const NOT_KEPT = Object.freeze({
  storage: Object.freeze({ offlineMediumIds: Object.freeze([]), offlineMediumLocations: Object.freeze([]) }),
  rights: Object.freeze({ authorizations: Object.freeze([]) }),
  informationSystems: Object.freeze([]),
  documents: Object.freeze([]),
}) as unknown as Pick<ItemMetadata, 'storage' | 'rights' | 'informationSystems' | 'documents'>;

/** The metadata later checks use: the model without {@link NOT_KEPT} (a literal, which V8 sizes exactly). */
function keptMetadata(m: ItemMetadata): ItemMetadata {
  return {
    aggregationLevel: m.aggregationLevel,
    provenance: m.provenance,
    recordId: m.recordId,
    archivalCode: m.archivalCode,
    description: m.description,
    form: m.form,
    files: m.files,
    notes: m.notes,
    storage: NOT_KEPT.storage,
    rights: NOT_KEPT.rights,
    informationSystems: NOT_KEPT.informationSystems,
    documents: NOT_KEPT.documents,
  };
}

// The locations the checks after readItems report at: checkCrossReferences (its own keys), checkContentLinks
// (计算机文件名, 计算机文件大小) and collectFixityClaims (数字摘要). The others served checkItemMetadata only;
// with keys and XPaths shared between items, an item keeps about 1.5 KB of locations instead of 5.5 KB
// (docs/performance.md).
const LATER_KEYS: ReadonlySet<string> = new Set(CROSS_CHECKED_LOCATION_KEYS);
const LATER_FILE_KEY = /^files\[\d+\]\/(?:计算机文件名|计算机文件大小|数字摘要\[\d+\])$/;

/** The locations later checks use, keys and XPaths replaced by the run's one copy of each text. */
function keptLocations(locations: ReadonlyMap<string, IssueLocation>, keep: (text: string) => string): Map<string, IssueLocation> {
  const kept = new Map<string, IssueLocation>();
  for (const [key, { line, column, xpath }] of locations) {
    if (!LATER_KEYS.has(key) && !LATER_FILE_KEY.test(key)) continue;
    kept.set(keep(key), xpath === undefined ? { line, column } : { line, column, xpath: keep(xpath) });
  }
  return kept;
}

/**
 * Reads the first item's metadata quietly, only to learn early which digest
 * algorithms the package uses, so that hashing can start before the
 * description and the catalogue are checked. Nothing is reported: the item is
 * read again, with its checks, by {@link readItems}.
 *
 * @param source - The package source.
 * @param layout - The mapped layout.
 * @param maxXmlBytes - Largest XML read.
 * @param limits - The run's XML limits.
 * @returns The first item's reading, or `undefined` when it cannot be read.
 * @example
 * const first = await peekFirstItem(source, layout, 2 ** 28, run.xmlLimits);
 * first?.reading.metadata.files[0]?.digests[0]?.algorithm //=> 'SM3'
 */
export async function peekFirstItem(
  source: PackageSource,
  layout: PackageLayout,
  maxXmlBytes: number,
  limits: Partial<XmlLimits>,
): Promise<{ reading: ItemMetadataReading } | undefined> {
  const path = layout.itemFolders.find((folder) => folder.metadataFiles.length === 1)?.metadataFiles[0];
  if (path === undefined) return undefined;
  const read = await readBytes(source, path, maxXmlBytes);
  if (!(read instanceof Uint8Array)) return undefined;
  const { root } = readItemMetadataDocument(read, { path, limits });
  return root ? { reading: readItemMetadata(root) } : undefined;
}
