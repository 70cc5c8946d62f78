import type { DigestAlgorithm } from '../source.js';

/** How a manifest algorithm is treated by BagIt validation and linting. */
export interface BagAlgorithm {
  /** Name as it appears in `manifest-<name>.txt`. */
  readonly name: DigestAlgorithm;
  /** Length of the hex digest. */
  readonly hexLength: number;
  /** Listed by RFC 8493 §2.4 (md5, sha1, sha256, sha512). */
  readonly standard: boolean;
  /** Too weak for fixity; linted as `bagit.lint.weak-algorithm`. */
  readonly weak: boolean;
  /** Digest of zero bytes, to recognise a listed empty file without reading it. */
  readonly emptyDigest: string;
  /** Where the treatment comes from. */
  readonly source: string;
}

/**
 * The manifest algorithms dangan verifies. Any other `manifest-<x>.txt` is
 * reported as `bagit.manifest.unsupported-algorithm` and not verified.
 */
export const BAG_ALGORITHMS: readonly BagAlgorithm[] = [
  { name: 'md5', emptyDigest: 'd41d8cd98f00b204e9800998ecf8427e', hexLength: 32, standard: true, weak: true, source: 'RFC 8493 §2.4; bagit-java WEAK_CHECKSUM_ALGORITHM' },
  { name: 'sha1', emptyDigest: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', hexLength: 40, standard: true, weak: true, source: 'RFC 8493 §2.4; bagit-java WEAK_CHECKSUM_ALGORITHM' },
  { name: 'sha224', emptyDigest: 'd14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f', hexLength: 56, standard: false, weak: false, source: 'bagit-python hashlib algorithms' },
  { name: 'sha256', emptyDigest: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', hexLength: 64, standard: true, weak: false, source: 'RFC 8493 §2.4' },
  { name: 'sha384', emptyDigest: '38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b', hexLength: 96, standard: false, weak: false, source: 'bagit-python hashlib algorithms' },
  { name: 'sha512', emptyDigest: 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e', hexLength: 128, standard: true, weak: false, source: 'RFC 8493 §2.4 (SHOULD be the default)' },
  { name: 'sm3', emptyDigest: '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b', hexLength: 64, standard: false, weak: false, source: 'GB/T 32905-2016; dangan local extension' },
];

/**
 * Looks up a manifest algorithm by the name used in a manifest file name.
 *
 * @param name - e.g. `sha256` from `manifest-sha256.txt`.
 * @returns The algorithm row, or undefined when dangan cannot verify it.
 * @example
 * findBagAlgorithm('sm3')?.hexLength //=> 64
 */
export function findBagAlgorithm(name: string): BagAlgorithm | undefined {
  return BAG_ALGORITHMS.find((a) => a.name === name);
}
