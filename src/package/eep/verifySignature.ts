/**
 * The signature-verification capability the EEP validator is given. The
 * core cannot verify (no public-key crypto it could rely on in every
 * runtime), so without one every signature is reported `manual`, never
 * `passed`. `dangan/node` provides {@link VerifySignature} over node:crypto.
 *
 * @module
 */

/** What to verify: the signed bytes, the 签名结果 and the 证书块. */
export interface SignatureVerificationRequest {
  /** 签名算法标识 (DA/T 46-2009 M64), an OID. */
  readonly algorithm: string;
  /** The bytes that were signed (the serialized 被签名对象 or 电子签名). */
  readonly data: Uint8Array;
  /** 签名结果 (M61), decoded. */
  readonly signature: Uint8Array;
  /** 证书 (M62), decoded, in document order. */
  readonly certificates: readonly Uint8Array[];
}

/**
 * The verdict: `valid`, `invalid`; `refused` when the signature cannot count
 * because of what the package says (an algorithm the verifier does not know,
 * a certificate it cannot read or whose key does not fit the algorithm — a
 * downgrade an attacker controls, so an error: fail closed); `unsupported`
 * when the runtime lacks something (no SM3), which stays `manual`.
 */
export type SignatureVerdict =
  | { status: 'valid' }
  | { status: 'invalid' }
  | { status: 'refused'; cause: 'algorithm' | 'certificate'; reason: string }
  | { status: 'unsupported'; reason: string };

/** Verifies one signature. Must not throw; return `refused` or `unsupported` with a reason instead. */
export type VerifySignature = (request: SignatureVerificationRequest) => Promise<SignatureVerdict>;
