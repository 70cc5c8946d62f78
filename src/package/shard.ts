/**
 * Splitting one package's content across machines (`dangan validate --shard I/N`, issue 22):
 * every shard checks the whole structure and metadata, but hashes and scans only the content
 * files it owns. Ownership is a stable function of the file's path, never of listing order,
 * so every machine computes the same split from the same package.
 *
 * @module
 */
import type { ReportShard } from '../report/report.js';
import type { PackageEntry } from './source.js';

/** Which share of the content a run hashes and scans: shard `index` of `count` (0-based). */
export interface PackageShard {
  /** 0-based, less than `count`. */
  readonly index: number;
  /** Number of shards, at least 1. */
  readonly count: number;
}

/** Tells whether a run hashes and scans the file at a source path. */
export type OwnsPath = (path: string) => boolean;

const encoder = new TextEncoder();

/**
 * The shard that owns a path: FNV-1a (32-bit) of the UTF-8 bytes of the NFC path,
 * modulo `count`. The path is the file's path in the opened package (a folder's or a
 * zip's member path, `/`-separated, as issues name it). Not cryptographic: it only has
 * to spread paths evenly and be the same on every machine.
 *
 * @param path - Package-relative path.
 * @param count - Number of shards.
 * @returns The owning shard's index, in `[0, count)`.
 * @example
 * shardOfPath('0001/正文.pdf', 1) //=> 0
 */
export function shardOfPath(path: string, count: number): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(path.normalize('NFC'))) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

/**
 * The ownership test of a shard, for paths below `prefix` in the opened package
 * (a bag's `data/` when its payload is validated as a 移交信息包): without a
 * shard every path is owned.
 *
 * @param shard - The shard, or undefined for a whole run.
 * @param prefix - What the validated view's paths lack in front of the package's own.
 * @returns The test.
 * @example
 * ownsPathOf({ index: 0, count: 1 })('a.pdf') //=> true
 */
export function ownsPathOf(shard: PackageShard | undefined, prefix = ''): OwnsPath {
  if (shard === undefined || shard.count === 1) return () => true;
  return (path) => shardOfPath(prefix + path, shard.count) === shard.index;
}

/**
 * Checks a shard's numbers: integers with `0 <= index < count`.
 *
 * @param shard - The shard.
 * @returns The shard.
 * @throws RangeError when it is out of range (programmer misuse).
 * @example
 * checkShard({ index: 1, count: 4 })
 */
export function checkShard(shard: PackageShard): PackageShard {
  const { index, count } = shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`[dangan] shard ${index}/${count}: need whole numbers with 0 <= index < count`);
  }
  return shard;
}

/**
 * A fingerprint of a package's listing (every entry's path, kind and size), so
 * `mergeShardReports` can tell reports of one package from those of another.
 * Two FNV-1a lanes, 64 bits in hex; not cryptographic, only an identity check.
 *
 * @param entries - The entries, in the source's (sorted) order.
 * @returns 16 hex digits.
 * @example
 * packageFingerprint([{ path: 'a', kind: 'file', size: 1 }]).length //=> 16
 */
export function packageFingerprint(entries: readonly Pick<PackageEntry, 'path' | 'kind' | 'size'>[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      a = Math.imul(a ^ unit, 0x01000193);
      b = Math.imul(b ^ unit, 0x5bd1e995) ^ (b >>> 15);
    }
  };
  for (const entry of entries) mix(`${entry.path}\u0000${entry.kind}\u0000${entry.size}\n`);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/**
 * The `shard` field of a shard's report.
 *
 * @param shard - The shard.
 * @param entries - The package's entries (for the fingerprint).
 * @returns Index, count and the package fingerprint.
 * @example
 * reportShard({ index: 0, count: 2 }, entries).package
 */
export function reportShard(shard: PackageShard, entries: readonly Pick<PackageEntry, 'path' | 'kind' | 'size'>[]): ReportShard {
  return { index: shard.index, count: shard.count, package: packageFingerprint(entries) };
}
