import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import { signEep } from '../../../src/formats/eep/signEep.js';
import { writeEep } from '../../../src/formats/eep/writeEep.js';
import { createEepSigner } from '../../../src/node/eep/createEepSigner.js';
import type { Report } from '../../../src/report/report.js';
import { memoryIo } from '../../cli/memoryIo.js';
import { sampleItem } from '../../export/eep/sampleItem.js';

// Issue 23 class 9: a signed EEP whose content changed must not pass once its
// certificate or 签名算法标识 is replaced (a downgrade); weak hashes are reported.
const tmp = mkdtempSync(join(tmpdir(), 'dangan-downgrade-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const key = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/eep', name), 'utf8');

async function signedText(hash: 'sha256' | 'sha1' = 'sha256'): Promise<string> {
  const signer = createEepSigner({ privateKey: key('rsa-key.pem'), certificates: [key('rsa-cert.pem')], hash });
  const result = await signEep(writeEep(sampleItem()), signer, { time: '2024-03-02T10:00:00' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return new TextDecoder().decode(result.bytes);
}

async function validate(name: string, text: string, ...flags: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const file = join(tmp, name);
  writeFileSync(file, text);
  const { io, stdout, stderr } = memoryIo();
  const code = await run(['validate', file, '--format', 'json', '--lang', 'en', ...flags], io);
  return { code, report: JSON.parse(stdout()) as Report, stderr: stderr() };
}

const tamper = (text: string) => text.replace('<题名>正文</题名>', '<题名>正文（改）</题名>');
const codesAt = (report: Report) => report.issues.map((i) => [i.code, i.severity, i.path]);

describe('signature downgrade (issue 23, class 9)', () => {
  it('changed content + certificate replaced by random bytes: eep.signature.certificate-unreadable errors, exit 1', async () => {
    const text = tamper(await signedText());
    const random = randomBytes(300).toString('base64');
    const swapped = text.replace(/<证书>[^<]*<\/证书>/g, `<证书>${random}</证书>`);
    const { code, report, stderr } = await validate('cert.eep', swapped);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(codesAt(report)).toEqual([
      ['eep.signature.certificate-unreadable', 'error', 'cert.eep'],
      ['eep.signature.certificate-unreadable', 'error', 'cert.eep'],
    ]);
    expect(report.checks.find((c) => c.id === 'eep.signature')?.status).toBe('failed');
  });

  it('changed content + 签名算法标识 1.2.3.4.5: eep.signature.algorithm-unknown errors, exit 1', async () => {
    const text = tamper(await signedText()).replaceAll('1.2.840.113549.1.1.11', '1.2.3.4.5');
    const { code, report } = await validate('oid.eep', text);
    expect(code).toBe(1);
    expect(codesAt(report)).toEqual([
      ['eep.signature.algorithm-unknown', 'error', 'oid.eep'],
      ['eep.signature.algorithm-unknown', 'error', 'oid.eep'],
    ]);
    expect(report.issues[0]?.received).toBe('1.2.3.4.5');
  });

  it('an empty 证书块 is as unreadable as a random one', async () => {
    const text = (await signedText()).replace(/<证书>[^<]*<\/证书>/g, '<证书></证书>');
    const { code, report } = await validate('empty-cert.eep', text);
    expect(code).toBe(1);
    expect(report.issues.filter((i) => i.code === 'eep.signature.certificate-unreadable').map((i) => i.severity)).toEqual(['error', 'error']);
  });

  it('SHA1-RSA verifies but is eep.signature.weak-algorithm: error by default, warning with --allow-weak-signatures', async () => {
    const text = await signedText('sha1');
    expect(text).toContain('<签名算法标识>1.2.840.113549.1.1.5</签名算法标识>');
    const strict = await validate('sha1.eep', text);
    expect(strict.code).toBe(1);
    expect(codesAt(strict.report)).toEqual([
      ['eep.signature.weak-algorithm', 'error', 'sha1.eep'],
      ['eep.signature.weak-algorithm', 'error', 'sha1.eep'],
    ]);
    const relaxed = await validate('sha1.eep', text, '--allow-weak-signatures');
    expect(relaxed.code).toBe(0);
    expect(codesAt(relaxed.report).map(([c, s]) => [c, s])).toEqual([
      ['eep.signature.weak-algorithm', 'warning'],
      ['eep.signature.weak-algorithm', 'warning'],
    ]);
    // A tampered weak-signed EEP is still invalid, flag or not.
    expect((await validate('sha1-tampered.eep', tamper(text), '--allow-weak-signatures')).code).toBe(1);
  });

  it('MD5-RSA (1.2.840.113549.1.1.4) is weak too: a sha256 signature relabelled md5 does not verify, and is never valid', async () => {
    const text = (await signedText()).replaceAll('1.2.840.113549.1.1.11', '1.2.840.113549.1.1.4');
    const { code, report } = await validate('md5.eep', text);
    expect(code).toBe(1);
    expect(report.issues.map((i) => i.code)).toContain('eep.signature.invalid');
  });
});

describe('weak algorithms inside a 移交信息包 (issue 23, class 9)', () => {
  it('an item folder’s sha1RSA-signed .eep: eep.signature.weak-algorithm error, a warning with --allow-weak-signatures', async () => {
    const { cpSync } = await import('node:fs');
    const dir = join(tmp, 'pkg-weak');
    cpSync(join(import.meta.dirname, '../../fixtures/packages/cases/eep.packages--base64-flipped'), dir, { recursive: true });
    const eep = join(dir, 'Z109/WS/Z109-WS·2024-Y-BGS-0002/正文.eep');
    writeFileSync(eep, await signedText('sha1'));
    const severities = async (...flags: string[]) => {
      const { io, stdout } = memoryIo();
      await run(['validate', dir, '--format', 'json', '--no-fixity', ...flags], io);
      const report = JSON.parse(stdout()) as Report;
      return report.issues.filter((i) => i.code === 'eep.signature.weak-algorithm').map((i) => [i.path, i.severity]);
    };
    const path = 'Z109/WS/Z109-WS·2024-Y-BGS-0002/正文.eep';
    expect(await severities()).toEqual([[path, 'error'], [path, 'error']]);
    expect(await severities('--allow-weak-signatures')).toEqual([[path, 'warning'], [path, 'warning']]);
  });
});
