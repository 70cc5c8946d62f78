import type { Report } from '../../report/report.js';
import { createCheckRun, type CheckRun } from '../checks/checkRun.js';
import { checkContentFormats } from '../format/checkContentFormats.js';
import type { ContentScan } from '../format/contentScanner.js';
import { verifyFixity, type ScanColumn } from '../fixity/verifyFixity.js';
import { FileIndex, joinClaims, type ClaimView } from '../fixity/claimTable.js';
import { findPackageRoot, mapPackageLayout } from '../layout/packageLayout.js';
import { screenEntries } from '../layout/screenEntries.js';
import { packageOptionDefaults, type ValidatePackageOptions } from '../options.js';
import type { DigestAlgorithm, PackageEntry, PackageSource } from '../source.js';
import { checkCatalogue } from './checkCatalogue.js';
import { checkContentLinks } from './checkContentLinks.js';
import { checkCrossReferences, type CrossCheckedField } from './checkCrossReferences.js';
import { checkDescription } from './checkDescription.js';
import { checkItemEeps } from './checkItemEeps.js';
import { checkOtherDocuments } from './checkOtherDocuments.js';
import { checkStructure } from './checkStructure.js';
import { FixityClaimCollector } from './collectFixityClaims.js';
import { peekFirstItem, readItems, type ReadItem } from './readItems.js';
import type { KeptComputerFile } from './keptItem.js';
import type { ItemMetadata } from '../../formats/itemMetadata/itemMetadataModel.js';
import { parseDigestAlgorithm } from '../../formats/fixity/fixityClaim.js';
import { startDigestPrefetch, type DigestPrefetch } from '../fixity/prefetchDigests.js';
import type { PackageLayout } from '../layout/packageLayout.js';
import { ownsPathOf, type OwnsPath } from '../shard.js';

/**
 * Validates a DA/T 93-2022 附录B 移交信息包 (profile `dat93`) with the
 * DA/T 70-2018 四性 checks, in stages from cheap to costly: entries (unsafe
 * paths, links and encrypted entries refused unread), structure, 说明文件,
 * 目录文件, item metadata, cross-references, the 其他/ documents, content links, fixity (every
 * byte hashed once through `source.digest`), then content formats. Reads
 * only; never throws on bad input.
 *
 * @param source - The package, as a directory, zip or any {@link PackageSource}.
 * @param options - Locale, severity overrides, fixity on/off, jobs, progress, 档号 profile.
 * @param hints - Algorithms another check of the same files will ask for (a bag's manifests), hashed in the same pass;
 *   `owns`, the content files this run hashes and scans (a shard's share; default `options.shard`'s, else all).
 * @returns The report; every registered check is listed with its status.
 * @example
 * const report = await validateTransferPackage(await openDirectorySource('移交信息包'));
 * report.valid
 */
export async function validateTransferPackage(
  source: PackageSource,
  options: ValidatePackageOptions = {},
  hints: { algorithms?: readonly DigestAlgorithm[]; owns?: OwnsPath } = {},
): Promise<Report> {
  const run = createCheckRun(options);
  // --shard I/N: only the owned content files are handed to hashing and scanning; everything else is checked whole.
  const owns = hints.owns ?? ownsPathOf(options.shard);
  const entries = await source.entries();
  const safe = screenEntries(entries, run);
  const totals = countFiles(safe);
  const root = findPackageRoot(safe);
  if (root === undefined) {
    run.ran('package.structure');
    run.report('package.root-not-found');
    return run.finish({ profile: 'dat93', ...totals });
  }
  const maxXmlBytes = options.maxXmlBytes ?? options.limits?.maxXmlBytes ?? packageOptionDefaults.maxXmlBytes;
  const layout = mapPackageLayout(safe, root);
  checkStructure(layout, run);
  const scanLimit = options.scanLimit ?? packageOptionDefaults.scanLimit;
  // Hashing starts on the first item's declared algorithms (peeked at before anything is checked),
  // so the workers hash while the description, catalogue and metadata are parsed; the fixity check
  // below is answered from it where it covers. Items are asked again if the first one names none.
  // Only the files an item's metadata lists are queued, item by item as they are read: a file no
  // metadata lists (content.unlisted) is never read or inflated unless a fixity claim names it.
  let prefetch: Prefetch | undefined;
  if (options.fixity !== false) {
    const first = await peekFirstItem(source, layout, maxXmlBytes, run.xmlLimits);
    if (first) prefetch = startPrefetch(source, layout, first.reading.metadata, scanLimit, options, hints.algorithms ?? [], owns);
    const folder = layout.itemFolders.find((f) => f.metadataFiles.length === 1);
    if (first && folder) prefetch?.addItem({ folder, reading: first.reading });
  }
  const description = layout.description ? await checkDescription(source, layout.description, run) : undefined;
  let catalogue = layout.catalogue ? await checkCatalogue(source, layout.catalogue, run, maxXmlBytes) : undefined;
  // The fixity check's one map of paths: claims, coverage and scans are columns and bitmaps by file index.
  const files = new FileIndex(safe);
  // The metadata's fixity claims are taken as each item is read: no item keeps its 数字摘要.
  const collector = new FixityClaimCollector(run, files, layout.root);
  // An item's values equal to its catalogue entry's are kept as the entry's strings (one copy, not two).
  let catalogueByCode = catalogue && new Map(catalogue.filter((e) => e.values.档号).map((e) => [e.values.档号 as string, e.values as Partial<Record<CrossCheckedField, string>>]));
  let items: ReadItem[] | undefined = await readItems(source, layout, run, maxXmlBytes, (item, reading) => {
    item.reading?.share(item.folder.name, catalogueByCode?.get(item.folder.name));
    if (reading) collector.addItem(item, reading);
    if (prefetch === undefined && options.fixity !== false) prefetch = startPrefetch(source, layout, reading?.metadata, scanLimit, options, hints.algorithms ?? [], owns);
    prefetch?.addItem(item);
  });
  prefetch?.close();
  catalogueByCode = undefined;
  checkCrossReferences({ layout, items, ...(catalogue ? { catalogue } : {}), ...(description ? { description } : {}) }, run, options);
  await checkOtherDocuments(source, layout, run, catalogue, maxXmlBytes);
  catalogue = undefined;
  await checkItemEeps(source, layout, run, options);
  const contents = checkContentLinks(layout, items, run, description).filter((c) => owns(c.entry.path));
  // The items and the catalogue are not read after this: dropped before the fixity check (250,000 items hold about 100 MB).
  items = undefined;
  const toScan = new Uint8Array(files.files.length);
  for (const { entry } of contents) toScan[files.indexOf(entry.path)] = 1;
  // Content files are scanned on the reads that hash them; only what the source did not scan is read again.
  const scanned = await checkFixity(prefetch?.source ?? source, layout, collector, files, run, options, maxXmlBytes, { wanted: (file) => toScan[file] === 1, limit: scanLimit }, owns);
  await prefetch?.settled;
  // Files no claim covers were still scanned by the prefetch.
  const scans = {
    get(path: string): ContentScan | undefined {
      const file = files.indexOf(path);
      return (file >= 0 ? scanned?.get(file) : undefined) ?? prefetch?.scanOf(path);
    },
  };
  await checkContentFormats(source, contents, run, scanLimit, scans);
  return run.finish({ profile: 'dat93', ...totals });
}

