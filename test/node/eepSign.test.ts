import { execFileSync } from 'node:child_process';
import { X509Certificate, createECDH, createPrivateKey, createPublicKey, sign as nodeSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeGb18030, readEep, signEep, validateEep, wrapEep, writeEep, type Report } from '../../src/index.js';
import {
  createEepSigner,
  sm2PublicKey,
  sm2Sign,
  sm2Verify,
  validateEepFile,
  verifyEepSignature,
} from '../../src/node/index.js';
import { eepItem } from '../export/eep/arbitraries.js';
import { sampleItem } from '../export/eep/sampleItem.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/eep/${name}`, import.meta.url), 'utf8');
const rsa = createEepSigner({ privateKey: fixture('rsa-key.pem'), certificates: [fixture('rsa-cert.pem')] });
const sm2 = createEepSigner({ privateKey: fixture('sm2-key.pem'), certificates: [fixture('sm2-cert.pem')] });
const statusOf = (report: Report, id: string) => report.checks.find((c) => c.id === id)?.status;
const work = mkdtempSync(join(tmpdir(), 'dangan-eep-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function signed(signer = rsa, bytes = writeEep(sampleItem())): Promise<Uint8Array> {
  const result = await signEep(bytes, signer, { time: '2024-03-02T10:00:00', signer: '张三' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.bytes;
}

describe('signEep + verifyEepSignature', () => {
  it('RSA: a signed EEP verifies; CA trust stays manual', async () => {
    const bytes = await signed(rsa);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('<签名标识符>修改0-签名1</签名标识符>');
    expect(text).toContain('<被锁定签名标识符>修改0-签名1</被锁定签名标识符>');
    expect(text).toContain('<签名算法标识>1.2.840.113549.1.1.11</签名算法标识>');
    const report = await validateEep(bytes, { verifySignature: verifyEepSignature });
    expect(report.issues).toEqual([]);
    expect(statusOf(report, 'eep.signature')).toBe('passed');
    expect(statusOf(report, 'eep.certificate-trust')).toBe('manual');
    const read = readEep(bytes);
    expect(read.ok && read.value.signatures.map((s) => [s.id, s.signer, s.algorithm])).toEqual([['修改0-签名1', '张三', '1.2.840.113549.1.1.11']]);
  });

  it('SM2 with SM3: a signed EEP verifies', async () => {
    const bytes = await signed(sm2);
    expect(new TextDecoder().decode(bytes)).toContain('<签名算法标识>1.2.156.10197.1.501</签名算法标识>');
    const report = await validateEep(bytes, { verifySignature: verifyEepSignature });
    expect(report.issues).toEqual([]);
    expect(statusOf(report, 'eep.signature')).toBe('passed');
  });

  it('any written item, signed with RSA or SM2, verifies and reads back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(eepItem, fc.boolean(), async (item, useSm2) => {
        const bytes = await signed(useSm2 ? sm2 : rsa, writeEep(item));
        const report = await validateEep(bytes, { verifySignature: verifyEepSignature });
        expect(report.issues).toEqual([]);
        expect(statusOf(report, 'eep.signature')).toBe('passed');
        const read = readEep(bytes);
        expect(read.ok && read.value.type === '原始型' && read.value.item).toEqual(item);
      }),
      { numRuns: 8 },
    );
  });

  it('without a verifier the signatures are manual, never passed', async () => {
    const report = await validateEep(await signed(rsa));
    expect(report.valid).toBe(true);
    expect(statusOf(report, 'eep.signature')).toBe('manual');
    expect(report.issues.map((i) => [i.code, i.severity])).toEqual([
      ['eep.signature.unverified', 'info'],
      ['eep.signature.unverified', 'info'],
    ]);
  });

  it('a tampered title fails the signature, the lock signature still holds', async () => {
    const text = new TextDecoder().decode(await signed(sm2));
    const tampered = new TextEncoder().encode(text.replace('<题名>正文</题名>', '<题名>正文（改）</题名>'));
    const report = await validateEep(tampered, { verifySignature: verifyEepSignature });
    expect(report.issues.map((i) => [i.code, i.params?.id])).toEqual([['eep.signature.invalid', '修改0-签名1']]);
  });

  it('refuses to sign twice and keeps 修改型 layers verifiable', async () => {
    const once = await signed(rsa);
    const again = await signEep(once, rsa);
    expect(again.ok || again.issues.map((i) => i.code)).toEqual(['eep.sign.already-signed']);
    const wrapped = wrapEep(once, { ...sampleItem(), createdAt: '2024-05-01T08:00:00' });
    expect(wrapped.ok).toBe(true);
    if (!wrapped.ok) return;
    const outer = await signed(sm2, wrapped.bytes);
    expect(new TextDecoder().decode(outer)).toContain('<签名标识符>修改1-签名1</签名标识符>');
    const report = await validateEep(outer, { verifySignature: verifyEepSignature });
    expect(report.issues).toEqual([]);
    expect(statusOf(report, 'eep.signature')).toBe('passed');
    // Tamper with the wrapped original: its own signature (inside 原封装包) now fails too.
    const text = new TextDecoder().decode(outer);
    const inner = text.indexOf('<封装包创建单位>', text.indexOf('<原封装包>'));
    const tampered = new TextEncoder().encode(`${text.slice(0, inner)}<封装包创建单位>他人${text.slice(inner + '<封装包创建单位>'.length)}`);
    const bad = await validateEep(tampered, { verifySignature: verifyEepSignature });
    expect(bad.issues.map((i) => [i.code, i.params?.id])).toEqual([
      ['eep.signature.invalid', '修改1-签名1'],
      ['eep.signature.invalid', '修改0-签名1'],
    ]);
  });

  it('signs a GB18030 document over its own bytes and keeps the encoding through 修改型 wrapping', async () => {
    const utf8 = new TextDecoder().decode(writeEep(sampleItem()));
    const gb = encodeGb18030(utf8.replace('encoding="UTF-8"', 'encoding="GB18030"'));
    const signedGb = await signed(sm2, gb);
    expect(new TextDecoder('gb18030').decode(signedGb)).toContain('<签名算法标识>1.2.156.10197.1.501</签名算法标识>');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(signedGb)).toThrow();
    const report = await validateEep(signedGb, { verifySignature: verifyEepSignature });
    expect(report.issues).toEqual([]);
    expect(statusOf(report, 'eep.signature')).toBe('passed');
    const wrapped = wrapEep(signedGb, sampleItem());
    expect(wrapped.ok).toBe(true);
    if (!wrapped.ok) return;
    expect(new TextDecoder('gb18030').decode(wrapped.bytes)).toContain('encoding="GB18030"');
    const outer = await validateEep(await signed(rsa, wrapped.bytes), { verifySignature: verifyEepSignature });
    expect(outer.issues).toEqual([]);
    expect(statusOf(outer, 'eep.signature')).toBe('passed');
  });

  it('reports an unknown algorithm as an error with its reason (fail closed)', async () => {
    const text = new TextDecoder().decode(await signed(rsa)).replaceAll('1.2.840.113549.1.1.11', '1.2.3.4');
    const report = await validateEep(new TextEncoder().encode(text), { verifySignature: verifyEepSignature, locale: 'en' });
    expect(statusOf(report, 'eep.signature')).toBe('failed');
    expect(report.issues[0]?.code).toBe('eep.signature.algorithm-unknown');
    expect(report.issues[0]?.message).toContain('algorithm 1.2.3.4 is not supported');
  });

  it('validateEepFile verifies signatures from disk', async () => {
    const file = join(work, '9527.eep');
    writeFileSync(file, await signed(rsa));
    const report = await validateEepFile(file);
    expect(report.valid).toBe(true);
    expect(statusOf(report, 'eep.signature')).toBe('passed');
    expect((await validateEepFile(join(work, 'missing.eep'))).issues[0]?.code).toBe('input.unreadable');
  });
});

