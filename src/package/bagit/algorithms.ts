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
  { name: 'sha3-224', emptyDigest: '6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7', hexLength: 56, standard: false, weak: false, source: 'FIPS 202; bagit-python hashlib sha3_224' },
  { name: 'sha3-256', emptyDigest: 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a', hexLength: 64, standard: false, weak: false, source: 'FIPS 202; bagit-python hashlib sha3_256' },
  { name: 'sha3-384', emptyDigest: '0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2ac3713831264adb47fb6bd1e058d5f004', hexLength: 96, standard: false, weak: false, source: 'FIPS 202; bagit-python hashlib sha3_384' },
  { name: 'sha3-512', emptyDigest: 'a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26', hexLength: 128, standard: false, weak: false, source: 'FIPS 202; bagit-python hashlib sha3_512' },
  { name: 'blake2b-512', emptyDigest: '786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce', hexLength: 128, standard: false, weak: false, source: 'RFC 7693; bagit-python hashlib blake2b' },
  { name: 'blake2s-256', emptyDigest: '69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9', hexLength: 64, standard: false, weak: false, source: 'RFC 7693; bagit-python hashlib blake2s' },
  { name: 'sm3', emptyDigest: '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b', hexLength: 64, standard: false, weak: false, source: 'GB/T 32905-2016; dangan local extension' },
];

/**
 * bagit-python names manifests after Python's hashlib (`manifest-sha3_256.txt`,
 * `manifest-blake2b.txt`: BLAKE2b-512 and BLAKE2s-256 at hashlib's default size).
 */
const HASHLIB_NAMES: Readonly<Record<string, DigestAlgorithm>> = {
  sha3_224: 'sha3-224',
  sha3_256: 'sha3-256',
  sha3_384: 'sha3-384',
  sha3_512: 'sha3-512',
  blake2b: 'blake2b-512',
  blake2s: 'blake2s-256',
};

/**
 * Looks up a manifest algorithm by the name used in a manifest file name,
 * dangan's (`sha3-256`, `blake2b-512`) or bagit-python's (`sha3_256`, `blake2b`).
 *
 * @param name - e.g. `sha256` from `manifest-sha256.txt`.
 * @returns The algorithm row, or undefined when dangan cannot verify it.
 * @example
 * findBagAlgorithm('sm3')?.hexLength //=> 64
 * findBagAlgorithm('blake2b')?.name //=> 'blake2b-512'
 */
export function findBagAlgorithm(name: string): BagAlgorithm | undefined {
  const canonical = Object.hasOwn(HASHLIB_NAMES, name) ? HASHLIB_NAMES[name] : name;
  return BAG_ALGORITHMS.find((a) => a.name === canonical);
}
