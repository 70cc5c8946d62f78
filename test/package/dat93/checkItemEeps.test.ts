import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDirectorySource } from '../../../src/node/directorySource.js';
import { eepCheckOfIssueCode } from '../../../src/formats/eep/checks.js';
import { validatePackage } from '../../../src/package/validatePackage.js';

// A 移交信息包 with a DA/T 48 正文.eep in an item folder. Its XML files nest 3 (目录文件, 固化验证信息)
// and 7 (电子档案元数据) deep with texts of at most 64 characters; the EEP nests 11 deep and holds 163 Base64 characters.
const fixture = join(import.meta.dirname, '../../fixtures/packages/cases/valid-eep');
const EEP = 'Z109/WS/Z109-WS·2024-Y-BGS-0002/正文.eep';

async function limitIssues(limits: { maxDepth?: number; maxTextLength?: number }) {
  const report = await validatePackage(await openDirectorySource(fixture), { locale: 'en', limits });
  return { report, hits: report.issues.filter((i) => i.code.startsWith('xml.limit-')).map((i) => [i.code, i.path]) };
}

describe('checkItemEeps under the package run\'s XML limits', () => {
  it('reads each .eep under the run\'s depth limit: only the EEP is too deep', async () => {
    const { report, hits } = await limitIssues({ maxDepth: 8 });
    expect(hits).toEqual([['xml.limit-depth', EEP]]);
    expect(report.valid).toBe(false);
    expect(report.checks.find((c) => c.id === 'security.xml-entities')?.status).toBe('failed');
  });

  it('reads each .eep under the run\'s text limit: only the EEP\'s Base64 is too long', async () => {
    const { hits } = await limitIssues({ maxTextLength: 100 });
    expect(hits).toEqual([['xml.limit-text', EEP]]);
  });

  it('reports nothing when every XML, the EEP included, is just within the limits', async () => {
    const { report } = await limitIssues({ maxDepth: 11, maxTextLength: 163 });
    expect(report.issues).toEqual([]);
  });
});

describe('checkItemEeps and an unsigned .eep', () => {
  it('leaves eep.unsigned out (the package digests cover the EEP) and the digest catches a same-length flip of its 编码数据', async () => {
    const plain = await validatePackage(await openDirectorySource(fixture));
    expect(plain.issues.map((i) => i.code)).not.toContain('eep.unsigned');
    const copy = mkdtempSync(join(tmpdir(), 'dangan-eep-fixity-'));
    try {
      cpSync(fixture, copy, { recursive: true });
      const file = join(copy, EEP);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('5a65CiUl');
      writeFileSync(file, text.replace('5a65CiUl', '5a66CiUl'));
      const report = await validatePackage(await openDirectorySource(copy));
      expect(report.valid).toBe(false);
      // Both digests the package holds for the file: 固化验证信息's SM3 and the manifest's MD5.
      expect(report.issues.map((i) => [i.code, i.path, i.params?.algorithm])).toEqual([
        ['fixity.mismatch', EEP, 'SM3'],
        ['fixity.mismatch', EEP, 'MD5'],
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('checkItemEeps and the package\'s overrides of eep checks', () => {
  const flipped = join(import.meta.dirname, '../../fixtures/packages/cases/eep.packages--base64-flipped');
  const codeOf = 'eep.content.base64-invalid';

  it('applies an eep check id override to every .eep in the package (warning, then off)', async () => {
    const check = eepCheckOfIssueCode(codeOf)!;
    const plain = await validatePackage(await openDirectorySource(flipped));
    expect(plain.issues.filter((i) => i.code === codeOf).map((i) => i.severity)).toEqual(['error']);
    expect(plain.checks.find((c) => c.id === 'eep.packages')?.status).toBe('failed');

    const warned = await validatePackage(await openDirectorySource(flipped), { severity: { [check]: 'warning' } });
    expect(warned.issues.filter((i) => i.code === codeOf).map((i) => i.severity)).toEqual(['warning']);
    // A check fails exactly when it has an error (issue 15): warnings leave it passed.
    expect(warned.checks.find((c) => c.id === 'eep.packages')?.status).toBe('passed');

    const off = await validatePackage(await openDirectorySource(flipped), { severity: { [check]: 'off' } });
    expect(off.issues.map((i) => i.code)).not.toContain(codeOf);
  });

  it('leaves dat93 check overrides to the package run', async () => {
    const report = await validatePackage(await openDirectorySource(flipped), { severity: { 'metadata.length': 'off' } });
    expect(report.issues.filter((i) => i.code === codeOf).map((i) => i.severity)).toEqual(['error']);
  });
});
