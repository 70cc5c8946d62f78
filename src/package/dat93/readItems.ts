import type { CheckRun } from '../checks/checkRun.js';
import type { ItemFolder, PackageLayout } from '../layout/packageLayout.js';
import { checkItemMetadata } from './checkItemMetadata.js';
import { ITEM_METADATA_ROOT, type ItemMetadataReading } from '../../formats/itemMetadata/readItemMetadata.js';
import type { PackageEntry, PackageSource } from '../source.js';
import { readItemMetadataDocument } from '../../formats/itemMetadata/readItemMetadataXml.js';
import type { XmlLimits } from '../../xml/limits.js';
import { parsePackageXml, readBytes, type ReadFailure } from './readPackageXml.js';
import { defaultLimits, totalXmlMilliseconds } from '../limits.js';
import { yieldToEventLoop } from '../yieldToEventLoop.js';
import { createTextPool } from '../../xml/textPool.js';
import { CROSS_CHECKED_LOCATION_KEYS } from './checkCrossReferences.js';
import { KeptItem, LocationArena, type KeptItemMetadata, type LocationLookup } from './keptItem.js';

// Reads in flight at once: enough to hide file-open latency, few enough for any disk. The bytes in
// flight are bounded too (limits.maxReadAheadBytes): 16 files of 256 MiB each would be 4 GiB.
const READ_CONCURRENCY = 16;

/** One item folder with its metadata, when it could be read. */
export interface ReadItem {
  /** The folder. */
  folder: ItemFolder;
  /** Source path of its metadata XML. */
  metadataPath: string;
  /** What later checks use of the metadata (see {@link KeptItemMetadata}, kept as one {@link KeptItem}); absent when the XML did not parse or had the wrong root. */
  reading?: KeptItem;
}

/** The part of an item's metadata reading kept after its own checks: values and locations later checks use. */
export interface KeptReading {
  /** The kept metadata. */
  metadata: KeptItemMetadata;
  /** The locations later checks report at, by key. */
  locations: LocationLookup;
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
 * (`limits.maxTotalXmlMilliseconds`, by default growing with the item count:
 * `totalXmlMilliseconds`; it also caps each file's own time budget): once spent, the remaining files are not read and one
 * `limits.xml-budget` issue says how many.
 *
 * @param source - The package source.
 * @param layout - The mapped layout.
 * @param run - The check run.
 * @param maxXmlBytes - Largest XML read.
 * @param onItem - Called with each item as soon as it is read (in folder order), with its whole metadata reading
 *   (dropped after the call: take what is needed then, as the fixity claims are).
 * @returns The items, in folder order.
 * @example
 * const items = await readItems(source, layout, run, 2 ** 28);
 */
export async function readItems(
  source: PackageSource,
  layout: PackageLayout,
  run: CheckRun,
  maxXmlBytes: number,
  onItem?: (item: ReadItem, reading?: ItemMetadataReading) => void,
): Promise<ReadItem[]> {
  const items: ReadItem[] = layout.itemFolders
    .filter((folder) => folder.metadataFiles.length === 1)
    .map((folder) => ({ folder, metadataPath: folder.metadataFiles[0] as string }));
  const limits = { ...defaultLimits, ...run.xmlLimits, maxTotalXmlMilliseconds: totalXmlMilliseconds(run.xmlLimits, items.length) };
  const sizes = metadataSizes(items, await source.entries());
  // What a read holds in memory: nothing for a file over the cap (it is refused unread).
  const cost = (index: number): number => {
    const size = sizes[index] as number;
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
  const keep = { value: createTextPool(), locations: new LocationArena() };
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
    const reading = readItem(item, read, run, keep, remaining < limits.maxMilliseconds ? { maxMilliseconds: Math.max(1, Math.floor(remaining)) } : undefined);
    onItem?.(item, reading);
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

/** The size of each item's metadata file, by item index (a column, not a map of every file in the package). */
function metadataSizes(items: readonly ReadItem[], entries: readonly PackageEntry[]): Float64Array {
  const index = new Map(items.map((item, i) => [item.metadataPath, i]));
  const sizes = new Float64Array(items.length);
  for (const entry of entries) {
    const i = entry.kind === 'file' ? index.get(entry.path) : undefined;
    if (i !== undefined) sizes[i] = entry.size;
  }
  return sizes;
}

/** Parses one item's metadata and runs its checks; keeps only part of the reading (returned whole, for the caller's moment), not the element tree. */
function readItem(item: ReadItem, read: Uint8Array | ReadFailure, run: CheckRun, keep: { value: (text: string) => string; locations: LocationArena }, limits?: { maxMilliseconds: number }): ItemMetadataReading | undefined {
  const metadataPath = item.metadataPath;
  const { root, reading, otherRoot } = parsePackageXml(read, metadataPath, run, limits, (bytes, options) => readItemMetadataDocument(bytes, { ...options, keep: keep.value }));
  if (otherRoot) {
    run.report('metadata.root-invalid', { path: metadataPath, location: otherRoot.location, expected: ITEM_METADATA_ROOT, received: otherRoot.name, params: { received: otherRoot.name } });
    return undefined;
  }
  if (!root || !reading) return undefined;
  checkItemMetadata(reading, metadataPath, run, root.location);
  item.reading = new KeptItem(reading.metadata, reading.locations, keep.locations, laterKey);
  return reading;
}

// The locations the checks after readItems report at: checkCrossReferences (its own keys) and checkContentLinks
// (计算机文件名, 计算机文件大小). The others served checkItemMetadata only; the fixity claims (数字摘要) are taken from the whole reading.
// They are kept in the run's LocationArena: about 16 bytes a location (docs/performance.md).
const LATER_KEYS: ReadonlySet<string> = new Set(CROSS_CHECKED_LOCATION_KEYS);
const LATER_FILE_KEY = /^files\[\d+\]\/(?:计算机文件名|计算机文件大小)$/;
const laterKey = (key: string): boolean => LATER_KEYS.has(key) || LATER_FILE_KEY.test(key);

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
  const { reading } = readItemMetadataDocument(read, { path, limits });
  return reading ? { reading } : undefined;
}
