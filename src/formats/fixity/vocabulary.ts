/**
 * The vocabulary of 固化验证信息.XML (DA/T 93-2022 附录B 其他/固化验证信息):
 * one home for its root element and field names, read by the reader, the
 * writer and the package validator.
 *
 * @module
 */

/** Root element of 其他/固化验证信息.XML (docs/package-format.md). */
export const FIXITY_FILE_ROOT = '固化验证信息';

/** The element of one file entry. */
export const FIXITY_ENTRY = '文件';

/** The fields of one entry, in document order. */
export const FIXITY_FIELDS = ['路径', '算法', '数字摘要', '字节数'] as const;

/**
 * Hash algorithms dangan knows, named as in BagIt manifest file names
 * (`manifest-<name>.txt`). `sm3` is GB/T 32905-2016; SHA-3 is FIPS 202;
 * BLAKE2 is RFC 7693 (`blake2b-512`, `blake2s-256`: the digest size in bits).
 */
export type DigestAlgorithm =
  | 'sm3' | 'sha256' | 'sha1' | 'md5' | 'sha512' | 'sha224' | 'sha384'
  | 'sha3-224' | 'sha3-256' | 'sha3-384' | 'sha3-512' | 'blake2b-512' | 'blake2s-256';

/** Where the runtime (OpenSSL, as Node's `createHash` names it) spells an algorithm differently. */
const RUNTIME_HASH_NAMES: Readonly<Partial<Record<DigestAlgorithm, string>>> = { 'blake2b-512': 'blake2b512', 'blake2s-256': 'blake2s256' };

/**
 * The name Node's `createHash` (OpenSSL) knows an algorithm by.
 *
 * @param algorithm - A dangan algorithm name.
 * @returns The runtime's name, e.g. `blake2b512` for `blake2b-512`.
 * @example
 * runtimeHashName('blake2b-512') //=> 'blake2b512'
 * runtimeHashName('sha3-256') //=> 'sha3-256'
 */
export function runtimeHashName(algorithm: DigestAlgorithm): string {
  return RUNTIME_HASH_NAMES[algorithm] ?? algorithm;
}
