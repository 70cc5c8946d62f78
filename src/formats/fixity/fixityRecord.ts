import { parseDigestAlgorithm } from './fixityClaim.js';
import type { DigestAlgorithm } from './vocabulary.js';

/**
 * One entry of `其他/固化验证信息.XML` (DA/T 93-2022 附录B 其他/固化验证信息;
 * GB/T 18894-2016 固化): the digest of one content file.
 */
export interface FixityRecord {
  /** 路径: package-relative, `/`-separated. */
  path: string;
  /** 算法. */
  algorithm: FixityAlgorithm;
  /** 数字摘要: lower-case hex. */
  digest: string;
  /** 字节数. */
  bytes: number;
}

/** Algorithms a 固化验证信息 file names (standards-electronic §7). */
export type FixityAlgorithm = Extract<DigestAlgorithm, 'sm3' | 'sha256' | 'sha1' | 'md5'>;

/**
 * How each algorithm is spelt in 固化验证信息.XML, with its source.
 * SM3 is GB/T 32905-2016; the others are named in 登记表 practice.
 *
 * @example
 * fixityAlgorithmNames.sm3.name //=> 'SM3'
 */
export const fixityAlgorithmNames = {
  sm3: { name: 'SM3', source: 'GB/T 32905-2016' },
  sha256: { name: 'SHA256', source: 'GB/T 18894-2016 固化 (practice); FIPS 180-4' },
  sha1: { name: 'SHA1', source: 'DA/T 93-2022 登记表 数字摘要 (practice); FIPS 180-4' },
  md5: { name: 'MD5', source: 'DA/T 93-2022 登记表 数字摘要 (practice); RFC 1321' },
} as const satisfies Record<FixityAlgorithm, { name: string; source: string }>;

/**
 * Reads an algorithm name as written in 固化验证信息 (`SM3`, `SHA256`,
 * `SHA-256`, `sha1`, `MD5`; case, `-` and `_` ignored), restricted to the four
 * algorithms 固化验证信息 names.
 *
 * @param name - The name as written.
 * @returns The algorithm, or `undefined` when it is not one of the four.
 * @example
 * parseFixityAlgorithm('SHA-256') //=> 'sha256'
 */
export function parseFixityAlgorithm(name: string): FixityAlgorithm | undefined {
  const algorithm = parseDigestAlgorithm(name);
  return algorithm !== undefined && Object.hasOwn(fixityAlgorithmNames, algorithm) ? (algorithm as FixityAlgorithm) : undefined;
}
