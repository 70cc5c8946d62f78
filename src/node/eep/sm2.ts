import { DER, weierstrassN, type WeierstrassOpts } from '@noble/curves/abstract/weierstrass';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils';
import { createHash, getHashes, randomBytes } from 'node:crypto';

/**
 * SM2 digital signatures (GB/T 32918.2-2016, GM/T 0003-2012) with SM3
 * (GB/T 32905-2016), over the recommended curve of GB/T 32918.5-2017.
 *
 * All curve and scalar-field arithmetic is @noble/curves' audited
 * Weierstrass implementation (constant-time `multiply` for anything touching
 * the private key or the nonce; `multiplyUnsafe` only in verification, over
 * public values). This module adds only the SM2 scheme on top: Z_A, e, and
 * the r, s equations of GB/T 32918.2 §6.1 and §7.1.
 *
 * Why not node:crypto's own SM2: measured on Node 20 / OpenSSL 3.0, a key
 * made by `generateKeyPairSync('ec', { namedCurve: 'SM2' })` signs with
 * ECDSA over the SM2 curve (not SM2 at all), and a key loaded from PEM signs
 * real SM2 but with an empty distinguishing ID, not the GM/T 0009-2012
 * default `1234567812345678` that Chinese CA tooling uses; Node exposes no
 * way to set the ID. node:crypto provides SM3 and randomness. Verification
 * accepts the default ID and, for signatures made by OpenSSL 3 defaults, the
 * empty ID.
 *
 * @module
 */

/** GB/T 32918.5-2017 recommended curve parameters (sm2p256v1). */
const SM2_CURVE: WeierstrassOpts<bigint> = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
};

const Point = weierstrassN(SM2_CURVE);
/** The scalar field (integers mod n), from the same library. */
const Fn = Point.Fn;

/** GM/T 0009-2012 default distinguishing ID (user ID) of the signer. */
export const SM2_DEFAULT_ID = '1234567812345678';

/** An affine point on the SM2 curve, `[x, y]`. */
export type Sm2Point = readonly [bigint, bigint];

const toBytes32 = (x: bigint): Uint8Array => numberToBytesBE(x, 32);

/**
 * Whether this runtime can do SM2 here: it needs SM3 from node:crypto.
 *
 * @returns True when `sm3` is among the runtime's hashes.
 * @example
 * sm2Supported() //=> true on Node 20 with OpenSSL 3
 */
export function sm2Supported(): boolean {
  return getHashes().includes('sm3');
}

// GB/T 32918.2-2016 §5.5: Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A);
// §6.1 A1–A2 / §7.1 B3–B4: e = SM3(Z_A ‖ M) read as an integer.
function messageDigest(publicKey: Sm2Point, id: string, message: Uint8Array): bigint {
  const idBytes = Buffer.from(id, 'utf8');
  const entl = Buffer.from([((idBytes.length * 8) >> 8) & 0xff, (idBytes.length * 8) & 0xff]);
  const fields = [SM2_CURVE.a, SM2_CURVE.b, SM2_CURVE.Gx, SM2_CURVE.Gy, publicKey[0], publicKey[1]].map(toBytes32);
  const z = createHash('sm3').update(entl).update(idBytes);
  for (const field of fields) z.update(field);
  return bytesToNumberBE(createHash('sm3').update(z.digest()).update(message).digest());
}

function checkPrivateKey(privateKey: bigint): void {
  // GB/T 32918.1-2016 §6.1: d ∈ [1, n−2] (1 + d must be invertible mod n).
  if (privateKey < 1n || privateKey > SM2_CURVE.n - 2n) throw new RangeError('[dangan] SM2 private key out of range');
}

/**
 * The public point of a private scalar.
 *
 * @param privateKey - The private scalar d, 1 ≤ d ≤ n−2.
 * @returns The public key P = dG as `[x, y]`.
 * @throws RangeError when d is out of range.
 * @example
 * sm2PublicKey(1n) // the generator G
 */
export function sm2PublicKey(privateKey: bigint): Sm2Point {
  checkPrivateKey(privateKey);
  const point = Point.BASE.multiply(privateKey);
  return [point.x, point.y];
}

/**
 * Signs a message with SM2 (GB/T 32918.2-2016 §6.1), returning the DER
 * `SEQUENCE { INTEGER r, INTEGER s }` (GM/T 0009-2012).
 *
 * @param privateKey - The private scalar d.
 * @param message - The message M (not pre-hashed).
 * @param id - Distinguishing ID; GM/T 0009 default.
 * @returns The DER signature.
 * @throws RangeError when d is out of range.
 * @example
 * const signature = sm2Sign(d, new TextEncoder().encode('abc'));
 */