describe('SM2 (GB/T 32918) interoperability', () => {
  const key = createPrivateKey(fixture('sm2-key.pem'));
  const message = new TextEncoder().encode('电子文件封装包');

  it('signs and verifies, and rejects another message', () => {
    const signer = createEepSigner({ privateKey: key });
    expect(signer.algorithm).toBe('1.2.156.10197.1.501');
    const scalar = privateScalar();
    const signature = sm2Sign(scalar, message);
    expect(sm2Verify(sm2PublicKey(scalar), message, signature)).toBe(true);
    expect(sm2Verify(sm2PublicKey(scalar), new TextEncoder().encode('x'), signature)).toBe(false);
    // The public point derived from the scalar is the key's own public key.
    const spki = Buffer.from(createPublicKey(key).export({ type: 'spki', format: 'der' }));
    const [x, y] = sm2PublicKey(scalar);
    expect(spki.subarray(-64).toString('hex')).toBe(x.toString(16).padStart(64, '0') + y.toString(16).padStart(64, '0'));
  });

  it('property: the public point of any scalar is OpenSSL’s (ECDH on curve SM2), and sign/verify round-trip', () => {
    const n = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: n - 2n }), fc.uint8Array({ maxLength: 64 }), (d, data) => {
        const ecdh = createECDH('SM2');
        ecdh.setPrivateKey(Buffer.from(d.toString(16).padStart(64, '0'), 'hex'));
        const [x, y] = sm2PublicKey(d);
        expect(`04${x.toString(16).padStart(64, '0')}${y.toString(16).padStart(64, '0')}`).toBe(ecdh.getPublicKey('hex'));
        const signature = sm2Sign(d, data);
        expect(sm2Verify([x, y], data, signature)).toBe(true);
        expect(sm2Verify([x, y], new Uint8Array([...data, 0]), signature)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('accepts signatures made by node:crypto’s own SM2 (OpenSSL 3 default, empty ID)', async () => {
    const signature = nodeSign('sm3', message, key);
    const verdict = await verifyEepSignature({
      algorithm: '1.2.156.10197.1.501',
      data: message,
      signature,
      certificates: [new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' }))],
    });
    expect(verdict).toEqual({ status: 'valid' });
  });

  // The openssl command line (Debian `openssl`, installed by .ci/run) is the peer; missing, these tests fail.

  it('OpenSSL verifies our SM2 signature with the GM/T 0009 default ID', async () => {
    const data = join(work, 'data.bin');
    const sig = join(work, 'data.sig');
    writeFileSync(data, message);
    writeFileSync(sig, await sm2.sign(message));
    const pub = join(work, 'sm2-pub.pem');
    writeFileSync(pub, createPublicKey(key).export({ type: 'spki', format: 'pem' }));
    const out = execFileSync('openssl', ['dgst', '-sm3', '-sigopt', 'distid:1234567812345678', '-verify', pub, '-signature', sig, data]).toString();
    expect(out).toContain('Verified OK');
  });

  it('we verify an SM2 signature OpenSSL made with the default ID', async () => {
    const data = join(work, 'data2.bin');
    const sig = join(work, 'data2.sig');
    writeFileSync(data, message);
    execFileSync('openssl', ['dgst', '-sm3', '-sigopt', 'distid:1234567812345678', '-sign', fileURLToPath(new URL('../fixtures/eep/sm2-key.pem', import.meta.url)), '-out', sig, data]);
    const signature = new Uint8Array(readFileSync(sig));
    expect(sm2Verify(sm2PublicKey(privateScalar()), message, signature)).toBe(true);
    const verdict = await verifyEepSignature({ algorithm: '1.2.156.10197.1.501', data: message, signature, certificates: [new Uint8Array(new X509Certificate(fixture('sm2-cert.pem')).raw)] });
    expect(verdict).toEqual({ status: 'valid' });
  });

  function privateScalar(): bigint {
    // The private scalar is the last 32 bytes of the ECPrivateKey's OCTET STRING (RFC 5915).
    const der = Buffer.from(key.export({ type: 'pkcs8', format: 'der' }));
    const at = der.indexOf(Buffer.from([0x02, 0x01, 0x01, 0x04, 0x20]));
    return BigInt(`0x${der.subarray(at + 5, at + 37).toString('hex')}`);
  }
});

describe('SM2 on @noble/curves: malformed input is a plain false', () => {
  const d = 0x1234567890abcdefn;
  const message = new TextEncoder().encode('档案');
  it('rejects a point off the curve, a truncated DER and out-of-range r, s', () => {
    const [x, y] = sm2PublicKey(d);
    const signature = sm2Sign(d, message);
    expect(sm2Verify([x, y], message, signature)).toBe(true);
    expect(sm2Verify([x, y + 1n], message, signature)).toBe(false);
    expect(sm2Verify([x, y], message, signature.subarray(0, signature.length - 1))).toBe(false);
    expect(sm2Verify([x, y], message, new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01]))).toBe(false);
    expect(() => sm2PublicKey(0n)).toThrow(RangeError);
  });
});
