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

/** Hash algorithms dangan knows. `sm3` is GB/T 32905-2016. */
export type DigestAlgorithm = 'sm3' | 'sha256' | 'sha1' | 'md5' | 'sha512' | 'sha224' | 'sha384';