async function checkFixity(
  source: PackageSource,
  layout: ReturnType<typeof mapPackageLayout>,
  collector: FixityClaimCollector,
  files: FileIndex,
  run: CheckRun,
  options: ValidatePackageOptions,
  maxXmlBytes: number,
  scan: { wanted: (file: number) => boolean; limit: number },
  owns: OwnsPath,
): Promise<ScanColumn | undefined> {
  const claims = joinClaims(await collector.collect(source, layout, maxXmlBytes));
  checkCoverage(layout, claims, files, run);
  if (options.fixity === false) return undefined;
  const outcome = await verifyFixity(source, claims, files, run, {
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    scan,
    owns,
  });
  return outcome.scans;
}

/** GD-1-1 coverage: every content file has a fixity claim. The covered files are a bitmap by file index, for this check only. */
function checkCoverage(layout: PackageLayout, claims: ClaimView, files: FileIndex, run: CheckRun): void {
  run.ran('fixity.coverage');
  const covered = new Uint8Array(files.files.length);
  for (let n = 0; n < claims.length; n++) {
    const file = claims.fileOf(n);
    if (file >= 0) covered[file] = 1;
  }
  for (const folder of layout.itemFolders) {
    for (const entry of folder.contentFiles) if (covered[files.indexOf(entry.path)] !== 1) run.report('fixity.not-covered', { path: entry.path });
  }
}

/** A prefetch of content digests, fed item by item. */
interface Prefetch extends DigestPrefetch {
  /** Queues the files `item`'s metadata lists (those with bytes). */
  addItem(item: { folder: ReadItem['folder']; reading?: { metadata: { files: readonly Pick<KeptComputerFile, 'fileName'>[] } } | undefined }): void;
  close(): void;
}

/** Starts prefetching content digests with the algorithms an item's `metadata` declares (and the manifests and hints name), scanning the files too; files are added item by item. */
function startPrefetch(
  source: PackageSource,
  layout: PackageLayout,
  metadata: Pick<ItemMetadata, 'files'> | undefined,
  limit: number,
  options: ValidatePackageOptions,
  hinted: readonly DigestAlgorithm[],
  owns: OwnsPath,
): Prefetch | undefined {
  const algorithms = new Set<DigestAlgorithm>(hinted);
  for (const file of metadata?.files ?? []) {
    for (const digest of file.digests) {
      const algorithm = parseDigestAlgorithm(digest.algorithm ?? '');
      if (algorithm) algorithms.add(algorithm);
    }
  }
  for (const manifest of layout.manifests) {
    const algorithm = parseDigestAlgorithm(manifest.slice(manifest.lastIndexOf('/') + 'manifest-'.length + 1, -'.txt'.length));
    if (algorithm) algorithms.add(algorithm);
  }
  if (algorithms.size === 0) return undefined;
  const wanted = [...algorithms];
  const prefetch = startDigestPrefetch(source, {
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return {
    ...prefetch,
    addItem({ folder, reading }) {
      if (!reading) return;
      const byPath = new Map(folder.contentFiles.map((entry) => [entry.path, entry]));
      // An empty file costs nothing to hash or scan when asked (100,000 of them are a hostile case), so only files with bytes are worth starting early.
      const requests = reading.metadata.files.flatMap((file) => {
        const entry = file.fileName ? byPath.get(`${folder.path}/${file.fileName.normalize('NFC')}`) : undefined;
        return entry && entry.size > 0 && owns(entry.path) ? [{ path: entry.path, algorithms: wanted, scan: { limit } }] : [];
      });
      if (requests.length > 0) prefetch.add(requests);
    },
  };
}

function countFiles(entries: readonly PackageEntry[]): { files: number; bytes: number } {
  const files = entries.filter((e) => e.kind === 'file');
  return { files: files.length, bytes: files.reduce((sum, e) => sum + e.size, 0) };
}
