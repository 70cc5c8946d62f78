import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { signEep, validateEep, writeEep, type Report } from '../../src/index.js';
import { createEepSigner, validateEepFile, verifyEepSignature } from '../../src/node/index.js';
import { sampleItem } from '../export/eep/sampleItem.js';
import { applyFlip, byteFlip, flipCatcher } from '../package/eep/byteFlip.js';

// Issue 6 must-show: an EEP written, signed and validated passes; one changed byte of its Base64
// fails. A same-length flip leaves valid Base64 of the declared size, so in a signed EEP the
// signature over 被签名对象 (DA/T 48-2009 附录A 电子签名) is what catches it.

const fixture = (name: string) => readFileSync(new URL(`../fixtures/eep/${name}`, import.meta.url), 'utf8');
const signers = {
  rsa: createEepSigner({ privateKey: fixture('rsa-key.pem'), certificates: [fixture('rsa-cert.pem')] }),
  sm2: createEepSigner({ privateKey: fixture('sm2-key.pem'), certificates: [fixture('sm2-cert.pem')] }),
};
const statusOf = (report: Report, id: string) => report.checks.find((c) => c.id === id)?.status;
const errorCodes = (report: Report) => report.issues.filter((i) => i.severity === 'error').map((i) => i.code);
const work = mkdtempSync(join(tmpdir(), 'dangan-eep-flip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function signedSample(key: keyof typeof signers): Promise<Uint8Array> {
  const result = await signEep(writeEep(sampleItem()), signers[key], { time: '2024-03-02T10:00:00', signer: '张三' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.bytes;
}

// SM2 runs on @noble/curves' BigInt arithmetic (src/node/eep/sm2.ts), milliseconds per verification
// against RSA's few: fewer runs keep the suite short; RSA covers the space more densely.
const RUNS = { rsa: 300, sm2: 60 } as const;

describe('one changed byte of a signed EEP’s 编码数据', () => {
  for (const key of ['rsa', 'sm2'] as const) {
    it(`${key.toUpperCase()}: any position, any other byte → invalid, by the signature (or by the XML reader when the byte cannot stand in XML)`, async () => {
      const eep = await signedSample(key);
      const untouched = await validateEep(eep, { verifySignature: verifyEepSignature });
      expect(untouched.issues).toEqual([]);
      expect(statusOf(untouched, 'eep.signature')).toBe('passed');
      let sameLength = 0;
      await fc.assert(
        fc.asyncProperty(byteFlip(eep), async (flip) => {
          const report = await validateEep(applyFlip(eep, flip), { verifySignature: verifyEepSignature });
          const found = errorCodes(report);
          expect(report.valid).toBe(false);
          if (flipCatcher(eep, flip) === 'xml') {
            expect(found.some((code) => code.startsWith('xml.')), found.join()).toBe(true);
            return;
          }
          if (flipCatcher(eep, flip) === 'signature-only') sameLength += 1;
          // The 电子签名 over 被签名对象 fails; its 锁定签名 over the 电子签名 still holds.
          expect(report.issues.filter((i) => i.code === 'eep.signature.invalid').map((i) => i.params?.id)).toEqual(['修改0-签名1']);
          expect(statusOf(report, 'eep.signature')).toBe('failed');
        }),
        { numRuns: RUNS[key] },
      );
      expect(sameLength).toBeGreaterThan(0);
    });
  }
});

describe('the audit’s flip (…5a65 → …5a66) of an .eep on disk, validated as the CLI does (validateEepFile)', () => {
  const flip = (eep: Uint8Array) => {
    const text = new TextDecoder().decode(eep);
    expect(text).toContain('5a65CiUl');
    return new TextEncoder().encode(text.replace('5a65CiUl', '5a66CiUl'));
  };
  const onDisk = (name: string, bytes: Uint8Array) => {
    const file = join(work, name);
    writeFileSync(file, bytes);
    return file;
  };

  it('unsigned: still valid (same Base64 length, same size) but no longer silent: eep.unsigned (info)', async () => {
    const report = await validateEepFile(onDisk('unsigned.eep', flip(writeEep(sampleItem()))));
    expect(report.valid).toBe(true);
    expect(report.issues.map((i) => [i.code, i.severity, i.path])).toEqual([['eep.unsigned', 'info', 'unsigned.eep']]);
  });

  for (const key of ['rsa', 'sm2'] as const) {
    it(`${key.toUpperCase()}-signed: invalid, eep.signature.invalid; the untouched file is valid with no issue`, async () => {
      const eep = await signedSample(key);
      expect((await validateEepFile(onDisk(`${key}.eep`, eep))).issues).toEqual([]);
      const report = await validateEepFile(onDisk(`${key}-flip.eep`, flip(eep)));
      expect(report.valid).toBe(false);
      expect(errorCodes(report)).toEqual(['eep.signature.invalid']);
    });
  }
});
