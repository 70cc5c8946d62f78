import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { SIGNATURE_ALGORITHM_OIDS } from '../../formats/eep/constants.js';
import type { EepSigner } from '../../formats/eep/signEep.js';
import { isSm2Key, sm2ScalarFromPkcs8, sm2Sign, sm2Supported } from './sm2.js';

/** Options of {@link createEepSigner}. */
export interface EepSignerOptions {
  /** The private key: a KeyObject, or PEM / PKCS#8 DER. RSA or SM2. */
  privateKey: KeyObject | string | Uint8Array;
  /**
   * The signer's X.509 certificate(s), PEM or DER; each goes into 证书块/证书.
   * Without one, the public key's SubjectPublicKeyInfo is written instead
   * (the verifier accepts it, but a receiver cannot check a CA chain).
   */
  certificates?: readonly (string | Uint8Array)[];
  /** Hash for RSA keys: `sha256` (default), `sha1`, `sha512` or `sm3`. SM2 always uses SM3. */
  hash?: 'sha256' | 'sha1' | 'sha512' | 'sm3';
}

const RSA_OIDS = {
  sha1: SIGNATURE_ALGORITHM_OIDS.sha1WithRsa,
  sha256: SIGNATURE_ALGORITHM_OIDS.sha256WithRsa,
  sha512: SIGNATURE_ALGORITHM_OIDS.sha512WithRsa,
  sm3: SIGNATURE_ALGORITHM_OIDS.rsaWithSm3,
} as const;

/**
 * Makes an {@link EepSigner} for `signEep` from a private key: RSA (PKCS#1
 * v1.5 with SHA-256 by default, 签名算法标识 `1.2.840.113549.1.1.11`) or SM2
 * with SM3 (GB/T 32918, ID `1234567812345678`, `1.2.156.10197.1.501`).
 *
 * @param options - Key, certificates, RSA hash.
 * @returns The signer.
 * @throws TypeError when the key is neither RSA nor SM2, or SM2 without SM3 in the runtime.
 * @example
 * const signer = createEepSigner({ privateKey: readFileSync('key.pem', 'utf8'), certificates: [readFileSync('cert.pem', 'utf8')] });
 * const signed = await signEep(writeEep(item), signer);
 */
export function createEepSigner(options: EepSignerOptions): EepSigner {
  const key = toPrivateKey(options.privateKey);
  const pkcs8 = new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
  const certificates = (options.certificates ?? []).map(toDer);
  const spki = new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' }));
  const written: [Uint8Array, ...Uint8Array[]] = certificates.length > 0 ? [certificates[0]!, ...certificates.slice(1)] : [spki];
  if (key.asymmetricKeyType === 'rsa') {
    const hash = options.hash ?? 'sha256';
    return { algorithm: RSA_OIDS[hash], certificates: written, sign: async (data) => new Uint8Array(sign(hash, data, key)) };
  }
  if (isSm2Key(pkcs8)) {
    if (!sm2Supported()) throw new TypeError('[dangan] SM2 signing needs SM3, which this runtime lacks');
    const scalar = sm2ScalarFromPkcs8(pkcs8);
    if (scalar === undefined) throw new TypeError('[dangan] the SM2 private key cannot be read');
    return { algorithm: SIGNATURE_ALGORITHM_OIDS.sm2WithSm3, certificates: written, sign: async (data) => sm2Sign(scalar, data) };
  }
  throw new TypeError(`[dangan] unsupported key type ${key.asymmetricKeyType ?? '(unknown)'}: use RSA or SM2`);
}

function toPrivateKey(key: KeyObject | string | Uint8Array): KeyObject {
  if (typeof key === 'string') return createPrivateKey(key);
  if (key instanceof Uint8Array) return createPrivateKey({ key: Buffer.from(key), format: 'der', type: 'pkcs8' });
  return key;
}

function toDer(certificate: string | Uint8Array): Uint8Array {
  if (typeof certificate !== 'string') return certificate;
  const body = certificate.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
}
