import { X509Certificate, createPublicKey, getHashes, verify, type KeyObject } from 'node:crypto';
import type { SignatureVerdict, SignatureVerificationRequest } from '../../package/eep/verifySignature.js';
import { signatureAlgorithm } from './algorithms.js';

/**
 * Verifies one EEP signature with node:crypto: the first 证书 is read as an
 * X.509 certificate (or, failing that, a bare SubjectPublicKeyInfo), and
 * 签名算法标识 picks the algorithm — RSA with MD5/SHA-1/SHA-256/SHA-512/SM3,
 * DSA-SHA1, or SM2 with SM3 (GB/T 32918, default ID `1234567812345678`; the
 * empty ID of OpenSSL 3 defaults is accepted too). Certificate validity and
 * trust are not judged here: the `eep.certificate-trust` check stays manual.
 * Pass it as `verifySignature` to `validateEep`.
 *
 * @param request - Algorithm, signed bytes, signature and certificates.
 * @returns `valid`, `invalid`, `refused` with a cause (unknown OID: `algorithm`;
 *   unreadable certificate or key of the wrong family: `certificate`), or
 *   `unsupported` when the runtime lacks the hash (no SM3).
 * @example
 * await validateEep(bytes, { verifySignature: verifyEepSignature })
 */
export async function verifyEepSignature(request: SignatureVerificationRequest): Promise<SignatureVerdict> {
  const row = signatureAlgorithm(request.algorithm);
  if (!row) return { status: 'refused', cause: 'algorithm', reason: `algorithm ${request.algorithm || '(empty)'} is not supported` };
  const certificate = request.certificates[0];
  const key = certificate && publicKeyOf(certificate);
  if (!key) return { status: 'refused', cause: 'certificate', reason: 'the certificate cannot be read' };
  const spki = new Uint8Array(key.export({ type: 'spki', format: 'der' }));
  if (row.key === 'sm2') {
    // The curve arithmetic (@noble/curves) loads with the first SM2 signature, not with every validation.
    const { SM2_DEFAULT_ID, isSm2Key, sm2PointFromSpki, sm2Supported, sm2Verify } = await import('./sm2.js');
    if (!sm2Supported()) return { status: 'unsupported', reason: 'this runtime has no SM3' };
    const point = isSm2Key(spki) ? sm2PointFromSpki(spki) : undefined;
    if (!point) return { status: 'refused', cause: 'certificate', reason: 'the certificate key is not an SM2 key' };
    const valid = [SM2_DEFAULT_ID, ''].some((id) => sm2Verify(point, request.data, request.signature, id));
    return { status: valid ? 'valid' : 'invalid' };
  }
  if (key.asymmetricKeyType !== row.key) return { status: 'refused', cause: 'certificate', reason: `the certificate key is not a ${row.key.toUpperCase()} key` };
  if (!getHashes().includes(row.hash)) return { status: 'unsupported', reason: `this runtime has no ${row.hash}` };
  try {
    return { status: verify(row.hash, request.data, key, request.signature) ? 'valid' : 'invalid' };
  } catch {
    return { status: 'invalid' }; // a malformed signature value
  }
}

function publicKeyOf(certificate: Uint8Array): KeyObject | undefined {
  try {
    return new X509Certificate(certificate).publicKey;
  } catch {
    try {
      return createPublicKey({ key: Buffer.from(certificate), format: 'der', type: 'spki' });
    } catch {
      return undefined;
    }
  }
}
