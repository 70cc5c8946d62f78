import type { IssueLocation } from '../../report/issue.js';
import type { DigestAlgorithm } from './vocabulary.js';

/** Where a fixity claim comes from (docs/package-format.md, 固化信息). */
export type FixityEvidenceKind = 'fixity-file' | 'metadata' | 'manifest';

/**
 * One digest a package claims for one of its files, read from any of the
 * three evidence forms: `其他/固化验证信息.XML`, a 数字摘要 element in a
 * file's 电子属性, or a BagIt-style `manifest-<alg>.txt`.
 */
export interface FixityClaim {
  /** Package-relative path of the file the digest is for, as written in the evidence. */
  path: string;
  /** Hash algorithm. */
  algorithm: DigestAlgorithm;
  /** Expected digest, lower-case hex. */
  digest: string;
  /** Expected byte count, when the evidence states one. */
  bytes?: number;
  /** Evidence form. */
  kind: FixityEvidenceKind;
  /** Source-relative path of the evidence file. */
  evidence: string;
  /** Line and column of the claim in the evidence file. */
  location?: IssueLocation;
}

// Accepted spellings: SM3, SHA256, SHA-256, sha_256, Sha1, MD5, SHA3-256, sha3_256, BLAKE2b-512 … (case, '-' and '_' ignored).
const ALGORITHMS: Readonly<Record<string, DigestAlgorithm>> = {
  sm3: 'sm3', sha256: 'sha256', sha1: 'sha1', md5: 'md5', sha512: 'sha512', sha224: 'sha224', sha384: 'sha384',
  // FIPS 202; Python hashlib writes sha3_256.
  sha3224: 'sha3-224', sha3256: 'sha3-256', sha3384: 'sha3-384', sha3512: 'sha3-512',
  // RFC 7693; hashlib's blake2b and blake2s are BLAKE2b-512 and BLAKE2s-256 at their default sizes.
  blake2b512: 'blake2b-512', blake2b: 'blake2b-512', blake2s256: 'blake2s-256', blake2s: 'blake2s-256',
};

/**
 * Reads a digest algorithm name as written in fixity evidence: `SM3` (GB/T
 * 32905-2016), `SHA256`, `SHA-256`, `SHA1`, `MD5`, the other SHA-2 sizes
 * BagIt manifests use, SHA-3 (`SHA3-256`, `sha3_256`) and BLAKE2 (`BLAKE2b-512`,
 * `blake2b`, `BLAKE2s-256`). Case, `-` and `_` are ignored.
 *
 * @param name - The name as written.
 * @returns The algorithm, or `undefined` when dangan cannot compute it.
 * @example
 * parseDigestAlgorithm('SHA-256') //=> 'sha256'
 * parseDigestAlgorithm('sha3_256') //=> 'sha3-256'
 * parseDigestAlgorithm('GOST') //=> undefined
 */
export function parseDigestAlgorithm(name: string): DigestAlgorithm | undefined {
  const key = name.trim().toLowerCase().replace(/[-_]/g, '');
  return Object.hasOwn(ALGORITHMS, key) ? ALGORITHMS[key] : undefined;
}

/** Lengths of the hex digest per algorithm. */
export const digestHexLength: Readonly<Record<DigestAlgorithm, number>> = {
  md5: 32, sha1: 40, sha224: 56, sha256: 64, sm3: 64, sha384: 96, sha512: 128,
  'sha3-224': 56, 'sha3-256': 64, 'sha3-384': 96, 'sha3-512': 128, 'blake2b-512': 128, 'blake2s-256': 64,
};