export function sm2Sign(privateKey: bigint, message: Uint8Array, id: string = SM2_DEFAULT_ID): Uint8Array {
  const e = messageDigest(sm2PublicKey(privateKey), id, message);
  for (;;) {
    // A3: k ∈ [1, n−1], from 40 random bytes reduced mod n−1 (bias below 2⁻⁶⁴).
    const k = Fn.create(bytesToNumberBE(randomBytes(40)) % (SM2_CURVE.n - 1n)) + 1n;
    // A4–A5: (x₁, y₁) = kG; r = (e + x₁) mod n; retry when r = 0 or r + k = n.
    const r = Fn.create(e + Point.BASE.multiply(k).x);
    if (r === 0n || r + k === SM2_CURVE.n) continue;
    // A6: s = (1 + d)⁻¹ · (k − r·d) mod n; retry when s = 0.
    const s = Fn.mul(Fn.inv(Fn.add(1n, privateKey)), Fn.sub(k, Fn.mul(r, privateKey)));
    if (s !== 0n) return hexToBytes(DER.hexFromSig({ r, s }));
  }
}

/**
 * Verifies an SM2 signature (GB/T 32918.2-2016 §7.1).
 *
 * @param publicKey - The signer's public point.
 * @param message - The message M.
 * @param signature - DER `SEQUENCE { r, s }`.
 * @param id - Distinguishing ID; GM/T 0009 default.
 * @returns True when the signature is valid; false for a malformed signature or a point off the curve.
 * @example
 * sm2Verify(sm2PublicKey(d), message, sm2Sign(d, message)) //=> true
 */
export function sm2Verify(publicKey: Sm2Point, message: Uint8Array, signature: Uint8Array, id: string = SM2_DEFAULT_ID): boolean {
  let r: bigint;
  let s: bigint;
  let key: InstanceType<typeof Point>;
  try {
    ({ r, s } = DER.toSig(signature));
    key = Point.fromAffine({ x: publicKey[0], y: publicKey[1] });
    key.assertValidity();
  } catch {
    return false;
  }
  // B1–B2: r, s ∈ [1, n−1].
  if (!Fn.isValidNot0(r) || !Fn.isValidNot0(s)) return false;
  // B5: t = (r + s) mod n ≠ 0.
  const t = Fn.add(r, s);
  if (t === 0n) return false;
  // B6–B7: (x₁′, y₁′) = s′G + t·P_A; R = (e′ + x₁′) mod n must equal r′. Public values only.
  const point = Point.BASE.multiplyUnsafe(s).add(key.multiplyUnsafe(t));
  if (point.is0()) return false;
  return Fn.create(messageDigest(publicKey, id, message) + point.x) === r;
}

const hexToBytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));

/**
 * Reads the public point from an SM2 SubjectPublicKeyInfo (DER): the
 * uncompressed point `04 ‖ x ‖ y` that ends the structure.
 *
 * @param spki - SubjectPublicKeyInfo DER.
 * @returns The point, or undefined when the key is not an uncompressed 256-bit point on the curve.
 * @example
 * sm2PointFromSpki(publicKey.export({ type: 'spki', format: 'der' }))
 */
export function sm2PointFromSpki(spki: Uint8Array): Sm2Point | undefined {
  const encoded = spki.subarray(spki.length - 65);
  if (encoded.length !== 65 || encoded[0] !== 0x04) return undefined;
  try {
    const point = Point.fromBytes(encoded);
    point.assertValidity();
    return [point.x, point.y];
  } catch {
    return undefined;
  }
}

/**
 * Reads the private scalar from an SM2 PKCS#8 key (DER): the 32-byte
 * `privateKey` OCTET STRING of the embedded ECPrivateKey (RFC 5915).
 *
 * @param pkcs8 - PrivateKeyInfo DER.
 * @returns The scalar, or undefined when it cannot be found.
 * @example
 * sm2ScalarFromPkcs8(privateKey.export({ type: 'pkcs8', format: 'der' }))
 */
export function sm2ScalarFromPkcs8(pkcs8: Uint8Array): bigint | undefined {
  // ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING (32 bytes), ... }
  for (let i = 0; i + 37 <= pkcs8.length; i += 1) {
    if (pkcs8[i] === 0x02 && pkcs8[i + 1] === 0x01 && pkcs8[i + 2] === 0x01 && pkcs8[i + 3] === 0x04 && pkcs8[i + 4] === 0x20) {
      return bytesToNumberBE(pkcs8.subarray(i + 5, i + 37));
    }
  }
  return undefined;
}

/** DER of the SM2 curve OID 1.2.156.10197.1.301, to recognise SM2 keys. */
const SM2_CURVE_OID = Buffer.from([0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d]);

/**
 * Whether a DER key (SPKI or PKCS#8) is on the SM2 curve.
 *
 * @param der - Key DER.
 * @returns True when it names curve 1.2.156.10197.1.301.
 * @example
 * isSm2Key(publicKey.export({ type: 'spki', format: 'der' }))
 */
export function isSm2Key(der: Uint8Array): boolean {
  return Buffer.from(der).includes(SM2_CURVE_OID);
}
