import { SIGNATURE_ALGORITHM_OIDS } from '../../formats/eep/constants.js';

/** How node:crypto verifies a 签名算法标识 OID: the key family and the hash. */
export interface SignatureAlgorithmRow {
  readonly oid: string;
  readonly key: 'rsa' | 'sm2' | 'dsa';
  /** node:crypto hash name (unused for SM2, which always uses SM3). */
  readonly hash: string;
  readonly source: string;
}

/** Signature algorithms dangan can verify (DA/T 46-2009 M64; GM/T 0006-2012). */
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithmRow[] = [
  { oid: '1.2.840.113549.1.1.4', key: 'rsa', hash: 'md5', source: 'DA/T 46-2009 M64 (md5RSA)' },
  { oid: SIGNATURE_ALGORITHM_OIDS.sha1WithRsa, key: 'rsa', hash: 'sha1', source: 'DA/T 46-2009 M64 (sha1RSA)' },
  { oid: SIGNATURE_ALGORITHM_OIDS.sha256WithRsa, key: 'rsa', hash: 'sha256', source: 'DA/T 46-2009 M64 (sha256RSA)' },
  { oid: SIGNATURE_ALGORITHM_OIDS.sha512WithRsa, key: 'rsa', hash: 'sha512', source: 'DA/T 46-2009 M64 (sha512RSA)' },
  { oid: '1.2.840.10040.4.3', key: 'dsa', hash: 'sha1', source: 'DA/T 46-2009 M64 (dsa-sha1)' },
  { oid: SIGNATURE_ALGORITHM_OIDS.rsaWithSm3, key: 'rsa', hash: 'sm3', source: 'GM/T 0006-2012 (RSA with SM3)' },
  { oid: SIGNATURE_ALGORITHM_OIDS.sm2WithSm3, key: 'sm2', hash: 'sm3', source: 'GM/T 0006-2012 (SM2 with SM3)' },
];

/**
 * The row of an OID.
 *
 * @param oid - 签名算法标识.
 * @returns The row, or undefined for an algorithm dangan cannot verify.
 * @example
 * signatureAlgorithm('1.2.156.10197.1.501')?.key //=> 'sm2'
 */
export function signatureAlgorithm(oid: string): SignatureAlgorithmRow | undefined {
  return SIGNATURE_ALGORITHMS.find((row) => row.oid === oid.trim());
}
